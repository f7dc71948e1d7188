import type { Handlers } from '../router';

const todo = (): never => {
  throw new Error('not implemented');
};

export const caseHandlers: Pick<Handlers, 'cases.list' | 'cases.get' | 'cases.update' | 'cases.close'> = {
  'cases.list': todo, 'cases.get': todo, 'cases.update': todo, 'cases.close': todo,
};
