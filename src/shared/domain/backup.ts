/**
 * Encrypted backups: the words core, the screens and the CLI share. docs/backup-format.md is the
 * reference for the file itself.
 */
import { z } from '../validation';

/** The file name extension of a backup (`<ARMOURY>-<yyyymmdd-hhmmss>.gbak`). */
export const BACKUP_EXTENSION = '.gbak';

/** A manager's passphrase: long enough that scrypt makes guessing it slow. */
export const PASSPHRASE_MIN = 10;
export const PASSPHRASE_MAX = 1024;

/** Why a backup is made: recorded in backup.made and the file's header. */
export const BACKUP_REASONS = ['manual', 'daily', 'close'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * Backup settings, journaled as settings.changed with the keys `backup.folder`, `backup.daily`,
 * `backup.onClose`, `backup.keep` and `backup.warnAfterDays` (the same table as the others).
 */
export const backupSettingsShape = z.object({
  /** Absolute path of the folder the backups go to (a USB stick); null until a manager chooses one. */
  folder: z.string().min(1).max(4096).nullable(),
  /** One backup a day, made by the shell when the app runs (at start or while open). */
  daily: z.boolean(),
  /** A backup when the app closes. */
  onClose: z.boolean(),
  /** How many of this armoury's backups to keep in the folder; older ones are deleted after a good backup. */
  keep: z.coerce.number().int().min(1).max(365),
  /** The dashboard warns when the last good backup is older than this. */
  warnAfterDays: z.coerce.number().int().min(1).max(365),
});
export type BackupSettings = z.output<typeof backupSettingsShape>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, daily: true, onClose: true, keep: 10, warnAfterDays: 7 };

/** The last backup that was written, re-read and decrypted to the verified copy (from backup.made). */
export interface LastBackup {
  at: string;
  fileName: string;
  folder: string;
  headSeq: number;
  reason: BackupReason;
}

export interface BackupStatus {
  /** A passphrase has been set on this PC and a folder chosen: automatic backups can run. */
  configured: boolean;
  /** A passphrase has been set (the derived key is in local state). */
  passphraseSet: boolean;
  folder: string | null;
  lastGood: LastBackup | null;
  /** No good backup for longer than settings.warnAfterDays (or never one since the armoury was created that long ago). */
  overdue: boolean;
  /** A daily backup is due now (daily on, configured, none today): the shell runs one. */
  dailyDue: boolean;
  settings: BackupSettings;
}

/** What run wrote (also the data of the backup.made event, with `reason`). */
export interface BackupSummary {
  fileName: string;
  folder: string;
  /** Bytes of the encrypted file. */
  size: number;
  /** SHA-256 of the encrypted file as written (hex): `sha256sum` prints the same. */
  sha256: string;
  headSeq: number;
  headHash: string;
  weapons: number;
  reason: BackupReason;
  at: string;
  /** Files deleted by rotation (names only, this armoury's older backups). */
  rotated: string[];
  durationMs: number;
}

/** What a backup file holds, read and verified without touching the open database. */
export interface BackupContents {
  fileName: string;
  /** Format version of the file (1). */
  format: number;
  armouryCode: string;
  armouryName: string;
  /** What the database is: an armoury's register or the national commission's. */
  kind: 'armoury' | 'commission';
  reason: BackupReason;
  createdAt: string;
  headSeq: number;
  headHash: string;
  schemaVersion: number;
  weapons: number;
  events: number;
  /** Bytes of the encrypted file, and of the database inside. */
  size: number;
  databaseSize: number;
  /** Whether its armoury code is the open database's (restore refuses another armoury's backup). */
  sameArmoury: boolean;
  /** The open database's head, to compare (null when no database is open). */
  currentHeadSeq: number | null;
}

export interface RestoreSummary {
  restored: BackupContents;
  /** Name of the previous database, kept aside beside it (`<name>.before-restore-<stamp>.sqlite`); null when there was none (CLI on a new PC). */
  keptAside: string | null;
  durationMs: number;
}
