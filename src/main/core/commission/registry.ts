import type { KeyState, NationalArmoury, RegistryKey } from '../../../shared/contract/commission';
import type { Agency } from '../../../shared/domain/enums';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { fingerprint as keyFingerprint, keyIdHex, parsePublicKey } from '../snapshot/minisign';
import type { Store } from '../store';
import type { ArmouryEnrolled, KeyData } from './events';

const DAY_MS = 86_400_000;

/**
 * The key line from what was pasted: the bare `-P` line, or the whole minisign .pub file (an
 * untrusted comment line, then the key line). Null when it is not a minisign Ed25519 public key.
 */
export function readPublicKey(text: string): KeyData | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('untrusted comment:'));
  if (lines.length !== 1 || lines[0] === undefined) return null;
  const key = parsePublicKey(lines[0]);
  if (!key) return null;
  return { keyId: keyIdHex(key.keyId), publicKey: lines[0], fingerprint: keyFingerprint(key.publicKey, key.keyId) };
}

/** Fingerprints compare as their 64 hex digits, whatever the grouping and case on paper. */
export function sameFingerprint(a: string, b: string): boolean {
  const digits = (v: string) => v.replace(/[\s:-]/g, '').toLowerCase();
  return digits(a) === digits(b);
}

interface KeyRow {
  key_id: string;
  armoury: string;
  public_key: string;
  fingerprint: string;
  state: KeyState;
  since: string;
  until: string | null;
  reason: string;
}

export function findKey(s: Statements, keyId: string): KeyRow | undefined {
  return s.sql('SELECT * FROM national_keys WHERE key_id = ?').get(keyId.toUpperCase()) as KeyRow | undefined;
}

function getKey(s: Statements, keyId: string): KeyRow {
  const key = findKey(s, keyId);
  if (!key) throw new AppError('registry_key_not_found', `no key ${keyId} in the registry`, { params: { keyId } });
  return key;
}

/**
 * Enrols an armoury by its public key, once the fingerprint typed from its paper certificate
 * matches. An armoury already holding an active key changes keys by rotation, not here.
 */
export function enrolArmoury(store: Store, actor: number, input: { armoury: string; name: string; publicKey: string; fingerprint: string }): NationalArmoury {
  const key = readPublicKey(input.publicKey);
  if (!key) throw new AppError('public_key_invalid', 'not a minisign public key', { fields: { publicKey: { code: 'public_key_invalid' } } });
  if (!sameFingerprint(key.fingerprint, input.fingerprint)) {
    throw new AppError('fingerprint_mismatch', 'the fingerprint typed does not match the public key', {
      fields: { fingerprint: { code: 'fingerprint_mismatch' } },
    });
  }
  store.journal.write(() => {
    const known = findKey(store.s, key.keyId);
    if (known) {
      throw new AppError('key_already_enrolled', `key ${key.keyId} is already in the registry (${known.armoury})`, {
        params: { keyId: key.keyId, armoury: known.armoury }, fields: { publicKey: { code: 'key_already_enrolled' } },
      });
    }
    const active = store.s.sql("SELECT key_id FROM national_keys WHERE armoury = ? AND state = 'active'").get(input.armoury);
    if (active) {
      throw new AppError('armoury_already_enrolled', `${input.armoury} is enrolled with an active key`, {
        params: { armoury: input.armoury }, fields: { armoury: { code: 'armoury_already_enrolled' } },
      });
    }
    const data: ArmouryEnrolled = { armoury: input.armoury, name: input.name, ...key };
    store.journal.append({ type: 'commission.armoury_enrolled', actor, data });
  });
  return getArmoury(store.s, input.armoury, store.clock());
}

export function revokeKey(store: Store, actor: number, keyId: string, reason: string): NationalArmoury {
  const armoury = store.journal.write(() => {
    const key = getKey(store.s, keyId);
    if (key.state === 'revoked') throw new AppError('key_already_revoked', `key ${key.key_id} is already revoked`, { params: { keyId: key.key_id } });
    store.journal.append({ type: 'commission.key_revoked', actor, data: { keyId: key.key_id, reason } });
    return key.armoury;
  });
  return getArmoury(store.s, armoury, store.clock());
}

/** Accepts a key a snapshot announced, once its fingerprint typed from the new certificate matches. */
export function acceptRotation(store: Store, actor: number, keyId: string, fingerprint: string): NationalArmoury {
  const armoury = store.journal.write(() => {
    const key = getKey(store.s, keyId);
    if (key.state !== 'announced') {
      throw new AppError('key_not_announced', `key ${key.key_id} is ${key.state}, not announced`, { params: { keyId: key.key_id, state: key.state } });
    }
    if (!sameFingerprint(key.fingerprint, fingerprint)) {
      throw new AppError('fingerprint_mismatch', 'the fingerprint typed does not match the announced key', {
        fields: { fingerprint: { code: 'fingerprint_mismatch' } },
      });
    }
    store.journal.append({ type: 'commission.rotation_accepted', actor, data: { keyId: key.key_id } });
    return key.armoury;
  });
  return getArmoury(store.s, armoury, store.clock());
}

interface ArmouryRow {
  code: string;
  name: string;
  agency: Agency | null;
  region: string;
  enrolled_at: string;
  last_number: number | null;
  last_seq: number;
  last_head: string;
  last_created: string | null;
  last_imported_at: string | null;
  weapons: number;
}

const toKey = (k: KeyRow): RegistryKey => ({
  keyId: k.key_id, publicKey: k.public_key, fingerprint: k.fingerprint, state: k.state, since: k.since, until: k.until, reason: k.reason,
});

/** Whole days since `from` (an ISO instant), never negative. */
export function daysSince(from: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / DAY_MS));
}

function toArmoury(s: Statements, r: ArmouryRow, now: Date): NationalArmoury {
  const keys = (s.sql('SELECT * FROM national_keys WHERE armoury = ? ORDER BY since, key_id').all(r.code) as KeyRow[]).map(toKey);
  return {
    code: r.code, name: r.name, agency: r.agency, region: r.region, enrolledAt: r.enrolled_at, keys,
    lastNumber: r.last_number, lastSeq: r.last_seq, lastHead: r.last_head, lastCreated: r.last_created,
    lastImportedAt: r.last_imported_at, weapons: r.weapons, silentDays: r.last_created ? daysSince(r.last_created, now) : null,
  };
}

export function getArmoury(s: Statements, code: string, now: Date): NationalArmoury {
  const row = s.sql('SELECT * FROM national_armouries WHERE code = ?').get(code) as ArmouryRow | undefined;
  if (!row) throw new Error(`armoury ${code} is not enrolled`);
  return toArmoury(s, row, now);
}

export function listArmouries(s: Statements, now: Date): NationalArmoury[] {
  return (s.sql('SELECT * FROM national_armouries ORDER BY code').all() as ArmouryRow[]).map((r) => toArmoury(s, r, now));
}
