import type { Handlers } from '../router';

const todo = (): never => {
  throw new Error('not implemented');
};

export const officerHandlers: Pick<
  Handlers,
  | 'officers.list' | 'officers.get' | 'officers.lookup' | 'officers.register' | 'officers.update' | 'officers.setStatus'
  | 'officers.authorise' | 'officers.withdrawAuthorisation'
> = {
  'officers.list': todo, 'officers.get': todo, 'officers.lookup': todo, 'officers.register': todo, 'officers.update': todo,
  'officers.setStatus': todo, 'officers.authorise': todo, 'officers.withdrawAuthorisation': todo,
};
