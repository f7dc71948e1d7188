import type { Handlers } from '../router';

const todo = (): never => {
  throw new Error('not implemented');
};

export const custodyHandlers: Pick<
  Handlers,
  'custody.check' | 'custody.issue' | 'custody.voucher' | 'custody.vouchers' | 'custody.return' | 'custody.out' | 'custody.dashboard'
> = {
  'custody.check': todo, 'custody.issue': todo, 'custody.voucher': todo, 'custody.vouchers': todo, 'custody.return': todo,
  'custody.out': todo, 'custody.dashboard': todo,
};
