import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmmoDashboard, LotRow, StoreView } from '../../src/shared/contract/ammunition';
import { compatibility, lotFields } from '../../src/shared/domain/ammunition';
import { addDays, today as dayOf } from '../../src/main/core/ammunition/dates';
import { closeDatabase, openDatabase } from '../../src/main/core/db/open';
import { DEMO_ACCOUNTS } from '../../src/main/core/demo/accounts';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { decodeEvent, type StoredEvent } from '../../src/main/core/journal/event';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { eventRows } from './support/db';
import { Harness, TestClock, disposeHarnesses, scratchDir, tempDir } from './support/harness';

// One demo armoury opened as the app opens it, signed in as its manager; the tests only read it.
let h: Harness;
let stores: StoreView[];
let lots: LotRow[];
let board: AmmoDashboard;
let ammo: StoredEvent<Record<string, unknown>>[];
let chefId: number;
const today = dayOf(new Date());

beforeAll(async () => {
  h = new Harness(tempDir(), { demoWeapons: 50 });
  await h.ok('app.openDemo', {});
  const chef = DEMO_ACCOUNTS[0];
  chefId = (await h.ok('auth.login', { username: chef.username, password: chef.password })).userId;
  stores = await h.ok('stores.list', {});
  lots = await h.ok('lots.list', {});
  board = await h.ok('ammo.dashboard', {});
  ammo = eventRows(h.db)
    .map((r) => decodeEvent(r.body) as StoredEvent<Record<string, unknown>>)
    .filter((e) => e.type.startsWith('ammo.') || e.type.startsWith('store.'));
}, 60_000);
afterAll(disposeHarnesses);

const ofType = (type: string) => ammo.filter((e) => e.type === type);

describe('the demo armoury’s ammunition', () => {
  it('has stores with Explosives Limit Licences, one expiring within 60 days', () => {
    expect(stores.length).toBeGreaterThanOrEqual(2);
    for (const s of stores) {
      expect(s.bays.length, s.code).toBeGreaterThan(0);
      expect(s.licence.authority).toMatch(/Ministère/);
      expect(s.licence.reference).not.toBe('');
      expect(Object.keys(s.licence.maxNeqKg).length).toBeGreaterThan(0);
      expect(s.licenceExpired, s.code).toBe(false);
    }
    expect(board.licencesExpiringWithin60Days.map((s) => s.code)).toHaveLength(1);
  });

  it('keeps every store within its licence and its mixing rules', () => {
    for (const s of stores) {
      expect(s.warnings.map((w) => w.code), s.code).not.toContain('neq_limit_exceeded');
      for (const [division, kg] of Object.entries(s.neqKg)) {
        expect(kg, `${s.code} ${division}`).toBeLessThanOrEqual(s.licence.maxNeqKg[division as keyof typeof s.licence.maxNeqKg] ?? 0);
      }
      for (const a of s.groups) for (const b of s.groups) expect(compatibility(a, b), `${s.code}: ${a}+${b}`).toBe('Y');
    }
    expect(stores.flatMap((s) => s.groups)).toEqual(expect.arrayContaining(['S', 'G', 'D']));
  });

  it('holds at least 24 lots across the hazard divisions of a police armoury', () => {
    expect(lots.length).toBeGreaterThanOrEqual(24);
    const divisions = new Set(lots.map((l) => `${l.hazardDivision}${l.compatibilityGroup}`));
    expect([...divisions]).toEqual(expect.arrayContaining(['1.4S', '1.4G', '1.3G', '1.1D', '1.2D']));
    expect(lots.map((l) => l.unNumber)).toEqual(expect.arrayContaining(['0012', '0191', '0093', '0301', '0284', '0285']));
    expect(new Set(lots.map((l) => l.lotState))).toEqual(new Set(['numbered', 'unknown', 'mixed']));
    for (const l of lots) {
      expect(l.neqPerUnitKg, l.nature).toBeGreaterThan(0);
      if (l.compatibilityGroup === 'S') expect(l.neqPerUnitKg, l.nature).toBeLessThanOrEqual(0.003);
    }
  });

  it('records lots exactly as the receipt form would accept them', () => {
    const received = [...ofType('ammo.received'), ...ofType('ammo.transferred_in')].filter((e) => e.data.lot);
    expect(received.length).toBe(lots.length);
    for (const e of received) expect(lotFields.parse(e.data.lot)).toEqual(e.data.lot);
  });

  it('has a year of movements of every kind, with French references', () => {
    const types = new Set(ammo.map((e) => e.type));
    for (const type of [
      'store.created', 'store.licence_changed', 'store.bay_added', 'ammo.received', 'ammo.transferred_in', 'ammo.issued',
      'ammo.returned', 'ammo.expended', 'ammo.moved', 'ammo.transferred_out', 'ammo.lost', 'ammo.destroyed', 'ammo.adjusted',
      'ammo.condition_changed', 'ammo.inspected', 'ammo.auto_suspended',
    ]) expect(types, type).toContain(type);
    const receipts = ofType('ammo.received');
    expect(receipts.filter((e) => e.data.lotId !== undefined).length).toBeGreaterThan(5);
    expect(receipts.map((e) => e.data.date as string).sort()[0]! <= addDays(today, -330)).toBe(true);
    expect(receipts.every((e) => /^BL-\d{4}-\d{4}$/.test(e.data.document as string))).toBe(true);
    const expended = ofType('ammo.expended');
    expect(expended.some((e) => e.data.purpose === 'training' && /^Séance de tir — .+, \d\d\/\d\d\/\d{4}$/.test(e.data.reference as string))).toBe(true);
    expect(expended.some((e) => e.data.purpose === 'operation')).toBe(true);
    const moves = ofType('ammo.moved').map((e) => e.data as { from: { storeId: number }; to: { storeId: number } });
    expect(moves.some((m) => m.from.storeId !== m.to.storeId)).toBe(true);
    expect(moves.some((m) => m.from.storeId === m.to.storeId)).toBe(true);
    for (const e of [...ofType('ammo.destroyed'), ...ofType('ammo.adjusted')]) {
      expect(e.approver, e.type).toBe(chefId);
      expect(e.actor, e.type).not.toBe(chefId);
    }
    expect(ofType('ammo.condition_changed').every((e) => (e.data.reason as string).length > 10)).toBe(true);
  });

  it('lists one lot overdue for inspection (not yet suspended) and suspended lots with their reasons', () => {
    expect(board.autoSuspended).toEqual([]);
    // The automatically suspended lot is overdue too; the other one is still issuable.
    const overdue = board.dueWithin30Days.filter((l) => l.inspectionOverdue && !l.suspended);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.onHand.serviceable).toBeGreaterThan(0);
    expect(board.suspended.some((l) => l.suspended && l.suspensionReason === 'inspection_overdue')).toBe(true);
    expect(board.suspended.some((l) => !l.suspended && (l.onHand.suspended ?? 0) > 0)).toBe(true);
    expect(board.dueWithin30Days.filter((l) => !l.inspectionOverdue).length).toBeGreaterThanOrEqual(1);
  });

  it('shows holdings per store, and its journal verifies', async () => {
    for (const s of stores) expect((await h.ok('stores.holdings', { storeId: s.id })).holdings.length, s.code).toBeGreaterThan(0);
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('the demo’s ammunition history', () => {
  it('is the same every time for the same clock, and keeps event times in journal order', async () => {
    const at = Date.UTC(2025, 0, 15, 9, 0, 0);
    const dump = async (name: string) => {
      const path = join(scratchDir(), name);
      await createDemoArmoury(path, { weapons: 20, clock: new TestClock(at).now });
      const db = openDatabase(path);
      try {
        const rows = eventRows(db);
        const times = rows.map((r) => r.at);
        expect([...times].sort()).toEqual(times);
        const table = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
        return { types: rows.map((r) => r.type), stores: table('stores'), lots: table('lots'), balances: table('ammo_balances') };
      } finally {
        closeDatabase(db);
      }
    };
    expect(await dump('a.sqlite')).toEqual(await dump('b.sqlite'));
  });
});
