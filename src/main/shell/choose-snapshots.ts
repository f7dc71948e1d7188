/**
 * "Choose snapshot files…" / "Choose a folder…" at the commission: the system's open dialog, then
 * the chosen paths granted to core, which reads no other path for an import. No 'electron' import
 * (the dialog is passed in), so vitest and the Playwright bridge run the same code.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOT_EXTENSION } from '../../shared/domain/snapshot';

/** What core offers the shell: the paths the user chose, the only ones commission.import may read. */
export interface ImportGrants {
  grantImportPaths(paths: readonly string[]): void;
}

export interface OpenDialogOptions {
  folder: boolean;
  filters: { name: string; extensions: string[] }[];
}

/** The system's open dialog (or a test's stand-in): the chosen paths, or null for Cancel. */
export type AskOpenPaths = (options: OpenDialogOptions) => Promise<string[] | null>;

const EXTENSION = SNAPSHOT_EXTENSION.slice(1);

/** A folder's snapshot files, not its sub-folders', sorted by name (numbered names import in order). */
export async function snapshotsInFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(SNAPSHOT_EXTENSION))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(folder, name));
}

/**
 * Asks for files (several at once) or one folder; a folder stands for its *.gsnap files. The
 * paths are granted before they are returned, so the import the screen starts next may read them.
 */
export async function chooseSnapshots(folder: boolean, ask: AskOpenPaths, grants: ImportGrants): Promise<{ paths: string[] }> {
  const chosen = await ask({ folder, filters: [{ name: EXTENSION.toUpperCase(), extensions: [EXTENSION] }] });
  if (chosen === null || chosen.length === 0) return { paths: [] };
  const paths = folder ? (await Promise.all(chosen.map(snapshotsInFolder))).flat() : [...new Set(chosen)];
  if (paths.length > 0) grants.grantImportPaths(paths);
  return { paths };
}
