import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { AMMO_CONDITIONS, LOT_STATES } from '../../../../shared/domain/ammunition';
import type { Statements } from '../../db/statements';
import { LOT_COLUMNS, onHandOf, outstandingOf, toLotRecord, type LotRecord } from '../../ammunition/lots';
import { lotFilter } from '../../ammunition/queries';
import { SUSPENSION_REASONS } from '../../ammunition/events';
import { column, labels, sheet, type CellKind, type Column, type Sheet, type SourceContext } from './columns';

type LotQuery = Extract<ExportQuery, { kind: 'lots' }>['query'];

interface Row extends LotRecord {
  onHand: Partial<Record<(typeof AMMO_CONDITIONS)[number], number>>;
  total: number;
  outstanding: number;
  byStore: string;
}

type LotField = keyof LotRecord & string;

/** The lot record's fields in the order of the receipt form, with how each is written. */
const FIELDS: [LotField, CellKind, number][] = [
  ['lotNumber', 'code', 14],
  ['nature', 'text', 28],
  ['calibre', 'text', 12],
  ['manufacturer', 'text', 16],
  ['country', 'code', 8],
  ['yearOfManufacture', 'integer', 8],
  ['hazardDivision', 'code', 8],
  ['compatibilityGroup', 'code', 8],
  ['unNumber', 'code', 8],
  ['neqPerUnitKg', 'decimal', 10],
  ['roundsPerBox', 'integer', 8],
  ['boxesPerCase', 'integer', 8],
  ['inspectionIntervalMonths', 'integer', 8],
  ['lastInspection', 'date', 12],
  ['nextInspection', 'date', 12],
  ['shelfLifeEnd', 'date', 12],
  ['receivedAt', 'date', 12],
];

/**
 * The lots the screen's filters select (same conditions and order, without the list's cap of
 * 5,000): the lot record, the rounds on hand in every store (total, per condition, and per store
 * as "MAG-1: 700; MAG-2: 300"), the rounds issued and not yet accounted for, and the suspension.
 */
export function lotsSheet(s: Statements, q: LotQuery, c: SourceContext): Sheet {
  const { t } = c;
  const lotState = labels(t, 'ammunition:lotState', LOT_STATES);
  const reason = labels(t, 'ammunition:lot.suspendedWhy', Object.values(SUSPENSION_REASONS));
  const yes = t('register:common.yes');
  const no = t('register:common.no');
  const columns: Column<Row>[] = FIELDS.map(([field, kind, width]) =>
    column<Row>(t(`ammunition:field.${field}`), kind, width, (r) => {
      const v = r[field];
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    }),
  );
  columns.splice(1, 0, column<Row>(t('ammunition:field.lotState'), 'text', 14, (r) => lotState(r.lotState)));
  columns.push(
    column<Row>(t('ammunition:lot.total'), 'integer', 10, (r) => r.total),
    ...AMMO_CONDITIONS.map((cond) => column<Row>(t(`ammunition:condition.${cond}`), 'integer', 10, (r) => r.onHand[cond] ?? 0)),
    column<Row>(t('sheets:export.column.byStore'), 'text', 24, (r) => r.byStore),
    column<Row>(t('ammunition:lot.outstanding'), 'integer', 10, (r) => r.outstanding),
    column<Row>(t('sheets:export.column.lotSuspended'), 'text', 8, (r) => (r.suspended ? yes : no)),
    column<Row>(t('sheets:export.column.suspensionReason'), 'text', 20, (r) => reason(r.suspensionReason)),
  );

  const { clause, params, order } = lotFilter(q, c.today);
  const total = (s.sql(`SELECT COUNT(*) AS n FROM lots l ${clause}`).get(...params) as { n: number }).n;
  const byStore = s.sql(
    `SELECT st.code, SUM(b.quantity) AS n FROM ammo_balances b JOIN stores st ON st.id = b.store_id
     WHERE b.lot_id = ? GROUP BY b.store_id ORDER BY st.code`,
  );
  const records = s.sql(`SELECT ${LOT_COLUMNS} FROM lots l ${clause} ${order}`).iterate(...params) as IterableIterator<Record<string, unknown>>;
  function* rows(): Generator<Row> {
    for (const record of records) {
      const lot = toLotRecord(record);
      const onHand = onHandOf(s, lot.id);
      const places = byStore.all(lot.id) as { code: string; n: number }[];
      yield {
        ...lot,
        onHand,
        total: Object.values(onHand).reduce((a, b) => a + b, 0),
        outstanding: outstandingOf(s, lot.id),
        byStore: places.map((p) => `${p.code}: ${p.n}`).join('; '),
      };
    }
  }
  return sheet(t('sheets:export.title.lots'), columns, total, rows());
}
