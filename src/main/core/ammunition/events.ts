import type { AmmoCondition, CompatibilityGroup, Licence, LotFields } from '../../../shared/domain/ammunition';

/** The data of every store.* and ammo.* event (docs/journal.md lists them for readers of the file). */
export interface StoreCreated {
  code: string;
  name: string;
  bays: string[];
  licence: Licence;
}

export interface LicenceChanged {
  storeId: number;
  licence: Licence;
}

export interface BayAdded {
  storeId: number;
  bay: string;
}

export interface OverrideRecorded {
  storeId: number;
  groupA: CompatibilityGroup;
  groupB: CompatibilityGroup;
  authority: string;
  reference: string;
  date: string;
}

/** Where a quantity sits, flattened into the event. */
export interface At {
  storeId: number;
  bay: string;
}

/** One quantity that changed condition in place (inspection results, automatic suspension). */
export interface Recondition extends At {
  from: AmmoCondition;
  to: AmmoCondition;
  quantity: number;
}

/** ammo.received carries either `lotId` (an existing lot) or `lot` (a new one, whose id is this seq). */
export interface Received extends At {
  lotId?: number;
  lot?: LotFields;
  condition: AmmoCondition;
  quantity: number;
  date: string;
  source: string;
  document: string;
}

export interface TransferredIn extends At {
  lot: LotFields;
  condition: AmmoCondition;
  quantity: number;
  date: string;
  transferId: string;
  fromArmoury: string;
  document: string;
}

export interface Issued extends At {
  lotId: number;
  quantity: number;
  recipient: { kind: 'officer' | 'unit'; name: string };
  document: string;
}

export interface Returned extends At {
  lotId: number;
  quantity: number;
  condition: AmmoCondition;
  from: string;
  document: string;
}

export interface Expended {
  lotId: number;
  quantity: number;
  purpose: string;
  reference: string;
}

export interface Moved {
  lotId: number;
  from: At;
  to: At;
  condition: AmmoCondition;
  quantity: number;
  document: string;
}

/** ammo.transferred_out, ammo.lost and ammo.destroyed: a quantity leaves the armoury from a place. */
export interface TakenOut extends At {
  lotId: number;
  condition: AmmoCondition;
  quantity: number;
}

export interface Adjusted extends At {
  lotId: number;
  condition: AmmoCondition;
  delta: number;
  reason: string;
  caseReference: string;
  /** The stock check's discrepancy case this adjustment settles (referenced as c:<caseId>). */
  caseId?: number;
}

export interface ConditionChanged extends At {
  lotId: number;
  from: AmmoCondition;
  to: AmmoCondition;
  quantity: number;
  reason: string;
}

export interface Inspected {
  lotId: number;
  date: string;
  result: AmmoCondition;
  nextDue: string;
  notes: string;
  moved: Recondition[];
}

export interface AutoSuspended {
  lotId: number;
  reason: string;
  lastInspection: string;
  nextInspection: string;
  intervalMonths: number;
  moved: Recondition[];
}

/** Reason code a lot's suspension flag carries. */
export const SUSPENSION_REASONS = { auto: 'inspection_overdue', inspection: 'inspection' } as const;
