import type { KeyRow } from '../../../shared/contract/custody';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { KeyRegistered } from './events';

interface Raw {
  id: number;
  code: string;
  opens: string;
  holder: number | null;
  username: string | null;
  full_name: string | null;
  since: string;
}

const SELECT = `SELECT k.id, k.code, k.opens, k.holder, u.username, u.full_name, k.since
  FROM armoury_keys k LEFT JOIN users u ON u.id = k.holder`;

const toKey = (r: Raw): KeyRow => ({
  id: r.id,
  code: r.code,
  opens: r.opens,
  holder: r.holder !== null ? { id: r.holder, username: r.username ?? '?', fullName: r.full_name ?? '?' } : null,
  since: r.since,
});

/** The key register (registre des clés), by key number. */
export function listKeys(s: Statements): KeyRow[] {
  return (s.sql(`${SELECT} ORDER BY k.code_key, k.id`).all() as Raw[]).map(toKey);
}

/** Keys one account holds: what it hands over with the shift. */
export function keysHeldBy(s: Statements, userId: number): KeyRow[] {
  return (s.sql(`${SELECT} WHERE k.holder = ? ORDER BY k.code_key, k.id`).all(userId) as Raw[]).map(toKey);
}

export function keyRow(s: Statements, id: number): KeyRow {
  const row = s.sql(`${SELECT} WHERE k.id = ?`).get(id) as Raw | undefined;
  if (!row) throw new AppError('key_not_found', `no key ${id}`, { params: { id } });
  return toKey(row);
}

/** Registers a key with its first holder (an active account); the key's id is the seq of key.registered. */
export function registerKey(store: Store, actor: number, data: KeyRegistered): number {
  return store.journal.write(() => {
    const taken = store.s.sql('SELECT id FROM armoury_keys WHERE code_key = ?').get(normalizeKey(data.code)) as { id: number } | undefined;
    if (taken) {
      const params = { value: data.code, keyId: taken.id };
      throw new AppError('key_code_taken', `key ${data.code} is already registered (key ${taken.id})`, {
        params, fields: { code: { code: 'key_code_taken', params } },
      });
    }
    if (store.s.sql('SELECT 1 FROM users WHERE id = ? AND active = 1').get(data.holder) === undefined) {
      throw new AppError('user_not_found', `no active account ${data.holder}`, {
        params: { id: data.holder }, fields: { holderId: { code: 'user_not_found' } },
      });
    }
    return store.journal.append({ type: 'key.registered', actor, data: { ...data } }).seq;
  });
}
