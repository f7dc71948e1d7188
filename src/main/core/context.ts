import type { GardienApp } from './app';
import { AppError } from './errors';
import type { Session } from './session';
import type { Store } from './store';

/** What a handler sees: the app, and the store and session it requires (typed errors if absent). */
export class Ctx {
  constructor(
    readonly app: GardienApp,
    readonly now: Date,
  ) {}

  get store(): Store {
    const store = this.app.store;
    if (!store) throw new AppError('no_database', 'no armoury database is open');
    return store;
  }

  get session(): Session {
    const session = this.app.session;
    if (!session) throw new AppError('auth_required', 'not signed in');
    return session;
  }
}
