import type { AmmoCondition } from '../../../shared/domain/ammunition';
import type { Statements } from '../db/statements';

/** NEQ in whole micrograms: sums of them are exact, so a replay rebuilds them bit for bit. */
export const UG_PER_KG = 1e9;
export const toMicrograms = (kg: number) => Math.round(kg * UG_PER_KG);

interface LotSafety {
  division: string;
  grp: string;
  ug: number;
}

function lotSafety(s: Statements, lotId: number): LotSafety {
  const row = s
    .sql('SELECT hazard_division AS division, compatibility_group AS grp, neq_per_unit_ug AS ug FROM lots WHERE id = ?')
    .get(lotId) as LotSafety | undefined;
  if (!row) throw new Error(`no lot ${lotId}`);
  return row;
}

/** Adds `lots` lots and `ug` micrograms to a store's division; the row goes when its last lot leaves. */
function bumpDivision(s: Statements, storeId: number, division: string, lots: number, ug: number): void {
  const row = s.sql('SELECT lots, neq_ug AS ug FROM store_neq WHERE store_id = ? AND division = ?').get(storeId, division) as
    | { lots: number; ug: number }
    | undefined;
  const next = { lots: (row?.lots ?? 0) + lots, ug: (row?.ug ?? 0) + ug };
  if (next.lots === 0) {
    if (next.ug !== 0) throw new Error(`store ${storeId} division ${division}: ${next.ug} ug left without lots`);
    s.sql('DELETE FROM store_neq WHERE store_id = ? AND division = ?').run(storeId, division);
  } else {
    s.sql('INSERT INTO store_neq (store_id, division, lots, neq_ug) VALUES (?, ?, ?, ?) ON CONFLICT (store_id, division) DO UPDATE SET lots = excluded.lots, neq_ug = excluded.neq_ug')
      .run(storeId, division, next.lots, next.ug);
  }
}

function bumpGroup(s: Statements, storeId: number, grp: string, lots: number): void {
  const row = s.sql('SELECT lots FROM store_groups WHERE store_id = ? AND grp = ?').get(storeId, grp) as { lots: number } | undefined;
  const next = (row?.lots ?? 0) + lots;
  if (next === 0) s.sql('DELETE FROM store_groups WHERE store_id = ? AND grp = ?').run(storeId, grp);
  else s.sql('INSERT INTO store_groups (store_id, grp, lots) VALUES (?, ?, ?) ON CONFLICT (store_id, grp) DO UPDATE SET lots = excluded.lots').run(storeId, grp, next);
}

/** A lot's total in a store changed: keep store_lots, store_neq and store_groups in step. */
function changeStoreTotal(s: Statements, lotId: number, storeId: number, delta: number): void {
  const row = s.sql('SELECT quantity FROM store_lots WHERE store_id = ? AND lot_id = ?').get(storeId, lotId) as { quantity: number } | undefined;
  const before = row?.quantity ?? 0;
  const after = before + delta;
  if (after === 0) s.sql('DELETE FROM store_lots WHERE store_id = ? AND lot_id = ?').run(storeId, lotId);
  else if (row) s.sql('UPDATE store_lots SET quantity = ? WHERE store_id = ? AND lot_id = ?').run(after, storeId, lotId);
  else s.sql('INSERT INTO store_lots (store_id, lot_id, quantity) VALUES (?, ?, ?)').run(storeId, lotId, after);
  const lot = lotSafety(s, lotId);
  const presence = before === 0 ? 1 : after === 0 ? -1 : 0;
  bumpDivision(s, storeId, lot.division, presence, delta * lot.ug);
  if (presence !== 0) bumpGroup(s, storeId, lot.grp, presence);
}

/**
 * Adds a signed quantity to one balance row. Rows never hold 0 (removed) and never go below it:
 * services refuse that first, so a negative result here means the journal and the rules disagree.
 * `storeTotal` is false when the quantity stays in the store (re-conditioning, a move between bays).
 */
export function changeBalance(
  s: Statements,
  lotId: number,
  at: { storeId: number; bay: string },
  condition: AmmoCondition,
  delta: number,
  storeTotal = true,
): void {
  const key = [lotId, at.storeId, at.bay, condition] as const;
  const row = s.sql('SELECT quantity FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = ?').get(...key) as
    | { quantity: number }
    | undefined;
  const next = (row?.quantity ?? 0) + delta;
  if (next < 0) throw new Error(`balance of lot ${lotId} in store ${at.storeId} (${at.bay}, ${condition}) would be ${next}`);
  if (next === 0) s.sql('DELETE FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = ?').run(...key);
  else if (row) s.sql('UPDATE ammo_balances SET quantity = ? WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = ?').run(next, ...key);
  else s.sql('INSERT INTO ammo_balances (lot_id, store_id, bay, condition, quantity) VALUES (?, ?, ?, ?, ?)').run(...key, next);
  if (storeTotal) changeStoreTotal(s, lotId, at.storeId, delta);
}

export function changeOutstanding(s: Statements, lotId: number, delta: number): void {
  const row = s.sql('SELECT quantity FROM lot_outstanding WHERE lot_id = ?').get(lotId) as { quantity: number } | undefined;
  const next = (row?.quantity ?? 0) + delta;
  if (next < 0) throw new Error(`outstanding quantity of lot ${lotId} would be ${next}`);
  if (next === 0) s.sql('DELETE FROM lot_outstanding WHERE lot_id = ?').run(lotId);
  else s.sql('INSERT INTO lot_outstanding (lot_id, quantity) VALUES (?, ?) ON CONFLICT (lot_id) DO UPDATE SET quantity = excluded.quantity').run(lotId, next);
}
