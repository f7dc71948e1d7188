import type { MovementResult } from '../../../shared/contract/ammunition';
import type { AmmoCondition } from '../../../shared/domain/ammunition';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { AutoSuspended, Inspected, Recondition } from './events';
import { SUSPENSION_REASONS } from './events';
import { getLot, type LotRecord } from './lots';
import type { MovementCtx } from './movements';

interface BalanceRow {
  storeId: number;
  bay: string;
  condition: AmmoCondition;
  quantity: number;
}

export function balancesOf(s: Statements, lotId: number): BalanceRow[] {
  return s
    .sql('SELECT store_id AS storeId, bay, condition, quantity FROM ammo_balances WHERE lot_id = ? ORDER BY store_id, bay, condition')
    .all(lotId) as BalanceRow[];
}

/** Every quantity of the lot in one of `from`, re-conditioned to `to` where it sits. */
function reconditionAll(s: Statements, lotId: number, from: readonly AmmoCondition[], to: AmmoCondition): Recondition[] {
  return balancesOf(s, lotId)
    .filter((b) => b.condition !== to && from.includes(b.condition))
    .map((b) => ({ storeId: b.storeId, bay: b.bay, from: b.condition, to, quantity: b.quantity }));
}

/**
 * An inspection sets the lot's last and next dates and decides its serviceable stock: a result
 * other than serviceable moves it to that condition. When the lot was suspended as a whole, its
 * suspended stock follows the result too (an inspection that finds it serviceable releases it).
 */
export function recordInspection(
  c: MovementCtx,
  i: { lotId: number; date: string; result: AmmoCondition; nextDue: string; notes: string },
): MovementResult {
  return c.store.journal.write(() => {
    const s = c.store.s;
    const lot = getLot(s, i.lotId);
    if (i.nextDue <= i.date) {
      throw new AppError('inspection_next_due', 'the next inspection must come after this one', {
        params: { date: i.date }, fields: { nextDue: { code: 'inspection_next_due' } },
      });
    }
    const sources: AmmoCondition[] = lot.suspended ? ['serviceable', 'suspended'] : ['serviceable'];
    const data: Inspected = { lotId: lot.id, date: i.date, result: i.result, nextDue: i.nextDue, notes: i.notes, moved: reconditionAll(s, lot.id, sources, i.result) };
    const e = c.store.journal.append({ type: 'ammo.inspected', actor: c.actor, data });
    return { lotId: lot.id, seq: e.seq, warnings: [] };
  });
}

/** Lots past the day after which they are suspended automatically (lots_by_suspend_after). */
function overdue(s: Statements, today: string): number[] {
  return (s.sql("SELECT id FROM lots WHERE suspend_after > '' AND suspend_after < ? ORDER BY id").all(today) as { id: number }[]).map((r) => r.id);
}

function suspendOne(store: Store, actor: number, lot: LotRecord): void {
  const data: AutoSuspended = {
    lotId: lot.id,
    reason: SUSPENSION_REASONS.auto,
    lastInspection: lot.lastInspection,
    nextInspection: lot.nextInspection,
    intervalMonths: lot.inspectionIntervalMonths,
    moved: reconditionAll(store.s, lot.id, ['serviceable'], 'suspended'),
  };
  store.journal.append({ type: 'ammo.auto_suspended', actor, data });
}

/**
 * Suspends every lot whose inspection is overdue past twice its interval, once: the event clears
 * the lot's suspend_after, and only an inspection sets it again. One indexed range query when
 * nothing is due, so it can run at every login and dashboard. Returns the lots it suspended.
 */
export function suspendOverdueLots(store: Store, actor: number, today: string): number[] {
  if (overdue(store.s, today).length === 0) return [];
  return store.journal.write(() => {
    const ids = overdue(store.s, today);
    for (const id of ids) suspendOne(store, actor, getLot(store.s, id));
    return ids;
  });
}
