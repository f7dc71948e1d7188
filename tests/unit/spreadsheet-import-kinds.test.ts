import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { balances, licence, newStore, qty, receiveNew } from './support/ammunition';
import { count, events, fileHash } from './support/db';
import { disposeHarnesses, freshArmoury, scratchDir, type Harness } from './support/harness';
import { registerOfficer } from './support/officers';
import { writeCsv, writeXlsx } from './support/spreadsheet-files';
import { LOT_HEADERS, lotRegister, OFFICER_HEADERS, officerRegister } from './support/spreadsheet-registers';

afterEach(disposeHarnesses);

async function importReady(h: Harness, path: string, kind: 'officers' | 'lots') {
  h.app.grantImportPaths([path]);
  const shape = await h.ok('imports.inspect', { path, kind });
  expect(shape.missingRequired).toEqual([]);
  return shape.mapping;
}

describe('officers', () => {
  it('come in from a UTF-8 CSV with commas: service numbers with their zeros, agencies in words, source on each event', async () => {
    const dir = scratchDir();
    const path = join(dir, 'personnel.csv');
    writeCsv(path, officerRegister(5), { encoding: 'utf-8-bom', separator: ',' });
    const h = await freshArmoury();
    const mapping = await importReady(h, path, 'officers');
    expect(mapping.columns).toEqual({ serviceNumber: 0, name: 1, rank: 2, unit: 3, agency: 4 });
    const head = h.head();
    const result = await h.ok('imports.run', { path, kind: 'officers', mapping, skipInvalid: false });
    expect(result).toMatchObject({ kind: 'officers', imported: 5, skipped: 0 });
    const officers = h.db.prepare('SELECT service_number AS n, name, agency FROM officers ORDER BY id').all();
    expect(officers[0]).toEqual({ n: '0KY-0001', name: 'Traoré Aminata 1', agency: 'gendarmerie' });
    expect(officers[1]).toEqual({ n: '0KY-0002', name: 'Traoré Aminata 2', agency: 'police' });
    const registered = events(h.db).filter((e) => e.seq > head.seq && e.type === 'officer.registered');
    expect(registered.map((e) => (e.data as { source: unknown }).source)).toEqual(
      [2, 3, 4, 5, 6].map((line) => ({ fileName: 'personnel.csv', fileSha256: fileHash(path), line })),
    );
    expect(verifyDatabase(h.db).ok).toBe(true);
  });

  it('from an XLSX: a service number already registered or twice in the file is refused on its own row', async () => {
    const dir = scratchDir();
    const path = join(dir, 'personnel.xlsx');
    const rows = officerRegister(4, 'XL');
    (rows[3] ?? [])[0] = rows[1]?.[0] ?? '';
    await writeXlsx(path, rows, { textColumns: [0] });
    const h = await freshArmoury();
    const held = await registerOfficer(h, { serviceNumber: '0xl-0002' });
    const mapping = await importReady(h, path, 'officers');
    const check = await h.ok('imports.check', { path, kind: 'officers', mapping });
    expect(check).toMatchObject({ rows: 4, valid: 2, invalid: 2, duplicatesInFile: 1, duplicatesInRegister: 1 });
    expect(check.errors.map((e) => [e.line, e.column, e.header, e.code, e.params])).toEqual([
      [3, 'A', OFFICER_HEADERS[0], 'service_number_taken', { officerId: held.id, value: '0xl-0002' }],
      [4, 'A', OFFICER_HEADERS[0], 'duplicate_in_file', { line: 2 }],
    ]);
    const result = await h.ok('imports.run', { path, kind: 'officers', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 2, skipped: 2 });
    expect(count(h.db, 'officers')).toBe(3);
  });
});

describe('ammunition lots', () => {
  it('are received into the store named by its code or its name, with the receipt and the source in each event', async () => {
    const dir = scratchDir();
    const h = await freshArmoury();
    const storeId = await newStore(h, { code: 'MAG-KY', name: 'Magasin central de Kayes' });
    const rows = lotRegister(3, 'mag-ky');
    (rows[2] ?? [])[13] = 'Magasin Central de Kayes';
    (rows[3] ?? [])[14] = '';
    const path = join(dir, 'lots.csv');
    writeCsv(path, rows, { encoding: 'windows-1252' });
    const mapping = await importReady(h, path, 'lots');
    const preview = await h.ok('imports.preview', { path, kind: 'lots', mapping });
    expect(preview.rows[0]?.values).toMatchObject({
      lotNumber: 'L-001', store: 'MAG-KY', bay: 'A1', unNumber: '0012', neqPerUnitKg: '0.001', quantity: '1000', date: '2024-01-15', hazardDivision: '1.4', country: 'CN',
    });
    const head = h.head();
    const result = await h.ok('imports.run', { path, kind: 'lots', mapping, skipInvalid: false });
    expect(result).toMatchObject({ kind: 'lots', imported: 3, skipped: 0 });
    const received = events(h.db).filter((e) => e.seq > head.seq);
    expect(received.map((e) => e.type)).toEqual(['ammo.received', 'ammo.received', 'ammo.received', 'import.completed']);
    expect(received[1]?.data).toMatchObject({
      storeId, bay: 'A1', quantity: 2000, date: '2024-01-15', source: 'Dépôt central', document: 'BL-2',
      lot: { lotNumber: 'L-002', nature: 'Cartouche 7,62x39 mm ordinaire', unNumber: '0012', neqPerUnitKg: 0.001, compatibilityGroup: 'S' },
      importSource: { fileName: 'lots.csv', fileSha256: fileHash(path), line: 3 },
    });
    expect(qty(h.db, head.seq + 2, storeId, 'A1')).toBe(2000);
    expect(qty(h.db, head.seq + 3, storeId, '')).toBe(3000);
    expect(verifyDatabase(h.db).ok).toBe(true);
  });

  it('an unknown store or bay, a lot already held and a lot twice in the file are row errors', async () => {
    const dir = scratchDir();
    const h = await freshArmoury();
    const storeId = await newStore(h, { code: 'MAG-1' });
    const held = await receiveNew(h, storeId, 10, { lotNumber: 'l-002', calibre: '7,62X39', manufacturer: 'NORINCO' });
    const rows = lotRegister(5, 'MAG-1');
    (rows[1] ?? [])[13] = 'MAG-9';
    (rows[3] ?? [])[14] = 'Z9';
    (rows[5] ?? [])[0] = 'L-004';
    const path = join(dir, 'lots.xlsx');
    await writeXlsx(path, rows);
    const mapping = await importReady(h, path, 'lots');
    const check = await h.ok('imports.check', { path, kind: 'lots', mapping });
    expect(check.errors.map((e) => [e.line, e.column, e.field, e.code, e.params])).toEqual([
      [2, 'N', 'store', 'store_not_found', { value: 'MAG-9' }],
      [3, 'A', 'lotNumber', 'lot_number_taken', { lotId: held, value: 'l-002' }],
      [4, 'O', 'bay', 'bay_not_found', { store: 'MAG-1', bay: 'Z9' }],
      [6, 'A', 'lotNumber', 'duplicate_in_file', { line: 5 }],
    ]);
    expect(check).toMatchObject({ valid: 1, invalid: 4, duplicatesInFile: 1, duplicatesInRegister: 1 });
    const head = h.head();
    const result = await h.ok('imports.run', { path, kind: 'lots', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 1, skipped: 4 });
    const received = events(h.db).find((e) => e.seq === head.seq + 1);
    expect(received?.data).toMatchObject({ storeId, bay: 'A1', quantity: 4000, lot: { lotNumber: 'L-004' }, importSource: { fileName: 'lots.xlsx', line: 5 } });
    expect(qty(h.db, head.seq + 1, storeId, 'A1')).toBe(4000);
  });

  it('keep the store rules: a licence exceeded or groups that may not mix refuse the row at the check, nothing is written', async () => {
    const dir = scratchDir();
    const h = await freshArmoury();
    await newStore(h, { code: 'MAG-P', licence: licence({ '1.3': 100, '1.4': 2.5 }) });
    const rows = lotRegister(5, 'MAG-P');
    // 1 kg, 2 kg (3 kg: over the 2.5 kg licence), group L then K beside the S already received.
    (rows[1] ?? [])[15] = '1000';
    (rows[2] ?? [])[15] = '2000';
    (rows[3] ?? [])[15] = '1000';
    rows[4]?.splice(6, 2, '1.3', 'L');
    rows[5]?.splice(6, 2, '1.3', 'K');
    const path = join(dir, 'lots.csv');
    writeCsv(path, rows);
    const mapping = await importReady(h, path, 'lots');
    const head = h.head();
    const before = balances(h.db);
    const check = await h.ok('imports.check', { path, kind: 'lots', mapping });
    expect(check.errors.map((e) => [e.line, e.column, e.header, e.field, e.code])).toEqual([
      [3, 'P', LOT_HEADERS[15], 'quantity', 'neq_limit_exceeded'],
      [5, 'H', LOT_HEADERS[7], 'compatibilityGroup', 'incompatible_groups'],
      [6, 'H', LOT_HEADERS[7], 'compatibilityGroup', 'compatibility_override_required'],
    ]);
    expect(check.errors[0]?.params).toMatchObject({ division: '1.4', total: 3, limit: 2.5, store: 'MAG-P' });
    expect(check).toMatchObject({ rows: 5, valid: 2, invalid: 3 });
    expect(h.head()).toEqual(head);
    expect(balances(h.db)).toEqual(before);

    const result = await h.ok('imports.run', { path, kind: 'lots', mapping, skipInvalid: true });
    expect(result).toMatchObject({ imported: 2, skipped: 3 });
    expect(count(h.db, 'lots')).toBe(2);
    expect(verifyDatabase(h.db).ok).toBe(true);
  });
});
