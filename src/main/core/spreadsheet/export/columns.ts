import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/domain/enums';

/**
 * How a column is written. `code` is an identifier (serial, national code, lot or service
 * number, ISO country): text that must never turn into a number ("007") or a formula. `date` is
 * an ISO calendar date, `instant` an ISO date-time (shown in the PC's local time).
 */
export type CellKind = 'text' | 'code' | 'date' | 'instant' | 'integer' | 'decimal';

/** A cell as a source gives it: text ('' for empty), an ISO date or instant, a number or null. */
export type CellValue = string | number | null;

export interface ColumnSpec {
  header: string;
  kind: CellKind;
  /** Width in characters for XLSX. */
  width: number;
}

export interface Column<R> extends ColumnSpec {
  value: (row: R) => CellValue;
}

/** What a writer needs: the sheet's title, its columns, how many rows to expect, and the rows. */
export interface Sheet {
  /** The kind's label: the worksheet's name and the start of the file name. */
  title: string;
  columns: ColumnSpec[];
  total: number;
  rows: Iterable<CellValue[]>;
}

/** What every source is given: translations in the session language and today's date. */
export interface SourceContext {
  t: TFunction;
  language: Language;
  /** Local calendar date (YYYY-MM-DD) for filters such as "inspection due". */
  today: string;
  now: Date;
}

export function column<R>(header: string, kind: CellKind, width: number, value: (row: R) => CellValue): Column<R> {
  return { header, kind, width, value };
}

/** Rows read from SQLite (an iterator, one at a time) as cell values, in column order. */
export function* cells<R>(rows: Iterable<R>, columns: readonly Column<R>[]): Generator<CellValue[]> {
  for (const row of rows) yield columns.map((c) => c.value(row));
}

export function sheet<R>(title: string, columns: Column<R>[], total: number, rows: Iterable<R>): Sheet {
  return { title, columns: columns.map(({ header, kind, width }) => ({ header, kind, width })), total, rows: cells(rows, columns) };
}

/**
 * The labels of a closed vocabulary in the session language, looked up once per export rather
 * than once per cell. An unknown code (a newer app's value) is written as it is.
 */
export function labels(t: TFunction, prefix: string, codes: readonly string[]): (code: string) => string {
  const map = new Map(codes.map((c) => [c, t(`${prefix}.${c}`)]));
  return (code) => (code === '' ? '' : (map.get(code) ?? code));
}
