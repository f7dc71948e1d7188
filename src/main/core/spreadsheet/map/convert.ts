import { IMPORT_FIELDS, type ColumnMapping, type ImportKind, type RowError, type UnknownValue } from '../../../../shared/domain/spreadsheet';
import type { Cell } from '../read/table';
import { columnLetter } from './columns';
import { FIELD_KINDS, type FieldKind } from './fields';
import { cellText, meansBlank, parseBoolean, parseDate, parseNumber } from './values';
import { matchValue, type VocabularyName } from './vocabulary';

export { columnLetter };

/** Why a cell gives no value: a fieldErrors code. A class, so that values need no wrapper. */
class Failure {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {}
}
const NOT_A_DATE = new Failure('not_a_date');
const NOT_A_NUMBER = new Failure('not_a_number');
const unknownValue = (text: string) => new Failure('unknown_value', { value: text.slice(0, 80) });

/** Reads a cell's text (after the user's value mapping) as the field's kind wants it. */
function reader(kind: FieldKind, field: string): (text: string, cell: Cell) => unknown {
  if (typeof kind === 'object') {
    const vocabulary: VocabularyName = kind.coded;
    return (text) => (meansBlank(text) ? '' : (matchValue(vocabulary, text) ?? unknownValue(text)));
  }
  switch (kind) {
    case 'text':
      return field === 'unNumber' ? unNumber : (text) => text;
    case 'date':
      return (text, cell) => (meansBlank(text) ? '' : (parseDate(cell) ?? NOT_A_DATE));
    case 'boolean':
      // An empty cell in a yes/no column is a "no": registers tick only what applies.
      return (text, cell) => (meansBlank(text) ? false : (parseBoolean(cell) ?? unknownValue(text)));
    default:
      return (text, cell) => {
        if (meansBlank(text)) return null;
        if (kind === 'year' && cell instanceof Date) return cell.getUTCFullYear();
        const n = parseNumber(cell, kind !== 'number');
        if (n !== null) return n;
        // A year written as a whole date ("12/03/1985") still tells the year.
        const date = kind === 'year' ? parseDate(cell) : null;
        return date === null ? NOT_A_NUMBER : Number(date.slice(0, 4));
      };
  }
}

/** Distinct texts remembered per column: registers repeat their types, agencies, dates and years. */
const MEMO_MAX = 5_000;

/**
 * The reader with a memo of what each text gave. Text cells only (and any cell of a coded field,
 * read from its text alone): a number or Date cell is read by its value, not by its text.
 */
function remembered(read: (text: string, cell: Cell) => unknown, byTextOnly: boolean): (text: string, cell: Cell) => unknown {
  const memo = new Map<string, unknown>();
  return (text, cell) => {
    if (!byTextOnly && typeof cell !== 'string') return read(text, cell);
    let out = memo.get(text);
    if (out === undefined) {
      out = read(text, cell);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

/** UN numbers are four digits with their zeros ("0012"); spreadsheets drop them and add "UN". */
function unNumber(text: string): string {
  const digits = /^(?:un|onu)?\s*(\d{1,4})$/i.exec(text)?.[1];
  return digits === undefined ? text : digits.padStart(4, '0');
}

interface Slot {
  field: string;
  read: (text: string, cell: Cell) => unknown;
  /** The user's own mapping of file values for this field. */
  values: Map<string, string> | null;
  column: number;
  letter: string;
  header: string;
  /** The constant's text, used for every row (or when the column's cell is empty). */
  constant: string | null;
}

export type RowConverter = (cells: readonly Cell[], line: number) => { input: Record<string, unknown>; errors: RowError[] };

function slotsFor(kind: ImportKind, mapping: ColumnMapping, headers: readonly string[]): Slot[] {
  const kinds = FIELD_KINDS[kind];
  const slots: Slot[] = [];
  for (const field of IMPORT_FIELDS[kind]) {
    const column = mapping.columns[field];
    const constant = mapping.constants[field];
    const fieldKind = kinds[field];
    if (fieldKind === undefined || (column === undefined && constant === undefined)) continue;
    const values = mapping.values[field];
    slots.push({
      field,
      read: fieldKind === 'text' ? reader(fieldKind, field) : remembered(reader(fieldKind, field), typeof fieldKind === 'object'),
      values: values && Object.keys(values).length > 0 ? new Map(Object.entries(values)) : null,
      column: column ?? -1,
      letter: column === undefined ? '' : columnLetter(column),
      header: column === undefined ? '' : (headers[column] ?? ''),
      constant: constant ?? null,
    });
  }
  return slots;
}

/**
 * lotNumber cells that say there is no number ("sans", "mixte", "inconnu") set the lot's state
 * instead: lotFields records such a lot with an empty number.
 */
function lotState(input: Record<string, unknown>): void {
  const text = input.lotNumber;
  if (typeof text !== 'string' || text === '') return;
  const state = matchValue('lotState', text);
  if (state !== null && state !== 'numbered') {
    input.lotState = state;
    input.lotNumber = '';
  }
}

/**
 * A converter for one mapping, built once for a whole file: the per-row work is reading cells,
 * with the fields, readers and value mappings already looked up.
 */
export function makeConverter(kind: ImportKind, mapping: ColumnMapping, headers: readonly string[]): RowConverter {
  const slots = slotsFor(kind, mapping, headers);
  const lots = kind === 'lots';
  return (cells, line) => {
    const input: Record<string, unknown> = {};
    const errors: RowError[] = [];
    for (const slot of slots) {
      let cell: Cell = slot.column >= 0 ? (cells[slot.column] ?? null) : null;
      let text = cellText(cell);
      let fromConstant = false;
      if (text === '' && slot.constant !== null) {
        text = slot.constant.trim();
        cell = text;
        fromConstant = true;
      }
      const raw = text;
      const mapped = slot.values?.get(text);
      if (mapped !== undefined) {
        text = mapped.trim();
        cell = text;
      }
      const out = slot.read(text, cell);
      if (!(out instanceof Failure)) {
        input[slot.field] = out;
      } else {
        errors.push({
          line, field: slot.field, code: out.code, params: { ...out.params }, value: raw.slice(0, 80),
          column: fromConstant ? '' : slot.letter, header: fromConstant ? '' : slot.header,
        });
      }
    }
    if (lots) lotState(input);
    return { input, errors };
  };
}

let last: { kind: ImportKind; mapping: ColumnMapping; headers: readonly string[]; convert: RowConverter } | null = null;

/**
 * One row as the kind's zod schema wants it, and the cells that could not be read. Fields the
 * mapping leaves out are absent from `input` (their schema defaults apply). Reuses the converter
 * of the previous call when the mapping and headers are the same objects, so a loop over a file's
 * rows builds it once.
 */
export function convertRow(kind: ImportKind, cells: readonly Cell[], mapping: ColumnMapping, line: number, headers: readonly string[]) {
  if (!last || last.kind !== kind || last.mapping !== mapping || last.headers !== headers) {
    last = { kind, mapping, headers, convert: makeConverter(kind, mapping, headers) };
  }
  return last.convert(cells, line);
}

/** Distinct values listed per field: enough to map by hand, not a whole file of junk. */
const UNKNOWN_PER_FIELD = 200;

/**
 * The values of coded and yes/no columns that neither the vocabulary nor the user's value mapping
 * understands, with how many rows hold each and the first of them: what the user is asked to map.
 * `rows` are the data rows (after the header) and `lines` their spreadsheet line numbers.
 */
export function unknownValues(kind: ImportKind, rows: readonly (readonly Cell[])[], lines: readonly number[], mapping: ColumnMapping): UnknownValue[] {
  const result: UnknownValue[] = [];
  for (const field of IMPORT_FIELDS[kind]) {
    const fieldKind = FIELD_KINDS[kind][field];
    const column = mapping.columns[field];
    const vocabulary: VocabularyName | null = typeof fieldKind === 'object' ? fieldKind.coded : fieldKind === 'boolean' ? 'boolean' : null;
    if (vocabulary === null || column === undefined) continue;
    const own = mapping.values[field] ?? {};
    const found = new Map<string, UnknownValue>();
    rows.forEach((row, i) => {
      const text = cellText(row[column] ?? null);
      if (meansBlank(text)) return;
      const value = (Object.hasOwn(own, text) ? own[text] : undefined) ?? text;
      if (meansBlank(value) || matchValue(vocabulary, value.trim()) !== null) return;
      const seen = found.get(text);
      if (seen) seen.count++;
      else found.set(text, { field, value: text, count: 1, firstLine: lines[i] ?? i + 1 });
    });
    result.push(...[...found.values()].sort((a, b) => b.count - a.count || a.firstLine - b.firstLine).slice(0, UNKNOWN_PER_FIELD));
  }
  return result;
}
