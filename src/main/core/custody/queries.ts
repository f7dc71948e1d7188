import type { CustodyDashboard, OutRow, OverrideRow, VoucherSummary, WeaponCheck } from '../../../shared/contract/custody';
import type { VoucherKind } from '../../../shared/domain/custody';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { WeaponRow } from '../../../shared/domain/weapon';
import { caseCounts, caseRows } from '../cases/queries';
import type { Statements } from '../db/statements';
import { lookupWeapons } from '../register/queries';
import { openLineOf, weaponRefusal } from './checks';
import { actorRef, issuedData } from './voucher';

/**
 * The weapons-out rows. The join starts from custody_out (CROSS JOIN fixes the order) and reaches
 * vouchers, officers and weapons by their primary keys: a few thousand rows out cost a few
 * thousand lookups whatever the size of the register. Rows are read as arrays (raw) and built
 * once: with 5,000 weapons out, named rows then rest-spread objects cost several times the query.
 */
const OUT_SELECT = `SELECT w.id, w.national_code, w.serial, w.manufacturer, w.model, w.type, w.calibre, w.agency, w.location,
    w.status, w.condition, o.id, o.service_number, o.name, o.rank, o.unit, c.voucher_id, v.number, c.kind, v.issued_at,
    c.expected_return, c.case_id
  FROM custody_out c CROSS JOIN vouchers v ON v.id = c.voucher_id CROSS JOIN officers o ON o.id = c.officer_id
    CROSS JOIN weapons w ON w.id = c.weapon_id`;

const OVERDUE = "c.kind = 'checkout' AND c.expected_return < ?";

type OutRaw = [
  number, string, string, string, string, WeaponRow['type'], string, WeaponRow['agency'], string, WeaponRow['status'], WeaponRow['condition'],
  number, string, string, string, string, number, string, VoucherKind, string, string, number | null,
];

function toOutRow(r: OutRaw, now: string): OutRow {
  const kind = r[18];
  const expectedReturn = r[20];
  return {
    weapon: {
      id: r[0], nationalCode: r[1], serial: r[2], manufacturer: r[3], model: r[4], type: r[5], calibre: r[6], agency: r[7],
      location: r[8], status: r[9], condition: r[10],
    },
    officer: { id: r[11], serviceNumber: r[12], name: r[13], rank: r[14], unit: r[15] },
    voucherId: r[16],
    voucherNumber: r[17],
    kind,
    issuedAt: r[19],
    expectedReturn,
    overdue: kind === 'checkout' && expectedReturn < now,
    caseId: r[21],
  };
}

function readOut(s: Statements, source: string, params: (string | number)[], now: string): OutRow[] {
  return (s.sql(source).raw(true).all(...params) as OutRaw[]).map((r) => toOutRow(r, now));
}

export interface OutQuery {
  officerId?: number | undefined;
  search?: string | undefined;
  overdueOnly?: boolean | undefined;
}

/**
 * Everything out with an officer now, by unit, officer, voucher and national code. `search` is a
 * substring of the national code, serial, officer's name, service number or unit.
 */
export function outRows(s: Statements, q: OutQuery, now: Date): OutRow[] {
  const at = now.toISOString();
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.officerId !== undefined) {
    where.push('c.officer_id = ?');
    params.push(q.officerId);
  }
  if (q.overdueOnly) {
    where.push(OVERDUE);
    params.push(at);
  }
  const search = normalizeKey(q.search ?? '');
  if (search) {
    where.push('(instr(w.national_code_key, ?) > 0 OR instr(w.serial_key, ?) > 0 OR instr(o.search_key, ?) > 0)');
    params.push(search, search, search);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return readOut(s, `${OUT_SELECT} ${clause} ORDER BY o.unit, o.name, c.voucher_id, w.national_code_key`, params, at);
}

export function overdueCount(s: Statements, now: Date): number {
  return (s.sql(`SELECT COUNT(*) AS n FROM custody_out c WHERE ${OVERDUE}`).get(now.toISOString()) as { n: number }).n;
}

/** Overdue checkouts, the longest overdue first. */
function mostOverdue(s: Statements, now: Date, limit: number): OutRow[] {
  const at = now.toISOString();
  return readOut(s, `${OUT_SELECT} WHERE ${OVERDUE} ORDER BY c.expected_return, c.weapon_id LIMIT ?`, [at, limit], at);
}

export interface VoucherQuery {
  officerId?: number | undefined;
  openOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/** The issue log's filters as SQL (shared by its pages and the spreadsheet export); the order is v.id DESC. */
export function voucherWhere(q: Pick<VoucherQuery, 'officerId' | 'openOnly'>): { clause: string; params: number[] } {
  const where: string[] = [];
  const params: number[] = [];
  if (q.officerId !== undefined) {
    where.push('v.officer_id = ?');
    params.push(q.officerId);
  }
  if (q.openOnly) where.push('v.closed_seq IS NULL');
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Vouchers newest first (an officer's, or open ones only); CROSS JOIN keeps vouchers (and their indexes) outermost. */
export function voucherSummaries(s: Statements, q: VoucherQuery): VoucherSummary[] {
  const { clause, params } = voucherWhere(q);
  const rows = s
    .sql(
      `SELECT v.id, v.number, v.kind, o.name AS officerName, o.service_number AS serviceNumber, v.issued_at AS issuedAt,
         v.expected_return AS expectedReturn,
         (SELECT COUNT(*) FROM voucher_weapons x WHERE x.voucher_id = v.id) AS weapons,
         (SELECT COALESCE(SUM(r.issued), 0) FROM voucher_rounds r WHERE r.voucher_id = v.id) AS rounds,
         v.settled_seq IS NOT NULL AS settled, v.closed_seq IS NOT NULL AS closed
       FROM vouchers v CROSS JOIN officers o ON o.id = v.officer_id ${clause} ORDER BY v.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as (Omit<VoucherSummary, 'settled' | 'closed'> & { settled: number; closed: number })[];
  return rows.map((r) => ({ ...r, settled: r.settled === 1, closed: r.closed === 1 }));
}

export function voucherTotal(s: Statements, q: VoucherQuery): number {
  const { clause, params } = voucherWhere(q);
  return (s.sql(`SELECT COUNT(*) AS n FROM vouchers v ${clause}`).get(...params) as { n: number }).n;
}

/** Every exact match of a scanned or typed code, with why it cannot be issued and the voucher it is out on. */
export function weaponChecks(s: Statements, code: string): WeaponCheck[] {
  return lookupWeapons(s, code).map((weapon) => {
    const line = openLineOf(s, weapon.id);
    return {
      weapon,
      refusal: weaponRefusal(s, weapon),
      open: line
        ? {
            voucherId: line.voucherId, voucherNumber: line.voucherNumber, officerName: line.officerName, serviceNumber: line.serviceNumber,
            kind: line.kind, expectedReturn: line.expectedReturn,
          }
        : null,
    };
  });
}

/** The latest issues on a manager's override of a missing or expired authorisation. */
function latestOverrides(s: Statements, limit: number): OverrideRow[] {
  const rows = s
    .sql(
      `SELECT v.id, v.number, v.issued_at AS at, v.override_by AS byId, v.issuer, v.override_reason AS reason,
         o.id AS officerId, o.service_number AS serviceNumber, o.name
       FROM vouchers v CROSS JOIN officers o ON o.id = v.officer_id WHERE v.override_by IS NOT NULL ORDER BY v.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; number: string; at: string; byId: number; issuer: number; reason: string; officerId: number; serviceNumber: string; name: string }[];
  return rows.map((r) => ({
    voucherId: r.id,
    voucherNumber: r.number,
    at: r.at,
    officer: { id: r.officerId, serviceNumber: r.serviceNumber, name: r.name },
    by: actorRef(s, r.byId),
    issuer: actorRef(s, r.issuer),
    reason: r.reason,
    weaponTypes: issuedData(s, r.id).override?.weaponTypes ?? [],
  }));
}

export const DASHBOARD_OVERDUE = 50;
export const DASHBOARD_OVERRIDES = 20;

export function custodyDashboard(s: Statements, now: Date): CustodyDashboard {
  const cases = caseCounts(s, now);
  return {
    out: (s.sql('SELECT COUNT(*) AS n FROM custody_out').get() as { n: number }).n,
    overdue: mostOverdue(s, now, DASHBOARD_OVERDUE),
    overdueTotal: overdueCount(s, now),
    casesOpen: cases.open,
    casesOverdue: caseRows(s, { status: 'open', overdueOnly: true }, now),
    overrides: latestOverrides(s, DASHBOARD_OVERRIDES),
  };
}
