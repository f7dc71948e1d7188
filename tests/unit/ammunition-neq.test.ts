import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/main/core/ammunition/dates';
import { licence, lotInput, newStore, receiveNew, refused } from './support/ammunition';
import { addStaff, disposeHarnesses, Template, type Harness } from './support/harness';
import { today } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function manager(): Promise<Harness> {
  const h = template.copy();
  await h.login('manager');
  return h;
}

const receipt = (storeId: number, quantity: number, lot = lotInput()) => ({
  lot, place: { storeId, bay: 'A1' }, quantity, date: today(), source: 'Dotation', document: 'BL-9',
});

describe('NEQ per hazard division against the store licence', () => {
  it('accepts a receipt exactly at the limit and refuses one round more, with the figures', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 10 }) });
    const first = await h.ok('ammo.receiveNewLot', receipt(storeId, 10_000, lotInput({ neqPerUnitKg: 0.001 })));
    expect(first.warnings).toEqual([
      { code: 'neq_near_limit', params: { division: '1.4', present: 0, incoming: 10, total: 10, limit: 10 } },
    ]);
    const e = await refused(h, 'ammo.receive', { lotId: first.lotId, place: { storeId, bay: 'A2' }, quantity: 1, date: today(), source: 'Dotation' }, 'neq_limit_exceeded');
    expect(e.params).toEqual({ division: '1.4', present: 10, incoming: 0.001, total: 10.001, limit: 10, store: expect.any(String) });
  });

  it('compares sums of kilograms with a tolerance: 0.1 + 0.2 fits a 0.3 kg limit', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 0.3 }) });
    await h.ok('ammo.receiveNewLot', receipt(storeId, 1000, lotInput({ neqPerUnitKg: 0.0001 })));
    const second = await h.ok('ammo.receiveNewLot', receipt(storeId, 2000, lotInput({ neqPerUnitKg: 0.0001 })));
    expect(second.warnings.map((w) => w.code)).toEqual(['neq_near_limit']);
    const e = await refused(h, 'ammo.receiveNewLot', receipt(storeId, 1, lotInput({ neqPerUnitKg: 0.0001 })), 'neq_limit_exceeded');
    expect(e.params).toMatchObject({ present: 0.3, incoming: 0.0001, total: 0.3001, limit: 0.3 });
  });

  it('warns from 90% of the limit, not below', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 10 }) });
    const below = await h.ok('ammo.receiveNewLot', receipt(storeId, 8_999, lotInput({ neqPerUnitKg: 0.001 })));
    expect(below.warnings).toEqual([]);
    const at = await h.ok('ammo.receive', { lotId: below.lotId, place: { storeId, bay: 'A1' }, quantity: 1, date: today(), source: 'Dotation' });
    expect(at.warnings).toEqual([{ code: 'neq_near_limit', params: { division: '1.4', present: 8.999, incoming: 0.001, total: 9, limit: 10 } }]);
  });

  it('refuses any explosive of a division the licence does not list (limit 0)', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 10 }) });
    const e = await refused(h, 'ammo.receiveNewLot', receipt(storeId, 1, lotInput({ hazardDivision: '1.3', compatibilityGroup: 'G', neqPerUnitKg: 0.05 })), 'neq_limit_exceeded');
    expect(e.params).toMatchObject({ division: '1.3', present: 0, incoming: 0.05, total: 0.05, limit: 0 });
    // inert items (no explosive content) need no licence
    await h.ok('ammo.receiveNewLot', receipt(storeId, 5, lotInput({ hazardDivision: '1.3', compatibilityGroup: 'G', neqPerUnitKg: 0 })));
  });

  it('counts every condition in the store, and not what was issued out of it', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 10 }) });
    const lotId = await receiveNew(h, storeId, 8_000, { neqPerUnitKg: 0.001 });
    await h.ok('ammo.changeCondition', { lotId, place: { storeId, bay: 'A1' }, from: 'serviceable', to: 'suspended', quantity: 3_000, reason: 'Boîtes mouillées' });
    await refused(h, 'ammo.receive', { lotId, place: { storeId, bay: 'A1' }, quantity: 2_001, date: today(), source: 'Dotation' }, 'neq_limit_exceeded');
    await h.ok('ammo.issue', { lotId, place: { storeId, bay: 'A1' }, quantity: 1_000, recipient: { kind: 'unit', name: 'Peloton 2' } });
    await h.ok('ammo.receive', { lotId, place: { storeId, bay: 'A1' }, quantity: 3_000, date: today(), source: 'Dotation' });
  });

  it('refuses a move into a store over its licence, and warns (never refuses) a return', async () => {
    const h = await manager();
    const big = await newStore(h);
    const small = await newStore(h, { licence: licence({ '1.4': 1 }) });
    const lotId = await receiveNew(h, big, 5_000, { neqPerUnitKg: 0.001 });
    const e = await refused(h, 'ammo.move', {
      lotId, from: { storeId: big, bay: 'A1' }, to: { storeId: small, bay: '' }, condition: 'serviceable', quantity: 1_001,
    }, 'neq_limit_exceeded');
    expect(e.params).toMatchObject({ division: '1.4', present: 0, incoming: 1.001, limit: 1 });
    await h.ok('ammo.move', { lotId, from: { storeId: big, bay: 'A1' }, to: { storeId: small, bay: '' }, condition: 'serviceable', quantity: 1_000 });
    await h.ok('ammo.issue', { lotId, place: { storeId: big, bay: 'A1' }, quantity: 500, recipient: { kind: 'officer', name: 'Sgt Diallo' } });
    const back = await h.ok('ammo.return', { lotId, place: { storeId: small, bay: '' }, quantity: 500, from: 'Sgt Diallo' });
    expect(back.warnings).toEqual([
      { code: 'neq_limit_exceeded', params: { division: '1.4', present: 1, incoming: 0.5, total: 1.5, limit: 1 } },
    ]);
  });

  it('accepts into a store whose licence has expired, with a warning, and lists it on the dashboard', async () => {
    const h = await manager();
    const expiry = addDays(today(), -1);
    const storeId = await newStore(h, { code: 'MAG-OLD', licence: licence(10_000, expiry) });
    const soon = await newStore(h, { code: 'MAG-SOON', licence: licence(10_000, addDays(today(), 30)) });
    const r = await h.ok('ammo.receiveNewLot', receipt(storeId, 10));
    expect(r.warnings).toEqual([{ code: 'licence_expired', params: { store: 'MAG-OLD', expiry } }]);
    const board = await h.ok('ammo.dashboard', {});
    expect(board.licencesExpired.map((s) => s.id)).toEqual([storeId]);
    expect(board.licencesExpiringWithin60Days.map((s) => s.id)).toEqual([soon]);
    expect(board.licencesExpired[0]?.licenceExpired).toBe(true);
    expect(board.licencesExpired[0]?.warnings).toContainEqual({ code: 'licence_expired', params: { store: 'MAG-OLD', expiry } });
  });
});

describe('the store view', () => {
  it('shows NEQ per division, the most hazardous division, groups and warnings', async () => {
    const h = await manager();
    const storeId = await newStore(h, { licence: licence({ '1.4': 10, '1.3': 100, '1.2': 50 }) });
    await receiveNew(h, storeId, 9_500, { neqPerUnitKg: 0.001 });
    await receiveNew(h, storeId, 200, { hazardDivision: '1.3', compatibilityGroup: 'G', neqPerUnitKg: 0.15 });
    await receiveNew(h, storeId, 20, { hazardDivision: '1.2', compatibilityGroup: 'G', neqPerUnitKg: 0.06 });
    const { store, holdings } = await h.ok('stores.holdings', { storeId });
    expect(store.neqKg).toEqual({ '1.4': 9.5, '1.3': 30, '1.2': 1.2 });
    expect(store.mostHazardous).toBe('1.2');
    expect(store.groups).toEqual(['G', 'S']);
    expect(store.warnings).toEqual([{ code: 'neq_near_limit', params: { division: '1.4', present: 9.5, incoming: 0, total: 9.5, limit: 10 } }]);
    expect(holdings.map((r) => [r.quantity, r.neqKg])).toEqual([[9_500, 9.5], [200, 30], [20, 1.2]]);
  });

  it('takes a new licence from a manager (an event) and shows a division now over its limit', async () => {
    const h = await manager();
    const storeId = await newStore(h);
    await receiveNew(h, storeId, 5_000, { neqPerUnitKg: 0.001 });
    const head = h.head().seq;
    const view = await h.ok('stores.updateLicence', { storeId, licence: licence({ '1.4': 4 }) });
    expect(h.head().seq).toBe(head + 1);
    expect(view.licence.maxNeqKg).toEqual({ '1.4': 4 });
    expect(view.warnings).toEqual([{ code: 'neq_limit_exceeded', params: { division: '1.4', present: 5, incoming: 0, total: 5, limit: 4 } }]);
  });

  it('keeps store codes unique and bays known', async () => {
    const h = await manager();
    const storeId = await newStore(h, { code: 'MAG-A' });
    const e = await refused(h, 'stores.create', { code: ' mag-a ', name: 'Doublon', licence: licence() }, 'store_code_taken');
    expect(e.fields).toEqual({ code: { code: 'store_code_taken' } });
    const bay = await refused(h, 'ammo.receiveNewLot', { ...receipt(storeId, 1), place: { storeId, bay: 'Z9' } }, 'bay_not_found');
    expect(bay.fields).toEqual({ 'place.bay': { code: 'bay_not_found' } });
    const view = await h.ok('stores.addBay', { storeId, bay: 'Z9' });
    expect(view.bays).toEqual(['A1', 'A2', 'Z9']);
    await refused(h, 'stores.addBay', { storeId, bay: 'Z9' }, 'bay_exists');
    await h.ok('ammo.receiveNewLot', { ...receipt(storeId, 1), place: { storeId, bay: 'Z9' } });
    const missing = await refused(h, 'ammo.receiveNewLot', { ...receipt(999, 1), place: { storeId: 999, bay: '' } }, 'store_not_found');
    expect(missing.fields).toEqual({ 'place.storeId': { code: 'store_not_found' } });
  });

  it('lets only managers create stores, change licences and add bays', async () => {
    const h = await manager();
    const storeId = await newStore(h);
    await h.login('storekeeper');
    await refused(h, 'stores.create', { code: 'MAG-X', name: 'Magasin X', licence: licence() }, 'forbidden');
    await refused(h, 'stores.updateLicence', { storeId, licence: licence(1) }, 'forbidden');
    await refused(h, 'stores.addBay', { storeId, bay: 'B1' }, 'forbidden');
    expect((await h.ok('stores.list', {})).map((s) => s.id)).toEqual([storeId]);
  });
});
