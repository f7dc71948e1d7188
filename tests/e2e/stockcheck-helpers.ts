import type { Page } from '@playwright/test';
import type { GardienApp } from '../../src/main/core/app';
import type { MovementResult } from '../../src/shared/contract/ammunition';
import type { CheckReport, CheckRow, CountSheet } from '../../src/shared/contract/stockcheck';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { ball, createStore, ok, receiveLot, today } from './ammunition-helpers';
import { MANAGER, prepareArmoury, STOREKEEPER } from './helpers';
import { weaponInput } from './register-helpers';

export { MANAGER, STOREKEEPER, ok };

/** A third account: a storekeeper who witnesses a check (any account but the counter's may). */
export const WITNESS = { username: 'f.sangare', fullName: 'Fanta Sangaré', password: 'temoin-du-depot-55' } as const;

/** Book quantities no other figure of the screens or printouts has: a blind sheet must never show them. */
export const BALL = { lotNumber: 'BALL-2015-07', quantity: 4370, bay: 'Travée A' } as const;
export const PARA = { lotNumber: 'PARA-2019-03', quantity: 2860, bay: 'Travée B' } as const;

export interface SeedWeapon {
  id: number;
  serial: string;
  nationalCode: string;
  location: string;
}

export interface CheckSeed {
  store: { id: number; code: string };
  ball: number;
  para: number;
  /** Five weapons on the shelves (book), in two locations. */
  weapons: { ak1: SeedWeapon; ak2: SeedWeapon; ak3: SeedWeapon; pa1: SeedWeapon; pa2: SeedWeapon };
  /** In maintenance: not on the shelves by the book. */
  away: SeedWeapon;
}

const RACK = 'Râtelier A';
const SAFE = 'Armoire forte';

/**
 * The armoury of the stock check tests, through core as the screens would: manager, storekeeper
 * and witness accounts; store MAG-1 with lot BALL (4,370 rounds, Travée A) and lot PARA (2,860
 * rounds, Travée B); three rifles in rack A, two pistols in the safe, a rifle away for repair.
 * Nobody is signed in afterwards; the page (if given) is reloaded to the login screen.
 */
export async function seedChecks(app: GardienApp, opts: { language: 'fr' | 'en'; page?: Page }): Promise<CheckSeed> {
  await prepareArmoury(app, null, { storekeeper: true, signedIn: true, language: opts.language });
  await ok(app, 'users.create', { ...WITNESS, role: 'storekeeper' });
  const store = await createStore(app, 'MAG-1', { '1.4': 100 });
  const ballId = await receiveLot(app, store.id, BALL.quantity, { lotNumber: BALL.lotNumber });
  const para = await ok<MovementResult>(app, 'ammo.receiveNewLot', {
    lot: ball({ lotNumber: PARA.lotNumber, nature: 'Cartouche 9x19 mm Parabellum', calibre: '9x19mm', roundsPerBox: 50, boxesPerCase: 20 }),
    place: { storeId: store.id, bay: PARA.bay }, quantity: PARA.quantity, date: today(), source: 'Dotation centrale', document: 'BL-2024-002',
  });
  const weapon = async (serial: string, nationalCode: string, location: string, pistol = false): Promise<SeedWeapon> => {
    const fields = pistol ? { type: 'pistol' as const, manufacturer: 'Beretta', model: '92FS', calibre: '9x19mm', countryOfManufacture: 'IT' as const } : {};
    const w = await ok<WeaponRecord>(app, 'weapons.register', weaponInput({ serial, nationalCode, location, ...fields }));
    return { id: w.id, serial: w.serial, nationalCode: w.nationalCode, location };
  };
  const weapons = {
    ak1: await weapon('AK56-20001', 'ML-GN-005101', RACK),
    ak2: await weapon('AK56-20002', 'ML-GN-005102', RACK),
    ak3: await weapon('AK56-20003', 'ML-GN-005103', RACK),
    pa1: await weapon('BER-92-8801', 'ML-GN-005201', SAFE, true),
    pa2: await weapon('BER-92-8802', 'ML-GN-005202', SAFE, true),
  };
  const away = await weapon('AK56-20009', 'ML-GN-005109', 'Râtelier B');
  await ok(app, 'weapons.maintenanceOut', { weaponId: away.id, workshop: 'Atelier central', reason: 'Révision annuelle' });
  await ok(app, 'auth.logout', {});
  if (opts.page) await opts.page.reload();
  return { store: { id: store.id, code: store.code }, ball: ballId, para: para.lotId, weapons, away };
}

/**
 * A full check counted and closed through core, as the screens would: signed in as the
 * storekeeper, ak3 not found, an unknown code, BALL counted 50 short. Signs out at the end.
 */
export async function closedCheck(app: GardienApp, seed: CheckSeed): Promise<CheckReport> {
  await ok(app, 'auth.login', { username: STOREKEEPER.username, password: STOREKEEPER.password });
  const check = await ok<CheckRow>(app, 'stockchecks.start', { scope: 'full', note: '' });
  const { ak1, ak2, pa1, pa2 } = seed.weapons;
  await ok<CountSheet>(app, 'stockchecks.count', {
    checkId: check.id,
    weapons: [ak1.id, ak2.id, pa1.id, pa2.id],
    unknown: ['XX-404'],
    lots: [
      { lotId: seed.ball, storeId: seed.store.id, bay: BALL.bay, quantity: BALL.quantity - 50 },
      { lotId: seed.para, storeId: seed.store.id, bay: PARA.bay, quantity: PARA.quantity },
    ],
  });
  const report = await ok<CheckReport>(app, 'stockchecks.close', { checkId: check.id, witness: { username: MANAGER.username, password: MANAGER.password }, note: '' });
  await ok(app, 'auth.logout', {});
  return report;
}

/** Types a code the way a barcode scanner does: every key at once, then Enter, without waiting. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Narrow and non-breaking spaces (French digit groups) as plain spaces, for comparing text. */
export const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Every way a quantity may be written: 4370, 4 370, 4,370 (pdftotext turns narrow spaces into spaces). */
export const writings = (n: number) => [String(n), ...['fr-FR', 'en-GB'].map((l) => flat(new Intl.NumberFormat(l).format(n)))];
