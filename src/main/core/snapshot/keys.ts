import { createHash } from 'node:crypto';
import type { SigningKeyInfo, SigningKeys } from '../../../shared/contract/snapshot';
import { AppError } from '../errors';
import type { Store } from '../store';
import {
  fingerprint,
  generateSigningKey,
  importSigningKey,
  keyIdHex,
  parsePublicKey,
  privateKeyDer,
  publicKeyText,
  signingKeyFromSeed,
  type SigningKey,
} from './minisign';

/** Data of signing_key.created: a key that signs from now on. */
export interface SigningKeyCreated {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

/** Data of signing_key.rotated: a key announced by the next snapshot, which the current key still signs. */
export interface SigningKeyRotated extends SigningKeyCreated {
  reason: string;
}

interface KeyRow {
  key_id: string;
  public_key: string;
  fingerprint: string;
  created_seq: number;
  created_at: string;
  state: 'current' | 'next' | 'retired';
}

/** What the journal says of a key: its public half only. */
export function publicKeyData(key: SigningKey): SigningKeyCreated {
  return { keyId: keyIdHex(key.keyId), publicKey: publicKeyText(key.publicKey, key.keyId).line, fingerprint: fingerprint(key.publicKey, key.keyId) };
}

/**
 * The private half goes into signing_secrets, local state that is never journaled, exported or
 * returned by an operation. Called inside the journal write that announces the key, so both or
 * neither are stored.
 */
function storeSecret(store: Store, key: SigningKey, at: string): void {
  store.s.sql('INSERT INTO signing_secrets (key_id, private_key, created_at) VALUES (?, ?, ?)').run(keyIdHex(key.keyId), privateKeyDer(key), at);
}

/** Appends signing_key.created for `key` (inside a journal write): the armoury's signing key from now on. */
export function appendKeyCreated(store: Store, actor: number, key: SigningKey): void {
  const event = store.journal.append<SigningKeyCreated>({ type: 'signing_key.created', actor, data: publicKeyData(key) });
  storeSecret(store, key, event.at);
}

/** The demo armoury's key: derived from a fixed seed so that the demo's journal is the same on every run. */
export function demoSigningKey(): SigningKey {
  const seed = createHash('sha256').update('gardien demo armoury signing key').digest();
  const keyId = createHash('sha256').update('gardien demo armoury key id').digest().subarray(0, 8);
  return signingKeyFromSeed(seed, keyId);
}

/**
 * An armoury upgraded from schema 5 or earlier has no key yet: the first opening for writing
 * creates one, in the name of the lowest-id active manager. A commission signs nothing.
 */
export function ensureSigningKey(store: Store): void {
  if (!needsKey(store)) return;
  store.journal.write(() => {
    // Re-checked under the write lock: another instance may have created it meanwhile.
    if (!needsKey(store)) return;
    const manager = store.s.sql("SELECT id FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined;
    if (manager) appendKeyCreated(store, manager.id, generateSigningKey());
  });
}

function needsKey(store: Store): boolean {
  const armoury = store.s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: string } | undefined;
  if (armoury?.kind !== 'armoury') return false;
  return store.s.sql("SELECT 1 FROM signing_keys WHERE state = 'current'").get() === undefined;
}

/**
 * Rotation: a new key is announced by the next snapshot, which the current key signs; it becomes
 * current once that snapshot is exported (see project.ts). A second rotation before any export
 * replaces the announced key.
 */
export function rotateKey(store: Store, actor: number, reason: string): SigningKeys {
  store.journal.write(() => {
    if (!store.s.sql("SELECT 1 FROM signing_keys WHERE state = 'current'").get()) {
      throw new AppError('signing_key_missing', 'this database has no signing key');
    }
    const key = generateSigningKey();
    const event = store.journal.append<SigningKeyRotated>({ type: 'signing_key.rotated', actor, data: { ...publicKeyData(key), reason } });
    storeSecret(store, key, event.at);
  });
  return signingKeys(store);
}

function info(row: KeyRow): SigningKeyInfo {
  const parsed = parsePublicKey(row.public_key);
  const file = parsed ? publicKeyText(parsed.publicKey, parsed.keyId).file : '';
  return { keyId: row.key_id, publicKey: row.public_key, publicKeyFile: file, fingerprint: row.fingerprint, createdAt: row.created_at, createdSeq: row.created_seq };
}

const KEY_COLUMNS = 'key_id, public_key, fingerprint, created_seq, created_at, state';

/** The current key and the announced one, public halves only. */
export function signingKeys(store: Store): SigningKeys {
  const rows = store.s.sql(`SELECT ${KEY_COLUMNS} FROM signing_keys WHERE state IN ('current', 'next')`).all() as KeyRow[];
  const current = rows.find((r) => r.state === 'current');
  if (!current) throw new AppError('signing_key_missing', 'this database has no signing key');
  const next = rows.find((r) => r.state === 'next');
  return { current: info(current), next: next ? info(next) : null };
}

/** The key that signs the next snapshot, private half included: for the exporter only, never for an op's output. */
export function loadSigningKey(store: Store): { key: SigningKey; info: SigningKeyInfo } {
  const row = store.s.sql(`SELECT ${KEY_COLUMNS} FROM signing_keys WHERE state = 'current'`).get() as KeyRow | undefined;
  if (!row) throw new AppError('signing_key_missing', 'this database has no signing key');
  const secret = store.s.sql('SELECT private_key FROM signing_secrets WHERE key_id = ?').get(row.key_id) as { private_key: Buffer } | undefined;
  const parsed = parsePublicKey(row.public_key);
  if (!secret || !parsed) throw new AppError('signing_key_missing', `the private half of signing key ${row.key_id} is missing`);
  const key = importSigningKey(secret.private_key, parsed.keyId);
  // A secret that does not match its announced public key would sign snapshots nobody can verify.
  if (!key.publicKey.equals(parsed.publicKey)) throw new AppError('signing_key_missing', `the private half of signing key ${row.key_id} does not match its public key`);
  return { key, info: info(row) };
}
