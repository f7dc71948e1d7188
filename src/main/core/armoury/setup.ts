import type { ArmouryIdentity } from '../../../shared/domain/accounts';
import { hashPassword } from '../accounts/password';
import { storeCredentials } from '../accounts/credentials';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { ArmouryCreated } from './project';

export interface NewArmoury {
  armoury: ArmouryIdentity;
  manager: { username: string; fullName: string; password: string };
}

/**
 * The first event of every armoury: its identity and first manager (user id = seq 1, its own
 * actor). Refuses a database that already holds an armoury.
 */
export async function createArmoury(store: Store, input: NewArmoury): Promise<number> {
  if (store.hasArmoury) throw new AppError('armoury_exists', 'this database already holds an armoury');
  const hash = await hashPassword(input.manager.password);
  return store.journal.write(() => {
    const managerId = store.journal.getHead().seq + 1;
    const data: ArmouryCreated = { ...input.armoury, manager: { username: input.manager.username, fullName: input.manager.fullName } };
    const event = store.journal.append({ type: 'armoury.created', actor: managerId, data }, input.armoury.code);
    storeCredentials(store.s, managerId, hash, event.at);
    return managerId;
  });
}
