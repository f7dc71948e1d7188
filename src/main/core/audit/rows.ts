import type { AuditLink, AuditPerson, AuditRow } from '../../../shared/contract/audit';
import type { Statements } from '../db/statements';

/** An audited event as read from the journal (body parsed). */
export interface AuditEvent {
  seq: number;
  at: string;
  type: string;
  actor: number;
  approver?: number;
  data: Record<string, unknown>;
}

type People = (id: number | undefined) => AuditPerson | null;

/** Looks accounts up once per page (a page names few people many times). */
export function peopleOf(s: Statements): People {
  const cache = new Map<number, AuditPerson | null>();
  return (id) => {
    if (id === undefined) return null;
    if (!cache.has(id)) {
      const u = s.sql('SELECT id, username, full_name AS fullName FROM users WHERE id = ?').get(id) as AuditPerson | undefined;
      cache.set(id, u ?? null);
    }
    return cache.get(id) ?? null;
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The custody override an issue carries, if any. */
export function overrideOf(e: AuditEvent): { by: number; reason: string } | null {
  const o = e.data.override as { by?: unknown; reason?: unknown } | undefined;
  const by = num(o?.by);
  return by === null ? null : { by, reason: str(o?.reason) };
}

/** Whether an audited event belongs on the audit view at all (and under which kind). */
export function kindOf(e: AuditEvent): AuditRow['kind'] | null {
  if (e.type === 'session.login') return 'login';
  if (e.type === 'session.logout') return 'logout';
  if (e.type === 'store.override_recorded' || overrideOf(e)) return 'override';
  return e.approver !== undefined ? 'two_person' : null;
}

function linkOf(e: AuditEvent): AuditLink {
  const d = e.data;
  const to = (kind: NonNullable<AuditLink>['kind'], id: number | null): AuditLink => (id === null ? null : { kind, id });
  if (e.type === 'custody.issued') return to('voucher', e.seq);
  if (e.type === 'store.override_recorded') return to('store', num(d.storeId));
  if (e.type.startsWith('weapon.')) return to('weapon', num(d.weaponId));
  if (e.type.startsWith('ammo.')) return to('lot', num(d.lotId));
  if (e.type === 'case.closed') return to('case', num(d.caseId));
  if (e.type === 'stockcheck.closed') return to('stockCheck', num(d.checkId));
  return null;
}

function detailOf(e: AuditEvent): string {
  const d = e.data;
  if (e.type === 'store.override_recorded') {
    return [`${str(d.groupA)}/${str(d.groupB)}`, str(d.authority), str(d.reference)].filter((p) => p !== '' && p !== '/').join(' · ');
  }
  return overrideOf(e)?.reason ?? '';
}

export function eventRow(e: AuditEvent, kind: AuditRow['kind'], people: People): AuditRow {
  return {
    key: `${e.at}|e|${e.seq}`,
    at: e.at,
    kind,
    seq: e.seq,
    type: e.type,
    user: people(e.actor),
    typedName: '',
    approver: people(e.approver),
    overrideBy: people(overrideOf(e)?.by),
    reason: e.type === 'session.logout' ? str(e.data.reason) : '',
    place: '',
    detail: detailOf(e),
    link: linkOf(e),
  };
}

export interface FailureRow {
  id: number;
  at: string;
  username: string;
  reason: string;
  place: string;
  userId: number | null;
}

export function failureRow(f: FailureRow, people: People): AuditRow {
  return {
    key: `${f.at}|f|${f.id}`,
    at: f.at,
    kind: 'failed_login',
    seq: null,
    type: 'failed_login',
    user: people(f.userId ?? undefined),
    typedName: f.username,
    approver: null,
    overrideBy: null,
    reason: f.reason,
    place: f.place,
    detail: '',
    link: null,
  };
}
