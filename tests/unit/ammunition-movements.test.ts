import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approver, newStore, outstanding, qty, receiveNew, refused } from './support/ammunition';
import { events } from './support/db';
import { addStaff, disposeHarnesses, Template, type Harness } from './support/harness';
import { today } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const storeA = await newStore(h, { code: 'MAG-A' });
    const storeB = await newStore(h, { code: 'MAG-B' });
    const lotId = await receiveNew(h, storeA, 1_000);
    return { ...staff, storeA, storeB, lotId };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

async function as(role: 'manager' | 'storekeeper' | 'auditor'): Promise<{ h: Harness; lotId: number; a: number; b: number }> {
  const h = template.copy();
  await h.login(role);
  return { h, lotId: info('lotId'), a: info('storeA'), b: info('storeB') };
}

describe('balances never go negative', () => {
  it('refuses every outgoing movement asking more than the place holds in that condition', async () => {
    const { h, lotId, a, b } = await as('storekeeper');
    const place = { storeId: a, bay: 'A1' };
    const date = today();
    const params = { available: 1_000, requested: 1_001 };
    const cases: [Parameters<Harness['fail']>[0], Record<string, unknown>][] = [
      ['ammo.issue', { lotId, place, quantity: 1_001, recipient: { kind: 'officer', name: 'Adj. Sangaré' } }],
      ['ammo.move', { lotId, from: place, to: { storeId: b, bay: '' }, condition: 'serviceable', quantity: 1_001 }],
      ['ammo.transferOut', { lotId, place, condition: 'serviceable', quantity: 1_001, date, transferId: 'TR-1', toArmoury: 'ML-GAO-01' }],
      ['ammo.reportLoss', { lotId, place, condition: 'serviceable', quantity: 1_001, date, circumstances: 'Caisse manquante' }],
      ['ammo.destroy', { lotId, place, condition: 'serviceable', quantity: 1_001, date, method: 'Brûlage', certificate: 'PVD-3', approver: approver() }],
      ['ammo.adjust', { lotId, place, condition: 'serviceable', delta: -1_001, reason: 'Écart à l’inventaire', approver: approver() }],
      ['ammo.changeCondition', { lotId, place, from: 'serviceable', to: 'repairable', quantity: 1_001, reason: 'Corrosion' }],
    ];
    for (const [op, input] of cases) {
      const e = await refused(h, op, input, 'insufficient_quantity');
      expect(e.params, op).toEqual(params);
      expect(e.kind).toBe('conflict');
    }
    // the same quantity in another condition or bay is not there
    await refused(h, 'ammo.reportLoss', { lotId, place, condition: 'suspended', quantity: 1, date, circumstances: 'Perte' }, 'insufficient_quantity');
    await refused(h, 'ammo.reportLoss', { lotId, place: { storeId: a, bay: 'A2' }, condition: 'serviceable', quantity: 1, date, circumstances: 'Perte' }, 'insufficient_quantity');
    // all of it can go, and the balance row disappears
    await h.ok('ammo.reportLoss', { lotId, place, condition: 'serviceable', quantity: 1_000, date, circumstances: 'Incendie' });
    expect(qty(h.db, lotId, a, 'A1')).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM ammo_balances').get()).toEqual({ n: 0 });
    expect((await h.ok('lots.get', { id: lotId })).lot.total).toBe(0);
  });

  it('refuses movements of an unknown lot', async () => {
    const { h, a } = await as('storekeeper');
    const e = await refused(h, 'ammo.issue', { lotId: 9_999, place: { storeId: a, bay: 'A1' }, quantity: 1, recipient: { kind: 'unit', name: 'Peloton' } }, 'lot_not_found');
    expect(e.kind).toBe('not_found');
  });
});

describe('issue, return and expenditure', () => {
  it('keeps store balances and the outstanding quantity in step', async () => {
    const { h, lotId, a } = await as('storekeeper');
    const place = { storeId: a, bay: 'A1' };
    await h.ok('ammo.issue', { lotId, place, quantity: 300, recipient: { kind: 'unit', name: 'Peloton 1' }, document: 'BS-12' });
    expect([qty(h.db, lotId, a, 'A1'), outstanding(h.db, lotId)]).toEqual([700, 300]);
    await h.ok('ammo.return', { lotId, place: { storeId: a, bay: 'A2' }, quantity: 100, from: 'Peloton 1' });
    expect([qty(h.db, lotId, a, 'A1'), qty(h.db, lotId, a, 'A2'), outstanding(h.db, lotId)]).toEqual([700, 100, 200]);
    await h.ok('ammo.expend', { lotId, quantity: 150, purpose: 'training', reference: 'Tir d’instruction 2026-03' });
    expect(outstanding(h.db, lotId)).toBe(50);
    const e = await refused(h, 'ammo.expend', { lotId, quantity: 51, purpose: 'operation', reference: 'OP-1' }, 'outstanding_exceeded');
    expect(e.params).toEqual({ outstanding: 50, requested: 51 });
    await refused(h, 'ammo.return', { lotId, place, quantity: 51, from: 'Peloton 1' }, 'outstanding_exceeded');
    await h.ok('ammo.expend', { lotId, quantity: 50, purpose: 'operation', reference: 'OP-1' });
    expect(outstanding(h.db, lotId)).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM lot_outstanding').get()).toEqual({ n: 0 });
    const lot = (await h.ok('lots.get', { id: lotId })).lot;
    expect([lot.total, lot.outstanding, lot.onHand]).toEqual([800, 0, { serviceable: 800 }]);
  });

  it('issues only serviceable quantities', async () => {
    const { h, lotId, a } = await as('storekeeper');
    await h.ok('ammo.move', { lotId, from: { storeId: a, bay: 'A1' }, to: { storeId: a, bay: 'A2' }, condition: 'serviceable', quantity: 100 });
    await h.ok('ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A2' }, from: 'serviceable', to: 'repairable', quantity: 100, reason: 'Étuis cabossés' });
    const recipient = { kind: 'officer' as const, name: 'Sgt Coulibaly' };
    const e = await refused(h, 'ammo.issue', { lotId, place: { storeId: a, bay: 'A2' }, quantity: 10, recipient }, 'issue_not_serviceable');
    expect(e.params).toEqual({ condition: 'repairable' });
    for (const to of ['suspended', 'awaiting_disposal'] as const) {
      await h.ok('ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A2' }, from: 'repairable', to, quantity: 100, reason: 'Reclassement' });
      const refusal = await refused(h, 'ammo.issue', { lotId, place: { storeId: a, bay: 'A2' }, quantity: 1, recipient }, 'issue_not_serviceable');
      expect(refusal.params).toEqual({ condition: to });
      await h.ok('ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A2' }, from: to, to: 'repairable', quantity: 100, reason: 'Reclassement' });
    }
    await h.ok('ammo.issue', { lotId, place: { storeId: a, bay: 'A1' }, quantity: 900, recipient });
  });
});

describe('condition changes and moves', () => {
  it('moves quantities between conditions in place, and refuses a change to the same condition', async () => {
    const { h, lotId, a } = await as('storekeeper');
    const place = { storeId: a, bay: 'A1' };
    await h.ok('ammo.changeCondition', { lotId, place, from: 'serviceable', to: 'suspended', quantity: 40, reason: 'Boîtes mouillées' });
    await h.ok('ammo.changeCondition', { lotId, place, from: 'suspended', to: 'awaiting_disposal', quantity: 15, reason: 'Irrécupérables' });
    expect(['serviceable', 'suspended', 'awaiting_disposal'].map((c) => qty(h.db, lotId, a, 'A1', c))).toEqual([960, 25, 15]);
    const e = await refused(h, 'ammo.changeCondition', { lotId, place, from: 'serviceable', to: 'serviceable', quantity: 1, reason: 'Rien' }, 'condition_unchanged');
    expect(e.fields).toEqual({ to: { code: 'condition_unchanged' } });
    expect((await h.ok('lots.get', { id: lotId })).lot.onHand).toEqual({ serviceable: 960, suspended: 25, awaiting_disposal: 15 });
  });

  it('moves between bays and stores keeping the total, and refuses a move to the same place', async () => {
    const { h, lotId, a, b } = await as('storekeeper');
    await h.ok('ammo.move', { lotId, from: { storeId: a, bay: 'A1' }, to: { storeId: b, bay: 'A2' }, condition: 'serviceable', quantity: 250, document: 'BM-1' });
    expect([qty(h.db, lotId, a, 'A1'), qty(h.db, lotId, b, 'A2')]).toEqual([750, 250]);
    await refused(h, 'ammo.move', { lotId, from: { storeId: b, bay: 'A2' }, to: { storeId: b, bay: 'A2' }, condition: 'serviceable', quantity: 1 }, 'move_same_place');
    const e = await refused(h, 'ammo.move', { lotId, from: { storeId: b, bay: 'A2' }, to: { storeId: b, bay: 'Q' }, condition: 'serviceable', quantity: 1 }, 'bay_not_found');
    expect(e.fields).toEqual({ 'to.bay': { code: 'bay_not_found' } });
    expect((await h.ok('lots.get', { id: lotId })).lot.total).toBe(1_000);
  });
});

describe('two-person destruction and adjustment', () => {
  it('needs a second account and records it as approver', async () => {
    const { h, lotId, a } = await as('storekeeper');
    const place = { storeId: a, bay: 'A1' };
    const destroy = { lotId, place, condition: 'serviceable' as const, quantity: 10, date: today(), method: 'Brûlage', certificate: 'PVD-7' };
    const self = await refused(h, 'ammo.destroy', { ...destroy, approver: approver('storekeeper') }, 'approver_same_person');
    expect(self.fields).toEqual({ 'approver.username': { code: 'approver_same_person' } });
    await refused(h, 'ammo.destroy', { ...destroy, approver: { username: 'chef', password: 'mauvais-mot-de-passe' } }, 'approver_bad_credentials');
    await refused(h, 'ammo.destroy', { ...destroy, approver: approver('auditor') }, 'approver_read_only');
    const r = await h.ok('ammo.destroy', { ...destroy, approver: approver('manager') });
    const adj = { lotId, place, condition: 'serviceable' as const, reason: 'Écart constaté à l’inventaire', caseReference: 'INV-2026-1' };
    const down = await h.ok('ammo.adjust', { ...adj, delta: -5, approver: approver('manager') });
    const up = await h.ok('ammo.adjust', { ...adj, delta: 3, approver: approver('manager') });
    expect(qty(h.db, lotId, a, 'A1')).toBe(1_000 - 10 - 5 + 3);
    const bySeq = new Map(events(h.db).map((e) => [e.seq, e]));
    for (const seq of [r.seq, down.seq, up.seq]) {
      // the first manager's id is 1: the seq of armoury.created
      expect(bySeq.get(seq)?.approver).toBe(1);
      expect(bySeq.get(seq)?.actor).toBe(info('storekeeper'));
      expect(JSON.stringify(bySeq.get(seq)?.data)).not.toContain('password');
    }
    expect(bySeq.get(up.seq)?.data).toEqual({ lotId, storeId: a, bay: 'A1', condition: 'serviceable', delta: 3, reason: adj.reason, caseReference: 'INV-2026-1' });
  });

  it('refuses a zero adjustment as a field error', async () => {
    const { h, lotId, a } = await as('manager');
    const e = await refused(h, 'ammo.adjust', {
      lotId, place: { storeId: a, bay: 'A1' }, condition: 'serviceable', delta: 0, reason: 'Sans objet', approver: approver('storekeeper'),
    }, 'invalid_input');
    expect(e.fields).toEqual({ delta: { code: 'nonzero' } });
  });
});

describe('lists of lots', () => {
  it('search lot number, nature and calibre, and filter by store', async () => {
    const { h, lotId, a, b } = await as('manager');
    const other = await receiveNew(h, b, 10, { lotNumber: 'GR-100%', nature: 'Grenade lacrymogène', calibre: '56mm', hazardDivision: '1.3', compatibilityGroup: 'G' });
    const ids = async (q: { search?: string; storeId?: number }) => (await h.ok('lots.list', q)).map((l) => l.id);
    expect(await ids({})).toEqual([lotId, other]);
    expect(await ids({ search: 'lacrymo' })).toEqual([other]);
    expect(await ids({ search: '100%' })).toEqual([other]);
    expect(await ids({ search: '%' })).toEqual([other]);
    expect(await ids({ search: '7.62' })).toEqual([lotId]);
    expect(await ids({ storeId: a })).toEqual([lotId]);
    expect(await ids({ storeId: b })).toEqual([other]);
  });
});

describe('the stock record card', () => {
  it('lists every movement of the lot with a running balance that ends at the projection', async () => {
    const { h, lotId, a, b } = await as('manager');
    const place = { storeId: a, bay: 'A1' };
    const date = today();
    await h.ok('ammo.receive', { lotId, place, quantity: 500, date, source: 'Dotation 2', document: 'BL-2' });
    await h.ok('ammo.issue', { lotId, place, quantity: 200, recipient: { kind: 'unit', name: 'Brigade' } });
    await h.ok('ammo.return', { lotId, place, quantity: 50, from: 'Brigade' });
    await h.ok('ammo.expend', { lotId, quantity: 150, purpose: 'training', reference: 'TIR-4' });
    await h.ok('ammo.move', { lotId, from: place, to: { storeId: b, bay: '' }, condition: 'serviceable', quantity: 100 });
    await h.ok('ammo.changeCondition', { lotId, place: { storeId: b, bay: '' }, from: 'serviceable', to: 'repairable', quantity: 10, reason: 'Oxydation' });
    await h.ok('ammo.transferOut', { lotId, place, condition: 'serviceable', quantity: 30, date, transferId: 'TR-4', toArmoury: 'ML-KYS-01' });
    await h.ok('ammo.reportLoss', { lotId, place: { storeId: b, bay: '' }, condition: 'repairable', quantity: 2, date, circumstances: 'Boîte perdue' });
    await h.ok('ammo.adjust', { lotId, place, condition: 'serviceable', delta: -7, reason: 'Inventaire annuel', approver: approver('storekeeper') });
    await h.ok('ammo.recordInspection', { lotId, date, result: 'serviceable', nextDue: '2099-01-01' });
    const { lot, card, balances } = await h.ok('lots.get', { id: lotId });
    expect(card.map((l) => [l.type, l.change])).toEqual([
      ['ammo.received', 1_000], ['ammo.received', 500], ['ammo.issued', -200], ['ammo.returned', 50], ['ammo.expended', 0],
      ['ammo.moved', 0], ['ammo.condition_changed', 0], ['ammo.transferred_out', -30], ['ammo.lost', -2], ['ammo.adjusted', -7],
      ['ammo.inspected', 0],
    ]);
    expect(card.map((l) => l.balance)).toEqual([1_000, 1_500, 1_300, 1_350, 1_350, 1_350, 1_350, 1_320, 1_318, 1_311, 1_311]);
    expect(card.at(-1)?.balance).toBe(lot.total);
    expect(lot.total).toBe(balances.reduce((n, r) => n + r.quantity, 0));
    expect(card.find((l) => l.type === 'ammo.adjusted')?.approver?.username).toBe('magasinier');
    expect(balances).toEqual([
      { storeId: a, storeCode: 'MAG-A', bay: 'A1', condition: 'serviceable', quantity: 1_213 },
      { storeId: b, storeCode: 'MAG-B', bay: '', condition: 'repairable', quantity: 8 },
      { storeId: b, storeCode: 'MAG-B', bay: '', condition: 'serviceable', quantity: 90 },
    ]);
  });
});
