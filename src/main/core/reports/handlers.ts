import { today } from '../ammunition/dates';
import type { Handlers } from '../router';
import { holdingsReport } from './holdings';
import { monthlyReturn } from './monthly';
import { registerPrint } from './register';

export const reportHandlers: Pick<Handlers, 'reports.monthly' | 'reports.register' | 'reports.holdings'> = {
  'reports.monthly': (ctx, { year, month }) => monthlyReturn(ctx.store, year, month, ctx.now),
  'reports.register': (ctx, query) => registerPrint(ctx.store, query, ctx.now),
  'reports.holdings': (ctx) => holdingsReport(ctx.store, today(ctx.now), ctx.now),
};
