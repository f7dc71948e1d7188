/**
 * What the rest of main uses from backups: the shell's automatic runner, the CLI's functions, and
 * readBackup for tests and fuzzing. Handlers are registered in core/handlers.ts.
 */
import type { BackupReason, BackupStatus, BackupSummary } from '../../../shared/domain/backup';
import type { GardienApp } from '../app';
import { backupStatus, runAppBackup } from './service';

/**
 * For the shell (no session needed). status(): null when no armoury or commission register is
 * open. run(reason): one backup now, whatever the schedule (the caller checks status().dailyDue /
 * settings.onClose); throws AppError backup_not_configured, backup_busy, backup_folder_unavailable,
 * backup_source_invalid or backup_failed. The backup.made event names the manager who set the passphrase.
 */
export function backupRunner(app: GardienApp): { status(): BackupStatus | null; run(reason: Exclude<BackupReason, 'manual'>): Promise<BackupSummary> } {
  return {
    status: () => (app.store?.hasArmoury ? backupStatus(app.store, app.clock()) : null),
    run: (reason) => runAppBackup(app, reason),
  };
}

export { runAutomaticBackup, backupStatus, runBackup } from './service';
export { readBackup, type BackupRead, type BackupSecret } from './read';
export { prepareRestore, commitRestore, discardRestore } from './restore';
export { setPassphrase, loadKey } from './key';
