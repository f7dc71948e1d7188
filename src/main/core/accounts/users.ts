import type { Role, Language } from '../../../shared/domain/enums';
import type { UserRow } from '../../../shared/domain/accounts';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';

interface DbUser {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  active: number;
  created_at: string;
}

const toRow = (u: DbUser): UserRow => ({
  id: u.id, username: u.username, fullName: u.full_name, role: u.role, active: u.active === 1, createdAt: u.created_at,
});

export function findUserByName(s: Statements, username: string): UserRow | undefined {
  const u = s.sql('SELECT * FROM users WHERE username_key = ?').get(normalizeKey(username)) as DbUser | undefined;
  return u && toRow(u);
}

export function getUser(s: Statements, id: number): UserRow {
  const u = s.sql('SELECT * FROM users WHERE id = ?').get(id) as DbUser | undefined;
  if (!u) throw new AppError('user_not_found', `no user ${id}`, { params: { id } });
  return toRow(u);
}

export function listUsers(s: Statements): UserRow[] {
  return (s.sql('SELECT * FROM users ORDER BY active DESC, username_key').all() as DbUser[]).map(toRow);
}

export function activeManagers(s: Statements): number {
  return (s.sql("SELECT COUNT(*) AS n FROM users WHERE role = 'manager' AND active = 1").get() as { n: number }).n;
}

export function userLanguage(s: Statements, userId: number): Language | null {
  const row = s.sql('SELECT language FROM user_prefs WHERE user_id = ?').get(userId) as { language: Language | null } | undefined;
  return row?.language ?? null;
}

export function setUserLanguage(s: Statements, userId: number, language: Language): void {
  s.sql('INSERT INTO user_prefs (user_id, language) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language').run(
    userId, language,
  );
}
