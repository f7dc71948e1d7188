import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import type { ColumnMapping } from '../../src/shared/domain/spreadsheet';
import { count, events } from './support/db';
import { disposeHarnesses, freshArmoury, scratchDir, type Harness } from './support/harness';
import { writeCsv, writeXlsx, type XlsxValue } from './support/spreadsheet-files';
import { WEAPON_HEADERS, weaponLine, weaponRegister, weaponRow } from './support/spreadsheet-registers';

afterEach(disposeHarnesses);

/** The file's SHA-256 as coreutils computes it (what a commission analyst would run). */
const sha256sum = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];

/** A French register as Excel saves it, with a type word no vocabulary knows ("MAS 36") on rows 2 and 5. */
function frenchRegister(dir: string, name = 'Registre armes Kayès.csv', count = 8, prefix = 'KY', first = 1): string {
  const rows = weaponRegister(count, prefix, first);
  for (const k of [1, 4]) {
    const row = rows[3 + k] ?? [];
    row[4] = 'MAS 36';
  }
  const path = join(dir, name);
  writeCsv(path, rows, { encoding: 'windows-1252', separator: ';' });
  return path;
}

async function armouryWith(path: string): Promise<Harness> {
  const h = await freshArmoury();
  h.app.grantImportPaths([path]);
  return h;
}

describe('importing a French Windows-1252 weapons register', () => {
  it('detects the file, maps the headers, lists the unknown type word, then records every row with its source', async () => {
    const dir = scratchDir();
    const path = frenchRegister(dir);
    const h = await armouryWith(path);
    const shape = await h.ok('imports.inspect', { path, kind: 'weapons' });
    expect(shape).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';', rows: 8, savedMapping: false, missingRequired: [], previousImport: null });
    // Title line, blank line (dropped), then the headers on line 3: the second row that holds anything.
    expect(shape.mapping.headerRow).toBe(1);
    expect(shape.headers).toEqual(WEAPON_HEADERS);
    expect(shape.samples[0]?.[1]).toBe('00000001');
    expect(shape.mapping.columns).toMatchObject({ nationalCode: 0, serial: 1, manufacturer: 2, model: 3, type: 4, agency: 9, location: 10, acquisitionDate: 11 });

    const preview = await h.ok('imports.preview', { path, kind: 'weapons', mapping: shape.mapping });
    expect(preview.unknown).toEqual([{ field: 'type', value: 'MAS 36', count: 2, firstLine: weaponLine(1) }]);
    expect(preview.rows).toHaveLength(8);
    const first = preview.rows[0];
    expect(first?.line).toBe(weaponLine(0));
    expect(first?.values).toMatchObject({
      serial: '00000001', type: 'assault_rifle', countryOfManufacture: 'CN', agency: 'police', acquisitionDate: '2015-03-02',
      acquisitionMode: 'transfer_in', acquisitionSource: 'Dépôt central’s œuvre – 5 €', location: 'Râtelier B / 1',
    });
    expect(preview.rows[1]?.errors.map((e) => [e.line, e.column, e.header, e.field, e.code, e.value])).toEqual([
      [weaponLine(1), 'E', 'Type d’arme', 'type', 'unknown_value', 'MAS 36'],
    ]);

    // The user maps the word by hand: the check finds nothing left to correct.
    const mapping: ColumnMapping = { ...shape.mapping, values: { type: { 'MAS 36': 'rifle' } } };
    const check = await h.ok('imports.check', { path, kind: 'weapons', mapping });
    expect(check).toEqual({ rows: 8, valid: 8, invalid: 0, errors: [], errorCount: 0, duplicatesInFile: 0, duplicatesInRegister: 0, errorReport: null });

    const head = h.head();
    const result = await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false });
    expect(result).toMatchObject({ kind: 'weapons', fileName: 'Registre armes Kayès.csv', imported: 8, skipped: 0, errorReport: null });
    expect(result.fileSha256).toBe(sha256sum(path));

    const appended = events(h.db).filter((e) => e.seq > head.seq);
    expect(appended.map((e) => e.type)).toEqual([...Array(8).fill('weapon.registered'), 'import.completed']);
    appended.slice(0, 8).forEach((e, k) => {
      expect((e.data as { source: unknown }).source).toEqual({ fileName: 'Registre armes Kayès.csv', fileSha256: sha256sum(path), line: weaponLine(k) });
    });
    const completed = appended[8];
    expect(completed?.seq).toBe(result.importId);
    expect(completed?.data).toMatchObject({
      kind: 'weapons', rows: 8, imported: 8, skipped: 0, firstSeq: head.seq + 1, lastSeq: head.seq + 8, mapping, size: shape.size,
    });

    const weapon = await h.ok('weapons.get', { id: head.seq + 2 });
    expect(weapon.weapon).toMatchObject({
      nationalCode: 'ML-PN-KY000002', serial: '00000002', type: 'rifle', calibre: '7,62x39', countryOfManufacture: 'CN', yearOfManufacture: 1985,
      markingLocation: 'Boîte de culasse, côté gauche', acquisitionDate: '2015-03-03', acquisitionSource: 'Dépôt central’s œuvre – 5 €', status: 'in_store',
    });
    const list = await h.ok('imports.list', {});
    expect(list).toEqual([
      { id: result.importId, at: completed?.at, actor: 'Awa Traoré', kind: 'weapons', fileName: 'Registre armes Kayès.csv', fileSha256: result.fileSha256, rows: 8, imported: 8, skipped: 0 },
    ]);
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('offers the saved mapping for the next file of the same shape, and says when this very file was imported', async () => {
    const dir = scratchDir();
    const first = frenchRegister(dir, 'janvier.csv', 4, 'JA');
    const second = frenchRegister(dir, 'fevrier.csv', 6, 'FE', 101);
    const h = await armouryWith(first);
    h.app.grantImportPaths([second]);
    const shape = await h.ok('imports.inspect', { path: first, kind: 'weapons' });
    const mapping: ColumnMapping = { ...shape.mapping, constants: { condition: 'serviceable' }, values: { type: { 'MAS 36': 'rifle' } } };
    const result = await h.ok('imports.run', { path: first, kind: 'weapons', mapping, skipInvalid: false });

    const again = await h.ok('imports.inspect', { path: first, kind: 'weapons' });
    expect(again.previousImport).toEqual({ at: events(h.db).find((e) => e.seq === result.importId)?.at, imported: 4 });
    const next = await h.ok('imports.inspect', { path: second, kind: 'weapons' });
    expect(next).toMatchObject({ savedMapping: true, mapping, previousImport: null });
    // Officers are another kind: the weapons mapping is not offered for them.
    expect((await h.ok('imports.inspect', { path: second, kind: 'officers' })).savedMapping).toBe(false);
    await h.ok('imports.run', { path: second, kind: 'weapons', mapping: next.mapping, skipInvalid: false });
    expect(count(h.db, 'weapons')).toBe(10);
  });

  it('imports an XLSX register: serials kept as text, date cells and number cells read as such', async () => {
    const dir = scratchDir();
    const path = join(dir, 'registre.xlsx');
    const rows: XlsxValue[][] = [['Registre des armes (extrait)'], WEAPON_HEADERS];
    for (let i = 1; i <= 5; i++) {
      const row: XlsxValue[] = weaponRow(i, 'XL');
      row[7] = 1980 + i; // Année as a number cell
      row[11] = new Date(Date.UTC(2016, 4, i)); // Date d'acquisition as a date cell
      rows.push(row);
    }
    await writeXlsx(path, rows, { textColumns: [1] });
    const h = await armouryWith(path);
    const shape = await h.ok('imports.inspect', { path, kind: 'weapons' });
    expect(shape).toMatchObject({ format: 'xlsx', encoding: null, separator: null, rows: 5, missingRequired: [] });
    const result = await h.ok('imports.run', { path, kind: 'weapons', mapping: shape.mapping, skipInvalid: false });
    expect(result.imported).toBe(5);
    const stored = h.db.prepare("SELECT serial, year, acquisition_date AS date FROM weapons WHERE national_code = 'ML-PN-XL000003'").get();
    expect(stored).toEqual({ serial: '00000003', year: 1983, date: '2016-05-03' });
    const source = events(h.db).find((e) => e.type === 'weapon.registered' && (e.data as { nationalCode: string }).nationalCode === 'ML-PN-XL000003')?.data as {
      source: unknown;
    };
    expect(source.source).toEqual({ fileName: 'registre.xlsx', fileSha256: sha256sum(path), line: 5 });
    expect(verifyDatabase(h.db).ok).toBe(true);
  });
});

describe('what the importer refuses', () => {
  it('reads only the files granted by the open dialog', async () => {
    const dir = scratchDir();
    const path = frenchRegister(dir);
    const h = await freshArmoury();
    const head = h.head();
    const mapping = { headerRow: 1, columns: { nationalCode: 0 } };
    for (const [op, input] of [
      ['imports.inspect', { path, kind: 'weapons' }],
      ['imports.preview', { path, kind: 'weapons', mapping }],
      ['imports.check', { path, kind: 'weapons', mapping }],
      ['imports.run', { path, kind: 'weapons', mapping, skipInvalid: true }],
    ] as const) {
      expect((await h.fail(op, input as never)).code, op).toBe('import_path_not_granted');
    }
    // Granting one file grants no other, even in the same folder.
    h.app.grantImportPaths([join(dir, 'autre.csv')]);
    expect((await h.fail('imports.inspect', { path, kind: 'weapons' })).code).toBe('import_path_not_granted');
    expect(h.head()).toEqual(head);
  });

  it('refuses a mapping that cannot fit the file, naming each field', async () => {
    const dir = scratchDir();
    const path = frenchRegister(dir);
    const h = await armouryWith(path);
    const shape = await h.ok('imports.inspect', { path, kind: 'weapons' });
    const { agency: _agency, model: _model, ...columns } = shape.mapping.columns;
    const mapping: ColumnMapping = {
      ...shape.mapping,
      columns: { ...columns, serial: 40, colour: 3 },
      constants: { agency: 'xyz' },
    };
    for (const op of ['imports.preview', 'imports.check', 'imports.run'] as const) {
      const input = { path, kind: 'weapons', mapping, ...(op === 'imports.run' ? { skipInvalid: true } : {}) };
      const error = await h.fail(op, input as never);
      expect(error.code, op).toBe('import_mapping_invalid');
      expect(error.fields, op).toEqual({
        serial: { code: 'column_missing' },
        colour: { code: 'not_in_list' },
        agency: { code: 'unknown_value', params: { value: 'xyz' } },
        model: { code: 'no_column' },
      });
    }
    expect(count(h.db, 'weapons')).toBe(0);
  });
});
