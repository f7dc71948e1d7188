import type { Page } from '@playwright/test';
import enAmmunition from '../../locales/en/ammunition.json';
import enApp from '../../locales/en/app.json';
import enRegisterPrint from '../../locales/en/registerPrint.json';
import enReports from '../../locales/en/reports.json';
import frAmmunition from '../../locales/fr/ammunition.json';
import frApp from '../../locales/fr/app.json';
import frRegisterPrint from '../../locales/fr/registerPrint.json';
import frReports from '../../locales/fr/reports.json';
import { expect, test } from './fixtures';
import { prepareArmoury, signIn, STOREKEEPER } from './helpers';

const back = async (page: Page) => {
  await page.getByTestId('nav-documents').click();
  await expect(page.getByTestId('documents-screen')).toBeVisible();
};

const NESTED = {
  fr: { app: frApp, ammunition: frAmmunition, registerPrint: frRegisterPrint },
  en: { app: enApp, ammunition: enAmmunition, registerPrint: enRegisterPrint },
};

/** A message with its `$t(ns:key)` references filled in, as i18next renders it. */
function nested(text: string, lang: 'fr' | 'en'): string {
  return text.replace(/\$t\((\w+):([\w.]+)\)/g, (_, ns: string, key: string) => {
    let node: unknown = (NESTED[lang] as Record<string, unknown>)[ns];
    for (const k of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[k];
    if (typeof node !== 'string') throw new Error(`no ${ns}:${key}`);
    return node;
  });
}

for (const lang of ['fr', 'en'] as const) {
  const r = lang === 'fr' ? frReports : enReports;

  test(`${lang}: the documents list says what each printout is and opens it`, async ({ app, gardienPage: page }) => {
    await prepareArmoury(app, page, { storekeeper: true, language: lang });
    await signIn(page, STOREKEEPER);
    await page.getByTestId('nav-documents').click();
    await expect(page.getByTestId('nav-documents')).toHaveAttribute('aria-current', 'page');
    const screen = page.getByTestId('documents-screen');
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText(r.documents.title);
    for (const key of ['monthly', 'holdings', 'register', 'weaponsOut', 'stockChecks', 'records'] as const) {
      const item = page.getByTestId(`documents-${key}`);
      await expect(item.getByRole('heading')).toHaveText(r.documents[key].name);
      await expect(item).toContainText(nested(r.documents[key].what, lang));
    }

    // The monthly return defaults to last month; months not begun cannot be chosen.
    const now = new Date();
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const year = page.getByTestId('documents-monthly-year');
    const month = page.getByTestId('documents-monthly-month');
    await expect(year).toHaveValue(String(last.getFullYear()));
    await expect(month).toHaveValue(String(last.getMonth() + 1));
    const monthName = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long' }).format(last);
    await expect(month.locator('option:checked')).toHaveText(monthName);
    await year.selectOption(String(now.getFullYear()));
    if (now.getMonth() < 11) await expect(month.locator(`option[value="${now.getMonth() + 2}"]`)).toBeDisabled();
    await expect(month.locator(`option[value="${now.getMonth() + 1}"]`)).toBeEnabled();
    await year.selectOption(String(now.getFullYear() - 1));
    await month.selectOption('12');
    await page.getByTestId('documents-monthly-open').click();
    await expect(page.getByTestId('print-document')).toBeVisible();
    await expect(page.getByTestId('nav-documents')).toHaveAttribute('aria-current', 'page');
    const december = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric' }).format(new Date(now.getFullYear() - 1, 11, 1));
    await expect(page.getByTestId('print-document').getByRole('heading', { level: 1 })).toContainText(december);
    await page.getByTestId('print-back').click();
    await expect(screen).toBeVisible();

    // The holdings print from here; back returns to the list.
    await page.getByTestId('documents-holdings-open').click();
    await expect(page.getByTestId('print-document')).toBeVisible();
    await page.getByTestId('print-back').click();
    await expect(screen).toBeVisible();

    // The others open the screen they are printed from.
    await page.getByTestId('documents-register-open').click();
    await expect(page.getByTestId('nav-register')).toHaveAttribute('aria-current', 'page');
    await back(page);
    await page.getByTestId('documents-weapons-out-open').click();
    await expect(page.getByTestId('weapons-out')).toBeVisible();
    await back(page);
    await page.getByTestId('documents-stock-checks-open').click();
    await expect(page.getByTestId('nav-stockChecks')).toHaveAttribute('aria-current', 'page');
  });
}
