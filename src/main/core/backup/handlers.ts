import type { BackupStatus, RestoreSummary } from '../../../shared/domain/backup';
import type { GardienApp } from '../app';
import { AppError } from '../errors';
import { breathe } from '../jobs';
import type { Ctx } from '../context';
import type { Handlers } from '../router';
import { setPassphrase } from './key';
import { assertFolder } from './make';
import { commitRestore, discardRestore, prepareRestore, undoRestore, type CurrentDatabase } from './restore';
import { backupStatus, runAppBackup } from './service';
import { BACKUP_SETTING_KEYS, readBackupSettings } from './settings';

function assertGranted(app: GardienApp, path: string, field: 'folder' | 'path'): void {
  if (!app.isBackupPathGranted(path)) {
    throw new AppError('backup_path_not_granted', 'this path was not chosen in a dialog', { fields: { [field]: { code: 'invalid' } } });
  }
}

function current(ctx: Ctx): CurrentDatabase {
  const row = ctx.store.s.sql('SELECT code FROM armoury WHERE id = 1').get() as { code: string } | undefined;
  return { code: row?.code ?? '', headSeq: ctx.store.journal.getHead().seq };
}

function dbPath(app: GardienApp): string {
  if (!app.kind) throw new AppError('no_database', 'no database is open');
  return app.path(app.kind);
}

export const backupHandlers: Pick<Handlers, 'backups.status' | 'backups.configure' | 'backups.run' | 'backups.inspect' | 'backups.restore'> = {
  'backups.status': (ctx) => backupStatus(ctx.store, ctx.now),

  'backups.configure': (ctx, input): BackupStatus => {
    const { store, session } = ctx;
    if (input.folder !== undefined) {
      assertGranted(ctx.app, input.folder, 'folder');
      assertFolder(input.folder, true);
    }
    const before = readBackupSettings(store.s);
    const next = { ...before, ...definedOnly({ folder: input.folder, daily: input.daily, onClose: input.onClose, keep: input.keep, warnAfterDays: input.warnAfterDays }) };
    store.journal.write(() => {
      for (const field of Object.keys(BACKUP_SETTING_KEYS) as (keyof typeof next)[]) {
        if (next[field] !== before[field]) {
          store.journal.append({ type: 'settings.changed', actor: session.userId, data: { key: BACKUP_SETTING_KEYS[field], value: next[field] } });
        }
      }
      if (input.passphrase !== undefined) {
        // The key is local state; the journal says only who changed the passphrase and when.
        setPassphrase(store.s, input.passphrase, session.userId, ctx.now.toISOString());
        store.journal.append({ type: 'backup.passphrase_set', actor: session.userId, data: {} });
      }
    });
    return backupStatus(store, ctx.now);
  },

  'backups.run': (ctx, input) => runAppBackup(ctx.app, input.reason, ctx.session.userId),

  'backups.inspect': async (ctx, input) => {
    assertGranted(ctx.app, input.path, 'path');
    if (ctx.app.jobs.busy) throw new AppError('backup_busy', 'another job is running');
    const prepared = await prepareRestore(input.path, input.passphrase, { dbPath: dbPath(ctx.app), current: current(ctx), replay: false, allowOtherArmoury: true, between: breathe });
    discardRestore(prepared);
    return prepared.contents;
  },

  'backups.restore': async (ctx, input): Promise<RestoreSummary> => {
    const app = ctx.app;
    assertGranted(app, input.path, 'path');
    if (app.jobs.busy) throw new AppError('backup_busy', 'another job is running');
    const started = Date.now();
    const kind = app.kind;
    const path = dbPath(app);
    // Progress in percent: the chunks decrypted, then the verification.
    const prepared = await app.jobs.run('restore', 100, (step) =>
      prepareRestore(input.path, input.passphrase, {
        dbPath: path, current: current(ctx), replay: true, allowOtherArmoury: input.allowOtherArmoury,
        step: (done, total, item) => step(Math.floor((done / total) * 100), item), between: breathe,
      }),
    );
    if (!kind) throw new AppError('no_database', 'no database is open');
    // Verified: now the open database is closed (the session ends), kept aside, and replaced.
    app.close();
    let keptAside: string | null;
    try {
      keptAside = commitRestore(prepared, path, ctx.now);
    } catch (error) {
      discardRestore(prepared);
      app.open(kind);
      throw error;
    }
    app.open(kind);
    if (!app.store) {
      const detail = app.status().error?.code ?? 'reopen failed';
      if (keptAside) undoRestore(path, keptAside, ctx.now);
      app.open(kind);
      throw new AppError('restore_failed', `the restored database did not open: ${detail}`, { params: { detail } });
    }
    return { restored: prepared.contents, keptAside, durationMs: Date.now() - started };
  },
};

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
