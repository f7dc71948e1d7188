import type { z } from '../../../shared/validation';
import type { commissionSetupInput } from '../../../shared/contract/commission';
import { storeCredentials } from '../accounts/credentials';
import { hashPassword } from '../accounts/password';
import type { ArmouryCreated } from '../armoury/project';
import { AppError } from '../errors';
import type { Store } from '../store';

export type NewCommission = Pick<z.output<typeof commissionSetupInput>, 'commission'> & {
  manager: { username: string; fullName: string; password: string };
};

/**
 * The first event of the national register: the same armoury.created as an armoury's (so that
 * accounts, login and verification are shared), marked kind 'commission', with no agency of its
 * own ('other') and no region. No signing key: the commission signs nothing, it checks.
 */
export async function createCommission(store: Store, input: NewCommission): Promise<number> {
  if (store.hasArmoury) throw new AppError('armoury_exists', 'this database already holds a register');
  const hash = await hashPassword(input.manager.password);
  return store.journal.write(() => {
    const managerId = store.journal.getHead().seq + 1;
    const { code, name, language } = input.commission;
    const data: ArmouryCreated = {
      code, name, agency: 'other', region: '', language, kind: 'commission',
      manager: { username: input.manager.username, fullName: input.manager.fullName },
    };
    const event = store.journal.append({ type: 'armoury.created', actor: managerId, data }, code);
    storeCredentials(store.s, managerId, hash, event.at);
    return managerId;
  });
}
