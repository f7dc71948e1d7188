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
  note: string;
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
