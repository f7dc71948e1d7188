import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, disposeHarnesses, Template } from './support/harness';
import { approver, newStore, receiveNew } from './support/ammunition';

let template: Template;

/**
 * Three stores created out of code order: MAG-B holds two lots (one in two bays and two
 * conditions), MAG-A one lot of heavier rounds, MAG-C nothing.
 */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
    const b = await newStore(h, { code: 'MAG-B', bays: ['A1', 'A2'] });
    const a = await newStore(h, { code: 'MAG-A', bays: ['N1'] });
    await newStore(h, { code: 'MAG-C', bays: ['X1'] });
    const ball = await receiveNew(h, b, 600, { lotNumber: 'BALL-1', neqPerUnitKg: 0.002 });
    await h.ok('ammo.move', { lotId: ball, from: { storeId: b, bay: 'A1' }, to: { storeId: b, bay: 'A2' }, condition: 'serviceable', quantity: 100 });
    await h.ok('ammo.changeCondition', { lotId: ball, place: { storeId: b, bay: 'A1' }, from: 'serviceable', to: 'repairable', quantity: 25, reason: 'Corrosion' });
    const para = await receiveNew(h, b, 300, { lotNumber: 'PARA-1', calibre: '9x19mm', nature: 'Cartouche 9 mm', neqPerUnitKg: 0.0005 }, 'A2');
    await h.ok('ammo.issue', { lotId: para, place: { storeId: b, bay: 'A2' }, quantity: 40, recipient: { kind: 'unit', name: 'Peloton 1' } });
    const heavy = await receiveNew(h, a, 90, { lotNumber: 'BMG-1', calibre: '12.7x99mm', nature: 'Cartouche 12,7 mm', neqPerUnitKg: 0.015 }, 'N1');
    await h.ok('ammo.adjust', { lotId: heavy, place: { storeId: a, bay: 'N1' }, condition: 'serviceable', delta: -2, reason: 'Écart', approver: approver('storekeeper') });
    return { a, b, ball, para, heavy };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`no ${key}`);

describe('the holdings report', () => {
  it('lists every store by code with the lines of stores.holdings and their totals', async () => {
    const h = template.copy();
    await h.login('auditor');
    const report = await h.ok('reports.holdings', {});
    expect(report.stores.map((s) => s.store.code)).toEqual(['MAG-A', 'MAG-B', 'MAG-C']);
    for (const s of report.stores) {
      const screen = await h.ok('stores.holdings', { storeId: s.store.id });
      expect(s.store).toEqual(screen.store);
      expect(s.lines).toEqual(screen.holdings);
    }
    const b = report.stores[1] ?? expect.fail('no MAG-B');
    expect(b.lines.map((l) => [l.lot.lotNumber, l.bay, l.condition, l.quantity])).toEqual([
      ['BALL-1', 'A1', 'repairable', 25], ['BALL-1', 'A1', 'serviceable', 475], ['BALL-1', 'A2', 'serviceable', 100], ['PARA-1', 'A2', 'serviceable', 260],
    ]);
    expect(b.totalRounds).toBe(860);
    expect(b.totalNeqKg).toBeCloseTo(600 * 0.002 + 260 * 0.0005, 9);
    expect(report.stores.map((s) => [s.totalRounds, s.lines.length])).toEqual([[88, 1], [860, 4], [0, 0]]);
    expect(report.stores[0]?.totalNeqKg).toBeCloseTo(88 * 0.015, 9);
    const inStores = (h.db.prepare('SELECT SUM(quantity) AS n FROM ammo_balances').get() as { n: number }).n;
    expect(report.totalRounds).toBe(inStores);
    expect(report.totalRounds).toBe(948);
    expect(report.head).toEqual(h.head());
    expect(report.at).toBe(h.clock.now().toISOString());
    expect(report.stores[0]?.lines[0]?.lot.id).toBe(info('heavy'));
  });
});
