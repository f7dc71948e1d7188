import { AppError } from '../../errors';
import type { Handlers } from '../../router';

type ImportOp = 'imports.inspect' | 'imports.preview' | 'imports.check' | 'imports.run' | 'imports.cancel' | 'imports.list';

const notYet = (): never => {
  throw new AppError('internal', 'not implemented yet');
};

/** Placeholder until the import pipeline lands. */
export const importHandlers: Pick<Handlers, ImportOp> = {
  'imports.inspect': notYet,
  'imports.preview': notYet,
  'imports.check': notYet,
  'imports.run': notYet,
  'imports.cancel': (ctx) => ({ cancelled: ctx.app.jobs.requestCancel() }),
  'imports.list': notYet,
};
