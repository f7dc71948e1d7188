import { IMPORT_FIELDS, type ColumnMapping, type ImportKind, type ImportPreview, type PreviewRow } from '../../../../shared/domain/spreadsheet';
import type { Coded } from '../../../../shared/result';
import { AppError } from '../../errors';
import type { Store } from '../../store';
import { makeConverter, unknownValues } from '../map/convert';
import type { SpreadsheetTable } from '../read/table';
import { missingRequired } from './inspect';
import { firstDataRow, headersOf } from './rows';
import { RowChecker } from './validate';

const PREVIEW_ROWS = 20;

/**
 * Refuses a mapping that cannot work whatever the rows hold (import_mapping_invalid, the fault
 * on each field): a column the file does not have, a field the kind does not know, a value for
 * every row that does not convert (agency "xyz"), a required field with neither.
 */
export function assertMapping(kind: ImportKind, mapping: ColumnMapping, table: SpreadsheetTable): void {
  const known = IMPORT_FIELDS[kind];
  const fields: Record<string, Coded> = {};
  if (mapping.headerRow >= table.rows.length) fields.headerRow = { code: 'too_big', params: { max: Math.max(0, table.rows.length - 1) } };
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (!known.includes(field)) fields[field] = { code: 'not_in_list' };
    else if (column >= table.columnCount) fields[field] = { code: 'column_missing' };
  }
  const headers = headersOf(table, Math.min(mapping.headerRow, table.rows.length - 1));
  for (const [field, value] of Object.entries(mapping.constants)) {
    if (!known.includes(field)) fields[field] = { code: 'not_in_list' };
    else if (mapping.columns[field] === undefined && value.trim() !== '' && !fields[field]) {
      const alone: ColumnMapping = { headerRow: mapping.headerRow, columns: {}, constants: { [field]: value }, values: mapping.values };
      const wrong = makeConverter(kind, alone, headers)([], 0).errors.find((e) => e.field === field);
      if (wrong) fields[field] = { code: wrong.code, params: wrong.params };
    }
  }
  for (const field of Object.keys(mapping.values)) if (!known.includes(field)) fields[field] = { code: 'not_in_list' };
  for (const field of missingRequired(kind, mapping)) fields[field] ??= { code: 'no_column' };
  if (Object.keys(fields).length > 0) {
    throw new AppError('import_mapping_invalid', `the mapping does not fit the file: ${Object.keys(fields).join(', ')}`, { fields });
  }
}

const asText = (input: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined && typeof v !== 'object')
      .map(([k, v]) => [k, String(v)]),
  );

/** The first rows as they will be recorded, their errors, and the coded values no word matched (all rows). */
export function previewTable(store: Store, table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping): ImportPreview {
  assertMapping(kind, mapping, table);
  const start = firstDataRow(mapping.headerRow);
  const checker = new RowChecker(store, kind, mapping, headersOf(table, mapping.headerRow), PREVIEW_ROWS);
  const rows: PreviewRow[] = [];
  for (let i = start; i < Math.min(table.rows.length, start + PREVIEW_ROWS); i++) {
    const line = table.lines[i] ?? i + 1;
    const row = checker.check(table.rows[i] ?? [], line);
    rows.push({ line, values: row.value ? checker.rules.text(row.value) : asText(row.input), errors: row.errors });
  }
  return { rows, unknown: unknownValues(kind, table.rows.slice(start), table.lines.slice(start), mapping) };
}
