/**
 * Schema 8: encrypted backups. The key derived from the manager's passphrase is local state (like
 * credentials and signing_secrets: never journaled, never in a snapshot), so that automatic
 * backups run without anyone typing it; the backups made are a projection of backup.made.
 */
export const schemaV8 = /* sql */ `
-- Local state: scrypt(passphrase, salt) and its parameters; one row, replaced when the passphrase changes.
CREATE TABLE backup_keys (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  salt       BLOB    NOT NULL,
  n          INTEGER NOT NULL,
  r          INTEGER NOT NULL,
  p          INTEGER NOT NULL,
  key        BLOB    NOT NULL,
  key_check  TEXT    NOT NULL,
  set_by     INTEGER NOT NULL,
  created_at TEXT    NOT NULL
) STRICT;

-- Projection: every backup written, re-read and verified (backup.made).
CREATE TABLE backups (
  seq       INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL,
  reason    TEXT    NOT NULL,
  file_name TEXT    NOT NULL,
  folder    TEXT    NOT NULL,
  size      INTEGER NOT NULL,
  sha256    TEXT    NOT NULL,
  head_seq  INTEGER NOT NULL,
  head_hash TEXT    NOT NULL,
  weapons   INTEGER NOT NULL
) STRICT;
`;
