import type { CheckScope } from '../../../shared/domain/stockcheck';

/** stockcheck.started: a check's id is this seq. A spot check carries the items drawn at random. */
export interface CheckStarted {
  scope: CheckScope;
  storeId?: number;
  spot?: { weapons: number[]; lots: { lotId: number; storeId: number; bay: string }[] };
  note: string;
}

/** stockcheck.counted: one batch of counting; a lot's quantity replaces an earlier count of it. */
export interface CheckCounted {
  checkId: number;
  weapons: number[];
  unknown: string[];
  lots: { lotId: number; storeId: number; bay: string; quantity: number }[];
}

/**
 * stockcheck.closed: the counter is the actor, the witness the approver. The result as computed at
 * the close (missing and unexpected weapon ids, unknown codes, lots whose count differs); one
 * case.opened per difference follows in the same transaction.
 */
export interface CheckClosed {
  checkId: number;
  missing: number[];
  unexpected: number[];
  unknown: string[];
  lots: { lotId: number; storeId: number; bay: string; book: number; counted: number }[];
  note: string;
}
