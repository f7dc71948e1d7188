import { AppError } from '../errors';
import type { Handlers } from '../router';

type SpreadsheetOp =
  | 'imports.inspect' | 'imports.preview' | 'imports.check' | 'imports.run' | 'imports.cancel' | 'imports.list'
  | 'exports.spreadsheet';

const notYet = (): never => {
  throw new AppError('internal', 'not implemented yet');
};

/** Placeholder until the importer and the exporter land (replaced by their handlers). */
export const spreadsheetHandlers: Pick<Handlers, SpreadsheetOp> = {
  'imports.inspect': notYet,
  'imports.preview': notYet,
  'imports.check': notYet,
  'imports.run': notYet,
  'imports.cancel': (ctx) => ({ cancelled: ctx.app.jobs.requestCancel() }),
  'imports.list': notYet,
  'exports.spreadsheet': notYet,
};
