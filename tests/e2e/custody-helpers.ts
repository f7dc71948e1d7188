import type { Page } from '@playwright/test';
import type { GardienApp } from '../../src/main/core/app';
import type { OfficerRow } from '../../src/shared/contract/custody';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { createStore, ok, receiveLot } from './ammunition-helpers';
import { MANAGER, prepareArmoury, STOREKEEPER } from './helpers';
import { weaponInput } from './register-helpers';

export { MANAGER, STOREKEEPER, ok };

/** A weapon of the seed: what a test types or scans, and what it checks against core. */
export interface SeedWeapon {
  id: number;
  serial: string;
  nationalCode: string;
  type: 'assault_rifle' | 'pistol';
  model: string;
}

export interface SeedOfficer {
  id: number;
  serviceNumber: string;
  name: string;
  rank: string;
  unit: string;
}

export interface CustodySeed {
  store: { id: number; code: string; bay: string };
  lot: { id: number; lotNumber: string; calibre: string; quantity: number };
  /** Three AK-type assault rifles (7.62x39mm) and a pistol (9x19mm), all in store and serviceable. */
  weapons: { ak1: SeedWeapon; ak2: SeedWeapon; ak3: SeedWeapon; pistol: SeedWeapon };
  /** Active; authorised for assault_rifle until 2099-12-31 (nothing for pistols). */
  authorised: SeedOfficer;
  /** Active; no authorisation at all. */
  unauthorised: SeedOfficer;
}

export interface SeedOptions {
  /** Armoury language (default French, as prepareArmoury). */
  language?: 'fr' | 'en';
  /** Who stays signed in after seeding: nobody (default: the page shows the login screen), the manager or the storekeeper. */
  signedIn?: 'manager' | 'storekeeper' | false;
  /** Reloaded at the end so it shows the resulting state (login screen or signed-in app). */
  page?: Page | null;
}

export const LOT_NUMBER = 'NOR-2015-07';
export const CALIBRE = '7.62x39mm';

const AK = { manufacturer: 'Norinco', model: 'Type 56', type: 'assault_rifle', calibre: CALIBRE, agency: 'gendarmerie' } as const;
const WEAPONS = {
  ak1: { ...AK, serial: 'AK56-10001', nationalCode: 'ML-GN-004101' },
  ak2: { ...AK, serial: 'AK56-10002', nationalCode: 'ML-GN-004102' },
  ak3: { ...AK, serial: 'AK56-10003', nationalCode: 'ML-GN-004103' },
  pistol: {
    manufacturer: 'Beretta', model: '92FS', type: 'pistol', calibre: '9x19mm', agency: 'gendarmerie',
    serial: 'BER-92-7781', nationalCode: 'ML-GN-004201', countryOfManufacture: 'IT',
  },
} as const;

const OFFICERS = {
  authorised: { serviceNumber: 'GN-20451', name: 'Ibrahim Coulibaly', rank: 'Maréchal des logis', unit: 'Brigade de Kayes', agency: 'gendarmerie' },
  unauthorised: { serviceNumber: 'GN-31877', name: 'Fatoumata Diarra', rank: 'Gendarme', unit: 'Peloton de surveillance', agency: 'gendarmerie' },
} as const;

/**
 * The armoury of the custody tests, built through the router as the screens would: manager and
 * storekeeper accounts (helpers.ts MANAGER / STOREKEEPER), store MAG-1 with 1,000 rounds of
 * 7.62x39 in "Travée A", three rifles and a pistol in store, and two officers.
 */
export async function seedCustody(app: GardienApp, opts: SeedOptions = {}): Promise<CustodySeed> {
  await prepareArmoury(app, null, { storekeeper: true, signedIn: true, language: opts.language ?? 'fr' });

  const store = await createStore(app, 'MAG-1', { '1.4': 100 });
  const bay = 'Travée A';
  const quantity = 1000;
  const lotId = await receiveLot(app, store.id, quantity, { lotNumber: LOT_NUMBER, calibre: CALIBRE });

  const weapon = async (fields: (typeof WEAPONS)[keyof typeof WEAPONS]): Promise<SeedWeapon> => {
    const w = await ok<WeaponRecord>(app, 'weapons.register', weaponInput({ location: 'Râtelier A', ...fields }));
    return { id: w.id, serial: w.serial, nationalCode: w.nationalCode, type: fields.type, model: fields.model };
  };
  const weapons = {
    ak1: await weapon(WEAPONS.ak1),
    ak2: await weapon(WEAPONS.ak2),
    ak3: await weapon(WEAPONS.ak3),
    pistol: await weapon(WEAPONS.pistol),
  };

  const officer = async (fields: (typeof OFFICERS)[keyof typeof OFFICERS]): Promise<SeedOfficer> => {
    const o = await ok<OfficerRow>(app, 'officers.register', fields);
    return { id: o.id, serviceNumber: o.serviceNumber, name: o.name, rank: o.rank, unit: o.unit };
  };
  const authorised = await officer(OFFICERS.authorised);
  await ok(app, 'officers.authorise', { id: authorised.id, weaponType: 'assault_rifle', expires: '2099-12-31', reference: 'HAB-2024-017' });
  const unauthorised = await officer(OFFICERS.unauthorised);

  const signedIn = opts.signedIn ?? false;
  if (signedIn !== 'manager') await ok(app, 'auth.logout', {});
  if (signedIn === 'storekeeper') await ok(app, 'auth.login', { username: STOREKEEPER.username, password: STOREKEEPER.password });
  if (opts.page) await opts.page.reload();

  return {
    store: { id: store.id, code: store.code, bay },
    lot: { id: lotId, lotNumber: LOT_NUMBER, calibre: CALIBRE, quantity },
    weapons,
    authorised,
    unauthorised,
  };
}
