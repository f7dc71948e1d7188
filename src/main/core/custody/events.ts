import type { OfficerFields, OfficerStatus, VoucherKind } from '../../../shared/domain/custody';
import type { AmmoCondition } from '../../../shared/domain/ammunition';
import type { WeaponCondition, WeaponType } from '../../../shared/domain/enums';

/** The data of every officer.* and custody.* event (docs/journal.md lists them for readers of the file). */
export type OfficerRegistered = OfficerFields;

export interface OfficerUpdated extends OfficerFields {
  officerId: number;
}

export interface OfficerStatusChanged {
  officerId: number;
  status: OfficerStatus;
  reason: string;
}

export interface OfficerAuthorised {
  officerId: number;
  weaponType: WeaponType;
  expires: string;
  reference: string;
}

export interface AuthorisationWithdrawn {
  officerId: number;
  weaponType: WeaponType;
  reason: string;
}

/** custody.issued: one voucher; its id is this event's seq. The countersigner is the event's approver. */
export interface Issued {
  kind: VoucherKind;
  officerId: number;
  weapons: { weaponId: number; magazines: number }[];
  rounds: { lotId: number; storeId: number; bay: string; quantity: number }[];
  duty: string;
  /** ISO instant; '' for an assignment. */
  expectedReturn: string;
  note: string;
  acknowledgement: string;
  override?: { by: number; reason: string; weaponTypes: WeaponType[] };
}

/**
 * custody.returned: weapons handed in, and when it `settles` the voucher (its first return), the
 * reconciliation of rounds and magazines: issued = expended + returned + unaccounted. Weapons
 * declared not returned stay out (their line becomes "missing") until returned late or written off.
 * A late return of a missing weapon carries that weapon only, with settles false.
 */
export interface Returned {
  voucherId: number;
  settles: boolean;
  weapons: { weaponId: number; condition: WeaponCondition }[];
  notReturned: number[];
  magazinesReturned: number;
  magazinesUnaccounted: number;
  rounds: {
    lotId: number;
    storeId: number;
    bay: string;
    returned: number;
    expended: number;
    unaccounted: number;
    /** Condition the returned rounds go back in: serviceable, or suspended for a suspended lot. */
    condition: AmmoCondition;
  }[];
  reference: string;
  note: string;
}
