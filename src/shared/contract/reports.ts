import type { AmmoCondition } from '../domain/ammunition';
import type { WeaponType } from '../domain/enums';
import type { WeaponRow } from '../domain/weapon';
import { z } from '../validation';
import type { LotRow, StoreView } from './ammunition';
import type { JournalHead } from './app';
import { op } from './define';
import { registerQuery } from './register';

/**
 * The printed register stops here: beyond it the paper is no longer a register anyone can check,
 * and the screen asks for a filter instead.
 */
export const PRINT_MAX_ROWS = 20_000;

/** One line of the monthly return (état mensuel): holdings of one weapon type or one ammunition nature. */
export interface MonthlyLine {
  /** Held at the month's first instant. */
  opening: number;
  /** Registered, transferred in, recovered (weapons); received, transferred in (ammunition). */
  receipts: number;
  /** Handed to officers or units in the month (weapons: per weapon; ammunition: rounds). */
  issued: number;
  /** Handed back in the month. */
  returned: number;
  /** Reported lost or stolen. */
  losses: number;
  /** Destroyed (weapons: and deactivated). */
  destroyed: number;
  /** Transferred to another armoury. */
  transferredOut: number;
  /** Ammunition only: signed sum of two-person adjustments after stock checks (0 for weapons). */
  adjusted: number;
  /**
   * Held at the month's end. Weapons: opening + receipts - losses - destroyed - transferredOut
   * (issued weapons stay on charge). Ammunition in the stores: opening + receipts - issued +
   * returned - losses - destroyed - transferredOut + adjusted.
   */
  closing: number;
}

export interface MonthlyWeaponLine extends MonthlyLine {
  type: WeaponType;
}

export interface MonthlyAmmoLine extends MonthlyLine {
  nature: string;
  calibre: string;
}

/** The monthly return, derived from the journal events recorded (event time `at`) in the month. */
export interface MonthlyReturn {
  year: number;
  month: number;
  /** The month's bounds as UTC instants: [from, to). Local time of the armoury's PC. */
  from: string;
  to: string;
  weapons: MonthlyWeaponLine[];
  ammunition: MonthlyAmmoLine[];
  weaponTotals: MonthlyLine;
  ammunitionTotals: MonthlyLine;
  /**
   * The last event recorded before the month's end (the head, for the running month), and the
   * journal head when the return was read. docs/reports.md explains every figure.
   */
  throughSeq: number;
  head: JournalHead;
  at: string;
}

/** The register as printed: every row matching the screen's filters, read with the journal head. */
export interface RegisterPrint {
  rows: WeaponRow[];
  /** Rows matching; more than PRINT_MAX_ROWS means `capped` and rows holds none. */
  total: number;
  capped: boolean;
  head: JournalHead;
  at: string;
}

export interface HoldingsLine {
  lot: LotRow;
  bay: string;
  condition: AmmoCondition;
  quantity: number;
  neqKg: number;
}

/** Ammunition holdings by store, then lot and bay: the paper a depot manager signs. */
export interface HoldingsReport {
  stores: { store: StoreView; lines: HoldingsLine[]; totalRounds: number; totalNeqKg: number }[];
  totalRounds: number;
  head: JournalHead;
  at: string;
}

const monthInput = z.object({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
});

export const reportOps = {
  'reports.monthly': op<MonthlyReturn>()('read', monthInput),
  'reports.register': op<RegisterPrint>()('read', registerQuery.omit({ offset: true, limit: true })),
  'reports.holdings': op<HoldingsReport>()('read', z.object({}).strict()),
};
