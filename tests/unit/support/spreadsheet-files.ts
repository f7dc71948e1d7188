import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Makers of spreadsheet files as people really have them (French Excel: ';', CRLF, Windows-1252),
 * so tests of the reader, the mapping, the import and the export build their own awkward corpus.
 */

export type CsvSeparator = ';' | ',' | '\t';

export interface CsvTextOptions {
  /** Default ';' (French Excel). */
  separator?: CsvSeparator;
  /** Default '\r\n' (Excel on Windows). */
  lineEnd?: '\r\n' | '\n';
  /** 'needed' (default): only fields with the separator, a quote, CR or LF are quoted (RFC 4180). */
  quote?: 'all' | 'needed';
}

export interface CsvFileOptions extends CsvTextOptions {
  /** Default 'utf-8'. 'windows-1252' is what French Excel writes for "CSV (séparateur : point-virgule)". */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
}

/** Rows as CSV text (RFC 4180 quoting, quotes doubled); the last row ends with the line end too, as Excel writes it. */
export function csvText(rows: string[][], opts: CsvTextOptions = {}): string {
  const separator = opts.separator ?? ';';
  const lineEnd = opts.lineEnd ?? '\r\n';
  const field = (value: string): string => {
    const needed = value.includes(separator) || /["\r\n]/.test(value);
    return opts.quote === 'all' || needed ? `"${value.replaceAll('"', '""')}"` : value;
  };
  return rows.map((row) => row.map(field).join(separator) + lineEnd).join('');
}

/** Writes rows as a CSV file in the given encoding (Windows-1252 through iconv-lite: ’ € œ are 0x92 0x80 0x9C). */
export function writeCsv(path: string, rows: string[][], opts: CsvFileOptions = {}): void {
  const text = csvText(rows, opts);
  const encoding = opts.encoding ?? 'utf-8';
  const bytes =
    encoding === 'windows-1252'
      ? iconv.encode(text, 'windows-1252')
      : Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  writeFileSync(path, bytes);
}

export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxOptions {
  /** Default 'Feuil1' (French Excel's first sheet). */
  sheetName?: string;
  /** 0-based columns formatted as text ('@'), as a careful user does for serial numbers. */
  textColumns?: number[];
}

/**
 * Writes rows as the first worksheet of an XLSX, as Excel stores them (shared strings): strings as
 * text cells, numbers as numbers, booleans as booleans, Dates as date cells (dd/mm/yyyy), null as
 * no cell. An all-null row stays a blank row (its row number is skipped, as in a sheet with an
 * empty line). Streams, so a 100,000-row sheet costs little memory.
 */
export async function writeXlsx(path: string, rows: XlsxValue[][], opts: XlsxOptions = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(opts.sheetName ?? 'Feuil1');
  const textColumns = new Set(opts.textColumns ?? []);
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      else if (textColumns.has(c)) cell.numFmt = '@';
    });
    row.commit();
  });
  sheet.commit();
  await workbook.commit();
}
