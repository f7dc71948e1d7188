import type { Statements } from '../db/statements';
import type { PasswordHash } from './password';

/** Password hashes live beside the journal, never in it: snapshots must not carry them. */
export function storeCredentials(s: Statements, userId: number, h: PasswordHash, at: string): void {
  s.sql(
    `INSERT INTO credentials (user_id, params, salt, hash, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET params = excluded.params, salt = excluded.salt, hash = excluded.hash, updated_at = excluded.updated_at`,
  ).run(userId, JSON.stringify(h.params), h.salt, h.hash, at);
}

export function loadCredentials(s: Statements, userId: number): PasswordHash | undefined {
  const row = s.sql('SELECT params, salt, hash FROM credentials WHERE user_id = ?').get(userId) as
    | { params: string; salt: Buffer; hash: Buffer }
    | undefined;
  return row && { params: JSON.parse(row.params) as PasswordHash['params'], salt: row.salt, hash: row.hash };
}
