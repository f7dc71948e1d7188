import { z } from '../validation';
import { approverCredentials } from './accounts';
import { AGENCIES, WEAPON_CONDITIONS, WEAPON_TYPES, type WeaponStatus } from './enums';
import { cleanText } from './normalize';
import { isoDate } from './weapon';

/** Custody vocabularies (DOMAIN.md, issue and return). Codes are stable English words. */
export const OFFICER_STATUSES = ['active', 'suspended', 'left'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

/** A checkout comes back the same day at an expected time; an assignment stays out until withdrawn. */
export const VOUCHER_KINDS = ['checkout', 'assignment'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];

/** Where a discrepancy was found: a return, a shift handover, a stock check ([4]). */
export const CASE_SOURCES = ['custody', 'handover', 'stock_check'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SUBJECTS = ['weapon', 'rounds', 'magazines'] as const;
export type CaseSubject = (typeof CASE_SUBJECTS)[number];

/**
 * How a case ends. Which outcomes fit which case is in outcomesFor; `loss` turns a missing
 * weapon into a loss report and writes unaccounted rounds off; `adjusted` closes a stock check's
 * lot difference once a two-person adjustment referencing the case has corrected the book.
 */
export const CASE_OUTCOMES = ['returned', 'expended', 'found', 'loss', 'adjusted'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * weapon not returned: it came back late (returned) or it is lost; weapon missing at a count: it was
 * there after all (found) or it is lost; rounds: brought back, fired (with a reference) or lost;
 * magazines: brought back or lost; a lot that counted differently from the book: a recount found
 * the book right (found) or the book was adjusted (adjusted).
 */
export function outcomesFor(source: CaseSource, subject: CaseSubject): readonly CaseOutcome[] {
  if (subject === 'rounds') return source === 'stock_check' ? ['found', 'adjusted'] : ['returned', 'expended', 'loss'];
  if (subject === 'magazines') return ['returned', 'loss'];
  return source === 'custody' ? ['returned', 'loss'] : ['found', 'loss'];
}

/** Statuses of weapons physically on the armoury's shelves: what a handover counts. */
export const PRESENT_STATUSES: readonly WeaponStatus[] = ['in_store', 'unserviceable', 'recovered', 'surplus'];
/** Statuses of weapons out with an officer. */
export const OUT_STATUSES: readonly WeaponStatus[] = ['issued', 'assigned'];

const text = (min: number, max: number) => z.string().transform(cleanText).pipe(z.string().min(min).max(max));
const optionalText = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');
const id = z.number().int().positive();
const count = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? (v === '' ? 0 : Number(v)) : v), z.number().int().min(0).max(max));

export const serviceNumber = text(2, 30);
export const officerFields = z.object({
  serviceNumber,
  name: text(2, 80),
  rank: text(1, 40),
  unit: text(1, 80),
  agency: z.enum(AGENCIES),
});
export type OfficerFields = z.output<typeof officerFields>;

export const authorisationFields = z.object({
  weaponType: z.enum(WEAPON_TYPES),
  expires: isoDate,
  reference: text(1, 80),
});

/** An instant with its offset (the renderer sends Date.toISOString()). */
export const instant = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), 'invalid_date');

const credentials = approverCredentials;

export const issueInput = z.object({
  kind: z.enum(VOUCHER_KINDS),
  officerId: id,
  weapons: z.array(z.object({ weaponId: id, magazines: count(20) })).min(1).max(20),
  rounds: z.array(z.object({ lotId: id, storeId: id, bay: optionalText(40), quantity: count(100_000).pipe(z.number().min(1)) })).max(5).default([]),
  duty: text(2, 120),
  /** Required for a checkout (in the future); '' for an assignment. */
  expectedReturn: z.union([z.literal(''), instant]).default(''),
  note: optionalText(500),
  /** The officer's service number, typed or scanned again by the officer: the acknowledgement. */
  acknowledgement: text(1, 30),
  /** A second account countersigns where the armoury's settings require it. */
  countersigner: credentials.optional(),
  /** A manager's credentials and reason, for an officer without a current authorisation. */
  override: credentials.extend({ reason: text(3, 500) }).optional(),
});
export type IssueInput = z.input<typeof issueInput>;

export const returnInput = z.object({
  voucherId: id,
  /**
   * Every weapon still out on the voucher: handed in now (with its condition) or not. Empty only
   * when none is owed any more (all reported lost) and the return reconciles rounds and magazines.
   */
  weapons: z.array(z.object({ weaponId: id, returned: z.boolean(), condition: z.enum(WEAPON_CONDITIONS).default('serviceable') })).max(20),
  magazinesReturned: count(400).default(0),
  /** One line per rounds line of the voucher; returned rounds go back where they were issued from. */
  rounds: z.array(z.object({ lotId: id, storeId: id, bay: optionalText(40), returned: count(100_000), expended: count(100_000) })).max(5).default([]),
  /** The report or reference that accounts for expended rounds (required when any were expended). */
  reference: optionalText(120),
  note: optionalText(500),
});
export type ReturnInput = z.input<typeof returnInput>;

export const caseCloseInput = z.object({
  id,
  outcome: z.enum(CASE_OUTCOMES),
  explanation: text(3, 1000),
  /** For rounds fired: the report that accounts for them. */
  reference: optionalText(120),
  /** A manager approves every closing with their own credentials. */
  approver: credentials,
});
