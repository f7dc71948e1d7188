import ExcelJS from 'exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Language } from '../../../../shared/domain/enums';
import type { AtomicFile } from './atomic';
import type { CellKind, CellValue, ColumnSpec } from './columns';
import { dateParts, localParts, wallClock } from './time';

type XlsxValue = string | number | Date | { richText: { text: string }[] } | null;

/** Date formats of date cells: the French way in French, ISO in English (never month first). */
const DATE_FORMAT: Record<Language, { date: string; instant: string }> = {
  fr: { date: 'dd/mm/yyyy', instant: 'dd/mm/yyyy hh:mm' },
  en: { date: 'yyyy-mm-dd', instant: 'yyyy-mm-dd hh:mm' },
};

function numFmt(kind: CellKind, language: Language): string | undefined {
  if (kind === 'text' || kind === 'code') return '@';
  if (kind === 'date') return DATE_FORMAT[language].date;
  if (kind === 'instant') return DATE_FORMAT[language].instant;
  return kind === 'integer' ? '0' : undefined;
}

/**
 * Text as an inline string cell (t="inlineStr"): exceljs writes a plain string without shared
 * strings as t="str", the type of a formula's result; a one-run rich text is a literal string
 * cell. Either way no <f> is written, so "=HYPERLINK(…)" stays text and is never evaluated.
 */
const text = (value: string): XlsxValue => (value === '' ? null : { richText: [{ text: value }] });

/** A cell value for exceljs: text as text, dates and date-times as real dates, numbers as numbers. */
export function xlsxValue(value: CellValue, kind: CellKind): XlsxValue {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return kind === 'integer' || kind === 'decimal' ? value : text(String(value));
  if (kind === 'date') {
    const p = dateParts(value);
    return p ? wallClock(p) : text(value);
  }
  if (kind === 'instant') {
    const p = localParts(value);
    return p ? wallClock(p) : text(value);
  }
  return text(value);
}

/** Excel refuses sheet names over 31 characters or holding \ / ? * [ ] :. */
export function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Gardien';
}

/** Rows written between two waits for the zip to catch up. */
const ROWS_PER_SETTLE = 250;
/** XML the zip may hold back before the writer waits for it. */
const BACKLOG_LIMIT = 1024 * 1024;

interface Buffered {
  _readableState?: { length?: number };
  _writableState?: { length?: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One worksheet streamed row by row (exceljs WorkbookWriter: each row is committed and leaves
 * memory), with a bold, frozen header row, an auto filter and a width per column.
 *
 * exceljs hands each committed row's XML to the zip without waiting for it: if rows come faster
 * than zlib compresses them (always, when the rows are read from SQLite in one go), the whole
 * sheet piles up in memory (150 MB of XML for 100,000 weapons). `settle` waits for that backlog
 * to come down, reading it from the streams exceljs pipes the sheet into.
 */
export class XlsxWriter {
  readonly rowsPerSettle = ROWS_PER_SETTLE;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly worksheet: ExcelJS.Worksheet;
  private readonly kinds: CellKind[];
  private readonly output: WriteStream;
  /** A write to the file that failed (full disk): thrown by the next settle or finish. */
  private failure: Error | null = null;
  private readonly failed: Promise<never>;
  private readonly closed: Promise<void>;

  constructor(file: AtomicFile, title: string, columns: readonly ColumnSpec[], language: Language, now: Date) {
    // A descriptor of its own on the temporary file, closed by the stream when it ends or is
    // destroyed; AtomicFile then syncs the file through its own descriptor and renames it.
    const stream = createWriteStream(file.temp, { flags: 'r+' });
    this.output = stream;
    this.closed = new Promise((resolve) => stream.once('close', () => resolve()));
    this.failed = new Promise<never>((_, reject) => {
      stream.on('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Observed through `failure` and the race in finish; never an unhandled rejection.
    this.failed.catch(() => undefined);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    this.workbook.creator = 'Gardien';
    this.workbook.created = now;
    this.worksheet = this.workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    this.worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
    this.kinds = columns.map((c) => c.kind);
    this.worksheet.columns = columns.map((c, i) => {
      const fmt = numFmt(c.kind, language);
      return { key: `c${i}`, width: Math.min(40, Math.max(c.width, c.header.length + 2)), ...(fmt ? { style: { numFmt: fmt } } : {}) };
    });
    const header = this.worksheet.addRow(columns.map((c) => text(c.header)));
    header.font = { bold: true, name: 'Calibri', size: 11 };
    header.commit();
  }

  add(values: readonly CellValue[]): void {
    this.worksheet.addRow(values.map((v, i) => xlsxValue(v, this.kinds[i] ?? 'text'))).commit();
  }

  /** Bytes written by exceljs that the zip or the file has not taken yet. */
  private backlog(): number {
    const sheet = this.worksheet as unknown as { stream?: { pipes?: Buffered[] } };
    const pending = (sheet.stream?.pipes ?? []).reduce((n, p) => n + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0), 0);
    return pending + this.output.writableLength;
  }

  /** Lets the zip and the file catch up (and the event loop answer other calls). */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.failure === null && this.backlog() > BACKLOG_LIMIT) await sleep(1);
    if (this.failure) throw this.failure;
  }

  /** Ends the sheet and the workbook; resolves once every byte is handed to the file. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    this.worksheet.commit();
    await Promise.race([this.workbook.commit(), this.failed]);
    await this.closed;
  }

  /** Stops writing to the file (after an error) and waits for its descriptor to close. */
  async abort(): Promise<void> {
    if (!this.output.destroyed) this.output.destroy();
    await this.closed;
  }
}
