import Database from 'better-sqlite3';
import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { LANGUAGES, type Language } from '../../../../shared/domain/enums';
import type { ExportFormat, ExportKind } from '../../../../shared/domain/spreadsheet';
import { localToday } from '../../../../shared/domain/weapon';
import type { Db } from '../../db/open';
import { Statements } from '../../db/statements';
import { translator } from '../../i18n';
import type { Store } from '../../store';
import { AtomicFile } from './atomic';
import type { CellValue, Sheet, SourceContext } from './columns';
import { csvStyle, CsvWriter } from './csv';
import { issuesSheet } from './issues';
import { lotsSheet } from './lots';
import { movementsSheet } from './movements';
import { exportFileName } from './names';
import { officersSheet } from './officers';
import { weaponsSheet } from './weapons';
import { XlsxWriter } from './xlsx';

export type ExportRequest = ExportQuery & { format: ExportFormat };

/** Rows written between two progress reports. */
const PROGRESS_EVERY = 2_000;

/**
 * What both writers do: take rows, pause now and then (so other calls are answered and, for
 * XLSX, the zip catches up), end the file, or stop after an error.
 */
interface SheetWriter {
  readonly rowsPerSettle: number;
  add(values: readonly CellValue[]): void;
  settle(): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

type Source = (s: Statements, request: ExportQuery, c: SourceContext) => Sheet;

const SOURCES: Record<ExportKind, Source> = {
  weapons: (s, r, c) => weaponsSheet(s, (r as Extract<ExportQuery, { kind: 'weapons' }>).query, c),
  officers: (s, r, c) => officersSheet(s, (r as Extract<ExportQuery, { kind: 'officers' }>).query, c),
  lots: (s, r, c) => lotsSheet(s, (r as Extract<ExportQuery, { kind: 'lots' }>).query, c),
  movements: (s, r, c) => movementsSheet(s, (r as Extract<ExportQuery, { kind: 'movements' }>).query, c),
  issues: (s, r, c) => issuesSheet(s, (r as Extract<ExportQuery, { kind: 'issues' }>).query, c),
};

export interface ExportJob {
  /** Rows the filters select (for the progress bar; movements: stock card lines before the date filter). */
  total: number;
  /** The name the export would have in the exports folder. */
  fileName: string;
  language: Language;
  /** Writes the rows to `path` (temporary name, sync, rename); returns how many were written. */
  write(path: string, onProgress?: (done: number) => void): Promise<number>;
  /** Ends the read transaction and closes the reading connection (always call it). */
  close(): void;
}

/**
 * A read-only connection of its own, in one read transaction: the export sees the register as it
 * was when it started however long it takes, and the app's connection stays free for other calls
 * while the export yields between batches (better-sqlite3 allows no write on a connection that is
 * iterating a query).
 */
function openReader(store: Store): { db: Db; own: boolean } {
  const path = store.db.name;
  if (store.db.memory || !path) return { db: store.db, own: false };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN');
  return { db, own: true };
}

/**
 * Prepares an export: reads the armoury and counts the rows the filters select. `language`
 * defaults to the armoury's own; headers and coded values are written in it.
 */
export function openExport(store: Store, request: ExportRequest, options: { now: Date; language?: Language }): ExportJob {
  const reader = openReader(store);
  const close = () => {
    if (!reader.own || !reader.db.open) return;
    if (reader.db.inTransaction) reader.db.exec('ROLLBACK');
    reader.db.close();
  };
  try {
    const s = new Statements(reader.db);
    const armoury = s.sql('SELECT code, language FROM armoury WHERE id = 1').get() as { code: string; language: string } | undefined;
    const fallback: Language = (LANGUAGES as readonly string[]).includes(armoury?.language ?? '') ? (armoury?.language as Language) : 'fr';
    const language = options.language ?? fallback;
    const c: SourceContext = { t: translator(language), language, today: localToday(options.now), now: options.now };
    const sheet = SOURCES[request.kind](s, request, c);
    const fileName = exportFileName(sheet.title, armoury?.code ?? '', options.now, request.format);
    return {
      total: sheet.total,
      fileName,
      language,
      write: (path, onProgress) => writeSheet(sheet, path, request.format, language, options.now, onProgress),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** Writes a sheet to `path` through a temporary file; on any error the temporary file is removed and `path` left as it was. */
export async function writeSheet(
  sheet: Sheet,
  path: string,
  format: ExportFormat,
  language: Language,
  now: Date,
  onProgress: (done: number) => void = () => undefined,
): Promise<number> {
  const file = AtomicFile.create(path);
  let writer: SheetWriter | null = null;
  try {
    writer = format === 'csv' ? new CsvWriter(file, sheet.columns, csvStyle(language)) : new XlsxWriter(file, sheet.title, sheet.columns, language, now);
    let rows = 0;
    for (const values of sheet.rows) {
      writer.add(values);
      if (++rows % writer.rowsPerSettle !== 0) continue;
      if (rows % PROGRESS_EVERY === 0) onProgress(rows);
      await writer.settle();
    }
    await writer.finish();
    onProgress(rows);
    file.commit();
    return rows;
  } catch (error) {
    await writer?.abort();
    file.abort();
    throw error;
  }
}
