import { SEARCH_CAP, SEARCH_MIN, type RegisterCounts, type RegisterPage, type RegisterSort, type HistoryEntry, type RegisterQuery } from '../../../shared/contract/register';
import type { z } from '../../../shared/validation';
import type { registerQuery } from '../../../shared/contract/register';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { WeaponRow } from '../../../shared/domain/weapon';
import { ftsPhrase, type Statements } from '../db/statements';
import { decodeEvent } from '../journal/event';
import { ROW_COLUMNS } from './columns';

type Query = z.output<typeof registerQuery>;

const SORT_COLUMNS: Record<RegisterSort, string> = {
  nationalCode: 'national_code_key',
  serial: 'serial_key',
  type: 'type',
  status: 'status',
  agency: 'agency',
  calibre: 'calibre',
  registered: 'id',
};

export function registerCounts(s: Statements): RegisterCounts {
  const rows = s.sql('SELECT status, n FROM weapon_status_counts WHERE n > 0').all() as { status: string; n: number }[];
  const byStatus: RegisterCounts['byStatus'] = {};
  let total = 0;
  for (const r of rows) {
    byStatus[r.status as keyof typeof byStatus] = r.n;
    total += r.n;
  }
  return { total, byStatus };
}

/**
 * The register screen's filters and order as SQL: the list's pages and the spreadsheet export
 * (which adds the search's trigram match without the cap) select the same rows in the same order.
 */
export function registerFilter(q: Pick<Query, 'filters' | 'search' | 'sort' | 'dir'>): {
  where: string[];
  params: (string | number)[];
  search: string;
  order: string;
} {
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, value] of Object.entries(q.filters) as [keyof Query['filters'], string | undefined][]) {
    if (value === undefined || value === '') continue;
    where.push(`w.${column} = ?`);
    params.push(value);
  }
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  return { where, params, search: normalizeKey(q.search), order: `ORDER BY w.${SORT_COLUMNS[q.sort]} ${dir}, w.id ${dir}` };
}

/**
 * One page of the register. Filters use the column indexes; a search (3+ characters, any
 * position) goes through the trigram index and is capped so that a keystroke never scans.
 */
export function listWeapons(s: Statements, q: Query): RegisterPage {
  const { where, params, search, order } = registerFilter(q);
  if (search.length >= SEARCH_MIN && where.length === 0) return searchAll(s, search, order, q);
  if (search.length >= SEARCH_MIN) {
    const hits = (cap: number) => `SELECT w.id FROM weapon_search f JOIN weapons w ON w.id = f.rowid
      WHERE weapon_search MATCH ? ${where.map((c) => `AND ${c}`).join(' ')} LIMIT ${cap}`;
    const hitParams = [ftsPhrase(search), ...params];
    // One more than the cap tells "capped"; the pages themselves never go past the cap.
    const total = (s.sql(`SELECT COUNT(*) AS n FROM (${hits(SEARCH_CAP + 1)})`).get(...hitParams) as { n: number }).n;
    const rows = s
      .sql(`SELECT ${ROW_COLUMNS} FROM weapons w WHERE w.id IN (${hits(SEARCH_CAP)}) ${order} LIMIT ? OFFSET ?`)
      .all(...hitParams, q.limit, q.offset) as WeaponRow[];
    return { rows, total: Math.min(total, SEARCH_CAP), capped: total > SEARCH_CAP };
  }

  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = where.length
    ? (s.sql(`SELECT COUNT(*) AS n FROM weapons w ${clause}`).get(...params) as { n: number }).n
    : registerCounts(s).total;
  const rows = s.sql(`SELECT ${ROW_COLUMNS} FROM weapons w ${clause} ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as WeaponRow[];
  return { rows, total, capped: false };
}

/**
 * A search without filters: the trigram index alone gives the hits (its rowids are weapon ids,
 * which verify checks), read once; then only the page's rows are read from weapons. Joining every
 * hit to weapons, twice (count and page), cost up to 1,000 random row reads per keystroke at
 * 1,000,000 weapons. Same hits, same order, same cap as the filtered path.
 */
function searchAll(s: Statements, search: string, order: string, q: Query): RegisterPage {
  const hits = s
    .sql(`SELECT rowid AS id FROM weapon_search WHERE weapon_search MATCH ? LIMIT ${SEARCH_CAP + 1}`)
    .all(ftsPhrase(search)) as { id: number }[];
  const ids = hits.slice(0, SEARCH_CAP).map((h) => h.id);
  const rows = s
    .sql(`SELECT ${ROW_COLUMNS} FROM weapons w WHERE w.id IN (SELECT value FROM json_each(?)) ${order} LIMIT ? OFFSET ?`)
    .all(JSON.stringify(ids), q.limit, q.offset) as WeaponRow[];
  return { rows, total: ids.length, capped: hits.length > SEARCH_CAP };
}

/** Exact match on serial or national code: what a barcode scanner sends. */
export function lookupWeapons(s: Statements, code: string): WeaponRow[] {
  const key = normalizeKey(code);
  if (!key) return [];
  return s
    .sql(`SELECT ${ROW_COLUMNS} FROM weapons w WHERE national_code_key = ? UNION SELECT ${ROW_COLUMNS} FROM weapons w WHERE serial_key = ? ORDER BY id LIMIT 50`)
    .all(key, key) as WeaponRow[];
}

interface ActorRow {
  id: number;
  username: string;
  full_name: string;
}

/** Every event about a record, oldest first, with who did it (and who approved). */
export function history(s: Statements, ref: string): HistoryEntry[] {
  const rows = s
    .sql('SELECT e.seq, e.body, e.hash FROM event_refs r JOIN events e ON e.seq = r.seq WHERE r.ref = ? ORDER BY e.seq')
    .all(ref) as { seq: number; body: Buffer; hash: Buffer }[];
  const users = new Map<number, ActorRow>();
  const actor = (id: number) => {
    if (!users.has(id)) users.set(id, s.sql('SELECT id, username, full_name FROM users WHERE id = ?').get(id) as ActorRow);
    const u = users.get(id);
    return u ? { id: u.id, username: u.username, fullName: u.full_name } : { id, username: '?', fullName: '?' };
  };
  return rows.map((row) => {
    const e = decodeEvent(row.body);
    return {
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: actor(e.actor),
      approver: e.approver !== undefined ? actor(e.approver) : null,
      data: e.data as Record<string, unknown>,
      hash: row.hash.toString('hex'),
    };
  });
}

/** The event whose value a correction replaces: the last correction of that field, else the registration. */
export function lastSetterOf(s: Statements, weaponId: number, field: string): number {
  const row = s
    .sql(
      `SELECT e.seq FROM event_refs r JOIN events e ON e.seq = r.seq
       WHERE r.ref = ? AND e.type = 'weapon.corrected' AND json_extract(CAST(e.body AS TEXT), '$.data.field') = ?
       ORDER BY e.seq DESC LIMIT 1`,
    )
    .get(`w:${weaponId}`, field) as { seq: number } | undefined;
  return row?.seq ?? weaponId;
}

export type { RegisterQuery };
