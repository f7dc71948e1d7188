import { createHash } from 'node:crypto';
import { signPrehashed, type SigningKey } from './minisign';
import { ENTRY } from './rejection';
import { formatSums } from './sums';
import { writeSnapshotZip, type ZipEntryInput } from './zip-write';

/**
 * The signed tail of a snapshot for any content: SHA256SUMS over `files` (in their order) and its
 * minisign signature with `trustedComment`. In memory, for tests and tools that build variants
 * (a forger with some key, an insider with the real one); the exporter streams its own.
 */
export function signedEntries(files: readonly { name: string; data: Uint8Array }[], key: SigningKey, trustedComment: string): ZipEntryInput[] {
  const sums = Buffer.from(formatSums(files.map((f) => ({ sha256: createHash('sha256').update(f.data).digest('hex'), name: f.name }))), 'utf8');
  const signature = Buffer.from(signPrehashed(sums, key, trustedComment), 'utf8');
  return [...files, { name: ENTRY.sums, data: sums }, { name: ENTRY.signature, data: signature }];
}

/** A complete snapshot file from its content files, signed with `key`. */
export function assembleSnapshot(files: readonly { name: string; data: Uint8Array }[], key: SigningKey, trustedComment: string, options: { at?: Date } = {}): Buffer {
  return writeSnapshotZip(signedEntries(files, key, trustedComment), options);
}
