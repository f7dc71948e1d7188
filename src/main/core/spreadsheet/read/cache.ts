import { stat } from 'node:fs/promises';
import { readSpreadsheet } from './open';
import type { ReadOptions, SpreadsheetTable } from './table';

/**
 * The last table read, so inspect, preview, check and run of one file parse it once. Keyed by
 * path, size and modification time: a file saved again in Excel between two steps is read again.
 * One entry only: a 50 MB register is already a few hundred MB of rows in memory.
 */
let last: { path: string; size: number; mtimeMs: number; table: SpreadsheetTable } | null = null;

export async function tableFor(path: string, opts: ReadOptions = {}): Promise<SpreadsheetTable> {
  // A stat that fails lets readSpreadsheet raise its typed error (not found…).
  const info = await stat(path).catch(() => null);
  if (info && last && last.path === path && last.size === info.size && last.mtimeMs === info.mtimeMs) return last.table;
  last = null;
  const table = await readSpreadsheet(path, opts);
  if (info) last = { path, size: info.size, mtimeMs: info.mtimeMs, table };
  return table;
}

/** Drops the cached table (after an import, or when the user picks another file). */
export function forgetTable(): void {
  last = null;
}
