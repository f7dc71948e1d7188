import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import type { ImportResult } from '../../../shared/contract/commission';
import type { Agency } from '../../../shared/domain/enums';
import type { RejectionReason } from '../../../shared/domain/snapshot';
import { breathe } from '../jobs';
import { LIMITS } from '../snapshot/rejection';
import { openSnapshot, SnapshotRejection, verifySnapshot, type VerifiedSnapshot } from '../snapshot/read';
import type { Store } from '../store';
import type { SnapshotImported, SnapshotRejected } from './events';
import { replaceWeapons, storeEvents } from './ingest';
import { StateCheck, WeaponLedger } from './state-check';
import { findKey, readPublicKey } from './registry';

/** A snapshot to import: its bytes and the name it is logged under, or a path to read. */
export type SnapshotSource = { name: string; bytes: Buffer } | string;

export interface ImportOptions {
  /** Called before each file (done = files finished so far). */
  onProgress?: (done: number, total: number, item: string) => void;
  /** Called inside an accepted file's transaction after each part is written (tests interrupt here). */
  onStage?: (stage: 'events' | 'weapons' | 'event') => void;
}

/**
 * Imports snapshot files one after the other, each in its own transaction: accepted (its event,
 * its new events, the armoury's register replaced), duplicate (nothing written) or rejected (only
 * the rejection is logged). Yields to the event loop between files so progress can be polled.
 */
export async function importSnapshots(store: Store, files: readonly SnapshotSource[], actor: number, options: ImportOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [i, file] of files.entries()) {
    const name = typeof file === 'string' ? basename(file) : file.name;
    options.onProgress?.(i, files.length, name);
    await breathe();
    const read = typeof file === 'string' ? readSnapshotFile(file) : { bytes: file.bytes };
    results.push('bytes' in read ? await importSnapshot(store, name, read.bytes, actor, options) : reject(store, actor, name, '', null, null, read.reason, read.detail));
    await breathe();
  }
  options.onProgress?.(files.length, files.length, '');
  return results;
}

/** The reader's cap on a whole file: refused before reading it into memory. */
const MAX_FILE_BYTES = LIMITS.fileBytes;

function readSnapshotFile(path: string): { bytes: Buffer } | { reason: RejectionReason; detail: string } {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { reason: 'entry_too_large', detail: `file of ${size} bytes` };
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { reason: 'not_a_snapshot', detail: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function findDuplicate(store: Store, fileName: string, fileSha256: string): ImportResult | null {
  const done = store.s
    .sql("SELECT armoury, number, weapons FROM national_imports WHERE file_sha256 = ? AND outcome = 'accepted' LIMIT 1")
    .get(fileSha256) as { armoury: string; number: number; weapons: number } | undefined;
  return done
    ? { fileName, fileSha256, outcome: 'duplicate', reason: null, detail: '', armoury: done.armoury, number: done.number, eventsAdded: 0, weapons: done.weapons }
    : null;
}

/**
 * One file. The file's own checks (archive, signature, chain) yield to the event loop between
 * them; the checks against the register then run inside the write transaction, under its lock,
 * so that nothing (a revocation, another Gardien importing the same file) slips in between.
 */
export async function importSnapshot(store: Store, fileName: string, bytes: Buffer, actor: number, options: ImportOptions = {}): Promise<ImportResult> {
  const fileSha256 = sha256(bytes);
  const duplicate = findDuplicate(store, fileName, fileSha256);
  if (duplicate) return duplicate;
  let claimed: { armoury: string | null; number: number | null } = { armoury: null, number: null };
  try {
    const opened = openSnapshot(bytes);
    // What the (not yet verified) trusted comment claims: for the log, and to tell an armoury not enrolled yet.
    claimed = { armoury: opened.claim?.armoury ?? null, number: opened.claim?.snapshot ?? null };
    await breathe();
    const key = signingKeyOf(store, opened.keyId, claimed.armoury);
    const verified = verifySnapshot(opened, key.public_key, { armoury: key.armoury });
    const cp = verified.checkpoint;
    claimed = { armoury: cp.armoury, number: cp.snapshot };
    if (key.armoury !== cp.armoury) throw new SnapshotRejection('key_of_another_armoury', `signed with key ${key.key_id} of ${key.armoury}, for ${cp.armoury}`);
    await breathe();
    return store.journal.write(() => {
      const meanwhile = findDuplicate(store, fileName, fileSha256);
      if (meanwhile) return meanwhile;
      signingKeyOf(store, opened.keyId, claimed.armoury);
      const lastSeq = checkAgainstRegister(store, verified);
      return accept(store, actor, { fileName, fileSha256, verified, lastSeq }, options);
    });
  } catch (error) {
    if (!(error instanceof SnapshotRejection)) throw error;
    return reject(store, actor, fileName, fileSha256, claimed.armoury, claimed.number, error.reason, error.detail);
  }
}

/** The registry key that may verify the file, by the key id its signature names. */
function signingKeyOf(store: Store, keyId: string, claimedArmoury: string | null): NonNullable<ReturnType<typeof findKey>> {
  const key = findKey(store.s, keyId);
  if (!key || key.state === 'announced') {
    // An armoury not enrolled yet is the usual reason a key is unknown: say so, it is not tampering.
    if (claimedArmoury !== null && !isEnrolled(store, claimedArmoury)) {
      throw new SnapshotRejection('armoury_not_enrolled', `armoury ${claimedArmoury} is not enrolled (key ${keyId})`);
    }
    throw new SnapshotRejection('unknown_key', `key ${keyId} is ${key ? 'announced but its rotation is not accepted' : 'not in the registry'}`);
  }
  if (key.state === 'revoked') throw new SnapshotRejection('revoked_key', `key ${key.key_id} of ${key.armoury} was revoked on ${key.until ?? '?'}`);
  if (key.state === 'retired') throw new SnapshotRejection('retired_key', `key ${key.key_id} of ${key.armoury} was replaced on ${key.until ?? '?'}`);
  return key;
}

function isEnrolled(store: Store, code: string): boolean {
  return store.s.sql('SELECT 1 FROM national_armouries WHERE code = ?').get(code) !== undefined;
}

interface Registered {
  last_number: number | null;
  last_seq: number;
  last_checkpoint: string;
}

/** The checks against what the register holds; returns the armoury's last seq before this file. */
function checkAgainstRegister(store: Store, v: VerifiedSnapshot): number {
  const cp = v.checkpoint;
  const reg = store.s.sql('SELECT last_number, last_seq, last_checkpoint FROM national_armouries WHERE code = ?').get(cp.armoury) as Registered | undefined;
  if (!reg) throw new SnapshotRejection('armoury_not_enrolled', `armoury ${cp.armoury} is not enrolled`);
  if (reg.last_number !== null && cp.snapshot <= reg.last_number) {
    throw new SnapshotRejection('replayed', `snapshot ${cp.snapshot}, the register already holds snapshot ${reg.last_number}`);
  }
  if (cp.toSeq < reg.last_seq) throw new SnapshotRejection('truncated', `ends at seq ${cp.toSeq}, the register holds events up to seq ${reg.last_seq}`);
  if (cp.fromSeq > reg.last_seq + 1) throw new SnapshotRejection('seq_gap', `starts at seq ${cp.fromSeq}, the register holds events up to seq ${reg.last_seq}`);
  if (reg.last_number !== null && cp.snapshot === reg.last_number + 1 && cp.previousCheckpoint !== reg.last_checkpoint) {
    throw new SnapshotRejection('history_rewritten', `previous-checkpoint ${cp.previousCheckpoint} is not snapshot ${reg.last_number}'s (${reg.last_checkpoint})`);
  }
  // Every event the register already holds must come back byte for byte (same hash), and the
  // file's first event must link to the stored one before it.
  const stored = store.s.sql('SELECT hash FROM national_events WHERE armoury = ? AND seq = ?');
  if (cp.fromSeq > 1 && cp.fromSeq - 1 <= reg.last_seq) {
    const before = stored.get(cp.armoury, cp.fromSeq - 1) as { hash: Buffer } | undefined;
    if (before?.hash.toString('hex') !== cp.firstPrev) throw new SnapshotRejection('history_rewritten', `first-prev differs from the stored hash of seq ${cp.fromSeq - 1}`);
  }
  for (const e of v.events) {
    if (e.seq > reg.last_seq) break;
    const row = stored.get(cp.armoury, e.seq) as { hash: Buffer } | undefined;
    if (!row || !row.hash.equals(e.hash)) throw new SnapshotRejection('history_rewritten', `seq ${e.seq} differs from the event already imported`);
  }
  return reg.last_seq;
}

interface Accepted {
  fileName: string;
  fileSha256: string;
  verified: VerifiedSnapshot;
  lastSeq: number;
}

/** Writes an accepted file; runs inside the import's write transaction. */
function accept(store: Store, actor: number, a: Accepted, options: ImportOptions): ImportResult {
  const { checkpoint: cp, hasState } = a.verified;
  const weapons = hasState.weapons ? cp.weapons : weaponCount(store, cp.armoury);
  const eventsAdded = cp.toSeq - a.lastSeq;
  // The file's events are parsed once, as they are stored (and read by the ledger); the event recording the import follows.
  const ledger = new WeaponLedger();
  const stored = storeEvents(store.s, cp.armoury, a.verified.events, a.lastSeq, ledger);
  options.onStage?.('events');
  // The state must be the register's rows plus what the new events did, checked as the rows are
  // replaced (a refusal here rolls everything back).
  if (hasState.weapons) {
    replaceWeapons(store.s, cp.armoury, a.verified.weapons, new StateCheck(store.s, cp.armoury, ledger));
  } else if (ledger.first) {
    // Without a weapons state file (the format allows it; Gardien always writes one) the rows stay as they
    // were, which is right only if no new event changes a weapon.
    const f = ledger.first;
    throw new SnapshotRejection('state_mismatch', `state/weapons.ndjson is missing, and seq ${f.seq} (${f.type}) changes weapon ${f.weaponId}`);
  }
  options.onStage?.('weapons');
  // The key a rotation announced: the checkpoint's next-key, else the last signing_key.rotated among the new events.
  const announced = readPublicKey(a.verified.announcedKey?.publicKey ?? stored.rotatedKey ?? '');
  const data: SnapshotImported = {
    fileName: a.fileName, fileSha256: a.fileSha256, armoury: cp.armoury, agency: cp.agency as Agency, region: cp.region, number: cp.snapshot,
    fromSeq: cp.fromSeq, toSeq: cp.toSeq, head: cp.head, checkpointSha256: a.verified.checkpointSha256, created: cp.created,
    eventsAdded, weapons, ...(announced ? { announcedKey: announced } : {}),
  };
  store.journal.append({ type: 'snapshot.imported', actor, data });
  options.onStage?.('event');
  return {
    fileName: a.fileName, fileSha256: a.fileSha256, outcome: 'accepted', reason: null, detail: '', armoury: cp.armoury, number: cp.snapshot,
    eventsAdded, weapons,
  };
}

function weaponCount(store: Store, armoury: string): number {
  return (store.s.sql('SELECT COUNT(*) AS n FROM national_weapons WHERE armoury = ?').get(armoury) as { n: number }).n;
}

function reject(
  store: Store, actor: number, fileName: string, fileSha256: string, armoury: string | null, number: number | null, reason: RejectionReason, detail: string,
): ImportResult {
  const data: SnapshotRejected = { fileName, fileSha256, armoury, number, reason, detail };
  store.journal.write(() => store.journal.append({ type: 'snapshot.rejected', actor, data }));
  return { fileName, fileSha256, outcome: 'rejected', reason, detail, armoury, number, eventsAdded: 0, weapons: 0 };
}
