import type { Handlers } from '../router';
import { expectedAtHandover, listHandovers, recordHandover } from './handover';
import { keyRow, listKeys, registerKey } from './keys';

export const handoverHandlers: Pick<Handlers, 'handover.expected' | 'handover.record' | 'handover.list' | 'keys.list' | 'keys.register'> = {
  'handover.expected': (ctx) => expectedAtHandover(ctx.store.s, ctx.session.userId),
  'handover.record': (ctx, input) => recordHandover(ctx, input),
  'handover.list': (ctx, { limit }) => listHandovers(ctx.store.s, limit),
  'keys.list': (ctx) => listKeys(ctx.store.s),
  'keys.register': (ctx, { code, opens, holderId }) => keyRow(ctx.store.s, registerKey(ctx.store, ctx.session.userId, { code, opens, holder: holderId })),
};
