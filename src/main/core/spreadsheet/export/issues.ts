import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { VOUCHER_KINDS } from '../../../../shared/domain/custody';
import { voucherWhere } from '../../custody/queries';
import type { Statements } from '../../db/statements';
import { column, labels, sheet, type Sheet, type SourceContext } from './columns';

type IssueQuery = Extract<ExportQuery, { kind: 'issues' }>['query'];

interface Row {
  number: string;
  serviceNumber: string;
  name: string;
  unit: string;
  kind: string;
  duty: string;
  issuedAt: string;
  expectedReturn: string;
  weapons: string | null;
  weaponCount: number;
  rounds: number;
  settled: number;
  closed: number;
  closedAt: string | null;
  issuer: string | null;
}

const VOUCHER_STATES = ['open', 'overdue', 'settled', 'closed'] as const;

/**
 * The issue register (vouchers) as the screen filters it, newest first: who took what and when,
 * the weapons by national code, the rounds, and how the voucher stands. A checkout still out
 * past its expected return is "overdue" at the time of the export.
 */
export function issuesSheet(s: Statements, q: IssueQuery, c: SourceContext): Sheet {
  const { t } = c;
  const kind = labels(t, 'custody:kind', VOUCHER_KINDS);
  const state = labels(t, 'custody:voucher.state', VOUCHER_STATES);
  const now = c.now.toISOString();
  const stateOf = (r: Row) => {
    if (r.closed) return 'closed';
    if (r.settled) return 'settled';
    return r.kind === 'checkout' && r.expectedReturn !== '' && r.expectedReturn < now ? 'overdue' : 'open';
  };
  const columns = [
    column<Row>(t('officers:voucher.number'), 'code', 16, (r) => r.number),
    column<Row>(t('officers:field.serviceNumber'), 'code', 14, (r) => r.serviceNumber),
    column<Row>(t('officers:field.name'), 'text', 24, (r) => r.name),
    column<Row>(t('officers:field.unit'), 'text', 22, (r) => r.unit),
    column<Row>(t('officers:voucher.kind'), 'text', 22, (r) => kind(r.kind)),
    column<Row>(t('custody:voucher.field.duty'), 'text', 22, (r) => r.duty),
    column<Row>(t('officers:voucher.issuedAt'), 'instant', 17, (r) => r.issuedAt),
    column<Row>(t('officers:voucher.expectedReturn'), 'instant', 17, (r) => r.expectedReturn),
    column<Row>(t('sheets:export.column.weapons'), 'code', 30, (r) => r.weapons ?? ''),
    column<Row>(t('sheets:export.column.weaponCount'), 'integer', 8, (r) => r.weaponCount),
    column<Row>(t('officers:voucher.rounds'), 'integer', 10, (r) => r.rounds),
    column<Row>(t('officers:voucher.state'), 'text', 22, (r) => state(stateOf(r))),
    column<Row>(t('sheets:export.column.closedAt'), 'instant', 17, (r) => r.closedAt ?? ''),
    column<Row>(t('custody:voucher.field.issuer'), 'text', 22, (r) => r.issuer ?? ''),
  ];
  const { clause, params } = voucherWhere(q);
  const total = (s.sql(`SELECT COUNT(*) AS n FROM vouchers v ${clause}`).get(...params) as { n: number }).n;
  const rows = s
    .sql(
      `SELECT v.number, o.service_number AS serviceNumber, o.name, o.unit, v.kind, v.duty, v.issued_at AS issuedAt,
         v.expected_return AS expectedReturn,
         (SELECT group_concat(code, ', ') FROM (SELECT w.national_code AS code FROM voucher_weapons x CROSS JOIN weapons w ON w.id = x.weapon_id
            WHERE x.voucher_id = v.id ORDER BY w.national_code_key)) AS weapons,
         (SELECT COUNT(*) FROM voucher_weapons x WHERE x.voucher_id = v.id) AS weaponCount,
         (SELECT COALESCE(SUM(r.issued), 0) FROM voucher_rounds r WHERE r.voucher_id = v.id) AS rounds,
         v.settled_seq IS NOT NULL AS settled, v.closed_seq IS NOT NULL AS closed,
         (SELECT e.at FROM events e WHERE e.seq = v.closed_seq) AS closedAt,
         (SELECT u.full_name FROM users u WHERE u.id = v.issuer) AS issuer
       FROM vouchers v CROSS JOIN officers o ON o.id = v.officer_id ${clause} ORDER BY v.id DESC`,
    )
    .iterate(...params) as IterableIterator<Row>;
  return sheet(t('sheets:export.title.issues'), columns, total, rows);
}
