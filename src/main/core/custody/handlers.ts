import type { Handlers } from '../router';
import { issueVoucher } from './issue';
import { custodyDashboard, outRows, overdueCount, voucherSummaries, voucherTotal, weaponChecks } from './queries';
import { returnVoucher } from './return';
import { voucherView } from './voucher';

export const custodyHandlers: Pick<
  Handlers,
  'custody.check' | 'custody.issue' | 'custody.voucher' | 'custody.vouchers' | 'custody.return' | 'custody.out' | 'custody.dashboard'
> = {
  'custody.check': (ctx, { code }) => weaponChecks(ctx.store.s, code),
  'custody.issue': (ctx, input) => issueVoucher(ctx, input),
  'custody.voucher': (ctx, { id }) => voucherView(ctx.store.s, id, ctx.now, ctx.store.journal.getHead()),
  'custody.vouchers': (ctx, query) => ({ rows: voucherSummaries(ctx.store.s, query), total: voucherTotal(ctx.store.s, query) }),
  'custody.return': (ctx, input) => returnVoucher(ctx, input),
  'custody.out': (ctx, { search, overdueOnly }) => ({
    rows: outRows(ctx.store.s, { search, overdueOnly }, ctx.now),
    overdue: overdueCount(ctx.store.s, ctx.now),
    at: ctx.now.toISOString(),
    head: { ...ctx.store.journal.getHead() },
  }),
  'custody.dashboard': (ctx) => custodyDashboard(ctx.store.s, ctx.now),
};
