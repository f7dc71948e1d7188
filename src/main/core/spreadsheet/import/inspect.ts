import type { ColumnMapping, ImportKind, SpreadsheetShape } from '../../../../shared/domain/spreadsheet';
import type { Statements } from '../../db/statements';
import { REQUIRED_FIELDS } from '../map/fields';
import { detectHeaderRow, shapeOf, suggestMapping } from '../map/headers';
import { cellText } from '../map/values';
import type { SpreadsheetTable } from '../read/table';
import { previousImport, savedMapping } from './queries';
import { dataRowCount, firstDataRow, headersOf } from './rows';

const SAMPLES = 5;

/** Required fields the mapping gives neither a column nor a value for every row. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  return REQUIRED_FIELDS[kind].filter((f) => mapping.columns[f] === undefined && (mapping.constants[f] ?? '').trim() === '');
}

/**
 * What the importer makes of a file before the user's choices: the header row, the mapping saved
 * for a file of this shape (else the one header detection suggests), a few rows to show, and
 * whether this very file was imported before.
 */
export function inspectTable(s: Statements, table: SpreadsheetTable, kind: ImportKind): SpreadsheetShape {
  const headerRow = detectHeaderRow(table.rows, kind);
  const headers = headersOf(table, headerRow);
  const saved = savedMapping(s, kind, shapeOf(headers));
  // The same headers under another number of title lines: the saved columns, this file's header row.
  const mapping: ColumnMapping = saved ? { ...saved, headerRow } : { ...suggestMapping(headers, kind), headerRow };
  const start = firstDataRow(headerRow);
  const samples = table.rows.slice(start, start + SAMPLES).map((row) => Array.from({ length: table.columnCount }, (_, i) => cellText(row[i] ?? null)));
  return {
    fileName: table.fileName,
    fileSha256: table.fileSha256,
    size: table.size,
    format: table.format,
    encoding: table.encoding as SpreadsheetShape['encoding'],
    separator: table.separator,
    headers,
    samples,
    rows: dataRowCount(table, headerRow),
    mapping,
    savedMapping: saved !== null,
    missingRequired: missingRequired(kind, mapping),
    previousImport: previousImport(s, table.fileSha256),
  };
}
