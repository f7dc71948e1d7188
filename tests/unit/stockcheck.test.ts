import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import type { OpInput } from '../../src/shared/contract';
import { addMonths } from '../../src/main/core/stockcheck/schedule';
import { localToday } from '../../src/shared/domain/weapon';
import { approver, newStore, receiveNew, refused } from './support/ammunition';
import { dumpProjections, events, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, TestClock, type Harness } from './support/harness';
import { today, weaponInput } from './support/weapons';

const DAY = 86_400_000;
let template: Template;

/**
 * Four weapons on the shelves, one in maintenance (not on the book's shelves); two stores, one lot
 * in two bays of the first and one lot in the second.
 */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const reg = async (nationalCode: string, location: string) => (await h.ok('weapons.register', weaponInput({ nationalCode, location }))).id;
    const b2 = await reg('ML-PN-S0002', 'Râtelier B / 1');
    const a1 = await reg('ML-PN-S0003', 'Râtelier A / 1');
    const a0 = await reg('ML-PN-S0001', 'Râtelier A / 1');
    const c1 = await reg('ML-PN-S0004', 'Armoire forte');
    const away = await reg('ML-PN-S0005', 'Râtelier A / 2');
    await h.ok('weapons.maintenanceOut', { weaponId: away, workshop: 'Atelier central', reason: 'Révision annuelle' });
    const north = await newStore(h, { code: 'MAG-N', bays: ['A1', 'A2'] });
    const south = await newStore(h, { code: 'MAG-S', bays: ['B1'] });
    const ball = await receiveNew(h, north, 1_000, { lotNumber: 'BALL-2015' });
    await h.ok('ammo.receive', { lotId: ball, place: { storeId: north, bay: 'A2' }, quantity: 300, date: today(), source: 'Complément' });
    const para = await receiveNew(h, south, 500, { lotNumber: 'PARA-2019' }, 'B1');
    return { ...staff, a0, a1, b2, c1, away, north, south, ball, para };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);
const present = () => [info('a0'), info('a1'), info('b2'), info('c1')];

async function as(role: 'manager' | 'storekeeper' | 'auditor', clock?: TestClock): Promise<Harness> {
  const h = template.copy(clock ? { clock } : {});
  await h.login(role);
  return h;
}

const place = (lot: 'ball' | 'para', bay: string, quantity: number) =>
  ({ lotId: info(lot), storeId: info(lot === 'ball' ? 'north' : 'south'), bay, quantity });

describe('starting a check', () => {
  it('puts every weapon on the shelves and every lot place on a full check, blind', async () => {
    const h = await as('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'full', note: 'Inventaire trimestriel' });
    expect(check).toMatchObject({ scope: 'full', status: 'open', storeId: null, weapons: 4, weaponsCounted: 0, lots: 3, lotsCounted: 0, witness: null, note: 'Inventaire trimestriel' });
    expect(check.counter.id).toBe(info('storekeeper'));
    const sheet = await h.ok('stockchecks.sheet', { id: check.id });
    expect(sheet.weapons.map((w) => w.nationalCode)).toEqual(['ML-PN-S0004', 'ML-PN-S0001', 'ML-PN-S0003', 'ML-PN-S0002']);
    expect(sheet.lots.map((l) => [l.storeCode, l.bay, l.lotNumber, l.counted])).toEqual([
      ['MAG-N', 'A1', 'BALL-2015', null], ['MAG-N', 'A2', 'BALL-2015', null], ['MAG-S', 'B1', 'PARA-2019', null],
    ]);
    // blind: no book quantity, no weapon status anywhere in what the counter sees
    const json = JSON.stringify(sheet);
    expect(json).not.toMatch(/"book"/);
    expect(json).not.toMatch(/in_store|"status":"(in_store|maintenance)/);
    expect(json).not.toContain('"quantity"');
    expect(events(h.db).at(-1)).toMatchObject({ type: 'stockcheck.started', actor: info('storekeeper'), data: { scope: 'full', note: 'Inventaire trimestriel' } });
  });

  it('limits the sheet to the scope: weapons, ammunition, one store', async () => {
    const h = await as('storekeeper');
    expect(await h.ok('stockchecks.start', { scope: 'weapons' })).toMatchObject({ weapons: 4, lots: 0 });
    expect(await h.ok('stockchecks.start', { scope: 'ammunition' })).toMatchObject({ weapons: 0, lots: 3 });
    const south = await h.ok('stockchecks.start', { scope: 'store', storeId: info('south') });
    expect(south).toMatchObject({ weapons: 0, lots: 1, storeId: info('south'), storeCode: 'MAG-S' });
    expect((await h.ok('stockchecks.sheet', { id: south.id })).lots.map((l) => l.lotNumber)).toEqual(['PARA-2019']);
    await refused(h, 'stockchecks.start', { scope: 'store', storeId: 9999 }, 'store_not_found');
    expect((await h.ok('stockchecks.list', {})).map((c) => c.id)).toEqual([south.id, south.id - 1, south.id - 2]);
  });

  it('refuses an empty scope', async () => {
    const h = await as('manager');
    const store = await newStore(h, { code: 'MAG-VIDE' });
    await refused(h, 'stockchecks.start', { scope: 'store', storeId: store }, 'check_empty');
  });

  it('draws N distinct items at random for a spot check, recorded in the event', async () => {
    const h = await as('storekeeper');
    const population = new Set([...present().map((id) => `w${id}`), `l${info('ball')}/${info('north')}/A1`, `l${info('ball')}/${info('north')}/A2`, `l${info('para')}/${info('south')}/B1`]);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const check = await h.ok('stockchecks.start', { scope: 'spot', spotSize: 3 });
      const started = events(h.db).at(-1);
      const spot = (started?.data as { spot: { weapons: number[]; lots: { lotId: number; storeId: number; bay: string }[] } }).spot;
      const drawn = [...spot.weapons.map((id) => `w${id}`), ...spot.lots.map((l) => `l${l.lotId}/${l.storeId}/${l.bay}`)];
      expect(drawn).toHaveLength(3);
      expect(new Set(drawn).size).toBe(3);
      for (const x of drawn) expect(population.has(x), x).toBe(true);
      drawn.forEach((x) => seen.add(x));
      expect(check.weapons + check.lots).toBe(3);
      const sheet = await h.ok('stockchecks.sheet', { id: check.id });
      expect(sheet.weapons.map((w) => `w${w.id}`).sort()).toEqual(spot.weapons.map((id) => `w${id}`).sort());
    }
    // twelve draws of three from seven leave (almost) nothing out
    expect(seen.size).toBeGreaterThanOrEqual(5);
    // more than the population: everything once
    expect(await h.ok('stockchecks.start', { scope: 'spot', spotSize: 50 })).toMatchObject({ weapons: 4, lots: 3 });
  });
});

describe('counting and reconciliation', () => {
  it('compares with the book at the start: missing, unexpected, unknown, shortages and surpluses', async () => {
    const h = await as('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'full' });
    // a movement after the start does not change the book the check compares with
    await h.ok('ammo.issue', { lotId: info('ball'), place: { storeId: info('north'), bay: 'A1' }, quantity: 100, recipient: { kind: 'unit', name: 'Peloton 1' } });
    let sheet = await h.ok('stockchecks.count', {
      checkId: check.id, weapons: [info('a0'), info('c1'), info('away')], unknown: ['ZZ-INCONNU-1'], lots: [place('ball', 'A1', 900), place('para', 'B1', 10)],
    });
    expect(sheet.weapons.filter((w) => w.counted).map((w) => w.id).sort()).toEqual([info('a0'), info('c1'), info('away')].sort());
    expect(sheet.unknown).toEqual(['ZZ-INCONNU-1']);
    expect(JSON.stringify(sheet)).not.toMatch(/"book"/);
    // a second batch: a lot's quantity replaces the earlier count; a weapon counted twice stays counted once
    sheet = await h.ok('stockchecks.count', { checkId: check.id, weapons: [info('b2'), info('a0')], lots: [place('para', 'B1', 520), place('ball', 'A2', 300)] });
    expect(sheet.check).toMatchObject({ weapons: 5, weaponsCounted: 4, lots: 3, lotsCounted: 3 });
    expect(sheet.lots.map((l) => l.counted)).toEqual([900, 300, 520]);
    await refused(h, 'stockchecks.report', { id: check.id }, 'check_open');

    const report = await h.ok('stockchecks.close', { checkId: check.id, witness: approver('manager'), note: 'RAS sauf écarts' });
    expect(report.check).toMatchObject({ status: 'closed', witness: { id: 1 }, counter: { id: info('storekeeper') } });
    expect(report.missing.map((w) => w.id)).toEqual([info('a1')]);
    expect(report.unexpected.map((w) => w.id)).toEqual([info('away')]);
    expect(report.unknown).toEqual(['ZZ-INCONNU-1']);
    expect(report.lots.map((l) => [l.bay, l.book, l.counted, l.difference])).toEqual([['A1', 1000, 900, -100], ['A2', 300, 300, 0], ['B1', 500, 520, 20]]);
    expect(report.totals).toEqual({ weaponsBook: 4, weaponsCounted: 4, weaponsMissing: 1, weaponsUnexpected: 1, unknown: 1, lotsBook: 3, lotsDifferent: 2 });
    expect(report.head).toEqual(h.head());

    // one case per missing weapon, unknown code and lot difference, right after the close
    expect(events(h.db).slice(-5).map((e) => e.type)).toEqual(['stockcheck.closed', 'case.opened', 'case.opened', 'case.opened', 'case.opened']);
    expect(events(h.db).at(-5)).toMatchObject({ actor: info('storekeeper'), approver: 1, data: { missing: [info('a1')], unexpected: [info('away')], unknown: ['ZZ-INCONNU-1'] } });
    expect(report.cases.map((c) => [c.source, c.subject, c.weapon?.id ?? null, c.lot?.id ?? null, c.quantity])).toEqual([
      ['stock_check', 'weapon', info('a1'), null, 1],
      ['stock_check', 'weapon', null, null, 1],
      ['stock_check', 'rounds', null, info('ball'), 100],
      ['stock_check', 'rounds', null, info('para'), 20],
    ]);
    // each case names the check and carries its facts as fields, with no generated note
    expect(report.cases.map((c) => [c.checkId, c.code, c.place, c.book, c.counted, c.note])).toEqual([
      [check.id, '', null, null, null, ''],
      [check.id, 'ZZ-INCONNU-1', null, null, null, ''],
      [check.id, '', { storeId: info('north'), storeCode: 'MAG-N', bay: 'A1' }, 1000, 900, ''],
      [check.id, '', { storeId: info('south'), storeCode: 'MAG-S', bay: 'B1' }, 500, 520, ''],
    ]);
    // the report reads the same afterwards, for an auditor too
    await h.login('auditor');
    const again = await h.ok('stockchecks.report', { id: check.id });
    expect({ ...again, head: report.head }).toEqual(report);
    expect(verifyDatabase(h.db).ok).toBe(true);
    expect(dumpProjections(replay(h.db))).toEqual(dumpProjections(h.db));
  });

  it('counts an uncounted lot as zero and opens a case for the whole book', async () => {
    const h = await as('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'store', storeId: info('south') });
    const report = await h.ok('stockchecks.close', { checkId: check.id, witness: approver('manager') });
    expect(report.lots.map((l) => [l.book, l.counted, l.difference])).toEqual([[500, 0, -500]]);
    expect(report.cases.map((c) => [c.subject, c.quantity])).toEqual([['rounds', 500]]);
  });

  it('refuses wrong counts, writing nothing', async () => {
    const h = await as('storekeeper');
    const spot = await h.ok('stockchecks.start', { scope: 'spot', spotSize: 1 });
    const store = await h.ok('stockchecks.start', { scope: 'store', storeId: info('north') });
    const full = await h.ok('stockchecks.start', { scope: 'full' });
    await refused(h, 'stockchecks.count', { checkId: full.id, weapons: [9999] }, 'weapon_not_found');
    await refused(h, 'stockchecks.count', { checkId: full.id, lots: [{ lotId: 9999, storeId: info('north'), bay: 'A1', quantity: 1 }] }, 'lot_not_found');
    await refused(h, 'stockchecks.count', { checkId: full.id, lots: [{ lotId: info('ball'), storeId: 9999, bay: 'A1', quantity: 1 }] }, 'store_not_found');
    await refused(h, 'stockchecks.count', { checkId: store.id, lots: [place('para', 'B1', 1)] }, 'lot_not_on_sheet');
    const r = await refused(h, 'stockchecks.count', { checkId: store.id, lots: [place('ball', 'A1', 1), place('para', 'B1', 1)] }, 'lot_not_on_sheet');
    expect(r.fields).toEqual({ 'lots.1.lotId': { code: 'lot_not_on_sheet' } });
    const drawn = await h.ok('stockchecks.sheet', { id: spot.id });
    const notDrawn = [place('ball', 'A1', 1), place('ball', 'A2', 1), place('para', 'B1', 1)].find(
      (p) => !drawn.lots.some((l) => l.lotId === p.lotId && l.storeId === p.storeId && l.bay === p.bay),
    ) ?? expect.fail('spot drew every place');
    await refused(h, 'stockchecks.count', { checkId: spot.id, lots: [notDrawn] }, 'lot_not_on_sheet');
    await refused(h, 'stockchecks.count', { checkId: 9999 }, 'check_not_found');
    // a find in the check's own store (a bay the book had no stock in) is a row with no book
    const found = await h.ok('stockchecks.count', { checkId: store.id, lots: [{ lotId: info('para'), storeId: info('north'), bay: 'A2', quantity: 40 }] });
    expect(found.lots.map((l) => [l.lotNumber, l.bay, l.counted])).toEqual([['BALL-2015', 'A1', null], ['BALL-2015', 'A2', null], ['PARA-2019', 'A2', 40]]);
  });
});

describe('closing', () => {
  it('needs a witness with another account that may write, checked before anything is written', async () => {
    const h = await as('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'weapons' });
    await h.ok('stockchecks.count', { checkId: check.id, weapons: present() });
    const same = await refused(h, 'stockchecks.close', { checkId: check.id, witness: approver('storekeeper') }, 'approver_same_person');
    expect(same.fields).toEqual({ 'witness.username': { code: 'approver_same_person' } });
    const auditor = await refused(h, 'stockchecks.close', { checkId: check.id, witness: approver('auditor') }, 'approver_read_only');
    expect(auditor.fields).toEqual({ 'witness.username': { code: 'approver_read_only' } });
    await refused(h, 'stockchecks.close', { checkId: check.id, witness: { ...approver('manager'), password: 'pas-le-bon' } }, 'approver_bad_credentials');
    const report = await h.ok('stockchecks.close', { checkId: check.id, witness: approver('manager') });
    expect(report.totals).toMatchObject({ weaponsBook: 4, weaponsCounted: 4, weaponsMissing: 0 });
    expect(report.cases).toEqual([]);
    await refused(h, 'stockchecks.close', { checkId: check.id, witness: approver('manager') }, 'check_closed');
    await refused(h, 'stockchecks.count', { checkId: check.id, weapons: present() }, 'check_closed');
    // the sheet stays readable once closed
    expect((await h.ok('stockchecks.sheet', { id: check.id })).check.status).toBe('closed');
  });

  it('finds each check’s own cases when several close one after the other', async () => {
    const h = await as('storekeeper');
    const a = await h.ok('stockchecks.start', { scope: 'weapons' });
    const b = await h.ok('stockchecks.start', { scope: 'weapons' });
    await h.ok('stockchecks.count', { checkId: b.id, weapons: [info('a0')] });
    const rb = await h.ok('stockchecks.close', { checkId: b.id, witness: approver('manager') });
    const ra = await h.ok('stockchecks.close', { checkId: a.id, witness: approver('manager') });
    expect(rb.cases).toHaveLength(3);
    expect(ra.cases).toHaveLength(4);
    expect((await h.ok('stockchecks.report', { id: b.id })).cases.map((c) => c.id)).toEqual(rb.cases.map((c) => c.id));
    expect(new Set([...ra.cases, ...rb.cases].map((c) => c.id)).size).toBe(7);
  });
});

describe('schedule', () => {
  it('is due the settings’ periods after the last check closed, or after the armoury was created', async () => {
    const clock = new TestClock();
    const h = await as('manager', clock);
    const created = localToday(new Date((h.db.prepare('SELECT created_at FROM armoury').get() as { created_at: string }).created_at));
    let s = await h.ok('stockchecks.schedule', {});
    expect(s).toEqual({ lastFull: '', fullDue: addMonths(created, 3), fullOverdue: false, lastSpot: '', spotDue: expect.any(String), spotOverdue: false });
    clock.advance(40 * DAY);
    await h.login('manager'); // the idle lock
    s = await h.ok('stockchecks.schedule', {});
    expect(s).toMatchObject({ fullOverdue: false, spotOverdue: true });
    const spot = await h.ok('stockchecks.start', { scope: 'spot', spotSize: 2 });
    await h.ok('stockchecks.close', { checkId: spot.id, witness: approver('storekeeper') });
    s = await h.ok('stockchecks.schedule', {});
    expect(s).toMatchObject({ lastSpot: localToday(clock.now()), spotOverdue: false, fullOverdue: false, lastFull: '' });
    clock.advance(60 * DAY);
    await h.login('manager');
    s = await h.ok('stockchecks.schedule', {});
    expect(s).toMatchObject({ fullOverdue: true, spotOverdue: true });
    const full = await h.ok('stockchecks.start', { scope: 'full' });
    await h.ok('stockchecks.close', { checkId: full.id, witness: approver('storekeeper') });
    await h.ok('settings.update', { fullInventoryMonths: 1 });
    s = await h.ok('stockchecks.schedule', {});
    expect(s).toMatchObject({ lastFull: localToday(clock.now()), fullDue: addMonths(localToday(clock.now()), 1), fullOverdue: false });
  });

  it('adds months clamped to the month’s end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});

describe('permissions', () => {
  it('lets an auditor read checks but not start, count or close them', async () => {
    const h = await as('storekeeper');
    const check = await h.ok('stockchecks.start', { scope: 'weapons' });
    await h.login('auditor');
    expect((await h.ok('stockchecks.list', {})).map((c) => c.id)).toEqual([check.id]);
    await h.ok('stockchecks.sheet', { id: check.id });
    await h.ok('stockchecks.schedule', {});
    await refused(h, 'stockchecks.start', { scope: 'full' }, 'forbidden');
    await refused(h, 'stockchecks.count', { checkId: check.id, weapons: present() }, 'forbidden');
    await refused(h, 'stockchecks.close', { checkId: check.id, witness: approver('manager') }, 'forbidden');
  });
});

describe('settling a lot difference', () => {
  /** An ammunition check that counted BALL-2015 at A1 10 short and PARA-2019 5 over, and a weapons check with a0 missing: their cases. */
  async function differences(h: Harness) {
    const ammo = await h.ok('stockchecks.start', { scope: 'ammunition' });
    await h.ok('stockchecks.count', { checkId: ammo.id, lots: [place('ball', 'A1', 990), place('ball', 'A2', 300), place('para', 'B1', 505)] });
    const report = await h.ok('stockchecks.close', { checkId: ammo.id, witness: approver('manager') });
    const weapons = await h.ok('stockchecks.start', { scope: 'weapons' });
    await h.ok('stockchecks.count', { checkId: weapons.id, weapons: present().filter((id) => id !== info('a0')) });
    const missing = (await h.ok('stockchecks.close', { checkId: weapons.id, witness: approver('manager') })).cases[0]?.id ?? expect.fail('no weapon case');
    const [ball, para] = report.cases.map((c) => c.id);
    if (ball === undefined || para === undefined) expect.fail('two lot cases expected');
    return { ball, para, missing };
  }
  const adjustBall = (delta: number, extra: Partial<OpInput<'ammo.adjust'>> = {}): OpInput<'ammo.adjust'> =>
    ({ lotId: info('ball'), place: { storeId: info('north'), bay: 'A1' }, condition: 'serviceable', delta, reason: 'Écart d’inventaire', approver: approver('manager'), ...extra });
  const closing = (id: number, outcome: 'adjusted' | 'found') => ({ id, outcome, explanation: 'Recomptage contradictoire', approver: approver('manager') });

  it('names the case it settles, which then closes as adjusted; a recount closes as found with no stock effect', async () => {
    const h = await as('storekeeper');
    const cases = await differences(h);
    const early = await refused(h, 'cases.close', closing(cases.ball, 'adjusted'), 'case_not_adjusted');
    expect(early.fields).toEqual({ outcome: { code: 'case_not_adjusted' } });

    const first = await h.ok('ammo.adjust', adjustBall(-4, { caseId: cases.ball, caseReference: 'PV-INV-7' }));
    const second = await h.ok('ammo.adjust', adjustBall(-6, { caseId: cases.ball }));
    const [a, b] = [first.seq, second.seq].map((seq) => events(h.db).find((e) => e.seq === seq));
    expect(a).toMatchObject({ type: 'ammo.adjusted', approver: 1, data: { delta: -4, caseReference: 'PV-INV-7', caseId: cases.ball } });
    expect(b?.data).toMatchObject({ delta: -6, caseReference: `case ${cases.ball}`, caseId: cases.ball });
    const dossier = await h.ok('cases.get', { id: cases.ball });
    expect(dossier.history.map((e) => e.type)).toEqual(['case.opened', 'ammo.adjusted', 'ammo.adjusted']);
    expect((await h.ok('cases.close', closing(cases.ball, 'adjusted'))).outcome).toBe('adjusted');

    const before = dumpProjections(h.db);
    expect((await h.ok('cases.close', closing(cases.para, 'found'))).status).toBe('closed');
    const after = dumpProjections(h.db);
    for (const table of ['ammo_balances', 'store_lots', 'store_neq', 'lot_outstanding', 'lots']) expect(after[table], table).toEqual(before[table]);
    expect(verifyDatabase(h.db).ok).toBe(true);
    expect(dumpProjections(replay(h.db))).toEqual(dumpProjections(h.db));
  });

  it('refuses a case it cannot settle on the caseId field, before asking for the password, writing nothing', async () => {
    const h = await as('storekeeper');
    const cases = await differences(h);
    await h.ok('cases.close', closing(cases.para, 'found'));
    const wrongPassword = { username: approver('manager').username, password: 'pas-le-bon-mot' };
    const refusals: [number, string][] = [[9999, 'case_not_found'], [cases.missing, 'case_not_for_lot'], [cases.para, 'case_closed']];
    for (const [caseId, code] of refusals) {
      const error = await refused(h, 'ammo.adjust', adjustBall(-1, { caseId, approver: wrongPassword }), code);
      expect(error.fields).toEqual({ caseId: { code, params: { id: caseId } } });
    }
    // a case about another lot, still open
    const other = await differences(h);
    await refused(h, 'ammo.adjust', { ...adjustBall(-1, { caseId: other.para }) }, 'case_not_for_lot');
    await refused(h, 'ammo.adjust', { ...adjustBall(-1, { caseId: other.ball }), lotId: info('para'), place: { storeId: info('south'), bay: 'B1' } }, 'case_not_for_lot');
    // the same lot counted right at another bay: the book is corrected where the count differed
    await refused(h, 'ammo.adjust', { ...adjustBall(-1, { caseId: other.ball }), place: { storeId: info('north'), bay: 'A2' } }, 'case_not_for_lot');
    await h.ok('ammo.adjust', adjustBall(-1, { caseId: other.ball }));
  });
});
