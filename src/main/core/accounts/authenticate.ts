import type { LoginFailurePlace, LoginFailureReason } from '../../../shared/contract/audit';
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
  opts: { sleep: Sleep; now: Date; failureCode?: 'auth_bad_credentials' | 'approver_bad_credentials'; place?: LoginFailurePlace },
): Promise<UserRow> {
  // A second person's password box answers approver_bad_credentials; callers of the others say where they are.
  const place = opts.place ?? (opts.failureCode === 'approver_bad_credentials' ? 'second_person' : 'login');
  const user = findUserByName(s, username);
  const stored = user ? loadCredentials(s, user.id) : undefined;
  const good = await verifyPassword(password, stored ?? DUMMY_HASH);
  const key = normalizeKey(username);
  if (!user || !stored || !good) {
    recordFailure(s, opts.now, username, user ? 'wrong_password' : 'unknown_user', place);
    s.sql(
      `INSERT INTO login_failures (username_key, count, last_at) VALUES (?, 1, ?)
       ON CONFLICT (username_key) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    ).run(key, opts.now.toISOString());
    const { count } = s.sql('SELECT count FROM login_failures WHERE username_key = ?').get(key) as { count: number };
    await opts.sleep(failureDelayMs(count));
    throw new AppError(opts.failureCode ?? 'auth_bad_credentials', 'wrong username or password');
  }
  s.sql('DELETE FROM login_failures WHERE username_key = ?').run(key);
  if (!user.active) {
    recordFailure(s, opts.now, username, 'account_disabled', place);
    throw new AppError('auth_account_disabled', `account ${user.username} is disabled`);
  }
  return user;
}

/** The audit view's record of a failed password check: when, the name as typed, why and where; never the password. */
function recordFailure(s: Statements, now: Date, username: string, reason: LoginFailureReason, place: LoginFailurePlace): void {
  s.sql('INSERT INTO failed_logins (at, username, username_key, reason, place) VALUES (?, ?, ?, ?, ?)').run(
    now.toISOString(), username.slice(0, 100), normalizeKey(username), reason, place,
  );
}
