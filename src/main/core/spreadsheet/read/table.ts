import { AppError } from '../../errors';

/**
 * What the reader makes of a spreadsheet file: its rows of cells as written, before any mapping.
 * Every later step (header detection, preview, check, run) works from this one table.
 */

/** One cell: CSV cells are always strings ('' when empty); XLSX cells keep their type (null when empty). */
export type Cell = string | number | boolean | Date | null;

/**
 * How a CSV's bytes were decoded. UTF-16 comes from Excel's "Unicode text" (tab-separated
 * UTF-16LE with a BOM); the shared SpreadsheetShape mirrors this union.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type CsvSeparator = ';' | ',' | '\t';

export interface SpreadsheetTable {
  fileName: string;
  /** SHA-256 (hex) of the file's exact bytes: what registration events cite as their source. */
  fileSha256: string;
  size: number;
  format: 'csv' | 'xlsx';
  /** null for XLSX. */
  encoding: TextEncoding | null;
  /** null for XLSX. */
  separator: CsvSeparator | null;
  /** Every row that holds anything (blank rows dropped), first worksheet for XLSX. */
  rows: Cell[][];
  /** Spreadsheet row number (1-based) of each row: a quoted newline does not start a row. */
  lines: number[];
  /** Width of the widest row. */
  columnCount: number;
}

export interface ReadOptions {
  /** Called between batches with the bytes of the file read so far and its size. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches: true stops the read with AppError('import_cancelled'). */
  isCancelled?: () => boolean;
}

/** Rows, their line numbers and width: what the CSV and XLSX readers hand to open.ts. */
export interface ReadRows {
  rows: Cell[][];
  lines: number[];
  columnCount: number;
}

/** Largest file read (MB): a register of a few hundred thousand rows is far below it. */
export const MAX_SPREADSHEET_MB = 100;

/**
 * Most cells kept from one file (about 1 GB of memory, as much as a cheap PC can spare): a guard
 * against an XLSX whose few MB unzip to tens of millions of cells, which would crash the app
 * rather than be refused.
 */
export const MAX_CELLS = 10_000_000;

/** A row is blank when no cell holds anything but whitespace (Excel's empty lines, ';;;' rows). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/** Counts the cells kept so far against MAX_CELLS. */
export function cellBudget(fileName: string): (cells: number) => void {
  let kept = 0;
  return (cells) => {
    kept += cells;
    if (kept > MAX_CELLS) {
      throw new AppError('spreadsheet_too_many_cells', `${fileName}: more than ${MAX_CELLS} cells`, {
        params: { fileName, max: MAX_CELLS },
      });
    }
  };
}
