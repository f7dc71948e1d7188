import { AppError } from '../../errors';
import type { Handlers } from '../../router';

/** Placeholder until the exporter lands. */
export const exportHandlers: Pick<Handlers, 'exports.spreadsheet'> = {
  'exports.spreadsheet': () => {
    throw new AppError('internal', 'not implemented yet');
  },
};
