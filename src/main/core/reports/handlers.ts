import { AppError } from '../errors';
import type { Handlers } from '../router';

/** Placeholder until the reports core is written (monthly.ts, register.ts, holdings.ts). */
const notYet = () => {
  throw new AppError('internal', 'not implemented');
};

export const reportHandlers: Pick<Handlers, 'reports.monthly' | 'reports.register' | 'reports.holdings'> = {
  'reports.monthly': notYet,
  'reports.register': notYet,
  'reports.holdings': notYet,
};
