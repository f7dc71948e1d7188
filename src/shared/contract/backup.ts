import {
  BACKUP_REASONS, PASSPHRASE_MAX, PASSPHRASE_MIN, type BackupContents, type BackupStatus, type BackupSummary, type RestoreSummary,
} from '../domain/backup';
import { z } from '../validation';
import { op } from './define';

const empty = z.object({}).strict();
/** A path the shell's dialog granted with app.grantBackupPaths (core refuses any other). */
const path = z.string().min(1).max(4096);
/** Typed to open a backup: any length (an old passphrase may have had other rules). */
const passphrase = z.string().min(1).max(PASSPHRASE_MAX);

/** The passphrase form (setting or changing it): both fields required, the confirmation equal. */
export const backupPassphraseInput = z
  .object({ passphrase: z.string().min(PASSPHRASE_MIN).max(PASSPHRASE_MAX), confirm: z.string().max(PASSPHRASE_MAX) })
  .strict()
  .refine((v) => v.passphrase === v.confirm, { message: 'passphrases_differ', path: ['confirm'] });

/** The schedule form: every field required (the screen starts from backups.status's settings). */
export const backupScheduleInput = z
  .object({
    daily: z.boolean(),
    onClose: z.boolean(),
    keep: z.coerce.number().int().min(1).max(365),
    warnAfterDays: z.coerce.number().int().min(1).max(365),
  })
  .strict();

/**
 * Every field is optional: only those given change. A new passphrase needs its confirmation
 * (field error `passphrases_differ` on `confirm`); setting it replaces the derived key kept on
 * this PC (local state, never journaled) and applies to the next backup.
 */
export const backupConfigureInput = z
  .object({
    folder: path.optional(),
    passphrase: z.string().min(PASSPHRASE_MIN).max(PASSPHRASE_MAX).optional(),
    confirm: z.string().max(PASSPHRASE_MAX).optional(),
    daily: z.boolean().optional(),
    onClose: z.boolean().optional(),
    keep: z.coerce.number().int().min(1).max(365).optional(),
    warnAfterDays: z.coerce.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((v) => v.passphrase === undefined || v.passphrase === v.confirm, { message: 'passphrases_differ', path: ['confirm'] });

export const backupOps = {
  'backups.status': op<BackupStatus>()('read', empty),
  'backups.configure': op<BackupStatus>()('manage', backupConfigureInput),
  /**
   * Makes a backup now (a job: jobs.progress shows 'backup'); refused with backup_not_configured,
   * backup_busy, backup_folder_unavailable, backup_failed. The shell's automatic backups call core's
   * runAutomaticBackup directly (no session needed), not this operation.
   */
  'backups.run': op<BackupSummary>()('manage', z.object({ reason: z.enum(BACKUP_REASONS).default('manual') }).strict()),
  /** Decrypts and verifies a backup file without touching the open database. */
  'backups.inspect': op<BackupContents>()('manage', z.object({ path, passphrase }).strict()),
  /**
   * Verifies the backup, keeps the current database aside and puts the backup in its place, then
   * reopens it. The session ends: the next call needs a login (on the restored accounts).
   */
  'backups.restore': op<RestoreSummary>()(
    'manage',
    z.object({ path, passphrase, allowOtherArmoury: z.boolean().default(false) }).strict(),
  ),
};
