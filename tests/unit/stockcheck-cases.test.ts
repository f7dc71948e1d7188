import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { approver, newStore, receiveNew } from './support/ammunition';
import { handoverWeapon, openDirect } from './support/cases';
import { dumpProjections, events, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, type Harness } from './support/harness';
import { legacyClose } from './support/legacy-stockcheck';
import { weaponInput } from './support/weapons';

let template: Template;

/** Three weapons on the shelves, a lot in two bays of one store. */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const reg = async (nationalCode: string, extra: Parameters<typeof weaponInput>[0] = {}) =>
      (await h.ok('weapons.register', weaponInput({ nationalCode, ...extra }))).id;
    const w1 = await reg('ML-PN-K0001', { manufacturer: 'Beretta', model: '92FS', type: 'pistol', calibre: '9x19mm' });
    const w2 = await reg('ML-PN-K0002');
    const w3 = await reg('ML-PN-K0003');
    const north = await newStore(h, { code: 'MAG-K', bays: ['A1', 'A2'] });
    const ball = await receiveNew(h, north, 1_000, { lotNumber: 'BALL-K' });
    await receiveNew(h, north, 200, { lotNumber: 'PARA-K' }, 'A2');
    return { ...staff, w1, w2, w3, north, ball };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

/** A full check with w3 missing, one unknown code, BALL-K 40 short at A1 and the A2 lot 5 over. */
async function counted(h: Harness): Promise<number> {
  const check = await h.ok('stockchecks.start', { scope: 'full' });
  const lots = (await h.ok('stockchecks.sheet', { id: check.id })).lots.map((l) => ({
    lotId: l.lotId, storeId: l.storeId, bay: l.bay, quantity: l.bay === 'A1' ? 960 : 205,
  }));
  await h.ok('stockchecks.count', { checkId: check.id, weapons: [info('w1'), info('w2')], unknown: ['ZZ-INCONNU-9'], lots });
  return check.id;
}

const facts = (h: Harness, id: number) =>
  h.ok('stockchecks.report', { id }).then((r) => r.cases.map((c) => [c.subject, c.weapon?.id ?? null, c.lot?.lotNumber ?? null, c.checkId, c.code, c.place, c.book, c.counted, c.note]));

describe('stock check cases carry their facts as fields', () => {
  it('writes the check, the unknown code, the place, the book and the count into case.opened, with no note', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const checkId = await counted(h);
    const report = await h.ok('stockchecks.close', { checkId, witness: approver('manager'), note: '' });
    const opened = events(h.db).filter((e) => e.type === 'case.opened').map((e) => e.data);
    expect(opened).toEqual([
      expect.objectContaining({ source: 'stock_check', subject: 'weapon', weaponId: info('w3'), checkId, note: '' }),
      expect.objectContaining({ source: 'stock_check', subject: 'weapon', checkId, code: 'ZZ-INCONNU-9', note: '' }),
      expect.objectContaining({ subject: 'rounds', lotId: info('ball'), quantity: 40, checkId, place: { storeId: info('north'), bay: 'A1' }, book: 1000, counted: 960, note: '' }),
      expect.objectContaining({ subject: 'rounds', quantity: 5, checkId, place: { storeId: info('north'), bay: 'A2' }, book: 200, counted: 205, note: '' }),
    ]);
    const place = (bay: string) => ({ storeId: info('north'), storeCode: 'MAG-K', bay });
    const expected = [
      ['weapon', info('w3'), null, checkId, '', null, null, null, ''],
      ['weapon', null, null, checkId, 'ZZ-INCONNU-9', null, null, null, ''],
      ['rounds', null, 'BALL-K', checkId, '', place('A1'), 1000, 960, ''],
      ['rounds', null, 'PARA-K', checkId, '', place('A2'), 200, 205, ''],
    ];
    expect(await facts(h, checkId)).toEqual(expected);
    // the case screen reads the same fields
    const second = report.cases[1] ?? expect.fail('no unknown-code case');
    expect((await h.ok('cases.get', { id: second.id })).case).toMatchObject({ checkId, code: 'ZZ-INCONNU-9', place: null, book: null, counted: null, note: '' });
    expect(dumpProjections(replay(h.db))).toEqual(dumpProjections(h.db));
  });

  it('finds a check’s cases by check, not by their place in the journal', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const first = await counted(h);
    const second = await h.ok('stockchecks.start', { scope: 'weapons' });
    await h.ok('stockchecks.count', { checkId: second.id, weapons: [info('w1'), info('w2'), info('w3')] });
    await h.ok('stockchecks.close', { checkId: first, witness: approver('manager') });
    await h.ok('stockchecks.close', { checkId: second.id, witness: approver('manager') });
    expect((await h.ok('stockchecks.report', { id: first })).cases).toHaveLength(4);
    expect((await h.ok('stockchecks.report', { id: second.id })).cases).toEqual([]);
  });

  it('keeps a case’s own note, and a case from elsewhere names no check', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const id = openDirect(h, { ...handoverWeapon(info('w2')), note: 'Vu au poste de garde' });
    expect((await h.ok('cases.get', { id })).case).toMatchObject({ note: 'Vu au poste de garde', checkId: null, code: '', place: null, book: null, counted: null });
  });

  it('gives the count sheet each weapon’s manufacturer and calibre, and still no book', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'weapons' });
    const sheet = await h.ok('stockchecks.sheet', { id: check.id });
    expect(sheet.weapons.find((w) => w.id === info('w1'))).toMatchObject({ manufacturer: 'Beretta', model: '92FS', calibre: '9x19mm' });
    expect(JSON.stringify(sheet.weapons)).not.toMatch(/"book"|"status"/);
  });
});

describe('stock check cases written before schema 5', () => {
  it('read their check, code, place, book and count from the check they follow, the same at a replay', async () => {
    const h = template.copy();
    await h.login('manager');
    const checkId = await counted(h);
    legacyClose(h, checkId);
    const notes = events(h.db).filter((e) => e.type === 'case.opened').map((e) => (e.data as { note: string }).note);
    expect(notes).toEqual(['', 'ZZ-INCONNU-9', 'shortage: book 1000, counted 960 (MAG-K A1)', 'surplus: book 200, counted 205 (MAG-K A2)']);
    const place = (bay: string) => ({ storeId: info('north'), storeCode: 'MAG-K', bay });
    expect(await facts(h, checkId)).toEqual([
      ['weapon', info('w3'), null, checkId, '', null, null, null, ''],
      ['weapon', null, null, checkId, 'ZZ-INCONNU-9', null, null, null, ''],
      ['rounds', null, 'BALL-K', checkId, '', place('A1'), 1000, 960, ''],
      ['rounds', null, 'PARA-K', checkId, '', place('A2'), 200, 205, ''],
    ]);
    // a later case about nothing of that check keeps its note and names no check
    const later = openDirect(h, { source: 'stock_check', subject: 'weapon', weaponId: info('w1'), quantity: 1, note: 'Ouvert à la main' });
    expect((await h.ok('cases.get', { id: later })).case).toMatchObject({ checkId: null, note: 'Ouvert à la main' });
    expect(dumpProjections(replay(h.db))).toEqual(dumpProjections(h.db));
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });
});
