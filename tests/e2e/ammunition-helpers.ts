import type { Page } from '@playwright/test';
import en from '../../locales/en/ammunition.json';
import fr from '../../locales/fr/ammunition.json';
import enErrors from '../../locales/en/errors.json';
import frErrors from '../../locales/fr/errors.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import type { GardienApp } from '../../src/main/core/app';
import type { LotDossier, MovementResult, StoreView } from '../../src/shared/contract/ammunition';
import type { OpInput } from '../../src/shared/contract';
import { expect } from './fixtures';

export { en, enErrors, fr, frErrors, frFieldErrors };

/** A router call in the test process that fails the test on an error envelope. */
export async function ok<T>(app: GardienApp, op: string, input: unknown): Promise<T> {
  const r = await app.router.call(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

type LotInput = OpInput<'ammo.receiveNewLot'>['lot'];

/** A lot of 7.62x39 ball: 1.4S, 1 g NEQ per round, 20 rounds a box, 50 boxes a case. */
export function ball(overrides: Partial<LotInput> = {}): LotInput {
  return {
    lotState: 'numbered', lotNumber: 'NOR-2015-07', nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm',
    manufacturer: 'Norinco', country: 'CN', yearOfManufacture: 2015, hazardDivision: '1.4', compatibilityGroup: 'S',
    unNumber: '0012', neqPerUnitKg: 0.001, roundsPerBox: 20, boxesPerCase: 50, inspectionIntervalMonths: 12, ...overrides,
  };
}

export async function createStore(app: GardienApp, code: string, maxNeqKg: Record<string, number>, expiry = '2099-12-31'): Promise<StoreView> {
  return ok<StoreView>(app, 'stores.create', {
    code, name: `Magasin ${code}`, bays: ['Travée A', 'Travée B'],
    licence: { maxNeqKg, authority: 'Direction du matériel', reference: `LIC-${code}`, expiry },
  });
}

export async function receiveLot(app: GardienApp, storeId: number, quantity: number, lot: Partial<LotInput> = {}, date?: string): Promise<number> {
  const r = await ok<MovementResult>(app, 'ammo.receiveNewLot', {
    lot: ball(lot), place: { storeId, bay: 'Travée A' }, quantity, date: date ?? today(), source: 'Dotation centrale', document: 'BL-2024-001',
  });
  return r.lotId;
}

export const dossier = (app: GardienApp, id: number) => ok<LotDossier>(app, 'lots.get', { id });

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Numbers as the UI writes them (Intl, the user's language): French groups with a narrow space. */
export const num = (n: number, lang: 'fr' | 'en' = 'fr', digits = 3) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(n);

/** A locale message with its {{placeholders}} filled, as i18next renders it. */
export function msg(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));
}

/** "{{n}} coups" with the plural French uses (0 and 1 singular). */
export const rounds = (n: number, lang: 'fr' | 'en' = 'fr') => msg((lang === 'fr' ? fr : en).qty[n <= 1 && (lang === 'fr' || n === 1) ? 'rounds_one' : 'rounds_other'], { n: num(n, lang) });

/** From the register (where sign-in lands) to an ammunition tab. */
export async function openAmmo(page: Page, tab: 'ammunition' | 'ammoStores' | 'ammoLots' | 'ammoReceive' = 'ammunition'): Promise<void> {
  await page.getByTestId('nav-ammunition').click();
  if (tab !== 'ammunition') await page.getByTestId(`ammo-tab-${tab}`).click();
}

/** Opens a lot's stock record card the keyboard way: type its number in the lots list, press Enter. */
export async function openLot(page: Page, lotNumber: string): Promise<void> {
  await openAmmo(page, 'ammoLots');
  await page.getByTestId('lots-search').fill(lotNumber);
  await expect(page.getByTestId('lots-table').getByRole('button', { name: lotNumber, exact: true })).toBeVisible();
  await page.getByTestId('lots-search').press('Enter');
  await expect(page.getByTestId('lot-dossier')).toBeVisible();
}
