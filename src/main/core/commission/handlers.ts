import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localToday } from '../../../shared/domain/weapon';
import { startSession } from '../accounts/handlers';
import { AppError } from '../errors';
import type { Handlers } from '../router';
import { sessionInfo } from '../session';
import { alerts } from './alerts';
import { weaponHistory } from './history';
import { writeFileAtomic } from '../files';
import { countryOfCode, lostStolenCsv } from './iarms';
import { importSnapshots } from './import';
import { importLog, nationalWeapons, trace } from './queries';
import { acceptRotation, enrolArmoury, listArmouries, revokeKey } from './registry';
import { createCommission } from './setup';

type CommissionOp =
  | 'app.setupCommission' | 'commission.armouries' | 'commission.enrol' | 'commission.revokeKey' | 'commission.acceptRotation'
  | 'commission.import' | 'commission.imports' | 'commission.weapons' | 'commission.trace' | 'commission.history'
  | 'commission.alerts' | 'commission.lostStolenCsv';

/** The national commission's operations (the router refuses them on an armoury's database). */
export const commissionHandlers: Pick<Handlers, CommissionOp> = {
  'app.setupCommission': async (ctx, input) => {
    const app = ctx.app;
    // One register per PC: an armoury's or the commission's, never both side by side.
    if (existsSync(app.path('armoury')) || existsSync(app.path('commission'))) {
      throw new AppError('armoury_exists', 'a register already exists on this computer');
    }
    app.open('commission', true);
    const managerId = await createCommission(ctx.store, { commission: input.commission, manager: input.manager });
    const session = startSession(ctx, managerId);
    return sessionInfo(session, app.settings().idleLockMinutes);
  },

  'commission.armouries': (ctx) => listArmouries(ctx.store.s, ctx.now),
  'commission.enrol': (ctx, input) => enrolArmoury(ctx.store, ctx.session.userId, input),
  'commission.revokeKey': (ctx, { keyId, reason }) => revokeKey(ctx.store, ctx.session.userId, keyId, reason),
  'commission.acceptRotation': (ctx, { keyId, fingerprint }) => acceptRotation(ctx.store, ctx.session.userId, keyId, fingerprint),

  'commission.import': async (ctx, { paths }) => {
    const { app, store, session } = ctx;
    const refused = paths.filter((p) => !app.isImportPathGranted(p));
    if (refused.length > 0) {
      throw new AppError('import_path_not_granted', `${refused.length} path(s) not chosen in the file dialog`, { params: { count: refused.length } });
    }
    if (app.jobs.busy) throw new AppError('import_running', 'another import or export is under way');
    return app.jobs.run('snapshot_import', paths.length, (step) =>
      importSnapshots(store, paths, session.userId, { onProgress: (done, _total, item) => step(done, item) }),
    );
  },

  'commission.imports': (ctx, { offset, limit }) => importLog(ctx.store.s, offset, limit),
  'commission.weapons': (ctx, query) => nationalWeapons(ctx.store.s, query),
  'commission.trace': (ctx, { q }) => trace(ctx.store.s, q),
  'commission.history': (ctx, { armoury, weaponId }) => weaponHistory(ctx.store.s, armoury, weaponId),
  'commission.alerts': (ctx) => alerts(ctx.store.s, ctx.app.settings(), ctx.now),

  'commission.lostStolenCsv': (ctx, { reportingCountry }) => {
    const { store, app } = ctx;
    const code = (store.s.sql('SELECT code FROM armoury WHERE id = 1').get() as { code: string }).code;
    const { text, rows } = lostStolenCsv(store.s, reportingCountry ?? countryOfCode(code));
    const fileName = `lost-stolen-${localToday(ctx.now)}.csv`;
    writeFileAtomic(join(app.options.dataDir, 'exports'), fileName, text);
    return { fileName, rows };
  },
};
