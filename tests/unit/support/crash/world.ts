/**
 * The databases the crash children start from, built once per campaign through the router (a
 * scrypt for the manager costs more than a child's whole run): each kill gets a byte copy.
 * No vitest here: bench/crash.ts builds the same world.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchRegister } from '../../../../bench/spreadsheet-rows';
import { GardienApp } from '../../../../src/main/core/app';
import { registerMany } from '../../../../src/main/core/register/service';
import { handlers } from '../../../../src/main/core/handlers';
import type { OpInput, OpOutput, OperationName } from '../../../../src/shared/contract';
import type { ColumnMapping } from '../../../../src/shared/domain/spreadsheet';
import { localToday, weaponFields } from '../../../../src/shared/domain/weapon';
import type { JournalArgs } from './child-journal';

export const MANAGER = { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1' } as const;
export const BACKUP_PASSPHRASE = 'phrase de passe du dépôt 2026';

export interface World {
  /** armoury.sqlite of a small armoury: staff, a store with a lot, an authorised officer, weapons in store. */
  base: string;
  journal: Omit<JournalArgs, 'dataDir' | 'seed'>;
  /** Weapons in the base armoury (an import adds exactly its rows or none). */
  baseWeapons: number;
  import: { path: string; rows: number; mapping: ColumnMapping };
  /** The base armoury with `exportWeapons` more weapons: a snapshot long enough to be killed in. */
  exportBase: string;
  /** The base armoury with a backup passphrase set, or null while core has no backups. */
  backupBase: string | null;
}

export interface WorldSize {
  importRows: number;
  exportWeapons: number;
}

/** Whether core implements backups yet (src/main/core/backup, being written): the backup workload waits for it. */
export function backupsAvailable(): boolean {
  return typeof (handlers as Partial<Record<string, unknown>>)['backups.run'] === 'function';
}

async function call<K extends OperationName>(app: GardienApp, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await app.router.call(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as OpOutput<K>;
}

const quiet = () => undefined;

/** A copy of `file` as the armoury of a new folder `dir`. */
export function copyArmoury(file: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'armoury.sqlite');
  copyFileSync(file, target);
  return target;
}

function weapon(n: number, prefix: string) {
  const code = String(n).padStart(6, '0');
  return {
    nationalCode: `ML-PN-${prefix}${code}`, serial: `${prefix}${code}S`, manufacturer: 'Kalashnikov Concern', model: 'AKM', countryOfManufacture: 'RU' as const,
    yearOfManufacture: 1978, type: 'assault_rifle' as const, calibre: '7.62x39mm', markingLocation: 'Carcasse', agency: 'police' as const, location: 'Râtelier B',
    acquisitionDate: '2010-06-01', acquisitionMode: 'transfer_in' as const,
  };
}

async function buildBase(dir: string): Promise<Pick<World, 'base' | 'journal' | 'baseWeapons'>> {
  const app = new GardienApp({ dataDir: dir, log: quiet }).start();
  try {
    await call(app, 'app.setup', {
      armoury: { code: 'ML-CRA-01', name: 'Armurerie des essais de panne', agency: 'police', region: 'Kayes', language: 'fr' },
      manager: { ...MANAGER, passwordConfirm: MANAGER.password },
    });
    const store = await call(app, 'stores.create', {
      code: 'MAG-K', name: 'Magasin principal', bays: ['A1'],
      licence: { maxNeqKg: { '1.1': 10_000, '1.2': 10_000, '1.3': 10_000, '1.4': 10_000, '1.5': 10_000, '1.6': 10_000 }, authority: 'Direction du matériel', reference: 'LIC-2026-01', expiry: '2099-12-31' },
    });
    const lot = await call(app, 'ammo.receiveNewLot', {
      lot: {
        lotState: 'numbered', lotNumber: 'BALL-2015', nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm', manufacturer: 'Norinco', country: 'CN',
        yearOfManufacture: 2015, hazardDivision: '1.4', compatibilityGroup: 'S', unNumber: '0012', neqPerUnitKg: 0.001, roundsPerBox: 20, boxesPerCase: 50,
        inspectionIntervalMonths: 12,
      },
      place: { storeId: store.id, bay: 'A1' }, quantity: 1_000_000, date: localToday(), source: 'Dotation centrale', document: 'BL-1',
    });
    const officer = await call(app, 'officers.register', { serviceNumber: 'MLP-0001', name: 'Sergent Bah', rank: 'Sergent', unit: 'CSP Kayes', agency: 'police' });
    await call(app, 'officers.authorise', { id: officer.id, weaponType: 'assault_rifle', expires: '2099-12-31', reference: 'HAB-0001' });
    const weapons: number[] = [];
    for (let i = 1; i <= 6; i++) weapons.push((await call(app, 'weapons.register', weapon(i, 'B'))).id);
    return {
      base: app.path('armoury'),
      journal: { officerId: officer.id, serviceNumber: 'MLP-0001', weapons, lot: { lotId: lot.lotId, storeId: store.id, bay: 'A1' } },
      baseWeapons: weapons.length,
    };
  } finally {
    app.close();
  }
}

/** Signs the base's manager in on a copy (one scrypt). */
async function managerApp(dir: string): Promise<GardienApp> {
  const app = new GardienApp({ dataDir: dir, log: quiet }).start();
  await call(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  return app;
}

/** Builds every template under `root` (about a second, most of it scrypt). */
export async function buildWorld(root: string, size: WorldSize): Promise<World> {
  const base = await buildBase(join(root, 'base'));

  const importPath = join(root, 'registre-des-armes.csv');
  writeBenchRegister(importPath, size.importRows);
  const exportDir = join(root, 'export-base');
  copyArmoury(base.base, exportDir);
  const app = await managerApp(exportDir);
  let mapping: ColumnMapping;
  let exportBase: string;
  try {
    app.grantImportPaths([importPath]);
    mapping = (await call(app, 'imports.inspect', { path: importPath, kind: 'weapons' })).mapping;
    const store = app.store;
    const actor = app.session?.userId;
    if (!store || actor === undefined) throw new Error('no signed-in store');
    registerMany(store, actor, Array.from({ length: size.exportWeapons }, (_, i) => weaponFields.parse(weapon(i + 1, 'E'))));
    exportBase = app.path('armoury');
  } finally {
    app.close();
  }

  let backupBase: string | null = null;
  if (backupsAvailable()) {
    const dir = join(root, 'backup-base');
    copyArmoury(base.base, dir);
    const b = await managerApp(dir);
    try {
      await call(b, 'backups.configure', { passphrase: BACKUP_PASSPHRASE, confirm: BACKUP_PASSPHRASE });
      backupBase = b.path('armoury');
    } finally {
      b.close();
    }
  }
  return { ...base, import: { path: importPath, rows: size.importRows, mapping }, exportBase, backupBase };
}
