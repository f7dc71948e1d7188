import { expect } from 'vitest';
import type { Db } from '../../../src/main/core/db/open';
import type { OpInput } from '../../../src/shared/contract';
import type { lotFields } from '../../../src/shared/domain/ammunition';
import type { z } from '../../../src/shared/validation';
import { dumpProjections } from './db';
import type { Harness } from './harness';
import { USERS } from './harness';
import { today } from './weapons';

export type LotInput = z.input<typeof lotFields>;
type Licence = OpInput<'stores.create'>['licence'];

let counter = 0;

/** A valid lot (small-arms ball, 1.4S, 1 g NEQ per round) with a unique lot number; override what the test is about. */
export function lotInput(overrides: Partial<LotInput> = {}): LotInput {
  const n = String(++counter).padStart(4, '0');
  return {
    lotState: 'numbered',
    lotNumber: `LOT-${n}`,
    nature: 'Cartouche 7,62x39 mm ordinaire',
    calibre: '7.62x39mm',
    manufacturer: 'Norinco',
    country: 'CN',
    yearOfManufacture: 2015,
    hazardDivision: '1.4',
    compatibilityGroup: 'S',
    unNumber: '0012',
    neqPerUnitKg: 0.001,
    roundsPerBox: 20,
    boxesPerCase: 50,
    inspectionIntervalMonths: 12,
    ...overrides,
  };
}

/** A licence for every division at `kg` (or the given limits), valid for years. */
export function licence(maxNeqKg: Licence['maxNeqKg'] | number = 10_000, expiry = '2099-12-31'): Licence {
  const limits = typeof maxNeqKg === 'number'
    ? { '1.1': maxNeqKg, '1.2': maxNeqKg, '1.3': maxNeqKg, '1.4': maxNeqKg, '1.5': maxNeqKg, '1.6': maxNeqKg }
    : maxNeqKg;
  return { maxNeqKg: limits, authority: 'Direction du matériel', reference: 'LIC-2024-01', expiry };
}

let stores = 0;

/** Creates a store (the signed-in account must be a manager) and returns its id. */
export async function newStore(h: Harness, overrides: Partial<OpInput<'stores.create'>> = {}): Promise<number> {
  const view = await h.ok('stores.create', { code: `MAG-${++stores}`, name: 'Magasin de test', bays: ['A1', 'A2'], licence: licence(), ...overrides });
  return view.id;
}

/** Receives a new lot into a store and returns its id. */
export async function receiveNew(h: Harness, storeId: number, quantity: number, lot: Partial<LotInput> = {}, bay = 'A1'): Promise<number> {
  const r = await h.ok('ammo.receiveNewLot', {
    lot: lotInput(lot), place: { storeId, bay }, quantity, date: today(), source: 'Dotation centrale', document: 'BL-1',
  });
  return r.lotId;
}

export const approver = (role: 'manager' | 'storekeeper' | 'auditor' = 'manager') => ({ username: USERS[role].username, password: USERS[role].password });

export interface BalanceRow {
  lot_id: number;
  store_id: number;
  bay: string;
  condition: string;
  quantity: number;
}

export function balances(db: Db): BalanceRow[] {
  return db.prepare('SELECT * FROM ammo_balances ORDER BY lot_id, store_id, bay, condition').all() as BalanceRow[];
}

/** Quantity of one lot at one place and condition (0 when there is no row). */
export function qty(db: Db, lotId: number, storeId: number, bay: string, condition = 'serviceable'): number {
  const row = db
    .prepare('SELECT quantity FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = ?')
    .get(lotId, storeId, bay, condition) as { quantity: number } | undefined;
  return row?.quantity ?? 0;
}

export function outstanding(db: Db, lotId: number): number {
  const row = db.prepare('SELECT quantity FROM lot_outstanding WHERE lot_id = ?').get(lotId) as { quantity: number } | undefined;
  return row?.quantity ?? 0;
}

/** Journal head and every projection: what a refusal must leave exactly as it was. */
export function snapshot(h: Harness) {
  return { head: h.head(), projections: dumpProjections(h.db) };
}

/** Calls, expects the given refusal code, and checks nothing was written. Returns the error. */
export async function refused(h: Harness, op: Parameters<Harness['fail']>[0], input: unknown, code: string) {
  const before = snapshot(h);
  const error = await h.fail(op, input as never);
  expect(error.code, JSON.stringify(error)).toBe(code);
  expect(snapshot(h)).toEqual(before);
  return error;
}
