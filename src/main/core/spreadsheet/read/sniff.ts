import Papa from 'papaparse';
import type { CsvSeparator } from './table';

/** Candidates in order of preference on a tie: French Excel's ';' first, since decimal commas make ',' look plausible. */
const SEPARATORS: readonly CsvSeparator[] = [';', '\t', ','];
const SAMPLE_ROWS = 200;

/**
 * The record separator to parse with. With any '\n' in the text it is '\n', and the reader drops
 * the '\r' that CRLF leaves at the end of a row's last cell: files stitched together from
 * Windows and Unix tools (CRLF rows then LF rows) still split into rows. Only old Mac files use '\r' alone.
 */
export function newlineOf(sample: string): '\n' | '\r' {
  // Quoted cells may hold either; only the breaks between records count.
  const unquoted = sample.replace(/"[^"]*"/g, '');
  return unquoted.includes('\n') || !unquoted.includes('\r') ? '\n' : '\r';
}

/** Parses text with the given separator; the papaparse core parser, without its type guessing. */
export function csvParser(separator: CsvSeparator, newline: '\n' | '\r', preview = 0): Papa.Parser {
  return new Papa.Parser({ delimiter: separator, newline, quoteChar: '"', ...(preview ? { preview } : {}) });
}

interface Score {
  separator: CsvSeparator;
  /** Sample rows the separator splits into two cells or more. */
  split: number;
  /** Sample rows with the most common cell count. */
  atMode: number;
}

function scoreOf(separator: CsvSeparator, sample: string, truncated: boolean, newline: '\n' | '\r'): Score {
  const result = csvParser(separator, newline, SAMPLE_ROWS).parse(sample, 0, truncated) as { data: string[][] };
  const rows = result.data.filter((row) => row.some((cell) => cell.trim() !== ''));
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let atMode = 0;
  for (const [width, count] of counts) if (width > 1 && count > atMode) atMode = count;
  const split = rows.filter((row) => row.length > 1).length;
  // A separator that splits only a minority of rows is a comma inside text ("Dupont, Jean"), not a column break.
  return { separator, split: split * 2 > rows.length ? split : 0, atMode };
}

/**
 * Detects the separator from the first rows of the file (a sample of its start). The winner
 * splits the most rows, then has the most rows of one width, then comes first in SEPARATORS: a
 * French file whose every row holds decimal commas stays ';'. A file no candidate splits is one
 * column, read with ';'.
 */
export function detectSeparator(sample: string, newline: '\n' | '\r', truncated: boolean): CsvSeparator {
  let best: Score = { separator: ';', split: 0, atMode: 0 };
  for (const separator of SEPARATORS) {
    const score = scoreOf(separator, sample, truncated, newline);
    if (score.split > best.split || (score.split === best.split && score.split > 0 && score.atMode > best.atMode)) best = score;
  }
  return best.separator;
}
