import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import type { Handlers } from '../../router';
import { exportsFolder } from '../../snapshot/handlers';
import { forgetTable, tableFor } from '../read/cache';
import type { SpreadsheetTable } from '../read/table';
import { checkImport, forgetCheckedValidation } from './check';
import { inspectTable } from './inspect';
import { previewTable } from './preview';
import { listImports } from './queries';
import { dataRowCount } from './rows';
import { runImport } from './run';
import type { ImportEnv } from './validate';

type ImportOp = 'imports.inspect' | 'imports.preview' | 'imports.check' | 'imports.run' | 'imports.cancel' | 'imports.list';

/** Core reads only the files the user chose in the shell's open dialog. */
async function grantedTable(ctx: Ctx, path: string): Promise<SpreadsheetTable> {
  if (!ctx.app.isImportPathGranted(path)) {
    throw new AppError('import_path_not_granted', 'this file was not chosen in the file dialog', { params: { count: 1 } });
  }
  return tableFor(path);
}

function assertIdle(ctx: Ctx): void {
  if (ctx.app.jobs.busy) throw new AppError('import_running', 'another import or export is under way');
}

const env = (ctx: Ctx, step: ImportEnv['step']): ImportEnv => ({
  store: ctx.store, actor: ctx.session.userId, language: ctx.session.language, now: ctx.now, step,
  isCancelled: () => ctx.app.jobs.cancelRequested,
});

export const importHandlers: Pick<Handlers, ImportOp> = {
  'imports.inspect': async (ctx, { path, kind }) => {
    const table = await grantedTable(ctx, path);
    // A file (re)opened: the last check's rows kept for its run are not needed any more.
    if (!ctx.app.jobs.busy) forgetCheckedValidation();
    return inspectTable(ctx.store.s, table, kind);
  },

  'imports.preview': async (ctx, { path, kind, mapping }) => previewTable(ctx.store, await grantedTable(ctx, path), kind, mapping),

  'imports.check': async (ctx, { path, kind, mapping }) => {
    assertIdle(ctx);
    const table = await grantedTable(ctx, path);
    // Read (usually from the cache) before the job: its total is the file's rows.
    assertIdle(ctx);
    const dir = exportsFolder(ctx.app.options.dataDir);
    return ctx.app.jobs.run('spreadsheet_check', dataRowCount(table, mapping.headerRow), (step) => checkImport(env(ctx, step), table, kind, mapping, dir));
  },

  'imports.run': async (ctx, { path, kind, mapping, skipInvalid }) => {
    assertIdle(ctx);
    const table = await grantedTable(ctx, path);
    assertIdle(ctx);
    const dir = exportsFolder(ctx.app.options.dataDir);
    const outcome = await ctx.app.jobs.run('spreadsheet_import', dataRowCount(table, mapping.headerRow), (step) =>
      runImport(env(ctx, step), table, kind, mapping, skipInvalid, dir),
    );
    // Imported: the rows in memory are no longer needed (a new import reads the file again).
    forgetTable();
    const { rows: _rows, invalid: _invalid, ...result } = outcome;
    return result;
  },

  'imports.cancel': (ctx) => ({ cancelled: ctx.app.jobs.requestCancel() }),

  'imports.list': (ctx) => listImports(ctx.store.s),
};
