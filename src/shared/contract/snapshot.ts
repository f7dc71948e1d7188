import type { SnapshotSummary } from '../domain/snapshot';
import { z } from '../validation';
import { op } from './define';

const empty = z.object({}).strict();

/** One of the armoury's signing keys as its journal announced it (the private half never leaves main). */
export interface SigningKeyInfo {
  /** 16 hex digits: minisign's key id, as `minisign -V` prints it. */
  keyId: string;
  /** The public key line minisign takes with `-P` (base64 of "Ed" + key id + key). */
  publicKey: string;
  /** The same as minisign's public key file (`-p`): an untrusted comment line and the key line. */
  publicKeyFile: string;
  /** SHA-256 of the decoded public key, 16 groups of 4 hex digits: what people compare on paper. */
  fingerprint: string;
  createdAt: string;
  createdSeq: number;
}

export interface SigningKeys {
  /** The key that signs the next snapshot. */
  current: SigningKeyInfo;
  /** A new key announced by a rotation: it signs from the first export after the one that carries its announcement. */
  next: SigningKeyInfo | null;
}

/** A snapshot this armoury exported, with where the file is kept on this PC. */
export interface ExportedSnapshot extends SnapshotSummary {
  /** Whether the file is still in the armoury's exports folder (it can be copied again). */
  kept: boolean;
}

/** A long job in core that the screen follows by polling (export, import). */
export interface JobProgress {
  job: 'snapshot_export' | 'snapshot_import' | 'spreadsheet_check' | 'spreadsheet_import' | 'spreadsheet_export' | 'backup' | 'restore' | null;
  done: number;
  total: number;
  /** What is being worked on (a file name), for the progress line. */
  item: string;
}

export const snapshotOps = {
  'snapshots.keys': op<SigningKeys>()('read', empty),
  'snapshots.list': op<ExportedSnapshot[]>()('read', empty),
  /** Writes the snapshot into the exports folder; the shell then copies it to the USB stick. */
  'snapshots.export': op<SnapshotSummary>()('manage', z.object({ full: z.boolean().default(false) }).strict()),
  'snapshots.rotateKey': op<SigningKeys>()('manage', z.object({ reason: z.string().trim().min(3).max(300) }).strict()),
  'jobs.progress': op<JobProgress>()('read', empty),
};
