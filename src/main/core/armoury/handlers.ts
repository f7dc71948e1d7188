import { settingsShape } from '../../../shared/domain/accounts';
import { sessionInfo } from '../session';
import { createArmoury } from './setup';
import { createDemoArmoury } from '../demo/generate';
import { existsSync } from 'node:fs';
import { AppError } from '../errors';
import { startSession } from '../accounts/handlers';
import type { Handlers } from '../router';

export const armouryHandlers: Pick<
  Handlers,
  'app.status' | 'app.setup' | 'app.openDemo' | 'app.openArmoury' | 'settings.get' | 'settings.update' | 'journal.head'
> = {
  'app.status': (ctx) => ctx.app.status(),

  'app.setup': async (ctx, input) => {
    const app = ctx.app;
    // One register per PC: an armoury's or the commission's, never both side by side.
    if (existsSync(app.path('armoury')) || existsSync(app.path('commission'))) {
      throw new AppError('armoury_exists', 'a register already exists on this computer');
    }
    app.open('armoury', true);
    const managerId = await createArmoury(ctx.store, input);
    const session = startSession(ctx, managerId);
    return sessionInfo(session, app.settings().idleLockMinutes);
  },

  'app.openDemo': async (ctx) => {
    const app = ctx.app;
    if (!existsSync(app.path('demo'))) {
      app.close();
      await createDemoArmoury(app.path('demo'), { weapons: app.options.demoWeapons ?? 2000, clock: app.clock });
    }
    app.open('demo');
    return app.status();
  },

  'app.openArmoury': (ctx) => {
    const app = ctx.app;
    app.close();
    app.start();
    return app.status();
  },

  'settings.get': (ctx) => ctx.app.settings(),

  'settings.update': (ctx, input) => {
    const { store, session } = ctx;
    const current = ctx.app.settings();
    store.journal.write(() => {
      for (const key of Object.keys(settingsShape.shape) as (keyof typeof input)[]) {
        if (input[key] !== undefined && input[key] !== current[key]) {
          store.journal.append({ type: 'settings.changed', actor: session.userId, data: { key, value: input[key] } });
        }
      }
    });
    ctx.app.invalidateSettings();
    return ctx.app.settings();
  },

  'journal.head': (ctx) => ({ ...ctx.store.journal.getHead() }),
};
