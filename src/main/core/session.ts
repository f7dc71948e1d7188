import type { SessionInfo } from '../../shared/domain/accounts';
import type { Language, Role } from '../../shared/domain/enums';
import { AppError } from './errors';
import type { Store } from './store';

/** The signed-in account of this app instance (one window, one user at a time). */
export interface Session {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  language: Language;
  locked: boolean;
  lastActivity: number;
  /**
   * When the password was typed at the login screen: unlocking does not move it. (Optional only for
   * sessions built by hand in tests: their 12 hours then count from their first operation.)
   */
  startedAt?: number;
}

/** A session ends this long after its login, however active: a shared PC must see its user sign in again. */
export const SESSION_MAX_MS = 12 * 60 * 60_000;

export function sessionExpired(session: Session, now: Date): boolean {
  session.startedAt ??= now.getTime();
  return now.getTime() - session.startedAt >= SESSION_MAX_MS;
}

/**
 * Ends a session past its 12 hours: the access log records the sign-out (reason `expired`) and the
 * caller gets auth_expired, whichever operation it asked for (unlock included).
 */
export function expireSession(store: Store | null, session: Session, end: () => void): never {
  store?.journal.write(() =>
    store.journal.append({ type: 'session.logout', actor: session.userId, data: { userId: session.userId, reason: 'expired' } }),
  );
  end();
  throw new AppError('auth_expired', 'the session has lasted 12 hours: sign in again');
}

export function sessionInfo(session: Session, idleLockMinutes: number): SessionInfo {
  return {
    userId: session.userId,
    username: session.username,
    fullName: session.fullName,
    role: session.role,
    language: session.language,
    idleLockMinutes,
    locked: session.locked,
  };
}
