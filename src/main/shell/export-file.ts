/**
 * "Copy to USB stick…": a file core wrote into `<dataDir>/exports/` copied where the user chooses.
 * No 'electron' import (the dialog is passed in), so vitest and the Playwright bridge run the same code.
 */
import { constants } from 'node:fs';
import { copyFile, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SavedPdf } from '../../shared/api';
import { exportExtension, safeExportName } from '../../shared/export-name';

export const EXPORTS_FOLDER = 'exports';

export interface SaveDialogOptions {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** The system's save dialog (or a test's stand-in): the chosen path, or null for Cancel. */
export type AskSavePath = (options: SaveDialogOptions) => Promise<string | null>;

/**
 * The exported file a name from the renderer designates: a regular file directly in the exports
 * folder (never a symlink, a folder or a path elsewhere), or null.
 */
export async function exportSource(dataDir: string, fileName: unknown): Promise<{ name: string; path: string } | null> {
  const name = safeExportName(fileName);
  if (name === null) return null;
  const path = join(dataDir, EXPORTS_FOLDER, name);
  try {
    return (await lstat(path)).isFile() ? { name, path } : null;
  } catch {
    return null;
  }
}

/** fsync of a folder so a rename in it survives a power cut; some systems (Windows) cannot open one. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // best effort: the file itself is already synced
  } finally {
    await handle?.close();
  }
}

/**
 * Whole file or none under `dest`: copied to a hidden temporary name in the destination folder,
 * size checked, fsynced, then renamed over `dest` (a USB stick pulled midway leaves at most the
 * temporary file, never half a snapshot under its real name).
 */
export async function copyAtomically(source: string, dest: string): Promise<void> {
  const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.partial`);
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const [from, to] = await Promise.all([stat(source), stat(temp)]);
    if (from.size !== to.size) throw new Error(`copied ${to.size} of ${from.size} bytes`);
    await rename(temp, dest);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(dest));
}

/**
 * Asks where to put the exported file, then copies it there. A cancel is `{ saved: false }`; a file
 * that is not in the exports folder, or a destination that cannot be written (full, read-only,
 * removed stick), says so in `error` and leaves nothing under the chosen name.
 */
export async function saveExport(dataDir: string, fileName: unknown, ask: AskSavePath): Promise<SavedPdf> {
  const source = await exportSource(dataDir, fileName);
  if (!source) return { saved: false, error: 'missing' };
  const ext = exportExtension(source.name);
  const dest = await ask({ defaultPath: source.name, filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [] });
  if (dest === null) return { saved: false };
  try {
    await copyAtomically(source.path, dest);
  } catch (error) {
    console.error('[gardien] copying an export failed', error);
    return { saved: false, error: 'write_failed' };
  }
  return { saved: true, path: dest };
}
