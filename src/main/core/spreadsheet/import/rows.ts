import type { ColumnMapping, RowError } from '../../../../shared/domain/spreadsheet';
import type { Coded } from '../../../../shared/result';
import { columnLetter } from '../map/columns';
import { cellText } from '../map/values';
import type { Cell, SpreadsheetTable } from '../read/table';

/** The header row's cells as text, one per column; column letters when the file has no header row. */
export function headersOf(table: SpreadsheetTable, headerRow: number): string[] {
  const row = headerRow >= 0 ? table.rows[headerRow] : undefined;
  return Array.from({ length: table.columnCount }, (_, i) => (row ? cellText(row[i] ?? null) : columnLetter(i)));
}

/** Index in table.rows of the first data row (the one after the header row). */
export const firstDataRow = (headerRow: number): number => headerRow + 1;

/** Rows after the header row. */
export const dataRowCount = (table: SpreadsheetTable, headerRow: number): number => Math.max(0, table.rows.length - firstDataRow(headerRow));

const VALUE_MAX = 80;

/**
 * Builds the RowErrors of one row: each field's column letter, header and cell as written (the
 * constant for a field filled by one; nothing for a whole-row problem).
 */
export class ErrorPlacer {
  constructor(
    private readonly mapping: ColumnMapping,
    private readonly headers: readonly string[],
  ) {}

  at(line: number, cells: readonly Cell[], field: string, coded: Coded): RowError {
    const column = this.mapping.columns[field];
    const constant = this.mapping.constants[field];
    const value = column !== undefined ? cellText(cells[column] ?? null) : (constant ?? '');
    return {
      line,
      column: column !== undefined ? columnLetter(column) : '',
      header: column !== undefined ? (this.headers[column] ?? '') : '',
      field,
      code: coded.code,
      params: coded.params ?? {},
      value: value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value,
    };
  }
}
