import type { BackupSummary } from '../../../shared/domain/backup';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** What backup.made records: the summary without the run's own bookkeeping. */
export type BackupMade = Omit<BackupSummary, 'rotated' | 'durationMs' | 'at'>;

/**
 * backup.made: one row per good backup (written, re-read, decrypted to the verified copy).
 * backup.passphrase_set: only who and when (the key is local state); no projection row.
 */
export function projectBackups(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'backup.made': {
      const d = e.data as BackupMade;
      s.sql(
        'INSERT INTO backups (seq, at, reason, file_name, folder, size, sha256, head_seq, head_hash, weapons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(e.seq, e.at, d.reason, d.fileName, d.folder, d.size, d.sha256, d.headSeq, d.headHash, d.weapons);
      return true;
    }
    case 'backup.passphrase_set':
      return true;
    default:
      return false;
  }
}
