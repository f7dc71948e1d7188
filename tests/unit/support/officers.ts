import type { OfficerRow } from '../../../src/shared/contract/custody';
import type { OpInput } from '../../../src/shared/contract';
import type { WeaponType } from '../../../src/shared/domain/enums';
import type { Harness } from './harness';

export type OfficerInput = OpInput<'officers.register'>;

let counter = 0;

/** A valid officer with a unique service number (MLP-T0001…); override what the test is about. */
export function officerInput(overrides: Partial<OfficerInput> = {}): OfficerInput {
  const n = String(++counter).padStart(4, '0');
  return {
    serviceNumber: `MLP-T${n}`,
    name: `Sergent Test ${n}`,
    rank: 'Sergent',
    unit: 'Commissariat du 1er arrondissement',
    agency: 'police',
    ...overrides,
  };
}

/** Registers an officer through the router (a storekeeper or manager must be signed in). */
export function registerOfficer(h: Harness, overrides: Partial<OfficerInput> = {}): Promise<OfficerRow> {
  return h.ok('officers.register', officerInput(overrides));
}

/** Authorises an officer for a weapon type until `expires` (a manager must be signed in). */
export function authorise(h: Harness, officerId: number, weaponType: WeaponType, expires = '2099-12-31', reference = 'HAB-2024-01'): Promise<OfficerRow> {
  return h.ok('officers.authorise', { id: officerId, weaponType, expires, reference });
}
