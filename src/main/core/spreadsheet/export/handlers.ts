import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors';
import type { Handlers } from '../../router';
import { exportsFolder } from '../../snapshot/handlers';
import { openExport } from './job';

/**
 * exports.spreadsheet: the rows the screen's filters select, written into the exports folder in
 * the session language, as the job 'spreadsheet_export' (jobs.progress follows it). One long job
 * at a time: refused while an import or another export runs. The screen then hands the file name
 * to saveExport.
 */
export const exportHandlers: Pick<Handlers, 'exports.spreadsheet'> = {
  'exports.spreadsheet': async (ctx, input) => {
    const { app, store, session } = ctx;
    if (app.jobs.busy) throw new AppError('import_running', 'an import or export is already under way');
    const job = openExport(store, input, { now: ctx.now, language: session.language });
    try {
      const dir = exportsFolder(app.options.dataDir);
      mkdirSync(dir, { recursive: true });
      const rows = await app.jobs.run('spreadsheet_export', job.total, (step) => job.write(join(dir, job.fileName), (done) => step(done)));
      return { fileName: job.fileName, rows };
    } finally {
      job.close();
    }
  },
};
