import type { MovementResult } from '../../../shared/contract/ammunition';
import type { AmmoCondition, LotFields } from '../../../shared/domain/ammunition';
import type { ImportSource } from '../../../shared/domain/spreadsheet';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { Adjusted, At, ConditionChanged, Issued, Moved, Received, Returned, TransferredIn } from './events';
import { getLot, outstandingOf, type LotRecord } from './lots';
import { assessIncoming } from './safety';
import { assertBay, getStore } from './stores';

/** A place as the contract sends it, and the input path its errors land on (place, from, to). */
type Place = At & { field?: string };

export function available(s: Statements, lotId: number, at: At, condition: AmmoCondition): number {
  const row = s
    .sql('SELECT quantity FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = ?')
    .get(lotId, at.storeId, at.bay, condition) as { quantity: number } | undefined;
  return row?.quantity ?? 0;
}

/** Refuses to take more than the place holds in that condition: balances never go negative. */
function assertAvailable(s: Statements, lotId: number, at: At, condition: AmmoCondition, requested: number, field = 'quantity'): void {
  const have = available(s, lotId, at, condition);
  if (have < requested) {
    const params = { available: have, requested };
    throw new AppError('insufficient_quantity', `only ${have} available, ${requested} requested`, {
      params, fields: { [field]: { code: 'insufficient_quantity', params } },
    });
  }
}

function assertOutstanding(s: Statements, lotId: number, requested: number): void {
  const outstanding = outstandingOf(s, lotId);
  if (outstanding < requested) {
    const params = { outstanding, requested };
    throw new AppError('outstanding_exceeded', `only ${outstanding} issued and not yet accounted for`, {
      params, fields: { quantity: { code: 'outstanding_exceeded', params } },
    });
  }
}

/** The store and bay a quantity goes to or comes from, both checked to exist. */
function target(s: Statements, place: Place) {
  const prefix = place.field ?? 'place';
  const store = getStore(s, place.storeId, `${prefix}.storeId`);
  assertBay(store, place.bay, `${prefix}.bay`);
  return store;
}

/** What comes back into a suspended lot stays suspended until an inspection releases it. */
const incomingCondition = (lot: LotRecord): AmmoCondition => (lot.suspended ? 'suspended' : 'serviceable');

interface Ctx {
  store: Store;
  actor: number;
  today: string;
}

type Built = { type: string; data: object; lotId?: number; approver?: number; warnings?: MovementResult['warnings'] };

/**
 * Checks, then appends one movement, in its own transaction. Inside a caller's write (a batch:
 * imports, the demo, benchmarks) no savepoint is taken per movement: every refusal is thrown by
 * `fn` before anything is written, so there is nothing to roll back.
 */
function run(c: Ctx, fn: (s: Statements) => Built): MovementResult {
  const go = () => {
    const out = fn(c.store.s);
    const e = c.store.journal.append({ type: out.type, actor: c.actor, ...(out.approver !== undefined ? { approver: out.approver } : {}), data: out.data });
    return { lotId: out.lotId ?? e.seq, seq: e.seq, warnings: out.warnings ?? [] };
  };
  return c.store.db.inTransaction ? go() : c.store.journal.write(go);
}

export interface NewLotReceipt {
  lot: LotFields;
  place: At;
  quantity: number;
  date: string;
  source: string;
  document: string;
  /** The spreadsheet row a receipt was imported from (`source` is already the supplier). */
  importSource?: ImportSource;
}

export function receiveNewLot(c: Ctx, i: NewLotReceipt): MovementResult {
  return run(c, (s) => {
    const store = target(s, i.place);
    const warnings = assessIncoming(s, store, { ...i.lot, id: 0 }, i.quantity, c.today, 'enforce');
    const data: Received & { importSource?: ImportSource } = {
      lot: i.lot, ...i.place, condition: 'serviceable', quantity: i.quantity, date: i.date, source: i.source, document: i.document,
      ...(i.importSource ? { importSource: i.importSource } : {}),
    };
    return { type: 'ammo.received', data, warnings };
  });
}

export function receive(c: Ctx, i: Omit<NewLotReceipt, 'lot'> & { lotId: number }): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    const store = target(s, i.place);
    const warnings = assessIncoming(s, store, lot, i.quantity, c.today, 'enforce');
    const data: Received = { lotId: lot.id, ...i.place, condition: incomingCondition(lot), quantity: i.quantity, date: i.date, source: i.source, document: i.document };
    return { type: 'ammo.received', data, lotId: lot.id, warnings };
  });
}

export function transferIn(c: Ctx, i: Omit<NewLotReceipt, 'source'> & { transferId: string; fromArmoury: string }): MovementResult {
  return run(c, (s) => {
    const store = target(s, i.place);
    const warnings = assessIncoming(s, store, { ...i.lot, id: 0 }, i.quantity, c.today, 'enforce');
    const data: TransferredIn = {
      lot: i.lot, ...i.place, condition: 'serviceable', quantity: i.quantity, date: i.date,
      transferId: i.transferId, fromArmoury: i.fromArmoury, document: i.document,
    };
    return { type: 'ammo.transferred_in', data, warnings };
  });
}

/** Only serviceable quantities of an unsuspended lot leave for an officer or unit. */
export function issue(c: Ctx, i: { lotId: number; place: At; quantity: number; recipient: Issued['recipient']; document: string }): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    target(s, i.place);
    const serviceable = lot.suspended ? 0 : available(s, lot.id, i.place, 'serviceable');
    if (serviceable < i.quantity) {
      const other = lot.suspended
        ? 'suspended'
        : (['suspended', 'repairable', 'awaiting_disposal'] as const).find((cond) => available(s, lot.id, i.place, cond) > 0);
      if (serviceable === 0 && other) {
        throw new AppError('issue_not_serviceable', `lot ${lot.id} here is ${other}, not serviceable`, { params: { condition: other } });
      }
      assertAvailable(s, lot.id, i.place, 'serviceable', i.quantity);
    }
    const data: Issued = { lotId: lot.id, ...i.place, quantity: i.quantity, recipient: i.recipient, document: i.document };
    return { type: 'ammo.issued', data, lotId: lot.id };
  });
}

/** A return is what physically comes back: never refused for the store's rules, only warned. */
export function returnUnexpended(c: Ctx, i: { lotId: number; place: At; quantity: number; from: string; document: string }): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    assertOutstanding(s, lot.id, i.quantity);
    const store = target(s, i.place);
    const warnings = assessIncoming(s, store, lot, i.quantity, c.today, 'warn');
    const data: Returned = { lotId: lot.id, ...i.place, quantity: i.quantity, condition: incomingCondition(lot), from: i.from, document: i.document };
    return { type: 'ammo.returned', data, lotId: lot.id, warnings };
  });
}

export function expend(c: Ctx, i: { lotId: number; quantity: number; purpose: string; reference: string }): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    assertOutstanding(s, lot.id, i.quantity);
    return { type: 'ammo.expended', data: { lotId: lot.id, quantity: i.quantity, purpose: i.purpose, reference: i.reference }, lotId: lot.id };
  });
}

export function move(c: Ctx, i: { lotId: number; from: At; to: At; condition: AmmoCondition; quantity: number; document: string }): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    target(s, { ...i.from, field: 'from' });
    const to = target(s, { ...i.to, field: 'to' });
    if (i.from.storeId === i.to.storeId && i.from.bay === i.to.bay) {
      throw new AppError('move_same_place', 'a move needs a different place', { fields: { 'to.bay': { code: 'move_same_place' } } });
    }
    assertAvailable(s, lot.id, i.from, i.condition, i.quantity);
    // Within one store nothing changes for the licence or the mixing rules.
    const warnings = i.from.storeId === i.to.storeId ? [] : assessIncoming(s, to, lot, i.quantity, c.today, 'enforce');
    const data: Moved = {
      lotId: lot.id, from: { storeId: i.from.storeId, bay: i.from.bay }, to: { storeId: i.to.storeId, bay: i.to.bay },
      condition: i.condition, quantity: i.quantity, document: i.document,
    };
    return { type: 'ammo.moved', data, lotId: lot.id, warnings };
  });
}

/** transferred_out, lost, destroyed: a quantity in one condition leaves the armoury from a place. */
export function takeOut(
  c: Ctx,
  type: 'ammo.transferred_out' | 'ammo.lost' | 'ammo.destroyed',
  i: { lotId: number; place: At; condition: AmmoCondition; quantity: number } & Record<string, unknown>,
  approver?: number,
): MovementResult {
  const { lotId, place, condition, quantity, ...rest } = i;
  return run(c, (s) => {
    const lot = getLot(s, lotId);
    target(s, place);
    assertAvailable(s, lot.id, place, condition, quantity);
    const data = { lotId: lot.id, storeId: place.storeId, bay: place.bay, condition, quantity, ...rest };
    return { type, data, lotId: lot.id, ...(approver !== undefined ? { approver } : {}) };
  });
}

/**
 * The discrepancy case an adjustment settles: open, and a lot difference a stock check found in
 * this lot. Refusals land on the caseId field. Returns the reference the adjustment carries when
 * none is typed (as a loss report written by a case closing names it).
 */
export function adjustableCase(s: Statements, caseId: number, lotId: number, place: At): string {
  const row = s.sql('SELECT source, subject, lot_id AS lotId, status, store_id AS storeId, bay FROM cases WHERE id = ?').get(caseId) as
    | { source: string; subject: string; lotId: number | null; status: string; storeId: number | null; bay: string }
    | undefined;
  const refuse = (code: 'case_not_found' | 'case_closed' | 'case_not_for_lot', message: string) =>
    new AppError(code, message, { params: { id: caseId }, fields: { caseId: { code, params: { id: caseId } } } });
  if (!row) throw refuse('case_not_found', `no case ${caseId}`);
  if (row.status !== 'open') throw refuse('case_closed', `case ${caseId} is already closed`);
  if (row.source !== 'stock_check' || row.subject !== 'rounds' || row.lotId !== lotId) {
    throw refuse('case_not_for_lot', `case ${caseId} is not a stock check difference of lot ${lotId}`);
  }
  // The book is corrected where the count differed (cases from before schema 5 may not say where).
  if (row.storeId !== null && (row.storeId !== place.storeId || row.bay !== place.bay)) {
    throw refuse('case_not_for_lot', `case ${caseId} is about another place than store ${place.storeId} bay ${place.bay}`);
  }
  return `case ${caseId}`;
}

/**
 * A count's correction (two-person): down never below zero; up is recorded as found, with warnings.
 * Naming a stock check's case (caseId) lets that case close as adjusted.
 */
export function adjust(
  c: Ctx,
  i: { lotId: number; place: At; condition: AmmoCondition; delta: number; reason: string; caseReference: string; caseId?: number | undefined },
  approver: number,
): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    const store = target(s, i.place);
    const caseText = i.caseId !== undefined ? adjustableCase(s, i.caseId, lot.id, i.place) : '';
    const caseReference = i.caseReference || caseText;
    let warnings: MovementResult['warnings'] = [];
    if (i.delta < 0) assertAvailable(s, lot.id, i.place, i.condition, -i.delta, 'delta');
    else warnings = assessIncoming(s, store, lot, i.delta, c.today, 'warn');
    const data: Adjusted = {
      lotId: lot.id, ...i.place, condition: i.condition, delta: i.delta, reason: i.reason, caseReference,
      ...(i.caseId !== undefined ? { caseId: i.caseId } : {}),
    };
    return { type: 'ammo.adjusted', data, lotId: lot.id, approver, warnings };
  });
}

export function changeCondition(
  c: Ctx,
  i: { lotId: number; place: At; from: AmmoCondition; to: AmmoCondition; quantity: number; reason: string },
): MovementResult {
  return run(c, (s) => {
    const lot = getLot(s, i.lotId);
    target(s, i.place);
    if (i.from === i.to) throw new AppError('condition_unchanged', 'the condition is the same', { fields: { to: { code: 'condition_unchanged' } } });
    if (i.to === 'serviceable' && lot.suspended) {
      throw new AppError('lot_suspended', `lot ${lot.id} is suspended until an inspection releases it`, {
        params: { lotId: lot.id }, fields: { to: { code: 'lot_suspended' } },
      });
    }
    assertAvailable(s, lot.id, i.place, i.from, i.quantity);
    const data: ConditionChanged = { lotId: lot.id, ...i.place, from: i.from, to: i.to, quantity: i.quantity, reason: i.reason };
    return { type: 'ammo.condition_changed', data, lotId: lot.id };
  });
}

export type { Ctx as MovementCtx };
