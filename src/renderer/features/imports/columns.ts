import type { SpreadsheetShape } from '../../../shared/domain/spreadsheet';

/** A column as the spreadsheet names it: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface FileColumns {
  /** How many columns the file has. */
  count: number;
  /** Each column's header in the chosen header row; null when that row is not known here (letters only). */
  names: (string | null)[];
  /** Data rows under the chosen header, as far as inspect sent them. */
  samples: string[][];
}

/**
 * The file's columns for a header row the user chose. Inspect sent the detected header row and
 * the rows under it; a lower row (a title line above the real headers) is among those samples,
 * a higher one is not, so its columns are then named by letter only.
 */
export function fileColumns(shape: SpreadsheetShape, headerRow: number): FileColumns {
  const detected = shape.mapping.headerRow;
  const count = Math.max(shape.headers.length, ...shape.samples.map((r) => r.length), 0);
  const none = (): (string | null)[] => Array.from({ length: count }, () => null);
  if (headerRow === detected) return { count, names: detected < 0 ? none() : pad(shape.headers, count), samples: shape.samples };
  const all = detected < 0 ? shape.samples : [shape.headers, ...shape.samples];
  if (headerRow < 0) return { count, names: none(), samples: detected < 0 ? shape.samples : all };
  const index = headerRow - detected - 1;
  const row = index >= 0 ? shape.samples[index] : undefined;
  if (row) return { count, names: pad(row, count), samples: shape.samples.slice(index + 1) };
  return { count, names: none(), samples: all };
}

function pad(row: readonly string[], count: number): (string | null)[] {
  return Array.from({ length: count }, (_, i) => row[i] ?? '');
}

/** The first filled value of a column among the samples ('' when all are empty). */
export function sampleOf(samples: readonly string[][], column: number): string {
  for (const row of samples) {
    const v = row[column]?.trim();
    if (v) return v;
  }
  return '';
}

/** Long cells cut for a list option (the whole value is in the preview). */
export function clip(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
