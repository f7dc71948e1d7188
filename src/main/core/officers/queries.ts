import type { Authorisation, OfficerRow } from '../../../shared/contract/custody';
import type { OfficerStatus } from '../../../shared/domain/custody';
import type { WeaponType } from '../../../shared/domain/enums';
import { normalizeKey } from '../../../shared/domain/normalize';
import { escapeLike, type Statements } from '../db/statements';
import { AppError } from '../errors';

interface Row {
  id: number;
  serviceNumber: string;
  name: string;
  rank: string;
  unit: string;
  agency: OfficerRow['agency'];
  status: OfficerStatus;
  createdAt: string;
  weaponsOut: number;
}

const COLUMNS = `o.id, o.service_number AS serviceNumber, o.name, o.rank, o.unit, o.agency, o.status, o.created_at AS createdAt,
  (SELECT COUNT(*) FROM custody_out c WHERE c.officer_id = o.id) AS weaponsOut`;

/** What the list's substring search runs over: service number, name and unit, each normalized. */
export function officerSearchKey(f: { serviceNumber: string; name: string; unit: string }): string {
  return `${normalizeKey(f.serviceNumber)}\n${normalizeKey(f.name)}\n${normalizeKey(f.unit)}`;
}

function authorisations(s: Statements, officerId: number, today: string): Authorisation[] {
  const rows = s
    .sql('SELECT weapon_type AS weaponType, expires, reference FROM officer_authorisations WHERE officer_id = ? ORDER BY weapon_type')
    .all(officerId) as { weaponType: WeaponType; expires: string; reference: string }[];
  return rows.map((r) => ({ ...r, current: r.expires >= today }));
}

const toOfficer = (s: Statements, r: Row, today: string): OfficerRow => ({ ...r, authorisations: authorisations(s, r.id, today) });

export function findOfficer(s: Statements, id: number, today: string): OfficerRow | undefined {
  const row = s.sql(`SELECT ${COLUMNS} FROM officers o WHERE o.id = ?`).get(id) as Row | undefined;
  return row && toOfficer(s, row, today);
}

/** One officer as the lists show it; `today` (local YYYY-MM-DD) decides which authorisations are current. */
export function officerRow(s: Statements, id: number, today: string, field = 'officerId'): OfficerRow {
  const officer = findOfficer(s, id, today);
  if (!officer) {
    throw new AppError('officer_not_found', `no officer ${id}`, { params: { id }, fields: { [field]: { code: 'officer_not_found' } } });
  }
  return officer;
}

/** The officer holding a service number, compared normalized (a scanner's stray space or lower case still finds them). */
export function findOfficerByServiceNumber(s: Statements, value: string): number | undefined {
  const key = normalizeKey(value);
  if (!key) return undefined;
  const row = s.sql('SELECT id FROM officers WHERE service_number_key = ?').get(key) as { id: number } | undefined;
  return row?.id;
}

export interface OfficerQuery {
  search: string;
  status?: OfficerStatus | undefined;
  offset: number;
  limit: number;
}

/** The personnel list's order: by name. */
export const OFFICER_ORDER = 'ORDER BY o.name, o.id';

/**
 * The personnel list's filters as SQL (shared by its pages and the spreadsheet export): a
 * substring of service number, name or unit, % and _ taken literally, and a status.
 */
export function officerFilter(q: Pick<OfficerQuery, 'search' | 'status'>): { clause: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const search = normalizeKey(q.search);
  if (search) {
    where.push("o.search_key LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(search)}%`);
  }
  if (q.status) {
    where.push('o.status = ?');
    params.push(q.status);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page of the personnel register by name. */
export function listOfficers(s: Statements, q: OfficerQuery, today: string): { rows: OfficerRow[]; total: number } {
  const { clause, params } = officerFilter(q);
  const total = (s.sql(`SELECT COUNT(*) AS n FROM officers o ${clause}`).get(...params) as { n: number }).n;
  const rows = s
    .sql(`SELECT ${COLUMNS} FROM officers o ${clause} ${OFFICER_ORDER} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as Row[];
  return { rows: rows.map((r) => toOfficer(s, r, today)), total };
}
