import type { MonthlyLine } from '../../../shared/contract/reports';
import type { PrintLabels } from '../print/labels';

/** The figures of a line, in the order of the paper form; weapons have no adjustment column. */
const WEAPON_COLUMNS = ['opening', 'receipts', 'issued', 'returned', 'losses', 'destroyed', 'transferredOut', 'closing'] as const;
const AMMO_COLUMNS = ['opening', 'receipts', 'issued', 'returned', 'losses', 'destroyed', 'transferredOut', 'adjusted', 'closing'] as const;
type Column = (typeof AMMO_COLUMNS)[number];

export interface MonthlyRow {
  key: string;
  /** The line's name: a weapon type, or an ammunition nature and calibre (one cell each). */
  cells: string[];
  line: MonthlyLine;
}

/**
 * One table of the monthly return: a line per weapon type or ammunition nature, then the totals.
 * `t` reads `reports:monthly.*`.
 */
export function MonthlyTable(props: {
  kind: 'weapons' | 'ammunition';
  heads: string[];
  rows: MonthlyRow[];
  totals: MonthlyLine;
  totalLabel: string;
  t: (key: string) => string;
  labels: PrintLabels;
}) {
  const { labels, t } = props;
  const columns: readonly Column[] = props.kind === 'weapons' ? WEAPON_COLUMNS : AMMO_COLUMNS;
  const figure = (line: MonthlyLine, col: Column) => {
    const n = line[col];
    // Adjustments are signed; every other figure is a count.
    const text = labels.number(Math.abs(n));
    return col === 'adjusted' && n !== 0 ? `${n > 0 ? '+' : '−'}${text}` : text;
  };
  return (
    <table className="print-table monthly-table" data-testid={`monthly-${props.kind}`}>
      <thead>
        <tr>
          {props.heads.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          {columns.map((c) => (
            <th key={c} scope="col" className="num">
              {t(`col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} data-testid="monthly-line" data-key={row.key}>
            {row.cells.map((c, i) => (
              <td key={i} className="monthly-label">
                {c}
              </td>
            ))}
            {columns.map((c) => (
              <td key={c} className={`num${c === 'closing' ? ' monthly-closing' : ''}`} data-col={c} data-value={row.line[c]}>
                {figure(row.line, c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="print-total" data-testid="monthly-total">
          <td colSpan={props.heads.length}>{props.totalLabel}</td>
          {columns.map((c) => (
            <td key={c} className="num" data-col={c} data-value={props.totals[c]}>
              {figure(props.totals, c)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
