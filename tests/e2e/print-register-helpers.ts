import type { Page } from '@playwright/test';
import enPrint from '../../locales/en/print.json';
import enRegister from '../../locales/en/register.json';
import enDocs from '../../locales/en/registerPrint.json';
import frPrint from '../../locales/fr/print.json';
import frRegister from '../../locales/fr/register.json';
import frDocs from '../../locales/fr/registerPrint.json';
import type { GardienApp } from '../../src/main/core/app';
import type { JournalHead } from '../../src/shared/contract/app';
import { expect } from './fixtures';
import { must } from './helpers';
import type { SavedDocument } from './pdf-helpers';
import { msg } from './register-helpers';

/** Locale texts of the weapons printouts, per language, and Intl formatting as the page does it. */
export const LANGS = {
  fr: { print: frPrint, register: frRegister, docs: frDocs, locale: 'fr-FR' },
  en: { print: enPrint, register: enRegister, docs: enDocs, locale: 'en-GB' },
} as const;
export type Lang = keyof typeof LANGS;

export const number = (lang: Lang, n: number) => new Intl.NumberFormat(LANGS[lang].locale).format(n);

/** A calendar date as the printouts show it (Intl, medium style, no time zone shift). */
export function dateText(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LANGS[lang].locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** pdftotext keeps non-breaking spaces; runs of spaces and line breaks come from the layout. */
export const flat = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ');
export const has = (doc: SavedDocument | string, text: string) => expect(flat(typeof doc === 'string' ? doc : doc.text)).toContain(flat(text));

/** The journal head printed is core's head when the document was read (nothing written since). */
export async function expectHead(app: GardienApp, doc: SavedDocument, lang: Lang): Promise<JournalHead> {
  const head = await must<JournalHead>(app, 'journal.head', {});
  has(doc, msg(LANGS[lang].print.journalHead, { seq: number(lang, head.seq), hash: head.hash }));
  return head;
}

/** Opens a weapon's dossier the way a storekeeper does: type its code in the register, press Enter. */
export async function openDossier(page: Page, lang: Lang, code: string): Promise<void> {
  const search = page.getByLabel(LANGS[lang].register.search.label);
  await search.fill(code);
  await search.press('Enter');
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText(code);
}
