import { randomBytes } from 'node:crypto';
import type { Statements } from '../db/statements';
import { deriveKey, KDF_DEFAULT, keyCheckOf, SALT_BYTES, type KdfParams } from './format';

/** The key automatic backups encrypt with: derived once from the manager's passphrase. */
export interface BackupKey {
  key: Buffer;
  kdf: KdfParams;
}

/**
 * Derives a key from a new passphrase with a fresh salt and keeps it in backup_keys, local state:
 * never journaled (the event log only says that the passphrase changed), never in a snapshot.
 * The passphrase itself is not kept.
 */
export function setPassphrase(s: Statements, passphrase: string, userId: number, at: string): BackupKey {
  const kdf: KdfParams = { ...KDF_DEFAULT, salt: randomBytes(SALT_BYTES) };
  const key = deriveKey(passphrase, kdf);
  s.sql(
    `INSERT INTO backup_keys (id, salt, n, r, p, key, key_check, set_by, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, n = excluded.n, r = excluded.r, p = excluded.p, key = excluded.key,
       key_check = excluded.key_check, set_by = excluded.set_by, created_at = excluded.created_at`,
  ).run(kdf.salt, kdf.n, kdf.r, kdf.p, key, keyCheckOf(key), userId, at);
  return { key, kdf };
}

export function loadKey(s: Statements): (BackupKey & { setBy: number }) | null {
  const row = s.sql('SELECT salt, n, r, p, key, key_check, set_by FROM backup_keys WHERE id = 1').get() as
    | { salt: Buffer; n: number; r: number; p: number; key: Buffer; key_check: string; set_by: number }
    | undefined;
  if (!row || keyCheckOf(row.key) !== row.key_check) return null;
  return { key: row.key, kdf: { n: row.n, r: row.r, p: row.p, salt: row.salt }, setBy: row.set_by };
}
