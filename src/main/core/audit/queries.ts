import type { AuditKind, AuditPage, AuditRow } from '../../../shared/contract/audit';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { eventRow, failureRow, kindOf, overrideOf, peopleOf, type AuditEvent, type FailureRow } from './rows';
import { AUDITED_TYPES, AUDITED_TYPES_SQL, TYPES_OF_KIND } from './types';

export interface AuditFilter {
  kind?: AuditKind | undefined;
  userId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: string | undefined;
  limit: number;
}

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** Where the previous page stopped: rows are ordered by (at, source, id) descending, `f` after `e`. */
function bounds(before: string | undefined): { at: string; seq: number; failureId: number } {
  if (!before) return { at: END_OF_TIME, seq: Number.MAX_SAFE_INTEGER, failureId: Number.MAX_SAFE_INTEGER };
  const [at = END_OF_TIME, source, id] = before.split('|');
  const n = Number(id);
  // At the cursor's instant, failures sort before events: after an event only older events remain.
  return source === 'e' ? { at, seq: n, failureId: 0 } : { at, seq: Number.MAX_SAFE_INTEGER, failureId: n };
}

/** Instants compare as text only in one form (Date.toISOString()), the one the journal writes. */
const iso = (v: string | undefined, fallback: string): string => (v ? new Date(v).toISOString() : fallback);

/**
 * The audit view, newest first, one keyset page: sign-ins and sign-outs, failed sign-ins (local
 * state), overrides and two-person actions, filtered by kind, account (as actor, approver or
 * overriding manager; for failures, the name typed) and a time range [from, to).
 */
export function listAudit(s: Statements, f: AuditFilter): AuditPage {
  const b = bounds(f.before);
  const range = { from: iso(f.from, ''), to: iso(f.to, END_OF_TIME), at: b.at };
  const people = peopleOf(s);
  const want = f.limit + 1;
  const rows: AuditRow[] = [];

  const types = f.kind ? TYPES_OF_KIND[f.kind] : AUDITED_TYPES;
  if (types.length > 0) rows.push(...auditEvents(s, f, { ...range, seq: b.seq }, types, want, people));
  if (!f.kind || f.kind === 'failed_logins') rows.push(...failures(s, f, { ...range, id: b.failureId }, want, people));

  rows.sort(newestFirst);
  const page = rows.slice(0, f.limit);
  const accounts = s.sql('SELECT id, username, full_name AS fullName FROM users ORDER BY username_key').all() as AuditPage['accounts'];
  return { rows: page, next: rows.length > f.limit ? (page.at(-1)?.key ?? null) : null, accounts };
}

function newestFirst(a: AuditRow, b: AuditRow): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const [, sa = '', ia = '0'] = a.key.split('|');
  const [, sb = '', ib = '0'] = b.key.split('|');
  if (sa !== sb) return sa < sb ? 1 : -1;
  return Number(ib) - Number(ia);
}

function auditEvents(
  s: Statements,
  f: AuditFilter,
  range: { from: string; to: string; at: string; seq: number },
  types: readonly string[],
  want: number,
  people: ReturnType<typeof peopleOf>,
): AuditRow[] {
  const rows = s.sql(auditEventsSql(types)).iterate(range) as IterableIterator<{ seq: number; at: string; type: string; actor: number; body: string }>;
  const out: AuditRow[] = [];
  for (const r of rows) {
    const body = JSON.parse(r.body) as { approver?: number; data?: Record<string, unknown> };
    const e: AuditEvent = { seq: r.seq, at: r.at, type: r.type, actor: r.actor, data: body.data ?? {}, ...(body.approver !== undefined ? { approver: body.approver } : {}) };
    const kind = kindOf(e);
    if (!kind || !fitsKind(e, kind, f.kind) || !fitsUser(e, f.userId)) continue;
    out.push(eventRow(e, kind, people));
    if (out.length >= want) break;
  }
  return out;
}

/** The journal scan of one page (exported for the test that checks its plan uses events_audit). */
export function auditEventsSql(types: readonly string[]): string {
  const kinds = types.map((t) => `'${t}'`).join(', ');
  // The first IN repeats the partial index's own list (events_audit), so the scan walks that index.
  return `SELECT seq, at, type, actor, CAST(body AS TEXT) AS body FROM events
    WHERE type IN (${AUDITED_TYPES_SQL}) AND type IN (${kinds})
      AND at >= @from AND at < @to AND at <= @at AND (at < @at OR seq < @seq)
    ORDER BY at DESC, seq DESC`;
}

function fitsKind(e: AuditEvent, kind: AuditRow['kind'], wanted: AuditKind | undefined): boolean {
  if (wanted === 'overrides') return kind === 'override';
  if (wanted === 'two_person') return e.approver !== undefined;
  return true;
}

function fitsUser(e: AuditEvent, userId: number | undefined): boolean {
  return userId === undefined || e.actor === userId || e.approver === userId || overrideOf(e)?.by === userId;
}

function failures(
  s: Statements,
  f: AuditFilter,
  range: { from: string; to: string; at: string; id: number },
  want: number,
  people: ReturnType<typeof peopleOf>,
): AuditRow[] {
  let key: string | null = null;
  if (f.userId !== undefined) {
    const u = s.sql('SELECT username FROM users WHERE id = ?').get(f.userId) as { username: string } | undefined;
    if (!u) return [];
    key = normalizeKey(u.username);
  }
  const rows = s
    .sql(
      `SELECT f.id, f.at, f.username, f.reason, f.place, u.id AS userId FROM failed_logins f
       LEFT JOIN users u ON u.username_key = f.username_key
       WHERE f.at >= @from AND f.at < @to AND f.at <= @at AND (f.at < @at OR f.id < @id)
         AND (@key IS NULL OR f.username_key = @key)
       ORDER BY f.at DESC, f.id DESC LIMIT @want`,
    )
    .all({ ...range, key, want }) as FailureRow[];
  return rows.map((r) => failureRow(r, people));
}
