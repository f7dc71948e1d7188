import type { RejectionReason } from '../../../shared/domain/snapshot';

/**
 * The only error the snapshot reader throws for bad input: a typed reason (kept in import logs,
 * translated) and a detail in plain technical English (entry, line, seq) for the log.
 */
export class SnapshotRejection extends Error {
  constructor(
    readonly reason: RejectionReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'SnapshotRejection';
  }
}

export function reject(reason: RejectionReason, detail: string): never {
  throw new SnapshotRejection(reason, detail);
}

/** The names a snapshot may hold, in the order Gardien writes them. */
export const ENTRY = {
  checkpoint: 'checkpoint.txt',
  events: 'events.ndjson',
  weapons: 'state/weapons.ndjson',
  lots: 'state/lots.ndjson',
  sums: 'SHA256SUMS',
  signature: 'SHA256SUMS.minisig',
} as const;

export const ENTRY_ORDER: readonly string[] = [ENTRY.checkpoint, ENTRY.events, ENTRY.weapons, ENTRY.lots, ENTRY.sums, ENTRY.signature];
/** The state files are optional in the format (Gardien always writes them); the rest must be there. */
export const REQUIRED_ENTRIES: readonly string[] = [ENTRY.checkpoint, ENTRY.events, ENTRY.sums, ENTRY.signature];

/** Caps: beyond them a file is refused before any work that grows with its size. */
export const LIMITS = {
  fileBytes: 2 * 1024 ** 3,
  entries: 16,
  /** One line of events.ndjson or a state file. */
  lineBytes: 1024 ** 2,
  /** checkpoint.txt and SHA256SUMS are a few hundred bytes; the signature is capped as minisign caps it. */
  smallEntryBytes: { [ENTRY.checkpoint]: 64 * 1024, [ENTRY.sums]: 64 * 1024, [ENTRY.signature]: 16 * 1024 } as Record<string, number>,
} as const;
