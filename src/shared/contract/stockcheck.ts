import { closeCheckInput, countInput, startCheckInput, type CheckScope } from '../domain/stockcheck';
import { z } from '../validation';
import type { CaseRow, HandoverWeapon } from './custody';
import { op } from './define';
import type { ActorRef } from './register';

const id = z.number().int().positive();
const empty = z.object({}).strict();

export interface CheckRow {
  id: number;
  scope: CheckScope;
  storeId: number | null;
  storeCode: string;
  status: 'open' | 'closed';
  startedAt: string;
  closedAt: string;
  counter: ActorRef;
  witness: ActorRef | null;
  /** Items on the sheet, and how many of them have been counted so far. */
  weapons: number;
  weaponsCounted: number;
  lots: number;
  lotsCounted: number;
  note: string;
}

/** A weapon to count: what identifies it on the shelf, never its book status. */
export interface SheetWeapon extends HandoverWeapon {
  manufacturer: string;
  calibre: string;
  counted: boolean;
}

/** A lot and place to count: never the book quantity (blind count), only what was counted so far. */
export interface SheetLot {
  lotId: number;
  lotNumber: string;
  nature: string;
  calibre: string;
  storeId: number;
  storeCode: string;
  bay: string;
  roundsPerBox: number;
  boxesPerCase: number;
  counted: number | null;
}

/** The count sheet, on screen and printed: what to count, in shelf order, and no book quantity. */
export interface CountSheet {
  check: CheckRow;
  weapons: SheetWeapon[];
  lots: SheetLot[];
  /** Codes counted that match no weapon of the register. */
  unknown: string[];
}

export interface ReportLot {
  lotId: number;
  lotNumber: string;
  nature: string;
  storeCode: string;
  bay: string;
  book: number;
  counted: number;
  /** counted - book. */
  difference: number;
}

/** The inventory report (procès-verbal d'inventaire): counted against the book at the check's start. */
export interface CheckReport {
  check: CheckRow;
  missing: SheetWeapon[];
  unexpected: SheetWeapon[];
  unknown: string[];
  /** Every lot and place on the sheet, differences or not. */
  lots: ReportLot[];
  totals: {
    weaponsBook: number;
    weaponsCounted: number;
    weaponsMissing: number;
    weaponsUnexpected: number;
    unknown: number;
    lotsBook: number;
    lotsDifferent: number;
  };
  cases: CaseRow[];
  head: { seq: number; hash: string };
}

export interface CheckSchedule {
  /** Last closed full inventory and spot check ('' never), the dates the next ones are due, overdue or not. */
  lastFull: string;
  fullDue: string;
  fullOverdue: boolean;
  lastSpot: string;
  spotDue: string;
  spotOverdue: boolean;
}

export const stockCheckOps = {
  'stockchecks.list': op<CheckRow[]>()('read', empty),
  'stockchecks.start': op<CheckRow>()('write', startCheckInput),
  /** The blind count sheet: what to count and what has been counted, never the book. */
  'stockchecks.sheet': op<CountSheet>()('read', z.object({ id })),
  'stockchecks.count': op<CountSheet>()('write', countInput),
  'stockchecks.close': op<CheckReport>()('write', closeCheckInput),
  /** Only once closed: before that the report would show the counter the book. */
  'stockchecks.report': op<CheckReport>()('read', z.object({ id })),
  'stockchecks.schedule': op<CheckSchedule>()('read', empty),
};
