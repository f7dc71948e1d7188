import { approverCredentials } from '../domain/accounts';
import {
  ammoCondition, ammoOptionalText, ammoText, compatibilityOverride, EXPENDITURE_PURPOSES, INSPECTION_RESULTS,
  licence, lotFields, place, quantity, storeFields,
  type AmmoCondition, type CompatibilityGroup, type HazardDivision, type Licence, type LotFields,
} from '../domain/ammunition';
import { isoDate, pastDate } from '../domain/weapon';
import type { Coded } from '../result';
import { z } from '../validation';
import { op } from './define';

const id = z.number().int().positive();
const document = ammoOptionalText(120);
const reason = ammoText(3, 500);
const empty = z.object({}).strict();

export interface StoreView {
  id: number;
  code: string;
  name: string;
  bays: string[];
  licence: Licence;
  licenceExpired: boolean;
  /** NEQ present per division, kg. */
  neqKg: Partial<Record<HazardDivision, number>>;
  mostHazardous: HazardDivision | null;
  /** Groups present, and what the mixture counts as after aggregation. */
  groups: CompatibilityGroup[];
  aggregateGroups: string[];
  overrides: { groupA: CompatibilityGroup; groupB: CompatibilityGroup; authority: string; reference: string; date: string }[];
  /** e.g. licence_expired, neq_near_limit {division, present, limit}. */
  warnings: Coded[];
}

export interface LotRow extends LotFields {
  id: number;
  receivedAt: string;
  /** Quantity on hand per condition, all stores. */
  onHand: Partial<Record<AmmoCondition, number>>;
  total: number;
  /** Issued and not yet returned or reported expended. */
  outstanding: number;
  inspectionDue: boolean;
  inspectionOverdue: boolean;
  /** Suspended as a whole (automatically when its inspection is overdue, or by an inspection) until an inspection releases it. */
  suspended: boolean;
  /** Why: 'inspection_overdue' (automatic) or 'inspection'; '' when not suspended. */
  suspensionReason: string;
}

export interface HoldingRow {
  lotId: number;
  lot: LotRow;
  bay: string;
  condition: AmmoCondition;
  quantity: number;
  neqKg: number;
}

export interface StockCardLine {
  seq: number;
  at: string;
  type: string;
  actor: { id: number; username: string; fullName: string };
  approver: { id: number; username: string; fullName: string } | null;
  /** Signed change of the lot's total on hand (0 for events that only move or re-condition). */
  change: number;
  balance: number;
  data: Record<string, unknown>;
}

export interface LotDossier {
  lot: LotRow;
  balances: { storeId: number; storeCode: string; bay: string; condition: AmmoCondition; quantity: number }[];
  card: StockCardLine[];
}

export interface MovementResult {
  lotId: number;
  seq: number;
  /** Accepted, but worth saying: licence within 10% of its limit, licence expired… */
  warnings: Coded[];
}

export interface AmmoDashboard {
  dueWithin30Days: LotRow[];
  suspended: LotRow[];
  /** Lots suspended automatically by this call (inspection overdue past twice the interval). */
  autoSuspended: number[];
  licencesExpiringWithin60Days: StoreView[];
  licencesExpired: StoreView[];
  compatibilityTable: { id: string; status: string };
}

const movementBase = { lotId: id, place, quantity, document };

export const ammunitionOps = {
  'stores.list': op<StoreView[]>()('read', empty),
  'stores.holdings': op<{ store: StoreView; holdings: HoldingRow[] }>()('read', z.object({ storeId: id })),
  'stores.create': op<StoreView>()('manage', storeFields),
  'stores.updateLicence': op<StoreView>()('manage', z.object({ storeId: id, licence })),
  'stores.addBay': op<StoreView>()('manage', z.object({ storeId: id, bay: ammoText(1, 40) })),
  'stores.recordOverride': op<StoreView>()('manage', compatibilityOverride.extend({ storeId: id })),

  'lots.list': op<LotRow[]>()(
    'read',
    z.object({
      search: z.string().max(60).default(''),
      storeId: id.optional(),
      dueOnly: z.boolean().default(false),
      suspendedOnly: z.boolean().default(false),
    }),
  ),
  'lots.get': op<LotDossier>()('read', z.object({ id })),
  /** Lots that can be issued for a calibre, oldest serviceable first (the default suggestion). */
  'lots.suggest': op<LotRow[]>()('read', z.object({ calibre: z.string().max(40).default(''), storeId: id.optional() })),
  'ammo.dashboard': op<AmmoDashboard>()('read', empty),

  'ammo.receiveNewLot': op<MovementResult>()(
    'write',
    z.object({ lot: lotFields, place, quantity, date: pastDate, source: ammoText(2, 120), document }),
  ),
  'ammo.receive': op<MovementResult>()('write', z.object({ ...movementBase, date: pastDate, source: ammoText(2, 120) })),
  'ammo.transferIn': op<MovementResult>()(
    'write',
    z.object({ lot: lotFields, place, quantity, date: pastDate, transferId: ammoText(1, 60), fromArmoury: ammoText(2, 60), document }),
  ),
  'ammo.issue': op<MovementResult>()(
    'write',
    z.object({ ...movementBase, recipient: z.object({ kind: z.enum(['officer', 'unit']), name: ammoText(2, 120) }) }),
  ),
  'ammo.return': op<MovementResult>()('write', z.object({ ...movementBase, from: ammoText(2, 120) })),
  'ammo.expend': op<MovementResult>()(
    'write',
    z.object({ lotId: id, quantity, purpose: z.enum(EXPENDITURE_PURPOSES), reference: ammoText(1, 120) }),
  ),
  'ammo.move': op<MovementResult>()('write', z.object({ lotId: id, from: place, to: place, condition: ammoCondition, quantity, document })),
  'ammo.transferOut': op<MovementResult>()(
    'write',
    z.object({ ...movementBase, condition: ammoCondition, date: pastDate, transferId: ammoText(1, 60), toArmoury: ammoText(2, 60) }),
  ),
  'ammo.reportLoss': op<MovementResult>()(
    'write',
    z.object({ ...movementBase, condition: ammoCondition, date: pastDate, circumstances: reason }),
  ),
  'ammo.destroy': op<MovementResult>()(
    'write',
    z.object({ ...movementBase, condition: ammoCondition, date: pastDate, method: ammoText(2, 80), certificate: ammoText(1, 120), approver: approverCredentials }),
  ),
  'ammo.adjust': op<MovementResult>()(
    'write',
    z.object({
      lotId: id,
      place,
      condition: ammoCondition,
      delta: z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((d) => d !== 0, 'nonzero')),
      reason,
      caseReference: ammoOptionalText(60),
      /** The stock check's discrepancy case this adjustment settles (open, same lot). */
      caseId: id.optional(),
      approver: approverCredentials,
    }),
  ),
  'ammo.changeCondition': op<MovementResult>()(
    'write',
    z.object({ lotId: id, place, from: ammoCondition, to: ammoCondition, quantity, reason }),
  ),
  'ammo.recordInspection': op<MovementResult>()(
    'write',
    z.object({ lotId: id, date: pastDate, result: z.enum(INSPECTION_RESULTS), nextDue: isoDate, notes: ammoOptionalText(500) }),
  ),
};
