import type { ArmouryIdentity } from '../../../shared/domain/accounts';
import { hashPassword } from '../accounts/password';
import { storeCredentials } from '../accounts/credentials';
import { AppError } from '../errors';
import { appendKeyCreated } from '../snapshot/keys';
import { generateSigningKey, type SigningKey } from '../snapshot/minisign';
import type { Store } from '../store';
import type { ArmouryCreated } from './project';

export interface NewArmoury {
  armoury: ArmouryIdentity;
  manager: { username: string; fullName: string; password: string };
}

/**
 * The first event of every armoury: its identity and first manager (user id = seq 1, its own
 * actor), then in the same transaction its snapshot signing key (signing_key.created, seq 2).
 * Refuses a database that already holds an armoury. `signingKey` is for the demo only (a key
 * from a fixed seed); every real armoury gets a fresh random key.
 */
export async function createArmoury(store: Store, input: NewArmoury, signingKey: SigningKey = generateSigningKey()): Promise<number> {
  if (store.hasArmoury) throw new AppError('armoury_exists', 'this database already holds an armoury');
  const hash = await hashPassword(input.manager.password);
  return store.journal.write(() => {
    const managerId = store.journal.getHead().seq + 1;
    const data: ArmouryCreated = { ...input.armoury, manager: { username: input.manager.username, fullName: input.manager.fullName } };
    const event = store.journal.append({ type: 'armoury.created', actor: managerId, data }, input.armoury.code);
    storeCredentials(store.s, managerId, hash, event.at);
    appendKeyCreated(store, managerId, signingKey);
    return managerId;
  });
}
