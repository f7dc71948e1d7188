import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { contract, OPERATIONS, type OperationName } from '../../src/shared/contract';
import { approver, balances, licence, lotInput, newStore, receiveNew, refused } from './support/ammunition';
import { dumpProjections, eventRows, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, type Harness } from './support/harness';
import { today } from './support/weapons';

let template: Template;

/** Every store and ammunition event type, through the router, with awkward NEQ figures. */
async function history(h: Harness): Promise<Record<string, number>> {
  const staff = await addStaff(h);
  const date = today();
  const a = await newStore(h, { code: 'MAG-A', licence: licence({ '1.4': 50, '1.3': 20, '1.1': 5 }) });
  const b = await newStore(h, { code: 'MAG-B', bays: [] });
  await h.ok('stores.addBay', { storeId: b, bay: 'Pile 1' });
  await h.ok('stores.updateLicence', { storeId: b, licence: licence(500) });
  await h.ok('stores.recordOverride', { storeId: a, groupA: 'G', groupB: 'F', authority: 'ATN', reference: 'DER-1', date });
  const ball = await receiveNew(h, a, 20_000, { neqPerUnitKg: 0.0017 });
  const flares = await receiveNew(h, a, 300, { hazardDivision: '1.3', compatibilityGroup: 'G', neqPerUnitKg: 0.033, nature: 'Fusée éclairante' }, 'A2');
  const smoke = await receiveNew(h, a, 40, { hazardDivision: '1.3', compatibilityGroup: 'F', neqPerUnitKg: 0.07, lastInspection: '2018-05-31', inspectionIntervalMonths: 6 });
  const grenades = await receiveNew(h, b, 60, { hazardDivision: '1.1', compatibilityGroup: 'F', neqPerUnitKg: 0.18, nature: 'Grenade à main' }, 'Pile 1');
  const tin = await h.ok('ammo.transferIn', {
    lot: lotInput({ calibre: '9x19mm', neqPerUnitKg: 0.00035 }), place: { storeId: b, bay: '' }, quantity: 5_000, date, transferId: 'TR-11', fromArmoury: 'ML-KYS-01',
  });
  await h.ok('ammo.receive', { lotId: ball, place: { storeId: a, bay: 'A2' }, quantity: 1_234, date, source: 'Complément' });
  await h.ok('ammo.issue', { lotId: ball, place: { storeId: a, bay: 'A1' }, quantity: 2_000, recipient: { kind: 'unit', name: 'EGM 1' }, document: 'BS-1' });
  await h.ok('ammo.return', { lotId: ball, place: { storeId: a, bay: 'A2' }, quantity: 700, from: 'EGM 1' });
  await h.ok('ammo.expend', { lotId: ball, quantity: 1_100, purpose: 'training', reference: 'TIR-1' });
  await h.ok('ammo.move', { lotId: tin.lotId, from: { storeId: b, bay: '' }, to: { storeId: a, bay: 'A1' }, condition: 'serviceable', quantity: 1_000 });
  await h.ok('ammo.changeCondition', { lotId: flares, place: { storeId: a, bay: 'A2' }, from: 'serviceable', to: 'awaiting_disposal', quantity: 25, reason: 'Périmées' });
  await h.ok('ammo.transferOut', { lotId: tin.lotId, place: { storeId: b, bay: '' }, condition: 'serviceable', quantity: 4_000, date, transferId: 'TR-12', toArmoury: 'ML-GAO-01' });
  await h.ok('ammo.reportLoss', { lotId: grenades, place: { storeId: b, bay: 'Pile 1' }, condition: 'serviceable', quantity: 1, date, circumstances: 'Manquante' });
  await h.ok('ammo.destroy', {
    lotId: flares, place: { storeId: a, bay: 'A2' }, condition: 'awaiting_disposal', quantity: 25, date, method: 'Brûlage', certificate: 'PVD-1', approver: approver('storekeeper'),
  });
  await h.ok('ammo.adjust', { lotId: ball, place: { storeId: a, bay: 'A1' }, condition: 'serviceable', delta: -3, reason: 'Inventaire', approver: approver('storekeeper') });
  await h.ok('ammo.recordInspection', { lotId: grenades, date, result: 'repairable', nextDue: '2099-12-31', notes: 'Goupilles' });
  expect((await h.ok('ammo.dashboard', {})).autoSuspended).toEqual([smoke]);
  return { ...staff, a, b, ball, flares, smoke, grenades };
}

beforeAll(async () => {
  template = await Template.build(history);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

describe('replay of the ammunition history', () => {
  it('verifies, and an independent replay rebuilds stores, lots and balances exactly', () => {
    const h = template.copy();
    const types = new Set(eventRows(h.db).map((r) => r.type));
    for (const t of ['store.created', 'store.licence_changed', 'store.bay_added', 'store.override_recorded', 'ammo.received',
      'ammo.transferred_in', 'ammo.issued', 'ammo.returned', 'ammo.expended', 'ammo.moved', 'ammo.transferred_out', 'ammo.lost',
      'ammo.destroyed', 'ammo.adjusted', 'ammo.condition_changed', 'ammo.inspected', 'ammo.auto_suspended']) {
      expect(types.has(t), t).toBe(true);
    }
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    const rebuilt = replay(h.db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(h.db));
    expect(balances(rebuilt)).toEqual(balances(h.db));
    expect(balances(h.db).length).toBeGreaterThan(5);
    rebuilt.close();
  });

  it('keeps the per-store totals the safety rules read equal to the balances', () => {
    const h = template.copy();
    const q = (sql: string) => h.db.prepare(sql).all();
    expect(q('SELECT store_id, lot_id, quantity FROM store_lots ORDER BY 1, 2')).toEqual(
      q('SELECT store_id, lot_id, SUM(quantity) AS quantity FROM ammo_balances GROUP BY 1, 2 ORDER BY 1, 2'),
    );
    expect(q('SELECT store_id, division, lots, neq_ug FROM store_neq ORDER BY 1, 2')).toEqual(
      q(`SELECT t.store_id, l.hazard_division AS division, COUNT(*) AS lots, SUM(t.quantity * l.neq_per_unit_ug) AS neq_ug
         FROM store_lots t JOIN lots l ON l.id = t.lot_id GROUP BY 1, 2 ORDER BY 1, 2`),
    );
    expect(q('SELECT store_id, grp, lots FROM store_groups ORDER BY 1, 2')).toEqual(
      q(`SELECT t.store_id, l.compatibility_group AS grp, COUNT(*) AS lots FROM store_lots t JOIN lots l ON l.id = t.lot_id GROUP BY 1, 2 ORDER BY 1, 2`),
    );
  });

  it('detects a balance changed behind the journal', () => {
    const h = template.copy();
    h.db.prepare('UPDATE ammo_balances SET quantity = quantity + 1 WHERE lot_id = ?').run(info('ball'));
    const report = verifyDatabase(h.db);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.startsWith('ammo_balances:') && p.includes(`"lot_id":${info('ball')}`))).toBe(true);
  });

  it('detects an outstanding quantity, a lot or a licence changed behind the journal', () => {
    const tamper = [
      ['lot_outstanding', 'UPDATE lot_outstanding SET quantity = quantity - 1'],
      ['lots', "UPDATE lots SET suspended = 0, suspension_reason = '' WHERE suspended = 1"],
      ['stores', `UPDATE stores SET licence = json_set(licence, '$.maxNeqKg."1.1"', 9999) WHERE id = ${info('a')}`],
      ['store_overrides', 'DELETE FROM store_overrides'],
      ['store_neq', 'UPDATE store_neq SET neq_ug = neq_ug - 1 WHERE neq_ug > 0'],
      ['store_groups', 'DELETE FROM store_groups WHERE grp = \'F\''],
    ] as const;
    for (const [table, sql] of tamper) {
      const h = template.copy();
      expect(h.db.prepare(sql).run().changes, table).toBeGreaterThan(0);
      const report = verifyDatabase(h.db);
      expect(report.problems.some((p) => p.startsWith(`${table}:`)), table).toBe(true);
      h.dispose();
    }
  });
});

describe('ammunition permissions', () => {
  const ammoOps = OPERATIONS.filter((op) => /^(stores|lots|ammo)\./.test(op));
  const access = (op: OperationName) => contract[op].access;

  it('refuses every ammunition write to an auditor, writing nothing', async () => {
    const h = template.copy();
    await h.login('auditor');
    const writes = ammoOps.filter((op) => access(op) === 'write' || access(op) === 'manage');
    expect(writes.length).toBe(17);
    for (const op of writes) await refused(h, op, {}, 'forbidden');
    await h.ok('stores.holdings', { storeId: info('a') });
    await h.ok('lots.get', { id: info('ball') });
  });

  it('refuses store, licence, bay and override edits to a storekeeper, and lets them move stock', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    expect(ammoOps.filter((op) => access(op) === 'manage')).toEqual(['stores.create', 'stores.updateLicence', 'stores.addBay', 'stores.recordOverride']);
    const storeId = info('a');
    await refused(h, 'stores.create', { code: 'MAG-Z', name: 'Magasin Z', licence: licence() }, 'forbidden');
    await refused(h, 'stores.updateLicence', { storeId, licence: licence(1) }, 'forbidden');
    await refused(h, 'stores.addBay', { storeId, bay: 'B9' }, 'forbidden');
    await refused(h, 'stores.recordOverride', { storeId, groupA: 'B', groupB: 'S', authority: 'ATN', reference: 'X', date: today() }, 'forbidden');
    await h.ok('ammo.issue', { lotId: info('ball'), place: { storeId, bay: 'A1' }, quantity: 1, recipient: { kind: 'officer', name: 'Sgt Bah' } });
  });
});
