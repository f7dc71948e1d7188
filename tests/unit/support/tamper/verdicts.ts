import { isUtf8 } from 'node:buffer';
import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import type { Expected } from './expect-archive';
import { getField, lines, NAMES, parseEvent, sha256, type Base, type CheckpointPairs } from './snapshot';
import type { RegisterModel } from './world';

/**
 * The verdicts the format and the import rules (docs/snapshot-format.md, DESIGN.md "Signed
 * snapshots", REJECTION_REASONS order) give a file, computed from what the generator made and
 * from the world's own model of the register: the code under test is never asked.
 */

const CLAIM = /^gardien-snapshot armoury=([A-Z0-9-]{2,20}) snapshot=([1-9][0-9]{0,15}) to-seq=([1-9][0-9]{0,15}) head=([0-9a-f]{64})$/;

/** The armoury a trusted comment claims, or null when it is not of the documented form. */
export function claimedArmoury(comment: string): string | null {
  return CLAIM.exec(comment)?.[1] ?? null;
}

/**
 * The key checks, by the key id the signature names and the armoury the (not yet verified)
 * trusted comment claims. Returns the reason, or the armoury whose active key it is.
 */
export function keyVerdict(model: RegisterModel, keyId: string, claim: string | null): { reason: RejectionReason } | { armoury: string } {
  const key = model.keys.get(keyId);
  if (!key || key.state === 'announced') {
    // An armoury the commission does not know yet is the usual cause of an unknown key.
    return { reason: claim !== null && !model.armouries.has(claim) ? 'armoury_not_enrolled' : 'unknown_key' };
  }
  if (key.state === 'revoked') return { reason: 'revoked_key' };
  if (key.state === 'retired') return { reason: 'retired_key' };
  if (claim !== null && claim !== key.armoury) return { reason: 'key_of_another_armoury' };
  return { armoury: key.armoury };
}

export interface Claimed {
  armoury: string;
  number: number;
  fromSeq: number;
  toSeq: number;
  firstPrev: string;
  previousCheckpoint: string | null;
  /** Each event's seq and hash. */
  events: { seq: number; hash: string }[];
  fileSha256: string;
}

/** What a well-formed, correctly signed file claims: read from its parts by the generator. */
export function claimOf(checkpoint: CheckpointPairs, bodies: readonly Buffer[], file: Buffer): Claimed {
  const f = (k: string) => getField(checkpoint, k);
  const previous = f('previous-checkpoint');
  return {
    armoury: f('armoury'), number: Number(f('snapshot')), fromSeq: Number(f('from-seq')), toSeq: Number(f('to-seq')), firstPrev: f('first-prev'),
    previousCheckpoint: previous === 'none' ? null : previous,
    events: bodies.map((b) => ({ seq: parseEvent(b).seq, hash: sha256(b) })), fileSha256: sha256(file),
  };
}

/** The register's checks on a file that passed every check of its own, in their documented order. */
export function registerVerdict(model: RegisterModel, c: Claimed): RejectionReason | 'accepted' | 'duplicate' {
  if (model.accepted.has(c.fileSha256)) return 'duplicate';
  const reg = model.armouries.get(c.armoury);
  if (!reg) return 'armoury_not_enrolled';
  if (reg.lastNumber !== null && c.number <= reg.lastNumber) return 'replayed';
  if (c.toSeq < reg.lastSeq) return 'truncated';
  if (c.fromSeq > reg.lastSeq + 1) return 'seq_gap';
  if (reg.lastNumber !== null && c.number === reg.lastNumber + 1 && c.previousCheckpoint !== reg.lastCheckpoint) return 'history_rewritten';
  if (c.fromSeq > 1 && c.fromSeq - 1 <= reg.lastSeq && reg.hashes.get(c.fromSeq - 1) !== c.firstPrev) return 'history_rewritten';
  for (const e of c.events) if (e.seq <= reg.lastSeq && reg.hashes.get(e.seq) !== e.hash) return 'history_rewritten';
  return 'accepted';
}

/** minisign's .minisig as the format reads it: four lines, strict base64, prehashed "ED". */
interface Minisig {
  untrusted: string;
  keyId: Buffer;
  signature: Buffer;
  comment: string;
  global: Buffer;
}

function strictBase64(s: string, bytes: number): Buffer | null {
  if (s.length !== Math.ceil(bytes / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  return b.length === bytes && b.toString('base64') === s ? b : null;
}

export function parseMinisig(data: Buffer): Minisig | null {
  const all = data.toString('utf8').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  while (all.length > 4 && all[all.length - 1] === '') all.pop();
  const [u, s, t, g] = all;
  if (all.length !== 4 || u === undefined || s === undefined || t === undefined || g === undefined) return null;
  if (!u.startsWith('untrusted comment: ') || !t.startsWith('trusted comment: ')) return null;
  const sig = strictBase64(s, 74);
  const global = strictBase64(g, 64);
  const comment = t.slice('trusted comment: '.length);
  if (!sig || !global || sig.toString('latin1', 0, 2) !== 'ED' || /[\r\n\0]/.test(comment) || Buffer.byteLength(comment) > 8172) return null;
  return { untrusted: u, keyId: sig.subarray(2, 10), signature: sig.subarray(10), comment, global };
}

/** minisign prints a key id as the little-endian number of its 8 bytes. */
export const keyIdText = (bytes: Buffer): string => Buffer.from(bytes).reverse().toString('hex').toUpperCase();

/**
 * The verdict for `base` with entry `name` replaced by `data`, the archive rebuilt with correct
 * CRCs and nothing re-signed: a content file no longer matches its sum, changed sums no longer
 * match the signature, a changed signature file is malformed, names another key, or fails.
 */
export function expectContentChange(model: RegisterModel, base: Base, name: string, data: Buffer): Expected {
  if (!isUtf8(data)) return { reason: 'invalid_utf8' };
  if (name === NAMES.sums) return { reason: 'bad_signature' };
  if (name !== NAMES.signature) {
    for (const line of lines(data)) if (line.length > 1024 * 1024) return { reason: 'entry_too_large' };
    return { reason: 'file_hash_mismatch' };
  }
  const before = parseMinisig(base.entries.get(NAMES.signature) ?? Buffer.alloc(0));
  const after = parseMinisig(data);
  if (!before) throw new Error(`${base.label}: its own signature does not parse`);
  if (!after) return { reason: 'malformed_signature' };
  const claim = claimedArmoury(after.comment);
  const key = keyVerdict(model, keyIdText(after.keyId), claim);
  if ('reason' in key) return key;
  if (!after.signature.equals(before.signature) || !after.global.equals(before.global) || after.comment !== before.comment) {
    return { reason: 'bad_signature' };
  }
  return { inert: 'signature: the untrusted comment (minisign does not sign it)' };
}
