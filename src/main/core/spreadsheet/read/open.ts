import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../../errors';
import { readCsvBytes } from './csv';
import { looksBinary, looksZip } from './decode';
import { MAX_SPREADSHEET_MB, type ReadOptions, type ReadRows, type SpreadsheetTable } from './table';
import { readXlsxBytes } from './xlsx';

/**
 * Reads a CSV (.csv, .txt) or XLSX file into a SpreadsheetTable. The file is read once into
 * memory, so the SHA-256 cited by the import is of exactly the bytes parsed. Any failure is an
 * AppError with a spreadsheet_* code (or import_cancelled), never a library's untyped error.
 */
export async function readSpreadsheet(path: string, opts: ReadOptions = {}): Promise<SpreadsheetTable> {
  const fileName = basename(path);
  const params = { fileName };
  const extension = extname(path).toLowerCase();
  if (!['.csv', '.txt', '.xlsx'].includes(extension)) {
    throw new AppError('spreadsheet_format', `${fileName}: not a CSV or XLSX file`, { params });
  }
  const bytes = await readBytes(path, fileName);
  const size = bytes.length;
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  if (size === 0) throw new AppError('spreadsheet_empty', `${fileName}: empty file`, { params });

  // An .xlsx saved as .csv by hand is still a workbook; a .csv named .xlsx is not (the damaged error says so).
  const asXlsx = extension === '.xlsx' || looksZip(bytes);
  let read: ReadRows & Pick<SpreadsheetTable, 'encoding' | 'separator'>;
  if (asXlsx) {
    read = { ...(await readXlsxBytes(bytes, fileName, opts)), encoding: null, separator: null };
  } else {
    if (looksBinary(bytes)) throw new AppError('spreadsheet_format', `${fileName}: binary content, not CSV text`, { params });
    read = await readCsvBytes(bytes, fileName, opts);
  }
  if (read.rows.length === 0) throw new AppError('spreadsheet_empty', `${fileName}: no row holds anything`, { params });
  return { fileName, fileSha256, size, format: asXlsx ? 'xlsx' : 'csv', ...read };
}

async function readBytes(path: string, fileName: string): Promise<Buffer> {
  const params = { fileName };
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('spreadsheet_not_found', `${fileName}: not a file`, { params });
    if (info.size > MAX_SPREADSHEET_MB * 1024 * 1024) {
      throw new AppError('spreadsheet_too_large', `${fileName}: ${info.size} bytes`, { params: { fileName, max: MAX_SPREADSHEET_MB } });
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // A missing file, or one the user may not open (EACCES on a share): the user sees "not found" either way.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') {
      throw new AppError('spreadsheet_not_found', `${fileName}: ${code}`, { params });
    }
    throw new AppError('spreadsheet_damaged', `${fileName}: ${error instanceof Error ? error.message : String(error)}`, { params });
  }
}
