import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { SigningKeyCreated, SigningKeyRotated } from './keys';

/** Data of snapshot.exported: what the file holds and where it was written (see export.ts). */
export interface SnapshotExported {
  number: number;
  full: boolean;
  fromSeq: number;
  toSeq: number;
  head: string;
  weapons: number;
  lots: number;
  keyId: string;
  fileName: string;
  fileSha256: string;
  size: number;
  /** SHA-256 of the file's checkpoint.txt: the next snapshot names it as its previous checkpoint. */
  checkpointSha256: string;
}

const INSERT_KEY = 'INSERT INTO signing_keys (key_id, public_key, fingerprint, created_seq, created_at, state) VALUES (?, ?, ?, ?, ?, ?)';

function retire(s: Statements, state: 'current' | 'next', seq: number): void {
  s.sql("UPDATE signing_keys SET state = 'retired', retired_seq = ? WHERE state = ?").run(seq, state);
}

/** signing_key.* and snapshot.exported -> signing_keys, snapshots. */
export function projectSnapshots(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'signing_key.created': {
      // A new signing key replaces whatever was there (there is none at setup or upgrade).
      const d = e.data as SigningKeyCreated;
      retire(s, 'current', e.seq);
      retire(s, 'next', e.seq);
      s.sql(INSERT_KEY).run(d.keyId, d.publicKey, d.fingerprint, e.seq, e.at, 'current');
      return true;
    }
    case 'signing_key.rotated': {
      // A second rotation before any export: the first announced key was never used.
      const d = e.data as SigningKeyRotated;
      retire(s, 'next', e.seq);
      s.sql(INSERT_KEY).run(d.keyId, d.publicKey, d.fingerprint, e.seq, e.at, 'next');
      return true;
    }
    case 'snapshot.exported': {
      const d = e.data as SnapshotExported;
      s.sql(
        `INSERT INTO snapshots (number, seq, full, from_seq, to_seq, head, weapons, lots, key_id, file_name, file_sha256, size, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.number, e.seq, d.full ? 1 : 0, d.fromSeq, d.toSeq, d.head, d.weapons, d.lots, d.keyId, d.fileName, d.fileSha256, d.size, e.at);
      // The file announced the next key (its rotation event is inside the file): it signs from now on.
      const next = s.sql("SELECT key_id FROM signing_keys WHERE state = 'next' AND created_seq <= ?").get(d.toSeq) as { key_id: string } | undefined;
      if (next) {
        retire(s, 'current', e.seq);
        s.sql("UPDATE signing_keys SET state = 'current' WHERE key_id = ?").run(next.key_id);
      }
      return true;
    }
    default:
      return false;
  }
}
