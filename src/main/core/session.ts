import type { SessionInfo } from '../../shared/domain/accounts';
import type { Language, Role } from '../../shared/domain/enums';

/** The signed-in account of this app instance (one window, one user at a time). */
export interface Session {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  language: Language;
  locked: boolean;
  lastActivity: number;
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
