import type { Agency } from '../../../shared/domain/enums';
import type { RejectionReason } from '../../../shared/domain/snapshot';

/** The data of the commission's own events (docs/commission.md lists them for readers of the file). */

/** A key as the registry holds it: minisign's key id (16 upper hex), the -P line and its fingerprint. */
export interface KeyData {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

/** commission.armoury_enrolled: a new armoury, or a new key for one whose keys were all revoked. */
export interface ArmouryEnrolled extends KeyData {
  armoury: string;
  name: string;
}

export interface KeyRevoked {
  keyId: string;
  reason: string;
}

/** commission.rotation_accepted: announced -> active; the armoury's active key -> retired. */
export interface RotationAccepted {
  keyId: string;
}

/**
 * snapshot.imported: what an accepted file brought. The imported rows themselves (events,
 * weapons) are not in the journal: they are the file's content, checked against its signature.
 */
export interface SnapshotImported {
  fileName: string;
  fileSha256: string;
  armoury: string;
  /** The armoury's identity as its checkpoint states it (kept up to date in the registry). */
  agency: Agency;
  region: string;
  number: number;
  fromSeq: number;
  toSeq: number;
  head: string;
  checkpointSha256: string;
  /** When the armoury made the snapshot (the checkpoint's `created`). */
  created: string;
  eventsAdded: number;
  weapons: number;
  /** A rotation's new key the file announces (checkpoint next-key or signing_key.rotated). */
  announcedKey?: KeyData;
}

export interface SnapshotRejected {
  fileName: string;
  fileSha256: string;
  armoury: string | null;
  number: number | null;
  reason: RejectionReason;
  detail: string;
}
