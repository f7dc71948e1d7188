import type { CaseOutcome, CaseSource, CaseSubject } from '../../../shared/domain/custody';
import type { AmmoCondition } from '../../../shared/domain/ammunition';

/** The data of case.* events (docs/journal.md). A case's id is the seq of its case.opened. */
export interface CaseOpened {
  source: CaseSource;
  subject: CaseSubject;
  weaponId?: number;
  lotId?: number;
  /** Rounds or magazines unaccounted; 1 for a weapon. */
  quantity: number;
  voucherId?: number;
  handoverId?: number;
  officerId?: number;
  owner: number;
  /** ISO instant: opened + the armoury's case deadline (72 hours by default). */
  deadline: string;
  /** Free text written by whoever opened it; '' when there is none (facts go in the fields below). */
  note: string;
  /** A stock check case: the check whose closing found the difference. */
  checkId?: number;
  /** A code counted at a check that matches no weapon of the register (subject weapon, no weaponId). */
  code?: string;
  /** A lot difference at a check: the place counted, the book at the check's start and the count. */
  place?: { storeId: number; bay: string };
  book?: number;
  counted?: number;
}

export interface CaseUpdated {
  caseId: number;
  explanation?: string;
  owner?: number;
}

/**
 * case.closed, approved by a manager (the event's approver). Rounds returned go back to the
 * place they were issued from (storeId, bay, condition); rounds expended or lost leave the lot's
 * outstanding quantity. A weapon written off as lost gets its own weapon.loss_reported first.
 */
export interface CaseClosed {
  caseId: number;
  outcome: CaseOutcome;
  explanation: string;
  reference: string;
  place?: { storeId: number; bay: string; condition: AmmoCondition };
}
