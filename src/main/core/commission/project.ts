import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { ArmouryEnrolled, KeyRevoked, RotationAccepted, SnapshotImported, SnapshotRejected } from './events';

/**
 * commission.* and snapshot.imported/rejected -> national_armouries, national_keys,
 * national_imports. Only what the events say: the imported rows (national_events, national_weapons
 * ...) are written by the importer beside the event, in the same transaction.
 */
export function projectCommission(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'commission.armoury_enrolled': {
      const d = e.data as ArmouryEnrolled;
      // A re-enrolment (every key revoked) keeps the armoury's history and last snapshot.
      s.sql(
        `INSERT INTO national_armouries (code, name, enrolled_seq, enrolled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      ).run(d.armoury, d.name, e.seq, e.at);
      s.sql("INSERT INTO national_keys (key_id, armoury, public_key, fingerprint, state, since) VALUES (?, ?, ?, ?, 'active', ?)").run(
        d.keyId, d.armoury, d.publicKey, d.fingerprint, e.at,
      );
      return true;
    }
    case 'commission.key_revoked': {
      const d = e.data as KeyRevoked;
      s.sql("UPDATE national_keys SET state = 'revoked', until = ?, reason = ? WHERE key_id = ?").run(e.at, d.reason, d.keyId);
      return true;
    }
    case 'commission.rotation_accepted': {
      const d = e.data as RotationAccepted;
      const key = s.sql('SELECT armoury FROM national_keys WHERE key_id = ?').get(d.keyId) as { armoury: string } | undefined;
      if (!key) throw new Error(`event ${e.seq} accepts unknown key ${d.keyId}`);
      s.sql("UPDATE national_keys SET state = 'retired', until = ? WHERE armoury = ? AND state = 'active'").run(e.at, key.armoury);
      s.sql("UPDATE national_keys SET state = 'active', since = ? WHERE key_id = ?").run(e.at, d.keyId);
      return true;
    }
    case 'snapshot.imported': {
      const d = e.data as SnapshotImported;
      s.sql(
        `UPDATE national_armouries SET agency = ?, region = ?, last_number = ?, last_seq = ?, last_head = ?, last_checkpoint = ?,
         last_created = ?, last_imported_at = ?, weapons = ? WHERE code = ?`,
      ).run(d.agency, d.region, d.number, d.toSeq, d.head, d.checkpointSha256, d.created, e.at, d.weapons, d.armoury);
      if (d.announcedKey) {
        const k = d.announcedKey;
        s.sql("INSERT OR IGNORE INTO national_keys (key_id, armoury, public_key, fingerprint, state, since) VALUES (?, ?, ?, ?, 'announced', ?)").run(
          k.keyId, d.armoury, k.publicKey, k.fingerprint, e.at,
        );
      }
      logImport(s, e, { ...d, outcome: 'accepted', reason: null, detail: '' });
      return true;
    }
    case 'snapshot.rejected': {
      const d = e.data as SnapshotRejected;
      logImport(s, e, { ...d, outcome: 'rejected', eventsAdded: 0, weapons: 0 });
      return true;
    }
    default:
      return false;
  }
}

interface LogRow {
  fileName: string;
  fileSha256: string;
  outcome: 'accepted' | 'rejected';
  reason: string | null;
  detail: string;
  armoury: string | null;
  number: number | null;
  eventsAdded: number;
  weapons: number;
}

/** The import log's id is the event's seq, so a replay rebuilds the same rows. */
function logImport(s: Statements, e: StoredEvent, r: LogRow): void {
  s.sql(
    `INSERT INTO national_imports (id, at, actor, file_name, file_sha256, outcome, reason, detail, armoury, number, events_added, weapons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.seq, e.at, e.actor, r.fileName, r.fileSha256, r.outcome, r.reason, r.detail, r.armoury, r.number, r.eventsAdded, r.weapons);
}
