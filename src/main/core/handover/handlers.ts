import type { Handlers } from '../router';

const todo = (): never => {
  throw new Error('not implemented');
};

export const handoverHandlers: Pick<Handlers, 'handover.expected' | 'handover.record' | 'handover.list' | 'keys.list' | 'keys.register'> = {
  'handover.expected': todo, 'handover.record': todo, 'handover.list': todo, 'keys.list': todo, 'keys.register': todo,
};
