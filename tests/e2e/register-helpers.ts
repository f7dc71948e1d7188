import type { Page } from '@playwright/test';
import en from '../../locales/en/register.json';
import fr from '../../locales/fr/register.json';
import frErrors from '../../locales/fr/errors.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import type { WeaponFieldsInput } from '../../src/shared/domain/weapon';
import type { GardienApp } from '../../src/main/core/app';

export { en, fr, frErrors, frFieldErrors };

export const MANAGER = { username: 'chef', fullName: 'Adama Traoré', password: 'chef-secret-2024' };

/** Creates the armoury (French) and its first manager, who is then signed in; the page shows the register. */
export async function setUpArmoury(app: GardienApp, page: Page): Promise<void> {
  const r = await app.router.call('app.setup', {
    armoury: { code: 'ML-TEST-01', name: 'Armurerie du commissariat central', agency: 'police', region: 'Bamako', language: 'fr' },
    manager: { ...MANAGER, passwordConfirm: MANAGER.password },
  });
  if (!r.ok) throw new Error(`setup failed: ${JSON.stringify(r.error)}`);
  await page.reload();
}

let counter = 0;

/** A complete, valid firearm record; each call gets fresh identifiers unless overridden. */
export function weaponInput(overrides: Partial<WeaponFieldsInput> = {}): WeaponFieldsInput {
  counter += 1;
  return {
    nationalCode: `ML-PN-${String(900000 + counter)}`,
    serial: `TS${String(500000 + counter)}`,
    manufacturer: 'Norinco',
    model: 'Type 56',
    countryOfManufacture: 'CN',
    yearOfManufacture: 1988,
    type: 'assault_rifle',
    calibre: '7.62x39mm',
    markingLocation: 'Boîte de culasse, côté gauche',
    agency: 'police',
    location: 'Magasin 1 / Râtelier A / 3',
    acquisitionDate: '2015-03-12',
    acquisitionMode: 'procurement',
    acquisitionSource: 'Dotation ministère',
    acquisitionDocument: 'BL-2015-044',
    ...overrides,
  };
}

export async function registerWeapon(app: GardienApp, overrides: Partial<WeaponFieldsInput> = {}): Promise<WeaponRecord> {
  const r = await app.router.call('weapons.register', weaponInput(overrides));
  if (!r.ok) throw new Error(`register failed: ${JSON.stringify(r.error)}`);
  return r.value as WeaponRecord;
}

/** A locale message with its {{placeholders}} filled, as i18next renders it (no escaping). */
export function msg(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));
}

/** Escapes text for use inside a RegExp (labels contain parentheses and dots). */
export const re = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
