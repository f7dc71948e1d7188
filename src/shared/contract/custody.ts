import { approverCredentials } from '../domain/accounts';
import {
  authorisationFields, caseCloseInput, issueInput, officerFields, OFFICER_STATUSES, returnInput,
  type CaseOutcome, type CaseSource, type CaseSubject, type OfficerStatus, type VoucherKind,
} from '../domain/custody';
import { cleanText } from '../domain/normalize';
import type { WeaponCondition, WeaponType } from '../domain/enums';
import { weaponType, type WeaponRow } from '../domain/weapon';
import type { Coded } from '../result';
import { z } from '../validation';
import { op } from './define';
import type { ActorRef, HistoryEntry } from './register';

const id = z.number().int().positive();
const empty = z.object({}).strict();
const reason = z.string().transform(cleanText).pipe(z.string().min(3).max(500));
const optional = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');

export interface Authorisation {
  weaponType: WeaponType;
  expires: string;
  reference: string;
  /** Not expired today. */
  current: boolean;
}

export interface OfficerRow {
  id: number;
  serviceNumber: string;
  name: string;
  rank: string;
  unit: string;
  agency: string;
  status: OfficerStatus;
  createdAt: string;
  authorisations: Authorisation[];
  /** Weapons issued or assigned to the officer and not yet back. */
  weaponsOut: number;
}

/** One weapon out with an officer: a line of the "weapons out" register. */
export interface OutRow {
  weapon: WeaponRow;
  officer: { id: number; serviceNumber: string; name: string; rank: string; unit: string };
  voucherId: number;
  voucherNumber: string;
  kind: VoucherKind;
  issuedAt: string;
  /** '' for an assignment. */
  expectedReturn: string;
  overdue: boolean;
  /** The open case when the weapon was declared not returned. */
  caseId: number | null;
}

export interface OfficerDossier {
  officer: OfficerRow;
  out: OutRow[];
  /** The officer's latest vouchers, newest first. */
  vouchers: VoucherSummary[];
  history: HistoryEntry[];
}

export interface VoucherSummary {
  id: number;
  number: string;
  kind: VoucherKind;
  officerName: string;
  serviceNumber: string;
  issuedAt: string;
  expectedReturn: string;
  weapons: number;
  rounds: number;
  /** Rounds and magazines reconciled by a return. */
  settled: boolean;
  /** Every weapon back (or written off). */
  closed: boolean;
}

export interface VoucherWeapon {
  weapon: WeaponRow;
  magazines: number;
  /** out: with the officer; missing: declared not returned (a case is open); returned; lost. */
  outcome: 'out' | 'missing' | 'returned' | 'lost';
  /** Condition when handed back ('' while out). */
  condition: WeaponCondition | '';
  returnedAt: string;
}

export interface VoucherRounds {
  lotId: number;
  lotNumber: string;
  calibre: string;
  nature: string;
  storeId: number;
  storeCode: string;
  bay: string;
  issued: number;
  returned: number;
  expended: number;
  /** issued = expended + returned + unaccounted, once settled. */
  unaccounted: number;
}

export interface VoucherView {
  id: number;
  number: string;
  kind: VoucherKind;
  officer: OfficerRow;
  duty: string;
  expectedReturn: string;
  issuedAt: string;
  issuer: ActorRef;
  countersigner: ActorRef | null;
  /** A manager's override of a missing or expired authorisation. */
  override: { by: ActorRef; reason: string; weaponTypes: WeaponType[] } | null;
  /** The service number the officer gave as acknowledgement. */
  acknowledgement: string;
  note: string;
  weapons: VoucherWeapon[];
  rounds: VoucherRounds[];
  magazines: number;
  magazinesReturned: number;
  magazinesUnaccounted: number;
  /** Reference accounting for expended rounds. */
  reference: string;
  settled: boolean;
  settledAt: string;
  closed: boolean;
  overdue: boolean;
  cases: CaseRow[];
  /** Journal head when read: printed on the receipt. */
  head: { seq: number; hash: string };
}

export interface CaseRow {
  id: number;
  source: CaseSource;
  subject: CaseSubject;
  weapon: { id: number; nationalCode: string; serial: string } | null;
  lot: { id: number; lotNumber: string } | null;
  quantity: number;
  voucherId: number | null;
  voucherNumber: string;
  handoverId: number | null;
  officer: { id: number; serviceNumber: string; name: string } | null;
  owner: ActorRef;
  deadline: string;
  overdue: boolean;
  status: 'open' | 'closed';
  explanation: string;
  outcome: CaseOutcome | '';
  openedAt: string;
  closedAt: string;
  approver: ActorRef | null;
  /** Free text given when it was opened ('' none). */
  note: string;
  /** A stock check case: the check that found it. */
  checkId: number | null;
  /** A code counted at that check which matches no weapon ('' otherwise). */
  code: string;
  /** A lot difference: where it was counted, the book at the check's start and the count. */
  place: { storeId: number; storeCode: string; bay: string } | null;
  book: number | null;
  counted: number | null;
}

export interface CaseDossier {
  case: CaseRow;
  /** Outcomes a manager may close it with. */
  outcomes: CaseOutcome[];
  history: HistoryEntry[];
}

export interface WeaponCheck {
  weapon: WeaponRow;
  /** Why it cannot be issued now (weapon_already_out, weapon_in_maintenance…), or null. */
  refusal: Coded | null;
  /** The voucher it is out on, if any: what a return scan brings up. */
  open: { voucherId: number; voucherNumber: string; officerName: string; serviceNumber: string; kind: VoucherKind; expectedReturn: string } | null;
}

export interface OverrideRow {
  voucherId: number;
  voucherNumber: string;
  at: string;
  officer: { id: number; serviceNumber: string; name: string };
  by: ActorRef;
  issuer: ActorRef;
  reason: string;
  weaponTypes: WeaponType[];
}

export interface CustodyDashboard {
  out: number;
  /** Overdue checkouts, most overdue first (at most 50), and how many there are. */
  overdue: OutRow[];
  overdueTotal: number;
  casesOpen: number;
  casesOverdue: CaseRow[];
  /** Latest authorisation overrides (at most 20). */
  overrides: OverrideRow[];
}

export interface ReturnResult {
  voucher: VoucherView;
  /** Cases opened by this return, one per thing unaccounted. */
  cases: CaseRow[];
}

export interface HandoverWeapon {
  id: number;
  nationalCode: string;
  serial: string;
  type: WeaponType;
  model: string;
  location: string;
}

export interface KeyRow {
  id: number;
  code: string;
  opens: string;
  holder: ActorRef | null;
  since: string;
}

export interface HandoverExpected {
  /** Weapons the book says are on the shelves, by location then national code. */
  weapons: HandoverWeapon[];
  /** Keys the signed-in account holds: handed over with the shift. */
  keys: KeyRow[];
}

export interface HandoverRow {
  id: number;
  at: string;
  outgoing: ActorRef;
  incoming: ActorRef;
  expected: number;
  counted: number;
  missing: number;
  unexpected: number;
  keys: number;
  note: string;
}

export interface HandoverResult {
  handover: HandoverRow;
  missing: HandoverWeapon[];
  /** Counted, but not on the shelves by the book (issued, in maintenance…): recorded for investigation. */
  unexpected: HandoverWeapon[];
  cases: CaseRow[];
}

export const custodyOps = {
  'officers.list': op<{ rows: OfficerRow[]; total: number }>()(
    'read',
    z.object({
      search: z.string().max(60).default(''),
      status: z.enum(OFFICER_STATUSES).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'officers.get': op<OfficerDossier>()('read', z.object({ id })),
  /** Exact service number (typed or scanned). */
  'officers.lookup': op<OfficerRow>()('read', z.object({ serviceNumber: z.string().max(60) })),
  'officers.register': op<OfficerRow>()('write', officerFields),
  'officers.update': op<OfficerRow>()('write', officerFields.extend({ id })),
  'officers.setStatus': op<OfficerRow>()('manage', z.object({ id, status: z.enum(OFFICER_STATUSES), reason })),
  'officers.authorise': op<OfficerRow>()('manage', authorisationFields.extend({ id })),
  'officers.withdrawAuthorisation': op<OfficerRow>()('manage', z.object({ id, weaponType, reason })),

  /** Exact serial or national code: each match with what an issue or a return needs to know. */
  'custody.check': op<WeaponCheck[]>()('read', z.object({ code: z.string().max(60) })),
  'custody.issue': op<VoucherView>()('write', issueInput),
  'custody.voucher': op<VoucherView>()('read', z.object({ id })),
  'custody.vouchers': op<{ rows: VoucherSummary[]; total: number }>()(
    'read',
    z.object({
      officerId: id.optional(),
      openOnly: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'custody.return': op<ReturnResult>()('write', returnInput),
  /** Everything issued and not returned, by unit then officer: the "weapons out" register. */
  'custody.out': op<{ rows: OutRow[]; overdue: number; at: string; head: { seq: number; hash: string } }>()(
    'read',
    z.object({ search: z.string().max(60).default(''), overdueOnly: z.boolean().default(false) }),
  ),
  'custody.dashboard': op<CustodyDashboard>()('read', empty),

  'cases.list': op<CaseRow[]>()(
    'read',
    z.object({ status: z.enum(['open', 'closed', 'all']).default('open'), overdueOnly: z.boolean().default(false) }),
  ),
  'cases.get': op<CaseDossier>()('read', z.object({ id })),
  'cases.update': op<CaseRow>()(
    'write',
    z.object({ id, explanation: optional(1000), ownerId: id.optional() }),
  ),
  'cases.close': op<CaseRow>()('write', caseCloseInput),

  'handover.expected': op<HandoverExpected>()('read', empty),
  'handover.record': op<HandoverResult>()(
    'write',
    z.object({
      counted: z.array(id).max(200_000),
      keys: z.array(id).max(200).default([]),
      incoming: approverCredentials,
      note: optional(500),
    }),
  ),
  'handover.list': op<HandoverRow[]>()('read', z.object({ limit: z.number().int().min(1).max(200).default(50) })),

  'keys.list': op<KeyRow[]>()('read', empty),
  'keys.register': op<KeyRow>()(
    'manage',
    z.object({
      code: z.string().transform(cleanText).pipe(z.string().min(1).max(30)),
      opens: z.string().transform(cleanText).pipe(z.string().min(2).max(120)),
      holderId: id,
    }),
  ),
};
