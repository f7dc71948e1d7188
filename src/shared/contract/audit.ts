import { instant } from '../domain/custody';
import { z } from '../validation';
import { op } from './define';

/** What the audit view lists: sign-ins and sign-outs, failed sign-ins, overrides, two-person actions. */
export const AUDIT_KINDS = ['logins', 'failed_logins', 'overrides', 'two_person'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Why a sign-in failed (local state, never the typed password). */
export const LOGIN_FAILURE_REASONS = ['unknown_user', 'wrong_password', 'account_disabled'] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];
/** Where the password was typed: the login screen, the lock screen, a second person's box, a password change. */
export const LOGIN_FAILURE_PLACES = ['login', 'unlock', 'second_person', 'password_change'] as const;
export type LoginFailurePlace = (typeof LOGIN_FAILURE_PLACES)[number];

/** A page cursor: the `key` of the last row shown (its time, source and id). */
export const auditCursor = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[ef]\|\d{1,15}$/, 'invalid');

export const auditQuery = z.object({
  kind: z.enum(AUDIT_KINDS).optional(),
  userId: z.number().int().positive().optional(),
  /** Inclusive instant (the renderer sends the start of the first local day). */
  from: instant.optional(),
  /** Exclusive instant (the start of the day after the last one). */
  to: instant.optional(),
  before: auditCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuery>;

export interface AuditPerson {
  id: number;
  username: string;
  fullName: string;
}

/** The record a line is about, for a link: a weapon's dossier, a voucher, a case, a store, a lot, a stock check. */
export type AuditLink =
  | { kind: 'weapon' | 'voucher' | 'case' | 'store' | 'lot' | 'stockCheck'; id: number }
  | null;

export interface AuditRow {
  /** Unique and ordered: the cursor for the next page when it is the last row shown. */
  key: string;
  at: string;
  kind: 'login' | 'logout' | 'failed_login' | 'override' | 'two_person';
  /** The journal event (null for a failed sign-in, which is local state). */
  seq: number | null;
  type: string;
  /** Who acted (null for a failed sign-in with an unknown name). */
  user: AuditPerson | null;
  /** A failed sign-in: the name as typed. */
  typedName: string;
  /** The second person of a two-person action (the event's approver). */
  approver: AuditPerson | null;
  /** The manager who overrode a missing authorisation on an issue. */
  overrideBy: AuditPerson | null;
  /** Failed sign-in: reason and place; session end: `expired` when core ended it after 12 hours. */
  reason: string;
  place: string;
  /** Free text the event carries (an override's reason, authority and reference). */
  detail: string;
  link: AuditLink;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: string | null;
  /** Every account, for the user filter (auditors may not list users otherwise). */
  accounts: AuditPerson[];
}

export const auditOps = {
  /** Read-only, and for managers and auditors only (core refuses storekeepers). */
  'audit.list': op<AuditPage>()('read', auditQuery),
};
