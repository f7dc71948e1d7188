import { renameSync, rmSync } from 'node:fs';
import { AGENCIES, type Agency } from '../../../shared/domain/enums';
import { localToday, type WeaponFields } from '../../../shared/domain/weapon';
import { storeCredentials } from '../accounts/credentials';
import { hashPassword } from '../accounts/password';
import { createArmoury } from '../armoury/setup';
import type { Clock } from '../journal/journal';
import { actionAllowed, type WeaponAction } from '../../../shared/domain/lifecycle';
import { actOnWeapon, getWeapon, registerMany } from '../register/service';
import { demoSigningKey } from '../snapshot/keys';
import { Store } from '../store';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { addDemoAmmunition } from './ammunition';
import { custodyHistory } from './custody';
import { withStockChecks } from './stockchecks';
import { AGENCY_CODES, CATALOGUE, RACKS, SOURCES, type CatalogueEntry } from './catalogue';

/** Small deterministic PRNG (mulberry32): the same demo every time for the same size. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}

function pickWeighted(r: ReturnType<typeof prng>): CatalogueEntry {
  const total = CATALOGUE.reduce((n, c) => n + c.weight, 0);
  let x = r.next() * total;
  for (const c of CATALOGUE) if ((x -= c.weight) < 0) return c;
  return CATALOGUE[0] as CatalogueEntry;
}

/**
 * A clock that walks forward from `start`, so the demo's history spreads over past months; `date`
 * is the calendar day of the next event, for dates typed in forms (a loss dated its own day).
 */
function walkingClock(start: Date, end: Date, events: number): { now: Clock; date: () => string } {
  let t = start.getTime();
  const step = Math.max(1, Math.floor((end.getTime() - start.getTime()) / Math.max(1, events)));
  return { now: () => new Date((t += step)), date: () => localToday(new Date(t + step)) };
}

/**
 * Serial digits that look random but never repeat below 10^7 weapons (an odd multiplier prime to
 * 10 is a bijection mod 10^7): random digits collided from ~50,000 weapons and aborted the batch.
 */
function serialDigits(i: number): string {
  return String((i * 7_368_787 + 4_194_301) % 10_000_000).padStart(7, '0');
}

export function demoWeapon(i: number, r: ReturnType<typeof prng>, today: Date): WeaponFields {
  const c = pickWeighted(r);
  const agency: Agency = r.next() < 0.55 ? 'police' : (r.pick(AGENCIES.filter((a) => a !== 'other')) as Agency);
  const year = r.int(c.years[0], c.years[1]);
  const acquired = new Date(Date.UTC(Math.max(year, 1995) + r.int(0, 10), r.int(0, 11), r.int(1, 28)));
  const acquisitionDate = (acquired > today ? today : acquired).toISOString().slice(0, 10);
  const seized = c.type === 'craft_made' || r.next() < 0.04;
  return {
    nationalCode: `ML-${AGENCY_CODES[agency]}-${String(i + 1).padStart(7, '0')}`,
    serial: `${c.model.replace(/[^A-Z0-9]/gi, '').slice(0, 2).toUpperCase()}${serialDigits(i)}${i % 7 === 0 ? '' : String.fromCharCode(65 + (i % 26))}`,
    manufacturer: c.manufacturer,
    model: c.model,
    countryOfManufacture: c.country,
    yearOfManufacture: r.next() < 0.08 ? null : year,
    type: c.type,
    calibre: c.calibre,
    markingLocation: c.markingLocation,
    agency,
    location: `${r.pick(RACKS)} / ${r.int(1, 40)}`,
    acquisitionDate,
    acquisitionMode: seized ? 'seizure' : r.next() < 0.1 ? 'donation' : 'procurement',
    acquisitionSource: r.pick(SOURCES),
    acquisitionDocument: `BL-${r.int(2005, 2024)}-${r.int(100, 999)}`,
    condition: r.next() < 0.05 ? 'repairable' : 'serviceable',
    importCountry: '',
    importYear: null,
    importer: '',
    otherMarks: r.next() < 0.1 ? 'Poinçons d’épreuve' : '',
    marksIllegible: r.next() < 0.02,
    markingDate: '',
    markingOperator: '',
    markingMachine: '',
    notes: '',
  };
}

export interface DemoOptions {
  weapons: number;
  clock?: Clock;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Creates a realistic demo armoury: identity, three accounts (DEMO_ACCOUNTS), N weapons registered
 * in batches through the core service path, and a history of moves, maintenance, losses, thefts,
 * recoveries, corrections and two-person destructions. Built under a temporary name and renamed
 * when complete, so an interrupted generation never leaves a half-built demo to be opened later.
 */
export async function createDemoArmoury(path: string, options: DemoOptions): Promise<void> {
  const partial = `${path}.partial`;
  // Only our own unfinished temporary file is ever removed here, never a real database.
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  await fillDemoArmoury(partial, options);
  renameSync(partial, path);
}

async function fillDemoArmoury(path: string, options: DemoOptions): Promise<void> {
  const now = (options.clock ?? (() => new Date()))();
  const r = prng(0x6a7264 ^ options.weapons);
  // The weapons' story ends a year ago: the ammunition year follows it, up to today. The history
  // adds about a tenth of the registrations again, hence the event count the clock is sized for.
  const day = 86_400_000;
  const clock = walkingClock(new Date(now.getTime() - 760 * day), new Date(now.getTime() - 370 * day), Math.ceil(options.weapons * 1.1) + 60);
  const store = Store.open(path, { create: true, clock: clock.now });
  try {
    const chef = DEMO_ACCOUNTS[0];
    const managerId = await createArmoury(store, {
      armoury: { code: 'ML-BKO-01', name: 'Armurerie centrale — Démonstration', agency: 'police', region: 'Bamako', language: 'fr' },
      manager: { username: chef.username, fullName: 'Commissaire Awa Traoré', password: DEMO_PASSWORD },
    }, demoSigningKey());
    const others = [
      { ...DEMO_ACCOUNTS[1], fullName: 'Sergent Moussa Keïta' },
      { ...DEMO_ACCOUNTS[2], fullName: 'Inspecteur Fatoumata Diarra' },
    ];
    const ids: number[] = [];
    for (const u of others) {
      const hash = await hashPassword(u.password);
      store.journal.write(() => {
        const e = store.journal.append({ type: 'user.created', actor: managerId, data: { username: u.username, fullName: u.fullName, role: u.role } });
        storeCredentials(store.s, e.seq, hash, e.at);
        ids.push(e.seq);
      });
    }
    const storekeeperId = ids[0] ?? managerId;
    const weaponIds: number[] = [];
    const batch = 5000;
    for (let start = 0; start < options.weapons; start += batch) {
      const list: WeaponFields[] = [];
      for (let i = start; i < Math.min(options.weapons, start + batch); i++) list.push(demoWeapon(i, r, now));
      weaponIds.push(...registerMany(store, storekeeperId, list));
      options.onProgress?.(weaponIds.length, options.weapons);
    }
    store.journal.write(() => addHistory(store, weaponIds, r, { managerId, storekeeperId }, clock.date));
    // After the weapons, from their own seeds: the weapons part stays the same for the same size.
    // The custody counter's year and the stock checks run day by day beside the ammunition's, on the same clock.
    const who = { now, managerId, storekeeperId };
    addDemoAmmunition(store, who, withStockChecks(who, custodyHistory(who)));
  } finally {
    store.close();
  }
}

function addHistory(
  store: Store,
  ids: number[],
  r: ReturnType<typeof prng>,
  who: { managerId: number; storekeeperId: number },
  day: () => string,
): void {
  const sk = who.storekeeperId;
  // The samples overlap (a weapon may already be lost or in maintenance): keep only the weapons
  // whose current status allows the action, as the app itself would.
  const sample = (share: number, action: WeaponAction) =>
    ids.filter(() => r.next() < share).filter((id) => actionAllowed(action, getWeapon(store.s, id).status));
  for (const id of sample(0.05, 'move')) actOnWeapon(store, 'move', id, sk, { location: `${r.pick(RACKS)} / ${r.int(1, 40)}`, reason: 'Réorganisation du magasin' });
  for (const id of sample(0.02, 'maintenance_out')) actOnWeapon(store, 'maintenance_out', id, sk, { workshop: 'Atelier central', reason: 'Enrayages répétés' });
  for (const id of sample(0.01, 'loss')) {
    actOnWeapon(store, 'loss', id, sk, { date: day(), circumstances: 'Non retrouvée lors de l’inventaire annuel', reference: `PV-${r.int(100, 999)}` });
  }
  for (const id of sample(0.005, 'theft')) {
    actOnWeapon(store, 'theft', id, sk, { date: day(), circumstances: 'Vol lors d’une attaque du poste', reference: `PV-${r.int(100, 999)}` });
    if (r.next() < 0.4) actOnWeapon(store, 'recovery', id, sk, { date: day(), circumstances: 'Retrouvée lors d’une opération', reference: `PV-${r.int(100, 999)}`, location: '' });
  }
  for (const id of sample(0.01, 'surplus')) {
    actOnWeapon(store, 'surplus', id, sk, { reason: 'Modèle réformé', reference: `DEC-${r.int(10, 99)}` }, who.managerId);
    if (r.next() < 0.5) {
      actOnWeapon(store, 'destruction', id, sk, {
        date: day(), method: 'cutting', certificate: `PVD-${r.int(1000, 9999)}`, witnesses: ['Capitaine Oumar Coulibaly', 'M. Ibrahim Touré (CNLPAL)'],
      }, who.managerId);
    }
  }
}
