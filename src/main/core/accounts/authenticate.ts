import type { UserRow } from '../../../shared/domain/accounts';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { loadCredentials } from './credentials';
import { DUMMY_HASH, verifyPassword } from './password';
import { findUserByName } from './users';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before answering a failed login: doubles per consecutive failure, capped. */
export function failureDelayMs(failures: number): number {
  return Math.min(500 * 2 ** Math.max(0, failures - 1), 16_000);
}

/**
 * Checks a username and password. Unknown names cost the same scrypt work as known ones, and
 * each consecutive failure for a name waits longer before answering.
 */
export async function authenticate(
  s: Statements,
  username: string,
  password: string,
  opts: { sleep: Sleep; now: Date; failureCode?: 'auth_bad_credentials' | 'approver_bad_credentials' },
): Promise<UserRow> {
  const user = findUserByName(s, username);
  const stored = user ? loadCredentials(s, user.id) : undefined;
  const good = await verifyPassword(password, stored ?? DUMMY_HASH);
  const key = normalizeKey(username);
  if (!user || !stored || !good) {
    s.sql(
      `INSERT INTO login_failures (username_key, count, last_at) VALUES (?, 1, ?)
       ON CONFLICT (username_key) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    ).run(key, opts.now.toISOString());
    const { count } = s.sql('SELECT count FROM login_failures WHERE username_key = ?').get(key) as { count: number };
    await opts.sleep(failureDelayMs(count));
    throw new AppError(opts.failureCode ?? 'auth_bad_credentials', 'wrong username or password');
  }
  s.sql('DELETE FROM login_failures WHERE username_key = ?').run(key);
  if (!user.active) throw new AppError('auth_account_disabled', `account ${user.username} is disabled`);
  return user;
}
