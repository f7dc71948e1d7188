import type { Handlers } from '../router';

const todo = (): never => {
  throw new Error('not implemented');
};

export const custodyHandlers: Pick<
  Handlers,
  | 'officers.list' | 'officers.get' | 'officers.lookup' | 'officers.register' | 'officers.update' | 'officers.setStatus'
  | 'officers.authorise' | 'officers.withdrawAuthorisation'
  | 'custody.check' | 'custody.issue' | 'custody.voucher' | 'custody.vouchers' | 'custody.return' | 'custody.out' | 'custody.dashboard'
> = {
  'officers.list': todo, 'officers.get': todo, 'officers.lookup': todo, 'officers.register': todo, 'officers.update': todo,
  'officers.setStatus': todo, 'officers.authorise': todo, 'officers.withdrawAuthorisation': todo,
  'custody.check': todo, 'custody.issue': todo, 'custody.voucher': todo, 'custody.vouchers': todo, 'custody.return': todo,
  'custody.out': todo, 'custody.dashboard': todo,
};
