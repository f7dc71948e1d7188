import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, getHashes, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { blake2b512Js } from './blake2b';

/**
 * minisign's file formats, written and checked with node:crypto only, so a commission can verify
 * a snapshot with Debian's `minisign` and no Gardien (DESIGN.md, Signed snapshots).
 *
 * Public key:  base64("Ed" || keyId(8) || pk(32)).
 * Signature:   we only write and accept the prehashed "ED" form: sig = Ed25519(BLAKE2b-512(data)),
 *              global = Ed25519(sig || trusted comment). The legacy "Ed" form signs the whole
 *              file, so it is refused: a signer's choice of algorithm should not widen what verifies.
 * keyId is stored as raw bytes; minisign prints it as their little-endian uint64 in upper hex.
 */

const PUBKEY_ALG = 'Ed';
const SIG_ALG = 'ED';
const KEY_ID_BYTES = 8;
const PK_BYTES = 32;
const SIG_BYTES = 64;
const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';
/** minisign's buffers: COMMENTMAXBYTES 1024 and TRUSTEDCOMMENTMAXBYTES 8192, each holding the prefix and the line end. */
const UNTRUSTED_MAX_BYTES = 1024 - UNTRUSTED_PREFIX.length - 2;
const TRUSTED_MAX_BYTES = 8192 - TRUSTED_PREFIX.length - 2;
/** Larger than any signature minisign could read; checked before any parsing so huge input costs nothing. */
const SIG_TEXT_MAX_BYTES = 16 * 1024;
/** Ed25519 SubjectPublicKeyInfo DER is this fixed prefix followed by the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Ed25519 PKCS#8 DER is this fixed prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  /** Never leaves the main process. */
  privateKey: KeyObject;
  /** Random 8 bytes, in the order minisign stores them; lets a verifier tell keys apart before checking. */
  keyId: Buffer;
}

export type Verdict =
  | { ok: true; trustedComment: string }
  | { ok: false; reason: 'malformed' | 'key_mismatch' | 'bad_signature' | 'bad_global_signature' };

export interface PublicKey {
  publicKey: Buffer;
  keyId: Buffer;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKey: Buffer.from(spki.subarray(ED25519_SPKI_PREFIX.length)), privateKey, keyId: randomBytes(KEY_ID_BYTES) };
}

/**
 * A key made from a fixed 32-byte seed: only for the demo armoury, whose journal must come out the
 * same byte for byte on every run (its key is no secret: anyone can rebuild the demo).
 */
export function signingKeyFromSeed(seed: Uint8Array, keyId: Uint8Array): SigningKey {
  checkLength(seed, 32, 'seed');
  checkLength(keyId, KEY_ID_BYTES, 'key id');
  return importSigningKey(Buffer.concat([ED25519_PKCS8_PREFIX, seed]), keyId);
}

/** The private half as stored in signing_secrets (PKCS#8 DER); never leaves the main process. */
export function privateKeyDer(key: SigningKey): Buffer {
  return key.privateKey.export({ format: 'der', type: 'pkcs8' });
}

/** Rebuilds a signing key from its stored PKCS#8 DER and key id. */
export function importSigningKey(pkcs8Der: Uint8Array, keyId: Uint8Array): SigningKey {
  checkLength(keyId, KEY_ID_BYTES, 'key id');
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8Der), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('minisign: the stored private key is not an Ed25519 key');
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { publicKey: Buffer.from(spki.subarray(ED25519_SPKI_PREFIX.length)), privateKey, keyId: Buffer.from(keyId) };
}

/** minisign's display of a key id: the 8 bytes read as a little-endian uint64, 16 upper-case hex digits. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** `line` is what `minisign -P` takes; `file` is a minisign.pub that `minisign -p` reads. */
export function publicKeyText(publicKey: Buffer, keyId: Buffer): { line: string; file: string } {
  checkLength(publicKey, PK_BYTES, 'public key');
  checkLength(keyId, KEY_ID_BYTES, 'key id');
  const line = Buffer.concat([Buffer.from(PUBKEY_ALG, 'latin1'), keyId, publicKey]).toString('base64');
  return { line, file: `${UNTRUSTED_PREFIX}minisign public key ${keyIdHex(keyId)}\n${line}\n` };
}

/**
 * The fingerprint printed on the key registration certificate: SHA-256 over the 42 decoded bytes of
 * the minisign public key line (algorithm, key id and key), as 16 groups of 4 upper-case hex digits.
 * Hashing the whole line, not only the 32 key bytes, means the paper vouches for exactly what the
 * commission enrols; the full 256 bits keep a second-preimage search out of reach.
 */
export function fingerprint(publicKey: Buffer, keyId: Buffer): string {
  const blob = Buffer.from(publicKeyText(publicKey, keyId).line, 'base64');
  const hex = createHash('sha256').update(blob).digest('hex').toUpperCase();
  return (hex.match(/.{4}/g) ?? []).join(' ');
}

/** Parses a bare minisign public key line (as `minisign -P` takes it); null when it is not one. */
export function parsePublicKey(line: string): PublicKey | null {
  const blob = strictBase64(line.trim(), 2 + KEY_ID_BYTES + PK_BYTES);
  if (!blob || blob.toString('latin1', 0, 2) !== PUBKEY_ALG) return null;
  return { keyId: Buffer.from(blob.subarray(2, 2 + KEY_ID_BYTES)), publicKey: Buffer.from(blob.subarray(2 + KEY_ID_BYTES)) };
}

/**
 * Reads a .minisig without checking it: the key id it names (so a verifier can pick the key) and
 * its trusted comment (not to be trusted until verifyPrehashed accepts). Null when it is not a
 * prehashed minisign signature.
 */
export function parseSignature(sigText: string | Uint8Array): { keyId: Buffer; trustedComment: string } | null {
  const parts = splitSignature(decodeSigText(sigText));
  return parts ? { keyId: parts.keyId, trustedComment: parts.trustedComment } : null;
}

/** The .minisig text for `data` in the prehashed "ED" format; comments must be single lines. */
export function signPrehashed(data: Uint8Array, key: SigningKey, trustedComment: string, untrustedComment = 'signature from gardien secret key'): string {
  checkComment(trustedComment, TRUSTED_MAX_BYTES, 'trusted comment');
  checkComment(untrustedComment, UNTRUSTED_MAX_BYTES, 'untrusted comment');
  checkLength(key.keyId, KEY_ID_BYTES, 'key id');
  const signature = sign(null, blake2b512(data), key.privateKey);
  const global = sign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.privateKey);
  const sigLine = Buffer.concat([Buffer.from(SIG_ALG, 'latin1'), key.keyId, signature]).toString('base64');
  return `${UNTRUSTED_PREFIX}${untrustedComment}\n${sigLine}\n${TRUSTED_PREFIX}${trustedComment}\n${global.toString('base64')}\n`;
}

/**
 * Checks a .minisig against `data` and a public key line, as `minisign -V` does. Never throws on
 * any input: every refusal is a typed verdict.
 */
export function verifyPrehashed(data: Uint8Array, sigText: string | Uint8Array, publicKeyLine: string): Verdict {
  const parts = splitSignature(decodeSigText(sigText));
  const key = typeof publicKeyLine === 'string' && publicKeyLine.length < 256 ? parsePublicKey(publicKeyLine) : null;
  if (parts === null || !key || !(data instanceof Uint8Array)) return { ok: false, reason: 'malformed' };
  const { keyId, signature, trustedComment, global } = parts;
  if (!keyId.equals(key.keyId)) return { ok: false, reason: 'key_mismatch' };
  const pub = ed25519PublicKey(key.publicKey);
  if (!pub) return { ok: false, reason: 'malformed' };
  if (!safeVerify(blake2b512(data), pub, signature)) return { ok: false, reason: 'bad_signature' };
  if (!safeVerify(Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), pub, global)) {
    return { ok: false, reason: 'bad_global_signature' };
  }
  return { ok: true, trustedComment };
}

/** The four lines of a prehashed .minisig, decoded; null when any is not what minisign writes. */
function splitSignature(text: string | null): { keyId: Buffer; signature: Buffer; trustedComment: string; global: Buffer } | null {
  if (text === null) return null;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  while (lines.length > 4 && lines[lines.length - 1] === '') lines.pop();
  const [untrusted, sigLine, trusted, globalLine] = lines;
  if (lines.length !== 4 || untrusted === undefined || sigLine === undefined || trusted === undefined || globalLine === undefined) return null;
  if (!untrusted.startsWith(UNTRUSTED_PREFIX) || !trusted.startsWith(TRUSTED_PREFIX)) return null;
  const sigBlob = strictBase64(sigLine, 2 + KEY_ID_BYTES + SIG_BYTES);
  const global = strictBase64(globalLine, SIG_BYTES);
  if (!sigBlob || !global || sigBlob.toString('latin1', 0, 2) !== SIG_ALG) return null;
  const trustedComment = trusted.slice(TRUSTED_PREFIX.length);
  if (/[\r\n\0]/.test(trustedComment) || Buffer.byteLength(trustedComment, 'utf8') > TRUSTED_MAX_BYTES) return null;
  return { keyId: Buffer.from(sigBlob.subarray(2, 2 + KEY_ID_BYTES)), signature: Buffer.from(sigBlob.subarray(2 + KEY_ID_BYTES)), trustedComment, global };
}

/**
 * BLAKE2b-512 from the runtime's crypto when it has it (Node's OpenSSL), else the TypeScript one
 * (Electron's BoringSSL has none). Both give the same bytes; tests check it.
 */
let blake2bAvailable: boolean | undefined;

export function blake2b512(data: Uint8Array): Buffer {
  blake2bAvailable ??= getHashes().includes('blake2b512');
  return blake2bAvailable ? createHash('blake2b512').update(data).digest() : blake2b512Js(data);
}

function checkLength(buf: Uint8Array, n: number, what: string): void {
  if (buf.length !== n) throw new Error(`minisign: ${what} must be ${n} bytes, got ${buf.length}`);
}

/** minisign reads comments line by line into C strings: a line break or NUL would change what is signed. */
function checkComment(comment: string, maxBytes: number, what: string): void {
  if (/[\r\n\0]/.test(comment)) throw new Error(`minisign: the ${what} must be one line without NUL`);
  const bytes = Buffer.byteLength(comment, 'utf8');
  if (bytes > maxBytes) throw new Error(`minisign: the ${what} is ${bytes} bytes, at most ${maxBytes} fit`);
}

/** Buffer.from(_, 'base64') skips junk silently; only canonical padded base64 of the exact size is accepted. */
function strictBase64(s: string, bytes: number): Buffer | null {
  if (s.length !== Math.ceil(bytes / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const buf = Buffer.from(s, 'base64');
  return buf.length === bytes && buf.toString('base64') === s ? buf : null;
}

/** Bytes must be valid UTF-8: a lossy decode would silently change the trusted comment's bytes. */
function decodeSigText(sig: unknown): string | null {
  if (typeof sig === 'string') return sig.length <= SIG_TEXT_MAX_BYTES && Buffer.byteLength(sig, 'utf8') <= SIG_TEXT_MAX_BYTES ? sig : null;
  if (!(sig instanceof Uint8Array) || sig.length > SIG_TEXT_MAX_BYTES) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(sig);
  } catch {
    return null;
  }
}

function ed25519PublicKey(raw: Buffer): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null; // not a point on the curve
  }
}

function safeVerify(message: Buffer, pub: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, message, pub, signature);
  } catch {
    return false;
  }
}
