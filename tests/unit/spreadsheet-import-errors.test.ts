import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import enRegister from '../../locales/en/register.json';
import enSheets from '../../locales/en/sheets.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import frRegister from '../../locales/fr/register.json';
import frSheets from '../../locales/fr/sheets.json';
import { exportsFolder } from '../../src/main/core/snapshot/handlers';
import type { ColumnMapping, RowError } from '../../src/shared/domain/spreadsheet';
import { count, dumpProjections } from './support/db';
import { disposeHarnesses, freshArmoury, scratchDir, type Harness } from './support/harness';
import { writeCsv } from './support/spreadsheet-files';
import { weaponLine, weaponRegister } from './support/spreadsheet-registers';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

/**
 * Eight weapons, four of them wrong: row 2 (line 5) an impossible date, row 3 (line 6) no serial,
 * row 4 (line 7) an agency no word matches, row 6 (line 9) a national code too short that looks
 * like a formula.
 */
function registerWithErrors(dir: string): string {
  const rows = weaponRegister(8, 'ER');
  const at = (k: number) => rows[3 + k] ?? [];
  at(1)[11] = '31/02/2015';
  at(2)[1] = '';
  at(3)[9] = 'Pompiers';
  at(5)[0] = '+1';
  const path = join(dir, 'registre à corriger.csv');
  writeCsv(path, rows, { encoding: 'windows-1252' });
  return path;
}

async function prepared(path: string): Promise<{ h: Harness; mapping: ColumnMapping }> {
  const h = await freshArmoury();
  h.app.grantImportPaths([path]);
  const { mapping } = await h.ok('imports.inspect', { path, kind: 'weapons' });
  return { h, mapping };
}

const brief = (e: RowError) => [e.line, e.column, e.header, e.field, e.code, e.params, e.value];

/** The report as a spreadsheet reads it: BOM, separator, CRLF, every cell quoted. */
function readReport(h: Harness, name: string, separator: ';' | ','): string[][] {
  const bytes = readFileSync(join(exportsFolder(h.dir), name));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line.startsWith('"') && line.endsWith('"')).toBe(true);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const fill = (message: string, params: Record<string, string | number>) => message.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));

describe('row errors', () => {
  it('are listed by line, column and header, and the French report says the same in French', async () => {
    const dir = scratchDir();
    const path = registerWithErrors(dir);
    const { h, mapping } = await prepared(path);
    const check = await h.ok('imports.check', { path, kind: 'weapons', mapping });
    expect(check).toMatchObject({ rows: 8, valid: 4, invalid: 4, errorCount: 4, duplicatesInFile: 0, duplicatesInRegister: 0 });
    expect(check.errors.map(brief)).toEqual([
      [weaponLine(1), 'L', 'Date d’acquisition', 'acquisitionDate', 'not_a_date', {}, '31/02/2015'],
      [weaponLine(2), 'B', 'N° de série', 'serial', 'required', {}, ''],
      [weaponLine(3), 'J', 'Service', 'agency', 'unknown_value', { value: 'Pompiers' }, 'Pompiers'],
      [weaponLine(5), 'A', 'N° national', 'nationalCode', 'too_short', { min: 3 }, '+1'],
    ]);
    expect(check.errorReport).toMatch(/^registre_a_corriger-errors-\d{8}-\d{6}\.csv$/);

    const report = readReport(h, check.errorReport ?? '', ';');
    const r = frSheets.report;
    expect(report[0]).toEqual([r.line, r.column, r.header, r.field, r.error, r.value]);
    expect(report.slice(1)).toEqual([
      [String(weaponLine(1)), 'L', 'Date d’acquisition', frRegister.field.acquisitionDate, frFieldErrors.not_a_date, '31/02/2015'],
      [String(weaponLine(2)), 'B', 'N° de série', frRegister.field.serial, frFieldErrors.required, ''],
      [String(weaponLine(3)), 'J', 'Service', frRegister.field.agency, fill(frFieldErrors.unknown_value, { value: 'Pompiers' }), 'Pompiers'],
      // "+1" would be a formula in a spreadsheet: the report neutralises it.
      [String(weaponLine(5)), 'A', 'N° national', frRegister.field.nationalCode, fill(frFieldErrors.too_short, { min: 3 }), "'+1"],
    ]);
    expect(count(h.db, 'weapons')).toBe(0);
  });

  it('are reported in English with commas when the session is in English', async () => {
    const dir = scratchDir();
    const path = registerWithErrors(dir);
    const { h, mapping } = await prepared(path);
    await h.ok('auth.setLanguage', { language: 'en' });
    const check = await h.ok('imports.check', { path, kind: 'weapons', mapping });
    const report = readReport(h, check.errorReport ?? '', ',');
    const r = enSheets.report;
    expect(report[0]).toEqual([r.line, r.column, r.header, r.field, r.error, r.value]);
    expect(report[3]).toEqual([String(weaponLine(3)), 'J', 'Service', enRegister.field.agency, fill(enFieldErrors.unknown_value, { value: 'Pompiers' }), 'Pompiers']);
    expect(report).toHaveLength(5);
  });
});

describe('invalid rows', () => {
  it('refuse the whole import unless the user chooses to skip them; skipped, they are in the report', async () => {
    const dir = scratchDir();
    const path = registerWithErrors(dir);
    const { h, mapping } = await prepared(path);
    const before = { head: h.head(), projections: dumpProjections(h.db) };
    const refused = await h.fail('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false });
    expect(refused).toMatchObject({ code: 'import_has_errors', params: { invalid: 4 } });
    expect({ head: h.head(), projections: dumpProjections(h.db) }).toEqual(before);

    const result = await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 4, skipped: 4 });
    const codes = (h.db.prepare('SELECT national_code AS c FROM weapons ORDER BY id').all() as { c: string }[]).map((w) => w.c);
    expect(codes).toEqual(['ML-PN-ER000001', 'ML-PN-ER000005', 'ML-PN-ER000007', 'ML-PN-ER000008']);
    const report = readReport(h, result.errorReport ?? '', ';');
    expect(report.slice(1).map((row) => Number(row[0]))).toEqual([5, 6, 7, 9]);
    const list = await h.ok('imports.list', {});
    expect(list[0]).toMatchObject({ rows: 8, imported: 4, skipped: 4 });
  });

  it('refuses a file with no valid row even when skipping, and a file with no row at all', async () => {
    const dir = scratchDir();
    const allBad = join(dir, 'tout-faux.csv');
    const rows = weaponRegister(3, 'ZZ').map((row, i) => (i >= 3 ? row.map((cell, c) => (c === 1 ? '' : cell)) : row));
    writeCsv(allBad, rows, { encoding: 'windows-1252' });
    const empty = join(dir, 'vide.csv');
    writeCsv(empty, weaponRegister(0, 'ZZ').slice(2), { encoding: 'windows-1252' });
    const { h, mapping } = await prepared(allBad);
    h.app.grantImportPaths([empty]);
    const head = h.head();
    expect(await h.fail('imports.run', { path: allBad, kind: 'weapons', mapping, skipInvalid: true })).toMatchObject({ code: 'import_has_errors', params: { invalid: 3 } });
    const headerOnly = { ...mapping, headerRow: 0 };
    for (const op of ['imports.check', 'imports.run'] as const) {
      const input = { path: empty, kind: 'weapons', mapping: headerOnly, ...(op === 'imports.run' ? { skipInvalid: true } : {}) };
      expect(await h.fail(op, input as never), op).toMatchObject({ code: 'spreadsheet_empty', params: { fileName: 'vide.csv' } });
    }
    expect(h.head()).toEqual(head);
  });
});

describe('duplicates', () => {
  it('are caught inside the file and against the register, on each identifier separately', async () => {
    const dir = scratchDir();
    const h = await freshArmoury();
    const held = await h.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-REG0001', serial: 'REG-77', manufacturer: 'Norinco', model: 'Type 56' }));
    const rows = weaponRegister(6, 'DU');
    const at = (k: number) => rows[3 + k] ?? [];
    // Row 2 repeats row 1's national code; row 3 repeats row 1's make, model and serial (another code).
    at(1)[0] = at(0)[0] ?? '';
    at(2).splice(1, 3, at(0)[1] ?? '', at(0)[2] ?? '', at(0)[3] ?? '');
    // Row 4 holds the register's national code (written differently); row 5 its make, model and serial.
    at(3)[0] = ' ml-pn-reg0001 ';
    at(4).splice(1, 3, 'reg-77', 'NORINCO', 'type 56');
    // Row 6 repeats both identifiers of row 1: two errors.
    at(5).splice(0, 4, at(0)[0] ?? '', at(0)[1] ?? '', at(0)[2] ?? '', at(0)[3] ?? '');
    const path = join(dir, 'doublons.csv');
    writeCsv(path, rows, { encoding: 'windows-1252' });
    h.app.grantImportPaths([path]);
    const { mapping } = await h.ok('imports.inspect', { path, kind: 'weapons' });
    const check = await h.ok('imports.check', { path, kind: 'weapons', mapping });
    expect(check).toMatchObject({ rows: 6, valid: 1, invalid: 5, duplicatesInFile: 3, duplicatesInRegister: 2 });
    const first = weaponLine(0);
    expect(check.errors.map((e) => [e.line, e.field, e.code, e.params])).toEqual([
      [weaponLine(1), 'nationalCode', 'duplicate_in_file', { line: first }],
      [weaponLine(2), 'serial', 'duplicate_in_file', { line: first }],
      [weaponLine(3), 'nationalCode', 'duplicate_national_code', { weaponId: held.id, value: 'ML-PN-REG0001' }],
      [weaponLine(4), 'serial', 'duplicate_serial', { weaponId: held.id, value: 'ML-PN-REG0001' }],
      [weaponLine(5), 'nationalCode', 'duplicate_in_file', { line: first }],
      [weaponLine(5), 'serial', 'duplicate_in_file', { line: first }],
    ]);
    const result = await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 1, skipped: 5 });
    expect(count(h.db, 'weapons')).toBe(2);
  });

  it('registered by someone else between the check and the run are refused by the run itself', async () => {
    const dir = scratchDir();
    const path = join(dir, 'registre.csv');
    writeCsv(path, weaponRegister(3, 'RC'), { encoding: 'windows-1252' });
    const h = await freshArmoury();
    h.app.grantImportPaths([path]);
    const { mapping } = await h.ok('imports.inspect', { path, kind: 'weapons' });
    expect((await h.ok('imports.check', { path, kind: 'weapons', mapping })).valid).toBe(3);
    const other = await h.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-RC000002' }));
    const refused = await h.fail('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false });
    expect(refused).toMatchObject({ code: 'import_has_errors', params: { invalid: 1 } });
    const result = await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 2, skipped: 1 });
    const report = readReport(h, result.errorReport ?? '', ';');
    expect(report[1]?.slice(0, 2)).toEqual([String(weaponLine(1)), 'A']);
    expect(report[1]?.[4]).toBe(fill(frFieldErrors.duplicate_national_code, { weaponId: other.id, value: 'ML-PN-RC000002' }));
  });
});
