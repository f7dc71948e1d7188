import type { Language } from '../../../shared/domain/enums';
import { today } from '../ammunition/dates';
import { suspendOverdueLots } from '../ammunition/inspection';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../router';
import { sessionInfo, type Session } from '../session';
import { authenticate } from './authenticate';
import { storeCredentials } from './credentials';
import { hashPassword } from './password';
import { activeManagers, findUserByName, getUser, listUsers, setUserLanguage, userLanguage } from './users';

/** Opens a session for a verified user and writes the access-log event (main courante). */
export function startSession(ctx: Ctx, userId: number): Session {
  const { store } = ctx;
  const user = getUser(store.s, userId);
  const armoury = store.s.sql('SELECT language FROM armoury WHERE id = 1').get() as { language: Language };
  store.journal.write(() => store.journal.append({ type: 'session.login', actor: user.id, data: { userId: user.id } }));
  // Ammunition overdue for inspection past twice its interval is suspended at the first login after (its own write).
  suspendOverdueLots(store, user.id, today(ctx.now));
  const session: Session = {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    language: userLanguage(store.s, user.id) ?? armoury.language,
    locked: false,
    lastActivity: ctx.now.getTime(),
    startedAt: ctx.now.getTime(),
  };
  ctx.app.session = session;
  return session;
}

const info = (ctx: Ctx) => sessionInfo(ctx.session, ctx.app.settings().idleLockMinutes);

export const accountHandlers: Pick<
  Handlers,
  | 'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword' | 'auth.setLanguage'
  | 'users.list' | 'users.create' | 'users.setRole' | 'users.resetPassword' | 'users.disable' | 'users.enable'
> = {
  'auth.login': async (ctx, { username, password }) => {
    const user = await authenticate(ctx.store.s, username, password, { sleep: ctx.app.sleep, now: ctx.now });
    startSession(ctx, user.id);
    return info(ctx);
  },

  'auth.logout': (ctx) => {
    const { store, session } = ctx;
    store.journal.write(() => store.journal.append({ type: 'session.logout', actor: session.userId, data: { userId: session.userId } }));
    ctx.app.endSession();
    return null;
  },

  'auth.lock': (ctx) => {
    ctx.session.locked = true;
    return null;
  },

  'auth.unlock': async (ctx, { password }) => {
    const session = ctx.session;
    await authenticate(ctx.store.s, session.username, password, { sleep: ctx.app.sleep, now: ctx.now, place: 'unlock' });
    session.locked = false;
    session.lastActivity = ctx.now.getTime();
    return info(ctx);
  },

  'auth.changePassword': async (ctx, { current, next }) => {
    const { store, session } = ctx;
    try {
      await authenticate(store.s, session.username, current, { sleep: ctx.app.sleep, now: ctx.now, place: 'password_change' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth_bad_credentials') {
        throw new AppError('wrong_password', 'current password is wrong', { fields: { current: { code: 'wrong_password' } } });
      }
      throw error;
    }
    const hash = await hashPassword(next);
    store.journal.write(() => {
      const e = store.journal.append({ type: 'user.password_changed', actor: session.userId, data: { userId: session.userId } });
      storeCredentials(store.s, session.userId, hash, e.at);
    });
    return null;
  },

  'auth.setLanguage': (ctx, { language }) => {
    setUserLanguage(ctx.store.s, ctx.session.userId, language);
    ctx.session.language = language;
    return info(ctx);
  },

  'users.list': (ctx) => listUsers(ctx.store.s),

  'users.create': async (ctx, input) => {
    const { store, session } = ctx;
    if (findUserByName(store.s, input.username)) {
      throw new AppError('username_taken', 'username already used', { fields: { username: { code: 'username_taken' } } });
    }
    const hash = await hashPassword(input.password);
    const id = store.journal.write(() => {
      const e = store.journal.append({
        type: 'user.created',
        actor: session.userId,
        data: { username: input.username, fullName: input.fullName, role: input.role },
      });
      storeCredentials(store.s, e.seq, hash, e.at);
      return e.seq;
    });
    return getUser(store.s, id);
  },

  'users.setRole': (ctx, { userId, role }) => {
    const { store, session } = ctx;
    const user = getUser(store.s, userId);
    if (user.role === role) return user;
    if (user.role === 'manager' && user.active && activeManagers(store.s) <= 1) {
      throw new AppError('last_manager', 'the armoury must keep one active manager', { fields: { role: { code: 'last_manager' } } });
    }
    store.journal.write(() => store.journal.append({ type: 'user.role_changed', actor: session.userId, data: { userId, role } }));
    return getUser(store.s, userId);
  },

  'users.resetPassword': async (ctx, { userId, password }) => {
    const { store, session } = ctx;
    getUser(store.s, userId);
    const hash = await hashPassword(password);
    store.journal.write(() => {
      const e = store.journal.append({ type: 'user.password_reset', actor: session.userId, data: { userId } });
      storeCredentials(store.s, userId, hash, e.at);
    });
    return null;
  },

  'users.disable': (ctx, { userId, reason }) => {
    const { store, session } = ctx;
    const user = getUser(store.s, userId);
    if (!user.active) return user;
    if (user.role === 'manager' && activeManagers(store.s) <= 1) {
      throw new AppError('last_manager', 'the armoury must keep one active manager');
    }
    store.journal.write(() => store.journal.append({ type: 'user.disabled', actor: session.userId, data: { userId, reason } }));
    return getUser(store.s, userId);
  },

  'users.enable': (ctx, { userId }) => {
    const { store, session } = ctx;
    const user = getUser(store.s, userId);
    if (user.active) return user;
    store.journal.write(() => store.journal.append({ type: 'user.enabled', actor: session.userId, data: { userId } }));
    return getUser(store.s, userId);
  },
};
