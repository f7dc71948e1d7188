import type { BackupReason, BackupStatus, BackupSummary, LastBackup } from '../../../shared/domain/backup';
import type { GardienApp } from '../app';
import { AppError } from '../errors';
import { breathe } from '../jobs';
import type { Store } from '../store';
import { loadKey, type BackupKey } from './key';
import { makeBackup, type MakeBackupOptions } from './make';
import type { BackupMade } from './project';
import { rotateBackups } from './rotate';
import { readBackupSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export function lastGoodBackup(store: Store): LastBackup | null {
  const row = store.s.sql('SELECT at, file_name, folder, head_seq, reason FROM backups ORDER BY seq DESC LIMIT 1').get() as
    | { at: string; file_name: string; folder: string; head_seq: number; reason: BackupReason }
    | undefined;
  return row ? { at: row.at, fileName: row.file_name, folder: row.folder, headSeq: row.head_seq, reason: row.reason } : null;
}

export function backupStatus(store: Store, now: Date): BackupStatus {
  const settings = readBackupSettings(store.s);
  const passphraseSet = loadKey(store.s) !== null;
  const lastGood = lastGoodBackup(store);
  const created = store.s.sql('SELECT created_at FROM armoury WHERE id = 1').get() as { created_at: string } | undefined;
  // Never backed up: overdue once the armoury is older than the setting (a new armoury is not nagged on day one).
  const since = lastGood?.at ?? created?.created_at ?? now.toISOString();
  const overdue = now.getTime() - Date.parse(since) > settings.warnAfterDays * DAY_MS;
  const configured = passphraseSet && settings.folder !== null;
  const today = now.toISOString().slice(0, 10);
  const dailyDue = configured && settings.daily && (lastGood === null || lastGood.at.slice(0, 10) < today);
  return { configured, passphraseSet, folder: settings.folder, lastGood, overdue, dailyDue, settings };
}

export interface RunBackupOptions {
  reason: BackupReason;
  /** Who the backup.made event names: the signed-in user, or for automatic backups the manager who set the passphrase. */
  actor?: number;
  step?: MakeBackupOptions['step'];
  afterCopy?: () => void;
  /** Overrides the configured folder (the CLI's --out). */
  folder?: string;
  key?: BackupKey;
  /** How many of this armoury's backups to keep in the folder: the setting by default; null rotates nothing (the CLI without --keep). */
  keep?: number | null;
  /** Tests: smaller chunks. */
  chunkSize?: number;
}

/**
 * Makes a good backup of the open store, records backup.made and then rotates the folder. The
 * backup file holds the journal up to its header's head, which is always before its own
 * backup.made (see docs/backup-format.md).
 */
export async function runBackup(store: Store, now: () => Date, options: RunBackupOptions): Promise<BackupSummary> {
  const started = Date.now();
  const settings = readBackupSettings(store.s);
  const stored = loadKey(store.s);
  const key = options.key ?? stored;
  const folder = options.folder ?? settings.folder;
  if (!key || !folder) throw new AppError('backup_not_configured', 'no backup passphrase or folder is set');
  const at = now();
  const made = await makeBackup({
    db: store.db, folder, key, reason: options.reason, now: at, step: options.step, afterCopy: options.afterCopy, between: breathe, chunkSize: options.chunkSize,
  });
  const data: BackupMade = {
    fileName: made.fileName, folder, size: made.size, sha256: made.sha256, headSeq: made.facts.head.seq, headHash: made.facts.head.hash,
    weapons: made.facts.weapons, reason: options.reason,
  };
  const actor = options.actor ?? stored?.setBy ?? firstManager(store);
  store.journal.write(() => store.journal.append({ type: 'backup.made', actor, data }));
  const keep = options.keep === undefined ? settings.keep : options.keep;
  const rotated = keep === null ? [] : rotateBackups(folder, made.facts.armouryCode, keep, made.fileName);
  return { ...data, at: at.toISOString(), rotated, durationMs: Date.now() - started };
}

function firstManager(store: Store): number {
  const row = store.s.sql("SELECT id FROM users WHERE role = 'manager' ORDER BY active DESC, id LIMIT 1").get() as { id: number } | undefined;
  return row?.id ?? 1;
}

/** One backup at a time per app, and none while another long job runs (an import, an export). */
export async function runAppBackup(app: GardienApp, reason: BackupReason, actor?: number): Promise<BackupSummary> {
  const store = app.store;
  if (!store) throw new AppError('no_database', 'no database is open');
  if (app.jobs.busy) throw new AppError('backup_busy', 'another job is running');
  return app.jobs.run('backup', 3, (step) =>
    runBackup(store, app.clock, { reason, ...(actor !== undefined ? { actor } : {}), step: (done, _total, item) => step(done, item) }),
  );
}

/**
 * For the shell (no session needed): the daily backup when one is due, or the backup on close when
 * that setting is on. Returns null when there is nothing to do (not configured, setting off, not
 * due, another job running); a failed backup throws its AppError (the shell logs it and the
 * dashboard's overdue warning stays).
 */
export async function runAutomaticBackup(app: GardienApp, reason: 'daily' | 'close'): Promise<BackupSummary | null> {
  const store = app.store;
  if (!store || !store.hasArmoury || app.jobs.busy) return null;
  const status = backupStatus(store, app.clock());
  if (!status.configured) return null;
  if (reason === 'daily' && !status.dailyDue) return null;
  if (reason === 'close' && !status.settings.onClose) return null;
  return runAppBackup(app, reason);
}
