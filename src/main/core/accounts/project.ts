import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import { addRef } from '../armoury/project';

export interface UserCreated {
  username: string;
  fullName: string;
  role: string;
}

/** Account events. A user's id is the seq of the event that created it; accounts are never deleted. */
export function projectAccounts(s: Statements, e: StoredEvent): boolean {
  const d = e.data as { userId: number; role?: string };
  switch (e.type) {
    case 'user.created': {
      const u = e.data as UserCreated;
      s.sql('INSERT INTO users (id, username, username_key, full_name, role, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)').run(
        e.seq, u.username, u.username.toUpperCase(), u.fullName, u.role, e.at,
      );
      addRef(s, `u:${e.seq}`, e.seq);
      return true;
    }
    case 'user.role_changed':
      s.sql('UPDATE users SET role = ? WHERE id = ?').run(d.role, d.userId);
      break;
    case 'user.disabled':
      s.sql('UPDATE users SET active = 0 WHERE id = ?').run(d.userId);
      break;
    case 'user.enabled':
      s.sql('UPDATE users SET active = 1 WHERE id = ?').run(d.userId);
      break;
    case 'user.password_reset':
    case 'user.password_changed':
    case 'session.login':
    case 'session.logout':
      break;
    default:
      return false;
  }
  addRef(s, `u:${d.userId}`, e.seq);
  return true;
}
