import { MAX_COLUMNS } from '../../../../shared/domain/spreadsheet';
import { AppError } from '../../errors';
import { breathe } from '../../jobs';
import { GuardedFeed } from './feed';
import { openWorkbook } from './workbook';
import { cellOf } from './xlsx-cell';
import { cellBudget, isBlankRow, type Cell, type ReadOptions, type ReadRows } from './table';
import { hasEntry, workbookPartsFirst, zipProblem } from './zip';

/** Rows read between two breaths (progress, cancel). */
const BATCH_ROWS = 2000;

function damaged(fileName: string, why: string): AppError {
  return new AppError('spreadsheet_damaged', `${fileName}: ${why}`, { params: { fileName } });
}

/**
 * Reads the first worksheet (first visible tab) of an XLSX from its bytes with exceljs's
 * streaming reader: rows as the sheet numbers them, typed cells, blank rows dropped. Every error
 * from the unzip or the XML parser is a damaged file.
 */
export async function readXlsxBytes(bytes: Buffer, fileName: string, opts: ReadOptions): Promise<ReadRows> {
  const problem = zipProblem(bytes);
  if (problem) throw damaged(fileName, problem);
  const feed = new GuardedFeed(workbookPartsFirst(bytes));
  const workbook = openWorkbook(feed.stream, hasEntry(bytes, 'xl/sharedStrings.xml'));
  const out: ReadRows = { rows: [], lines: [], columnCount: 0 };
  const spend = cellBudget(fileName);
  const firstSheet = async (): Promise<boolean> => {
    for await (const sheet of workbook.sheets()) {
      const wanted = workbook.firstSheetId();
      if (wanted !== undefined && sheet.id !== wanted) {
        // Read a skipped sheet to its end: exceljs buffers a sheet that comes before the shared
        // strings or the workbook's rels in a temp file and deletes it as soon as we move on, and
        // the file stream then fails to open with nobody listening (an uncaught ENOENT).
        for await (const _row of sheet) feed.rows++;
        continue;
      }
      const date1904 = workbook.date1904();
      for await (const row of sheet) {
        const cells: Cell[] = [];
        row.eachCell((cell, column) => {
          if (column > MAX_COLUMNS) {
            throw new AppError('spreadsheet_too_wide', `${fileName}: column ${column}`, { params: { fileName, max: MAX_COLUMNS } });
          }
          const value = cellOf(cell.value, cell.numFmt, date1904);
          if (value !== null) cells[column - 1] = value;
        });
        // eachCell skips empty cells: fill the holes it leaves.
        const filled = Array.from(cells, (cell) => cell ?? null);
        if (!isBlankRow(filled)) {
          spend(filled.length);
          out.rows.push(filled);
          out.lines.push(row.number);
          out.columnCount = Math.max(out.columnCount, filled.length);
        }
        if (++feed.rows % BATCH_ROWS === 0) await pause(opts, feed.fed, bytes.length);
      }
      return true;
    }
    return false;
  };
  let found: boolean;
  try {
    found = await feed.race(firstSheet());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(fileName, error instanceof Error ? error.message : String(error));
  }
  if (!found) throw damaged(fileName, 'no worksheet');
  opts.onProgress?.(bytes.length, bytes.length);
  return out;
}

async function pause(opts: ReadOptions, done: number, total: number): Promise<void> {
  opts.onProgress?.(done, total);
  await breathe();
  if (opts.isCancelled?.()) throw new AppError('import_cancelled', 'import cancelled while reading the file');
}
