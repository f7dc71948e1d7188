/**
 * Signed snapshots: the words both sides share. docs/snapshot-format.md is the reference; the
 * reasons below are the importer's typed verdicts, in the order its checks run.
 */

/** Why a snapshot file was refused. Stable codes: they are kept in import logs and translated. */
export const REJECTION_REASONS = [
  // The archive itself
  'not_a_snapshot', // not a ZIP Gardien writes: no end record, multi-disk, ZIP64, encrypted, trailing garbage
  'archive_corrupt', // headers disagree, CRC mismatch, entries overlap
  'entry_name_unsafe', // traversal, absolute, backslash, control or non-allowlisted characters
  'entry_duplicate',
  'entry_unexpected', // a name outside the allowlist
  'entry_missing',
  'entry_too_large', // an entry or the whole file beyond the caps
  'entry_compressed', // Gardien stores entries; any compression (and its bombs) is foreign
  'invalid_utf8',
  // The signature and the sums
  'malformed_signature',
  'unknown_key',
  'revoked_key',
  'retired_key', // a key the armoury replaced (rotation accepted)
  'key_of_another_armoury',
  'bad_signature',
  'malformed_sums',
  'file_hash_mismatch',
  // The checkpoint and the events
  'malformed_checkpoint',
  'checkpoint_mismatch', // trusted comment, checkpoint and events disagree
  'malformed_event',
  'wrong_armoury', // an event of another armoury inside the file
  'seq_gap', // a missing seq inside the file, or between the register's last event and the file's first
  'broken_chain', // prev or hash of an event does not link inside the file
  'state_mismatch', // state files that do not match the events
  // Against what the register already holds
  'armoury_not_enrolled',
  'replayed', // snapshot number not higher than the last accepted (replay or rollback)
  'truncated', // fewer events than the register already holds for the armoury
  'history_rewritten', // an event already imported has a different hash now
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Reasons that a damaged USB stick cannot explain: someone made this file. They raise an alert at
 * the commission. (A bit flip lands on archive_corrupt or file_hash_mismatch: those raise it too,
 * because the commission cannot tell a flip from an edit, but the alert says so.)
 */
export const TAMPER_REASONS: readonly RejectionReason[] = [
  'unknown_key', 'revoked_key', 'retired_key', 'key_of_another_armoury', 'bad_signature', 'file_hash_mismatch',
  'checkpoint_mismatch', 'wrong_armoury', 'seq_gap', 'broken_chain', 'state_mismatch', 'replayed', 'truncated',
  'history_rewritten', 'entry_name_unsafe', 'entry_unexpected', 'entry_duplicate', 'entry_compressed', 'archive_corrupt',
];

/** What an export wrote: the final summary shown to the storekeeper and recorded in the event. */
export interface SnapshotSummary {
  number: number;
  full: boolean;
  fromSeq: number;
  toSeq: number;
  /** Events in the file (toSeq - fromSeq + 1). */
  events: number;
  weapons: number;
  lots: number;
  head: string;
  fileName: string;
  fileSha256: string;
  size: number;
  keyId: string;
  at: string;
}

/** The file name extension of a snapshot (a ZIP file: `unzip` opens it). */
export const SNAPSHOT_EXTENSION = '.gsnap';
