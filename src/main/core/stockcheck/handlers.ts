import type { Handlers } from '../router';
import { closeCheck } from './close';
import { recordCount } from './count';
import { checkReport, checkRow, countSheet, listChecks } from './queries';
import { checkSchedule } from './schedule';
import { startCheck } from './start';

export const stockCheckHandlers: Pick<
  Handlers,
  'stockchecks.list' | 'stockchecks.start' | 'stockchecks.sheet' | 'stockchecks.count' | 'stockchecks.close' | 'stockchecks.report' | 'stockchecks.schedule'
> = {
  'stockchecks.list': (ctx) => listChecks(ctx.store.s),
  'stockchecks.start': (ctx, input) => checkRow(ctx.store.s, startCheck(ctx.store, ctx.session.userId, input)),
  'stockchecks.sheet': (ctx, { id }) => countSheet(ctx.store.s, id),
  'stockchecks.count': (ctx, { checkId, weapons, unknown, lots }) => recordCount(ctx.store, ctx.session.userId, checkId, { weapons, unknown, lots }),
  'stockchecks.close': (ctx, input) => closeCheck(ctx, input),
  'stockchecks.report': (ctx, { id }) => checkReport(ctx.store, id, ctx.now),
  'stockchecks.schedule': (ctx) => checkSchedule(ctx.store.s, ctx.now),
};
