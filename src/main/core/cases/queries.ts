import type { CaseRow } from '../../../shared/contract/custody';
import type { ActorRef } from '../../../shared/contract/register';
import type { CaseOutcome, CaseSource, CaseSubject } from '../../../shared/domain/custody';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';

/** Most cases a list returns: open ones come first, so a long closed tail is what gets cut. */
export const CASES_CAP = 500;

const COLUMNS = `c.id, c.source, c.subject, c.weapon_id, w.national_code, w.serial, c.lot_id, l.lot_number, c.quantity,
  c.voucher_id, v.number AS voucher_number, c.handover_id, c.officer_id, o.service_number, o.name AS officer_name,
  c.owner, ou.username AS owner_username, ou.full_name AS owner_full_name, c.deadline, c.status, c.explanation,
  c.outcome, c.opened_at, c.closed_at, c.approver, au.username AS approver_username, au.full_name AS approver_full_name,
  c.note, c.check_id, c.code, c.store_id, st.code AS store_code, c.bay, c.book, c.counted`;

const FROM = `FROM cases c
  LEFT JOIN weapons w ON w.id = c.weapon_id
  LEFT JOIN lots l ON l.id = c.lot_id
  LEFT JOIN vouchers v ON v.id = c.voucher_id
  LEFT JOIN officers o ON o.id = c.officer_id
  LEFT JOIN users ou ON ou.id = c.owner
  LEFT JOIN users au ON au.id = c.approver
  LEFT JOIN stores st ON st.id = c.store_id`;

interface Raw {
  id: number;
  source: CaseSource;
  subject: CaseSubject;
  weapon_id: number | null;
  national_code: string | null;
  serial: string | null;
  lot_id: number | null;
  lot_number: string | null;
  quantity: number;
  voucher_id: number | null;
  voucher_number: string | null;
  handover_id: number | null;
  officer_id: number | null;
  service_number: string | null;
  officer_name: string | null;
  owner: number;
  owner_username: string | null;
  owner_full_name: string | null;
  deadline: string;
  status: 'open' | 'closed';
  explanation: string;
  outcome: CaseOutcome | '';
  opened_at: string;
  closed_at: string;
  approver: number | null;
  approver_username: string | null;
  approver_full_name: string | null;
  note: string;
  check_id: number | null;
  code: string;
  store_id: number | null;
  store_code: string | null;
  bay: string;
  book: number | null;
  counted: number | null;
}

const actor = (id: number, username: string | null, fullName: string | null): ActorRef => ({
  id, username: username ?? '?', fullName: fullName ?? '?',
});

function toCaseRow(r: Raw, now: string): CaseRow {
  return {
    id: r.id,
    source: r.source,
    subject: r.subject,
    weapon: r.weapon_id !== null ? { id: r.weapon_id, nationalCode: r.national_code ?? '', serial: r.serial ?? '' } : null,
    lot: r.lot_id !== null ? { id: r.lot_id, lotNumber: r.lot_number ?? '' } : null,
    quantity: r.quantity,
    voucherId: r.voucher_id,
    voucherNumber: r.voucher_number ?? '',
    handoverId: r.handover_id,
    officer: r.officer_id !== null ? { id: r.officer_id, serviceNumber: r.service_number ?? '', name: r.officer_name ?? '' } : null,
    owner: actor(r.owner, r.owner_username, r.owner_full_name),
    deadline: r.deadline,
    overdue: r.status === 'open' && r.deadline < now,
    status: r.status,
    explanation: r.explanation,
    outcome: r.outcome,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    approver: r.approver !== null ? actor(r.approver, r.approver_username, r.approver_full_name) : null,
    note: r.note,
    checkId: r.check_id,
    code: r.code,
    place: r.store_id !== null ? { storeId: r.store_id, storeCode: r.store_code ?? '', bay: r.bay } : null,
    book: r.book,
    counted: r.counted,
  };
}

/** The cases a stock check's closing opened, in the order it opened them. */
export function checkCaseRows(s: Statements, checkId: number, now: Date): CaseRow[] {
  const at = now.toISOString();
  return (s.sql(`SELECT ${COLUMNS} ${FROM} WHERE c.check_id = ? ORDER BY c.id`).all(checkId) as Raw[]).map((r) => toCaseRow(r, at));
}

export function findCaseRow(s: Statements, id: number, now: Date): CaseRow | undefined {
  const row = s.sql(`SELECT ${COLUMNS} ${FROM} WHERE c.id = ?`).get(id) as Raw | undefined;
  return row && toCaseRow(row, now.toISOString());
}

export function caseRow(s: Statements, id: number, now: Date): CaseRow {
  const row = findCaseRow(s, id, now);
  if (!row) throw new AppError('case_not_found', `no case ${id}`, { params: { id } });
  return row;
}

/**
 * Cases by status: open ones by deadline (the most urgent first), then closed ones newest first.
 * `overdueOnly` keeps open cases past their deadline (a closed case is never overdue).
 */
export function caseRows(
  s: Statements,
  q: { status: 'open' | 'closed' | 'all'; overdueOnly: boolean },
  now: Date,
): CaseRow[] {
  const at = now.toISOString();
  const rows: Raw[] = [];
  if (q.status !== 'closed') {
    const overdue = q.overdueOnly ? 'AND c.deadline < ?' : '';
    const params = q.overdueOnly ? [at] : [];
    rows.push(...(s.sql(`SELECT ${COLUMNS} ${FROM} WHERE c.status = 'open' ${overdue} ORDER BY c.deadline, c.id LIMIT ${CASES_CAP}`).all(...params) as Raw[]));
  }
  if (q.status !== 'open' && !q.overdueOnly && rows.length < CASES_CAP) {
    rows.push(...(s.sql(`SELECT ${COLUMNS} ${FROM} WHERE c.status = 'closed' ORDER BY c.closed_at DESC, c.id DESC LIMIT ?`).all(CASES_CAP - rows.length) as Raw[]));
  }
  return rows.map((r) => toCaseRow(r, at));
}

/** Open cases and how many of them are past their deadline (the dashboard's counters). */
export function caseCounts(s: Statements, now: Date): { open: number; overdue: number } {
  const row = s
    .sql("SELECT COUNT(*) AS open, COALESCE(SUM(deadline < ?), 0) AS overdue FROM cases WHERE status = 'open'")
    .get(now.toISOString()) as { open: number; overdue: number };
  return row;
}
