import { createHash, createHmac, scryptSync, timingSafeEqual } from 'node:crypto';
import { BACKUP_REASONS, type BackupReason } from '../../../shared/domain/backup';

/**
 * The .gbak format, version 1 (docs/backup-format.md is the reference):
 *
 *   line 1  `GARDIEN-BACKUP 1`
 *   line 2  the header: one line of JSON (HEADER_FIELDS below)
 *   line 3  SHA-256 of lines 1 and 2 with their newlines, hex: the header hash
 *   then    the chunks: AES-256-GCM ciphertext of each CHUNK of the database, followed by its 16-byte tag
 *
 * Nonce of chunk i = noncePrefix (8 bytes) || i (uint32 big-endian); AAD = header hash (32 bytes) ||
 * i (uint32 BE) || 1 if last chunk else 0 (1 byte). A changed header, a chunk moved, dropped or
 * added, a truncated file: each fails authentication.
 */
export const MAGIC = 'GARDIEN-BACKUP';
export const FORMAT_VERSION = 1;
export const MAGIC_LINE = `${MAGIC} ${FORMAT_VERSION}\n`;
export const CHUNK_SIZE = 1024 * 1024;
export const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 8;
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;
/** Longest header line accepted (the JSON is well under 1 KiB). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The scrypt cost written by this version; readers accept N from 2^14 to 2^17 with r = 8, p = 1. */
export const KDF_DEFAULT = { n: 2 ** 15, r: 8, p: 1 } as const;
const N_MIN = 2 ** 14;
const N_MAX = 2 ** 17;
const KEY_CHECK_LABEL = 'gardien-backup key check v1';

export interface KdfParams {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
}

export interface BackupHeader {
  format: number;
  cipher: 'aes-256-gcm';
  kdf: { name: 'scrypt'; n: number; r: number; p: number; salt: string };
  /** HMAC-SHA256(key, KEY_CHECK_LABEL), hex: tells a wrong passphrase from a damaged file. */
  keyCheck: string;
  noncePrefix: string;
  chunkSize: number;
  chunks: number;
  armoury: { code: string; name: string };
  kind: 'armoury' | 'commission';
  reason: BackupReason;
  createdAt: string;
  head: { seq: number; hash: string };
  schemaVersion: number;
  weapons: number;
  events: number;
  plaintext: { size: number; sha256: string };
}

export function deriveKey(passphrase: string, kdf: KdfParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), kdf.salt, KEY_BYTES, { N: kdf.n, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.n * kdf.r });
}

export function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('hex');
}

export function keyMatches(key: Buffer, header: BackupHeader): boolean {
  const expected = Buffer.from(header.keyCheck, 'hex');
  const found = Buffer.from(keyCheckOf(key), 'hex');
  return expected.length === found.length && timingSafeEqual(expected, found);
}

export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

export function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, NONCE_PREFIX_BYTES);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  return nonce;
}

export function aadOf(headerHash: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(37);
  headerHash.copy(aad, 0);
  aad.writeUInt32BE(index, 32);
  aad[36] = last ? 1 : 0;
  return aad;
}

/** The three header lines as written, and the hash the chunks' AAD binds. */
export function encodeHeader(header: BackupHeader): { bytes: Buffer; hash: Buffer } {
  const head = Buffer.from(MAGIC_LINE + JSON.stringify(header) + '\n', 'utf8');
  const hash = createHash('sha256').update(head).digest();
  return { bytes: Buffer.concat([head, Buffer.from(hash.toString('hex') + '\n', 'ascii')]), hash };
}

/** The total size of a file with this header: header lines, then every chunk and its tag. */
export function expectedFileSize(headerBytes: number, header: BackupHeader): number {
  return headerBytes + header.plaintext.size + header.chunks * TAG_BYTES;
}

/** Why a header was refused: the reader maps each to a typed error. */
export type HeaderProblem = 'not_a_backup' | 'damaged' | 'from_future';

export type ParsedHeader =
  | { ok: true; header: BackupHeader; length: number; hash: Buffer }
  | { ok: false; problem: HeaderProblem; found?: number };

const HEX64 = /^[0-9a-f]{64}$/;
const CODE = /^[A-Z0-9-]{1,40}$/;

/** Reads the three header lines from the start of a file; never throws. */
export function parseHeader(start: Buffer): ParsedHeader {
  const magic = Buffer.from(`${MAGIC} `, 'ascii');
  if (start.length < magic.length || !start.subarray(0, magic.length).equals(magic)) return { ok: false, problem: 'not_a_backup' };
  const end1 = start.indexOf(0x0a);
  if (end1 < 0 || end1 > 32) return { ok: false, problem: 'not_a_backup' };
  const version = start.subarray(magic.length, end1).toString('latin1');
  if (!/^[1-9][0-9]{0,5}$/.test(version)) return { ok: false, problem: 'damaged' };
  if (Number(version) > FORMAT_VERSION) return { ok: false, problem: 'from_future', found: Number(version) };
  if (Number(version) !== FORMAT_VERSION) return { ok: false, problem: 'damaged' };
  const end2 = start.indexOf(0x0a, end1 + 1);
  if (end2 < 0 || end2 - end1 > MAX_HEADER_BYTES) return { ok: false, problem: 'damaged' };
  const end3 = end2 + 65;
  if (start.length <= end3 || start[end3] !== 0x0a) return { ok: false, problem: 'damaged' };
  const hash = createHash('sha256').update(start.subarray(0, end2 + 1)).digest();
  if (start.subarray(end2 + 1, end3).toString('latin1') !== hash.toString('hex')) return { ok: false, problem: 'damaged' };
  let json: unknown;
  try {
    json = JSON.parse(start.subarray(end1 + 1, end2).toString('utf8'));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const header = validHeader(json);
  if (!header) return { ok: false, problem: 'damaged' };
  if (header.format > FORMAT_VERSION) return { ok: false, problem: 'from_future', found: header.format };
  if (header.format !== FORMAT_VERSION) return { ok: false, problem: 'damaged' };
  return { ok: true, header, length: end3 + 1, hash };
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** Every field typed and within bounds (scrypt's cost too: a file must not make the reader hang). */
function validHeader(json: unknown): BackupHeader | null {
  const h = obj(json);
  const kdf = obj(h?.kdf);
  const armoury = obj(h?.armoury);
  const head = obj(h?.head);
  const plain = obj(h?.plaintext);
  if (!h || !kdf || !armoury || !head || !plain) return null;
  if (!isInt(h.format, 1, 999_999) || h.cipher !== 'aes-256-gcm' || kdf.name !== 'scrypt') return null;
  if (!isInt(kdf.n, N_MIN, N_MAX) || (kdf.n & (kdf.n - 1)) !== 0 || kdf.r !== 8 || kdf.p !== 1) return null;
  if (!isStr(kdf.salt, 64) || Buffer.from(kdf.salt, 'base64').length !== SALT_BYTES || Buffer.from(kdf.salt, 'base64').toString('base64') !== kdf.salt) return null;
  if (!isStr(h.keyCheck, 64) || !HEX64.test(h.keyCheck)) return null;
  if (!isStr(h.noncePrefix, 16) || !/^[0-9a-f]{16}$/.test(h.noncePrefix)) return null;
  if (!isInt(h.chunkSize, 4096, 16 * CHUNK_SIZE)) return null;
  if (!isInt(plain.size, 0, Number.MAX_SAFE_INTEGER) || !isStr(plain.sha256, 64) || !HEX64.test(plain.sha256)) return null;
  if (!isInt(h.chunks, 1, 2 ** 32 - 1) || h.chunks !== chunkCount(plain.size, h.chunkSize)) return null;
  if (!isStr(armoury.code, 40) || !CODE.test(armoury.code) || !isStr(armoury.name, 200)) return null;
  if (h.kind !== 'armoury' && h.kind !== 'commission') return null;
  if (!(BACKUP_REASONS as readonly unknown[]).includes(h.reason)) return null;
  if (!isStr(h.createdAt, 40) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(h.createdAt)) return null;
  if (!isInt(head.seq, 0, Number.MAX_SAFE_INTEGER) || !isStr(head.hash, 64) || !HEX64.test(head.hash)) return null;
  if (!isInt(h.schemaVersion, 1, 1_000_000) || !isInt(h.weapons, 0, Number.MAX_SAFE_INTEGER) || !isInt(h.events, 0, Number.MAX_SAFE_INTEGER)) return null;
  return {
    format: h.format, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', n: kdf.n, r: 8, p: 1, salt: kdf.salt }, keyCheck: h.keyCheck,
    noncePrefix: h.noncePrefix, chunkSize: h.chunkSize, chunks: h.chunks, armoury: { code: armoury.code, name: armoury.name },
    kind: h.kind, reason: h.reason as BackupReason, createdAt: h.createdAt, head: { seq: head.seq, hash: head.hash },
    schemaVersion: h.schemaVersion, weapons: h.weapons, events: h.events, plaintext: { size: plain.size, sha256: plain.sha256 },
  };
}
