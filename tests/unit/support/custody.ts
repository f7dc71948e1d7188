import { expect } from 'vitest';
import type { OpInput } from '../../../src/shared/contract';
import type { WeaponType } from '../../../src/shared/domain/enums';
import { newStore, receiveNew } from './ammunition';
import { addStaff, USERS, type Harness } from './harness';
import { actOk } from './lifecycle';
import { today, weaponInput } from './weapons';

export const HOUR = 3_600_000;

export type IssueArgs = OpInput<'custody.issue'>;
export type ReturnArgs = OpInput<'custody.return'>;

export const creds = (role: 'manager' | 'storekeeper' | 'auditor') => ({ username: USERS[role].username, password: USERS[role].password });

/** Service numbers of the world's officers (the acknowledgement each one types). */
export const SN = {
  bah: 'MLP-0001',
  diallo: 'MLP-0002',
  rookie: 'MLP-0003',
  expired: 'MLP-0004',
  suspended: 'MLP-0005',
} as const;

async function weapon(h: Harness, type: WeaponType = 'assault_rifle'): Promise<number> {
  return (await h.ok('weapons.register', weaponInput({ type }))).id;
}

/**
 * The armoury every custody test starts from (built once per file as a Template): staff, one
 * store with a serviceable and a suspended lot, officers with and without authorisations, and
 * weapons in every status an issue must refuse. Ids by name in the template's info.
 */
export async function custodyWorld(h: Harness): Promise<Record<string, number>> {
  const staff = await addStaff(h);
  const store = await newStore(h, { code: 'MAG-C', bays: ['A1', 'A2'] });
  const lot = await receiveNew(h, store, 1_000, { lotNumber: 'BALL-2015', yearOfManufacture: 2015 });
  await h.ok('ammo.receive', { lotId: lot, place: { storeId: store, bay: 'A2' }, quantity: 300, date: today(), source: 'Complément' });
  const suspendedLot = await receiveNew(h, store, 200, { lotNumber: 'SUSP-2001', yearOfManufacture: 2001 });
  await h.ok('ammo.recordInspection', { lotId: suspendedLot, date: today(), result: 'suspended', nextDue: '2099-12-31', notes: 'Amorces' });
  const pistolLot = await receiveNew(h, store, 500, { lotNumber: 'PARA-2019', calibre: '9x19mm', nature: 'Cartouche 9 mm' });

  const officer = async (serviceNumber: string, name: string, unit: string, types: [WeaponType, string][]) => {
    const row = await h.ok('officers.register', { serviceNumber, name, rank: 'Sergent', unit, agency: 'police' });
    for (const [weaponType, expires] of types) await h.ok('officers.authorise', { id: row.id, weaponType, expires, reference: `HAB-${serviceNumber}` });
    return row.id;
  };
  const bah = await officer(SN.bah, 'Sergent Bah', 'CSP Kati', [['assault_rifle', '2099-12-31'], ['pistol', '2099-12-31']]);
  const diallo = await officer(SN.diallo, 'Adjudant Diallo', 'BAC Bamako', [['assault_rifle', '2099-12-31']]);
  const rookie = await officer(SN.rookie, 'Agent Rookie', 'CSP Kati', []);
  const expired = await officer(SN.expired, 'Agent Expiré', 'GMS Ségou', [['assault_rifle', '2020-01-01']]);
  const suspended = await officer(SN.suspended, 'Agent Suspendu', 'GMS Ségou', [['assault_rifle', '2099-12-31']]);
  await h.ok('officers.setStatus', { id: suspended, status: 'suspended', reason: 'Enquête administrative' });

  const ids: Record<string, number> = {};
  for (let i = 1; i <= 10; i++) ids[`r${i}`] = await weapon(h);
  for (let i = 1; i <= 3; i++) ids[`p${i}`] = await weapon(h, 'pistol');
  ids.maintenance = await weapon(h);
  await actOk(h, 'maintenance_out', ids.maintenance);
  ids.lost = await weapon(h);
  await actOk(h, 'loss', ids.lost);
  ids.stolen = await weapon(h);
  await actOk(h, 'theft', ids.stolen);
  ids.unserviceable = await weapon(h);
  await h.ok('weapons.changeCondition', { weaponId: ids.unserviceable, condition: 'unserviceable', reason: 'Culasse fendue' });
  ids.repairable = await weapon(h);
  await h.ok('weapons.changeCondition', { weaponId: ids.repairable, condition: 'repairable', reason: 'Usure du canon' });
  ids.surplus = await weapon(h);
  await h.ok('weapons.declareSurplus', { weaponId: ids.surplus, reason: 'Modèle réformé', approver: creds('storekeeper') });
  ids.transferred = await weapon(h);
  await actOk(h, 'transfer_out', ids.transferred);
  const manager = h.app.session?.userId ?? expect.fail('no manager signed in');
  return { ...staff, manager, store, lot, suspendedLot, pistolLot, bah, diallo, rookie, expired, suspended, ...ids };
}

/** A valid checkout (acknowledged with Sergent Bah's service number unless told) of the given weapons, due back eight hours after the harness clock. */
export function checkout(h: Harness, officerId: number, weapons: number[], extra: Partial<IssueArgs> = {}): IssueArgs {
  return {
    kind: 'checkout',
    officerId,
    weapons: weapons.map((weaponId) => ({ weaponId, magazines: 2 })),
    duty: 'Patrouille de nuit',
    expectedReturn: new Date(h.clock.t + 8 * HOUR).toISOString(),
    acknowledgement: SN.bah,
    ...extra,
  };
}

/** Reads one number from the template info, failing loudly on a typo. */
export const infoOf = (info: Record<string, number>) => (key: string): number => info[key] ?? expect.fail(`no ${key} in the world`);

/** Columns of a weapon that custody changes. */
export function weaponState(h: Harness, id: number): { status: string; condition: string } {
  return h.db.prepare('SELECT status, condition FROM weapons WHERE id = ?').get(id) as { status: string; condition: string };
}

export function outCount(h: Harness): number {
  return (h.db.prepare('SELECT COUNT(*) AS n FROM custody_out').get() as { n: number }).n;
}

/** Moves the clock on while the signed-in user keeps working (no idle lock in between). */
export function later(h: Harness, ms: number): void {
  h.clock.advance(ms);
  if (h.app.session) h.app.session.lastActivity = h.clock.t;
  // …and signs in again when a shift would pass the 12-hour session limit.
  if (h.app.session) h.app.session.startedAt = h.clock.t;
}
