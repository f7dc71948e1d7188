import { readFileSync, statSync } from 'node:fs';
import { columnMapping, type ColumnMapping } from '../../shared/domain/spreadsheet';
import { issuesToFields } from '../../shared/validation';
import { foldText } from '../core/spreadsheet/map/fold';
import { CliError } from './errors';

/** A mapping file is small; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads a --mapping file: a ColumnMapping as JSON ({"headerRow": 1, "columns": {"serial": 2}}), or,
 * easier to write by hand, columns named by their header text ({"columns": {"serial": "N° de
 * série"}}); both may be mixed. A header name is matched exactly, then ignoring case, accents and
 * punctuation; for a file without a header row the "headers" are the column letters (A, B…).
 * `headersAt(row)` gives the headers of a header row (the file's own, or the one the mapping names).
 */
export function readMappingFile(path: string, detectedHeaderRow: number, headersAt: (row: number) => string[]): ColumnMapping {
  if (statSync(path).size > MAX_BYTES) throw new CliError(`${path} is too large to be a mapping file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${path} must hold a JSON object with "columns"`);
  const raw = json as Record<string, unknown>;
  const headerRow = typeof raw.headerRow === 'number' ? raw.headerRow : detectedHeaderRow;
  const columns: Record<string, unknown> = {};
  if (raw.columns !== undefined) {
    if (typeof raw.columns !== 'object' || raw.columns === null || Array.isArray(raw.columns)) throw new CliError(`${path}: "columns" must be an object`);
    const headers = headersAt(headerRow);
    for (const [field, column] of Object.entries(raw.columns as Record<string, unknown>)) {
      columns[field] = typeof column === 'string' ? columnNamed(path, field, column, headers) : column;
    }
  }
  const parsed = columnMapping.safeParse({ ...raw, headerRow, columns });
  if (!parsed.success) {
    const problems = Object.entries(issuesToFields(parsed.error.issues)).map(([where, c]) => `${where}: ${c.code}`);
    throw new CliError(`${path} is not a column mapping (${problems.join('; ')})`);
  }
  return parsed.data;
}

function columnNamed(path: string, field: string, name: string, headers: readonly string[]): number {
  const exact = headers.findIndex((h) => h.trim() === name.trim());
  if (exact >= 0) return exact;
  const folded = foldText(name);
  const loose = headers.findIndex((h) => foldText(h) === folded);
  if (loose >= 0) return loose;
  const known = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ');
  throw new CliError(`${path}: field "${field}" names the column "${name}", which is not a header of the file (headers: ${known})`);
}
