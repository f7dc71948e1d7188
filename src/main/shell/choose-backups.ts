/**
 * "Choose a folder…" for the backups and "Choose a backup…" for a restore: the system's open
 * dialog, then the one chosen path granted to core, which writes or reads no other path for
 * backups. No 'electron' import (the dialog is passed in), so vitest and the Playwright bridge
 * run the same code.
 */
import { BACKUP_EXTENSION } from '../../shared/domain/backup';
import type { AskOpenPaths } from './choose-snapshots';

/** What core offers the shell: the paths the user chose, the only ones backups.* may touch. */
export interface BackupGrants {
  grantBackupPaths(paths: readonly string[]): void;
}

export interface ChosenPath {
  path: string | null;
}

const EXTENSION = BACKUP_EXTENSION.slice(1);

async function chooseOne(ask: AskOpenPaths, folder: boolean, grants: BackupGrants): Promise<ChosenPath> {
  const chosen = await ask({ folder, filters: folder ? [] : [{ name: EXTENSION.toUpperCase(), extensions: [EXTENSION] }] });
  const path = chosen?.[0];
  if (path === undefined || path === '') return { path: null };
  grants.grantBackupPaths([path]);
  return { path };
}

/** The folder the backups go to (a USB stick); granted before it is returned, for backups.configure. */
export function chooseBackupFolder(ask: AskOpenPaths, grants: BackupGrants): Promise<ChosenPath> {
  return chooseOne(ask, true, grants);
}

/** One .gbak file to inspect and restore; only the first of several selected is taken. */
export function chooseBackupFile(ask: AskOpenPaths, grants: BackupGrants): Promise<ChosenPath> {
  return chooseOne(ask, false, grants);
}
