import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedSnapshot } from '../../../shared/contract/snapshot';
import { AppError } from '../errors';
import type { Handlers } from '../router';
import { exportPlan, exportSnapshot } from './export';
import { rotateKey, signingKeys } from './keys';

type SnapshotOp = 'snapshots.keys' | 'snapshots.list' | 'snapshots.export' | 'snapshots.rotateKey' | 'jobs.progress';

interface SnapshotRow {
  number: number;
  full: number;
  from_seq: number;
  to_seq: number;
  head: string;
  weapons: number;
  lots: number;
  key_id: string;
  file_name: string;
  file_sha256: string;
  size: number;
  at: string;
}

/** Where the app writes snapshots; the shell copies them to the USB stick (window.gardien.saveExport). */
export function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports');
}

export const snapshotHandlers: Pick<Handlers, SnapshotOp> = {
  'snapshots.keys': (ctx) => signingKeys(ctx.store),

  'snapshots.list': (ctx) => {
    const dir = exportsFolder(ctx.app.options.dataDir);
    const rows = ctx.store.s.sql('SELECT number, full, from_seq, to_seq, head, weapons, lots, key_id, file_name, file_sha256, size, at FROM snapshots ORDER BY number DESC').all() as SnapshotRow[];
    return rows.map(
      (r): ExportedSnapshot => ({
        number: r.number, full: r.full === 1, fromSeq: r.from_seq, toSeq: r.to_seq, events: r.to_seq - r.from_seq + 1, weapons: r.weapons,
        lots: r.lots, head: r.head, fileName: r.file_name, fileSha256: r.file_sha256, size: r.size, keyId: r.key_id, at: r.at,
        kept: existsSync(join(dir, r.file_name)),
      }),
    );
  },

  'snapshots.export': async (ctx, input) => {
    const { app, store, session } = ctx;
    // One long job at a time: a second export (or an import) waits for the first to finish.
    if (app.jobs.busy) throw new AppError('import_running', 'an export or import is already running');
    const dir = exportsFolder(app.options.dataDir);
    mkdirSync(dir, { recursive: true });
    const { total } = exportPlan(store, input.full);
    return app.jobs.run('snapshot_export', total, (step) =>
      exportSnapshot(store, { full: input.full, dir, now: ctx.now, actor: session.userId, onProgress: (done) => step(done) }),
    );
  },

  'snapshots.rotateKey': (ctx, input) => rotateKey(ctx.store, ctx.session.userId, input.reason),

  'jobs.progress': (ctx) => ctx.app.jobs.progress,
};
