import { MAX_COLUMNS } from '../../../../shared/domain/spreadsheet';
import { AppError } from '../../errors';
import { breathe } from '../../jobs';
import { textDecoding } from './decode';
import { csvParser, detectSeparator, newlineOf } from './sniff';
import { cellBudget, isBlankRow, type Cell, type CsvSeparator, type ReadOptions, type ReadRows, type TextEncoding } from './table';

/** Bytes decoded and parsed between two breaths: a few milliseconds of work, so progress polls are answered. */
const CHUNK_BYTES = 256 * 1024;
/** Text the separator and line ends are detected from. */
const SNIFF_BYTES = 1024 * 1024;
/** A record longer than this is an unclosed quote, not data (Excel holds 32,767 characters a cell). */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

interface ParseResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

export interface CsvRows extends ReadRows {
  encoding: TextEncoding;
  separator: CsvSeparator;
}

/**
 * Decodes and splits a CSV into rows chunk by chunk: papaparse's core parser reads each chunk and
 * hands back the unfinished last record, which is parsed again with the next chunk (so a quoted
 * cell may span chunks). Cells stay exactly as written: no trimming, no type guessing, so "007"
 * keeps its zeros and "=1+1" stays text. Line numbers count every record, blank ones too, as the
 * spreadsheet numbers its rows.
 */
export async function readCsvBytes(bytes: Buffer, fileName: string, opts: ReadOptions): Promise<CsvRows> {
  const { encoding, start, decoder } = textDecoding(bytes);
  const head = decoder().write(bytes.subarray(start, start + SNIFF_BYTES));
  const newline = newlineOf(head);
  const separator = detectSeparator(head, newline, start + SNIFF_BYTES < bytes.length);
  const parser = csvParser(separator, newline);
  const decode = decoder();
  const out: ReadRows = { rows: [], lines: [], columnCount: 0 };
  const spend = cellBudget(fileName);
  let record = 0;
  let pending = '';
  let base = 0;
  for (let at = start; ; at += CHUNK_BYTES) {
    const last = at + CHUNK_BYTES >= bytes.length;
    const input = pending + decode.write(bytes.subarray(at, at + CHUNK_BYTES)) + (last ? (decode.end() ?? '') : '');
    const result = parser.parse(input, base, !last) as ParseResult;
    if (!last) pending = input.slice(result.meta.cursor - base);
    const missing = result.errors.find((error) => error.code === 'MissingQuotes');
    const unclosedAt = last ? (missing ? (missing.row ?? 0) : -1) : pending.length > MAX_RECORD_CHARS ? result.data.length : -1;
    if (unclosedAt >= 0) {
      // A quote never closed swallows every later row into one cell: refuse rather than lose them
      // (and rather than parse the growing record again with every chunk).
      throw new AppError('spreadsheet_damaged', `${fileName}: a quoted cell is never closed`, {
        params: { fileName, line: record + unclosedAt + 1 },
      });
    }
    for (const row of result.data) {
      record += 1;
      if (newline === '\n') dropCarriageReturn(row);
      if (isBlankRow(row)) continue;
      if (row.length > MAX_COLUMNS) {
        throw new AppError('spreadsheet_too_wide', `${fileName}: ${row.length} columns`, { params: { fileName, max: MAX_COLUMNS } });
      }
      spend(row.length);
      out.rows.push(row satisfies Cell[]);
      out.lines.push(record);
      if (row.length > out.columnCount) out.columnCount = row.length;
    }
    base = result.meta.cursor;
    opts.onProgress?.(Math.min(at + CHUNK_BYTES, bytes.length), bytes.length);
    if (last) break;
    await breathe();
    if (opts.isCancelled?.()) throw new AppError('import_cancelled', 'import cancelled while reading the file');
  }
  return { ...out, encoding, separator };
}

/** Parsing on '\n' leaves CRLF's '\r' on the row's last cell (only there: a quoted '\r\n' is inside a cell). */
function dropCarriageReturn(row: string[]): void {
  const end = row.length - 1;
  const cell = row[end];
  if (cell !== undefined && cell.endsWith('\r')) row[end] = cell.slice(0, -1);
}
