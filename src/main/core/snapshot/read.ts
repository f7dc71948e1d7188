import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { GENESIS_PREV } from '../journal/event';
import { parseCheckpoint, parseTrustedComment, type Checkpoint, type TrustedClaim } from './checkpoint';
import { fingerprint, keyIdHex, parsePublicKey, parseSignature, verifyPrehashed } from './minisign';
import { ENTRY, LIMITS, reject, SnapshotRejection } from './rejection';
import { eventLines, parseEventLine, parseLotLine, parseWeaponLine, type SnapshotLot, type SnapshotWeapon } from './state';
import { parseSums } from './sums';
import { readZip } from './zip-read';

export { SnapshotRejection } from './rejection';
export type { Checkpoint, TrustedClaim } from './checkpoint';
export type { SnapshotLot, SnapshotWeapon } from './state';

/** A snapshot whose archive is sound; nothing in it is trusted yet (see verifySnapshot). */
export interface OpenedSnapshot {
  /** Entry name -> its bytes (views into the file, never copied to disk). */
  entries: ReadonlyMap<string, Buffer>;
  /** The names in archive order. */
  names: readonly string[];
  /** The key id the signature names (16 upper-case hex digits, as minisign prints it): pick the key by it. */
  keyId: string;
  signatureText: string;
  /** The signature's trusted comment and what it claims, NOT yet verified. */
  trustedComment: string;
  claim: TrustedClaim | null;
  /** Lines in events.ndjson. */
  eventLines: number;
}

/** One event of the file, checked: exact body bytes and their SHA-256. */
export interface SnapshotEvent {
  seq: number;
  hash: Buffer;
  prev: string;
  type: string;
  at: string;
  actor: number;
  approver?: number;
  body: Buffer;
  data: unknown;
}

export interface AnnouncedKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

/** A snapshot that passed every check the file allows on its own (the register's checks remain). */
export interface VerifiedSnapshot {
  checkpoint: Checkpoint;
  /** SHA-256 of checkpoint.txt: the next snapshot names it as previous-checkpoint. */
  checkpointSha256: string;
  keyId: string;
  trustedComment: string;
  /** to-seq - from-seq + 1. */
  eventCount: number;
  /** Re-iterable, lazily parsed from the file's bytes (seq order). */
  events: Iterable<SnapshotEvent>;
  /** state/weapons.ndjson, by id (empty when the file has no state). */
  weapons: Iterable<SnapshotWeapon>;
  lots: SnapshotLot[];
  hasState: { weapons: boolean; lots: boolean };
  /** The key this snapshot announces (rotation), null if none. */
  announcedKey: AnnouncedKey | null;
}

const NDJSON = new Set<string>([ENTRY.events, ENTRY.weapons, ENTRY.lots]);

/**
 * The archive checks, before any key is looked up: structure, names, caps, compression, CRCs,
 * required entries, UTF-8, line lengths, and the signature's form. Throws SnapshotRejection only.
 */
export function openSnapshot(bytes: Uint8Array): OpenedSnapshot {
  try {
    const input: unknown = bytes;
    if (!(input instanceof Uint8Array)) reject('not_a_snapshot', 'not bytes');
    const file = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const list = readZip(file);
    for (const e of list) if (!isUtf8(e.data)) reject('invalid_utf8', `${e.name} is not valid UTF-8`);
    let lines = 0;
    for (const e of list) {
      if (!NDJSON.has(e.name)) continue;
      let n = 0;
      for (const [start, end] of eventLines(e.data)) {
        n++;
        if (end - start > LIMITS.lineBytes) reject('entry_too_large', `${e.name} line ${n} is ${end - start} bytes, at most ${LIMITS.lineBytes}`);
      }
      if (e.name === ENTRY.events) lines = n;
    }
    const entries = new Map(list.map((e) => [e.name, e.data]));
    const signatureText = (entries.get(ENTRY.signature) as Buffer).toString('utf8');
    const sig = parseSignature(signatureText);
    if (!sig) reject('malformed_signature', 'SHA256SUMS.minisig is not a prehashed minisign signature');
    return {
      entries,
      names: list.map((e) => e.name),
      keyId: keyIdHex(sig.keyId),
      signatureText,
      trustedComment: sig.trustedComment,
      claim: parseTrustedComment(sig.trustedComment),
      eventLines: lines,
    };
  } catch (error) {
    throw asRejection(error);
  }
}

/**
 * Everything a file can prove about itself with the armoury's public key, in the documented
 * order: signature, sums, checkpoint, the event chain, the state files. `armoury`, when given, is
 * the armoury the key belongs to (key_of_another_armoury). Throws SnapshotRejection only.
 */
export function verifySnapshot(opened: OpenedSnapshot, publicKeyLine: string, options: { armoury?: string } = {}): VerifiedSnapshot {
  try {
    return verify(opened, publicKeyLine, options);
  } catch (error) {
    throw asRejection(error);
  }
}

function verify(opened: OpenedSnapshot, publicKeyLine: string, options: { armoury?: string }): VerifiedSnapshot {
  const entry = (name: string): Buffer => opened.entries.get(name) ?? reject('entry_missing', `${name} is missing`);
  const key = parsePublicKey(publicKeyLine);
  if (!key) reject('unknown_key', 'the public key given is not a minisign public key line');
  if (options.armoury !== undefined && opened.claim && opened.claim.armoury !== options.armoury) {
    reject('key_of_another_armoury', `the file says armoury ${opened.claim.armoury}; key ${opened.keyId} is armoury ${options.armoury}'s`);
  }
  const sums = entry(ENTRY.sums);
  const verdict = verifyPrehashed(sums, opened.signatureText, publicKeyLine);
  if (!verdict.ok) {
    if (verdict.reason === 'malformed') reject('malformed_signature', 'SHA256SUMS.minisig could not be read');
    if (verdict.reason === 'key_mismatch') reject('unknown_key', `signed by key ${opened.keyId}, not by key ${keyIdHex(key.keyId)}`);
    reject('bad_signature', verdict.reason === 'bad_signature' ? 'the signature of SHA256SUMS does not verify' : 'the signature of the trusted comment does not verify');
  }
  const claim = parseTrustedComment(verdict.trustedComment);
  if (!claim) reject('checkpoint_mismatch', `the trusted comment is not "gardien-snapshot armoury=… snapshot=… to-seq=… head=…"`);

  // Sums: exactly the archive's other entries, each with its hash.
  const listed = parseSums(sums.toString('utf8'));
  const listedNames = new Set(listed.map((l) => l.name));
  for (const l of listed) {
    if (l.name === ENTRY.sums || l.name === ENTRY.signature) reject('malformed_sums', `SHA256SUMS lists ${l.name}`);
    if (!opened.entries.has(l.name)) reject('entry_missing', `SHA256SUMS lists ${l.name}, which the archive lacks`);
  }
  for (const name of opened.names) {
    if (name !== ENTRY.sums && name !== ENTRY.signature && !listedNames.has(name)) reject('entry_unexpected', `${name} is not covered by SHA256SUMS`);
  }
  for (const l of listed) {
    if (sha256(entry(l.name)) !== l.sha256) reject('file_hash_mismatch', `${l.name} does not match its SHA-256 in SHA256SUMS`);
  }

  const checkpointBytes = entry(ENTRY.checkpoint);
  const cp = parseCheckpoint(checkpointBytes.toString('utf8'));
  checkCheckpoint(cp, claim, opened.keyId);
  const chain = checkEvents(entry(ENTRY.events), opened.eventLines, cp);

  const weaponsBytes = opened.entries.get(ENTRY.weapons);
  const lotsBytes = opened.entries.get(ENTRY.lots);
  if (weaponsBytes) checkWeapons(weaponsBytes, cp);
  const lots = lotsBytes ? readLots(lotsBytes, cp) : [];
  const announced = cp.nextKey ? parsePublicKey(cp.nextKey) : null;
  return {
    checkpoint: cp,
    checkpointSha256: sha256(checkpointBytes),
    keyId: opened.keyId,
    trustedComment: verdict.trustedComment,
    eventCount: cp.toSeq - cp.fromSeq + 1,
    events: { [Symbol.iterator]: () => iterateEvents(entry(ENTRY.events), chain.hashes) },
    weapons: { [Symbol.iterator]: () => iterateWeapons(weaponsBytes) },
    lots,
    hasState: { weapons: weaponsBytes !== undefined, lots: lotsBytes !== undefined },
    announcedKey:
      announced && cp.nextKey
        ? { keyId: keyIdHex(announced.keyId), publicKey: cp.nextKey, fingerprint: fingerprint(announced.publicKey, announced.keyId) }
        : null,
  };
}

/** The checkpoint against the signed trusted comment, the signing key and its own rules. */
function checkCheckpoint(cp: Checkpoint, claim: TrustedClaim, keyId: string): void {
  const bad = (detail: string): never => reject('checkpoint_mismatch', detail);
  if (claim.armoury !== cp.armoury) bad(`trusted comment armoury ${claim.armoury}, checkpoint ${cp.armoury}`);
  if (claim.snapshot !== cp.snapshot) bad(`trusted comment snapshot ${claim.snapshot}, checkpoint ${cp.snapshot}`);
  if (claim.toSeq !== cp.toSeq) bad(`trusted comment to-seq ${claim.toSeq}, checkpoint ${cp.toSeq}`);
  if (claim.head !== cp.head) bad('trusted comment head differs from the checkpoint head');
  if (cp.keyId !== keyId) bad(`checkpoint key-id ${cp.keyId}, signed by ${keyId}`);
  if (cp.full !== (cp.fromSeq === 1)) bad(`full: ${cp.full ? 'yes' : 'no'} with from-seq ${cp.fromSeq}`);
  if ((cp.fromSeq === 1) !== (cp.firstPrev === GENESIS_PREV)) bad('first-prev must be 64 zeros exactly when from-seq is 1');
  if (cp.snapshot === 1 && !cp.full) bad('snapshot 1 must be full');
  if ((cp.snapshot === 1) !== (cp.previousCheckpoint === null)) bad('previous-checkpoint must be "none" exactly for snapshot 1');
}

/** One pass over events.ndjson: form, armoury, seq contiguity, the prev/hash chain, the ends. */
function checkEvents(events: Buffer, lineCount: number, cp: Checkpoint): { hashes: Buffer } {
  if (events.length > 0 && events[events.length - 1] !== 0x0a) reject('malformed_event', 'the last line of events.ndjson lacks its line feed');
  const hashes = Buffer.alloc(32 * lineCount);
  let i = 0;
  let expected = cp.fromSeq;
  let prev = cp.firstPrev;
  let lastRotated: string | null = null;
  for (const [start, end] of eventLines(events)) {
    const body = events.subarray(start, end);
    const e = parseEventLine(body, `events.ndjson line ${i + 1}`);
    if (e.armoury !== cp.armoury) reject('wrong_armoury', `seq ${e.seq} is an event of armoury ${JSON.stringify(e.armoury).slice(0, 40)}, not ${cp.armoury}`);
    if (e.seq !== expected) {
      if (i === 0) reject('checkpoint_mismatch', `the first event is seq ${e.seq}, from-seq is ${cp.fromSeq}`);
      reject('seq_gap', `seq ${e.seq} follows seq ${expected - 1}`);
    }
    if (e.prev !== prev) {
      if (i === 0) reject('checkpoint_mismatch', `the prev of seq ${e.seq} is not the checkpoint's first-prev`);
      reject('broken_chain', `the prev of seq ${e.seq} is not the hash of seq ${e.seq - 1}`);
    }
    const hash = createHash('sha256').update(body).digest();
    hash.copy(hashes, 32 * i);
    prev = hash.toString('hex');
    if (e.type === 'signing_key.rotated') lastRotated = publicKeyOf(e.data);
    expected++;
    i++;
  }
  if (i === 0) reject('checkpoint_mismatch', 'events.ndjson is empty');
  if (expected - 1 !== cp.toSeq) reject('checkpoint_mismatch', `the events end at seq ${expected - 1}, to-seq is ${cp.toSeq}`);
  if (prev !== cp.head) reject('checkpoint_mismatch', `the hash of seq ${cp.toSeq} is not the checkpoint's head`);
  if (cp.nextKey !== null && cp.nextKey !== lastRotated) reject('checkpoint_mismatch', 'next-key is not the key the last signing_key.rotated of the file announced');
  return { hashes };
}

function publicKeyOf(data: unknown): string | null {
  const key = (data as { publicKey?: unknown } | null)?.publicKey;
  return typeof key === 'string' ? key : null;
}

function checkWeapons(bytes: Buffer, cp: Checkpoint): void {
  let n = 0;
  let lastId = 0;
  for (const w of iterateWeapons(bytes)) {
    n++;
    if (w.id <= lastId) reject('state_mismatch', `state/weapons.ndjson: weapon ${w.id} after weapon ${lastId} (ids must increase)`);
    if (w.id > cp.toSeq || w.updatedSeq > cp.toSeq) reject('state_mismatch', `state/weapons.ndjson: weapon ${w.id} comes after to-seq ${cp.toSeq}`);
    lastId = w.id;
  }
  if (n !== cp.weapons) reject('state_mismatch', `state/weapons.ndjson holds ${n} weapons, the checkpoint says ${cp.weapons}`);
}

function readLots(bytes: Buffer, cp: Checkpoint): SnapshotLot[] {
  const lots: SnapshotLot[] = [];
  let lastId = 0;
  let line = 0;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) reject('state_mismatch', 'state/lots.ndjson: the last line lacks its line feed');
  for (const [start, end] of eventLines(bytes)) {
    const lot = parseLotLine(bytes.subarray(start, end), `state/lots.ndjson line ${++line}`);
    if (lot.id <= lastId) reject('state_mismatch', `state/lots.ndjson: lot ${lot.id} after lot ${lastId} (ids must increase)`);
    if (lot.id > cp.toSeq) reject('state_mismatch', `state/lots.ndjson: lot ${lot.id} comes after to-seq ${cp.toSeq}`);
    lastId = lot.id;
    lots.push(lot);
  }
  if (lots.length !== cp.lots) reject('state_mismatch', `state/lots.ndjson holds ${lots.length} lots, the checkpoint says ${cp.lots}`);
  return lots;
}

function* iterateWeapons(bytes: Buffer | undefined): Generator<SnapshotWeapon> {
  if (!bytes) return;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) reject('state_mismatch', 'state/weapons.ndjson: the last line lacks its line feed');
  let line = 0;
  for (const [start, end] of eventLines(bytes)) yield parseWeaponLine(bytes.subarray(start, end), `state/weapons.ndjson line ${++line}`);
}

function* iterateEvents(events: Buffer, hashes: Buffer): Generator<SnapshotEvent> {
  let i = 0;
  for (const [start, end] of eventLines(events)) {
    const body = events.subarray(start, end);
    const e = parseEventLine(body, `events.ndjson line ${i + 1}`);
    yield {
      seq: e.seq, hash: hashes.subarray(32 * i, 32 * i + 32), prev: e.prev, type: e.type, at: e.at, actor: e.actor,
      ...(e.approver !== undefined ? { approver: e.approver } : {}), body, data: e.data,
    };
    i++;
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Bad input must end in a typed verdict. Anything else escaping the checks (a RangeError on some
 * hostile size, say) is still the file's fault: it becomes not_a_snapshot rather than a crash.
 */
function asRejection(error: unknown): SnapshotRejection {
  if (error instanceof SnapshotRejection) return error;
  return new SnapshotRejection('not_a_snapshot', `unreadable: ${error instanceof Error ? error.message : String(error)}`);
}
