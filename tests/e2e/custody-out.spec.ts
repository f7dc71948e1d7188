import type { Page } from '@playwright/test';
import enAccounts from '../../locales/en/accounts.json';
import enHandover from '../../locales/en/handover.json';
import frAccounts from '../../locales/fr/accounts.json';
import frHandover from '../../locales/fr/handover.json';
import { GardienApp } from '../../src/main/core/app';
import type { JournalHead } from '../../src/shared/contract/app';
import type { ReturnResult, VoucherView } from '../../src/shared/contract/custody';
import { msg } from './ammunition-helpers';
import { MANAGER, ok, seedCustody, STOREKEEPER, type CustodySeed } from './custody-helpers';
import { expect, test as base } from './fixtures';
import { ARMOURY, signIn, signOut } from './helpers';
import { savePdf } from './pdf-helpers';

const HOUR = 3600_000;

/**
 * Core on a clock the test can move: the issues are made "yesterday", so a checkout expected back
 * a few hours later is overdue now (core refuses an expected return in the past at issue time).
 */
const test = base.extend<{ clock: { shift: number } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  clock: async ({}, use) => {
    await use({ shift: 0 });
  },
  app: async ({ dataDir, clock }, use) => {
    const app = new GardienApp({
      dataDir,
      clock: () => new Date(Date.now() + clock.shift),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    }).start();
    await use(app);
    app.close();
  },
});

interface OutSeed extends CustodySeed {
  overdue: VoucherView;
  assignment: VoucherView;
  pistol: VoucherView;
  missingCase: number;
}

/**
 * Yesterday: rifle ak1 checked out to Coulibaly until two hours later (overdue today), ak2
 * assigned to him for good, ak3 checked out to him and declared not returned (a case), and the
 * pistol checked out to Diarra (another unit) until tomorrow. Then nobody is signed in.
 */
async function seedOut(app: GardienApp, page: Page, clock: { shift: number }, language: 'fr' | 'en'): Promise<OutSeed> {
  clock.shift = -24 * HOUR;
  const seed = await seedCustody(app, { language, signedIn: 'manager' });
  const { ak1, ak2, ak3, pistol } = seed.weapons;
  await ok(app, 'officers.authorise', { id: seed.unauthorised.id, weaponType: 'pistol', expires: '2099-12-31', reference: 'HAB-2024-031' });
  const issue = (officer: { id: number; serviceNumber: string }, weaponId: number, kind: 'checkout' | 'assignment', hours: number) =>
    ok<VoucherView>(app, 'custody.issue', {
      kind,
      officerId: officer.id,
      weapons: [{ weaponId, magazines: 0 }],
      duty: 'Garde du poste',
      expectedReturn: kind === 'checkout' ? new Date(Date.now() + clock.shift + hours * HOUR).toISOString() : '',
      acknowledgement: officer.serviceNumber,
    });
  const overdue = await issue(seed.authorised, ak1.id, 'checkout', 2);
  const assignment = await issue(seed.authorised, ak2.id, 'assignment', 0);
  const lost = await issue(seed.authorised, ak3.id, 'checkout', 3);
  const back = await ok<ReturnResult>(app, 'custody.return', { voucherId: lost.id, weapons: [{ weaponId: ak3.id, returned: false }] });
  const pistolVoucher = await issue(seed.unauthorised, pistol.id, 'checkout', 48);
  await ok(app, 'auth.logout', {});
  clock.shift = 0;
  await page.reload();
  const missingCase = back.cases[0]?.id;
  if (missingCase === undefined) throw new Error('no case opened');
  return { ...seed, overdue, assignment, pistol: pistolVoucher, missingCase };
}

/** Saves the register as the user does (Save as PDF: Chromium's printToPDF) and reads its text back. */
async function printedText(page: Page): Promise<string> {
  return (await savePdf(page)).text;
}

const row = (page: Page, weaponId: number) => page.locator(`[data-testid="out-row"][data-weapon="${weaponId}"]`);

test('the weapons out register: by unit and officer, overdue and missing marked, searched, printed on A4 (fr)', async ({
  app,
  clock,
  gardienPage: page,
}) => {
  const t = frHandover;
  const seed = await seedOut(app, page, clock, 'fr');
  const { ak1, ak2, ak3, pistol } = seed.weapons;
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-weaponsOut').click();
  await expect(page.getByRole('heading', { level: 1, name: t.out.title })).toBeVisible();

  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '4');
  // ak1 and ak3 (declared not returned, still out with the officer) are past their return time.
  await expect(page.getByTestId('out-overdue')).toHaveAttribute('data-value', '2');
  // Units in order, each officer under their unit.
  await expect(page.getByTestId('out-unit')).toHaveCount(2);
  const kayes = page.locator('[data-testid="out-unit"][data-unit="Brigade de Kayes"]');
  await expect(kayes.getByTestId('out-row')).toHaveCount(3);
  await expect(kayes.getByTestId('out-officer')).toContainText(`${seed.authorised.rank} ${seed.authorised.name}`);
  await expect(kayes.getByTestId('out-officer')).toContainText(seed.authorised.serviceNumber);
  await expect(page.locator('[data-testid="out-unit"][data-unit="Peloton de surveillance"]').getByTestId('out-row')).toHaveCount(1);
  await expect(page.getByTestId('out-unit').first()).toHaveAttribute('data-unit', 'Brigade de Kayes');

  // The overdue checkout, the assignment, the weapon not returned.
  await expect(row(page, ak1.id)).toHaveAttribute('data-overdue', 'true');
  await expect(row(page, ak1.id)).toContainText(t.out.overdue);
  await expect(row(page, ak1.id)).toContainText(ak1.serial);
  await expect(row(page, ak1.id)).toContainText(seed.overdue.number);
  await expect(row(page, ak1.id)).toContainText(t.out.kind.checkout);
  await expect(row(page, ak2.id)).toContainText(t.out.untilWithdrawn);
  await expect(row(page, ak2.id)).toContainText(t.out.kind.assignment);
  await expect(row(page, ak2.id)).toHaveAttribute('data-overdue', 'false');
  await expect(row(page, ak3.id).getByTestId('out-missing')).toHaveText(msg(t.out.missing, { id: seed.missingCase }));
  const peloton = page.locator('[data-testid="out-unit"][data-unit="Peloton de surveillance"]');
  await expect(peloton.getByTestId('out-officer')).toContainText(seed.unauthorised.name);
  await expect(peloton.getByTestId('out-row')).toHaveAttribute('data-weapon', String(pistol.id));

  // Search (officer's name, then a partial serial) and the overdue filter.
  await page.getByTestId('out-search').fill('diarra');
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '1');
  await expect(row(page, pistol.id)).toBeVisible();
  await page.getByTestId('out-search').fill('10002');
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '1');
  await expect(row(page, ak2.id)).toBeVisible();
  await page.getByTestId('out-search').fill('');
  await page.getByTestId('out-overdue-only').check();
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '2');
  await expect(row(page, ak1.id)).toBeVisible();
  await expect(row(page, ak3.id)).toBeVisible();
  await page.getByTestId('out-overdue-only').uncheck();
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '4');

  // The voucher opens from its number.
  await row(page, ak1.id).getByRole('button', { name: seed.overdue.number }).click();
  await expect(page.getByTestId('weapons-out')).toHaveCount(0);
  await page.getByTestId('custody-tab-weaponsOut').click();
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '4');

  // On paper: no menus or search, the armoury, the title, the journal head, every row.
  const head = await ok<JournalHead>(app, 'journal.head', {});
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('nav-custody')).toBeHidden();
  await expect(page.getByTestId('custody-tab-weaponsOut')).toBeHidden();
  await expect(page.getByTestId('out-search')).toBeHidden();
  await expect(page.getByTestId('out-print')).toBeHidden();
  const printHead = page.getByTestId('out-print-head');
  await expect(printHead).toBeVisible();
  await expect(printHead).toContainText(ARMOURY.name);
  await expect(printHead).toContainText(ARMOURY.code);
  await expect(printHead).toContainText(t.out.printTitle);
  await expect(page.getByTestId('out-print-hash')).toContainText(head.hash);
  await page.emulateMedia({ media: 'screen' });

  const text = await printedText(page);
  const flat = text.replace(/\s+/g, '');
  expect(text).toContain(t.out.printTitle);
  expect(text).toContain(ARMOURY.name);
  expect(text).toContain(ARMOURY.code);
  expect(flat).toContain(head.hash);
  for (const w of [ak1, ak2, ak3, pistol]) expect(text).toContain(w.nationalCode);
  expect(text).toContain(seed.overdue.number);
  expect(text).toContain(seed.authorised.name);
  expect(text).toContain('Brigade de Kayes');
  expect(text).toContain(t.print.signature.manager);
  expect(text).toContain(msg(t.print.pageOf, { page: 1, pages: 1 }));
  expect(text).not.toContain(t.out.search);
});

test('the weapons out register in English, printed', async ({ app, clock, gardienPage: page }) => {
  const t = enHandover;
  const seed = await seedOut(app, page, clock, 'en');
  await signIn(page, MANAGER);
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-weaponsOut').click();
  await expect(page.getByRole('heading', { level: 1, name: t.out.title })).toBeVisible();
  await expect(page.getByTestId('out-totals')).toContainText(msg(t.common.weapons_other, { n: 4 }));
  await expect(page.getByTestId('out-totals')).toContainText(msg(t.out.units_other, { n: 2 }));
  await expect(row(page, seed.weapons.ak1.id)).toContainText(t.out.overdue);
  await expect(row(page, seed.weapons.ak3.id)).toContainText(msg(t.out.missing, { id: seed.missingCase }));
  await page.getByTestId('out-overdue-only').check();
  await expect(page.getByTestId('out-total')).toHaveAttribute('data-value', '2');

  // A partial list says so on paper.
  const text = await printedText(page);
  expect(text).toContain(t.out.printTitle);
  expect(text).toContain(t.print.filterOverdue);
  expect(text).toContain(seed.weapons.ak1.nationalCode);
  expect(text).not.toContain(seed.weapons.pistol.nationalCode);
  expect(text).toContain(msg(t.print.pageOf, { page: 1, pages: 1 }));
});

for (const language of ['fr', 'en'] as const) {
  const t = (language === 'fr' ? frAccounts : enAccounts).settings;

  test(`custody settings: the case deadline and countersigned issues persist (${language})`, async ({ app, gardienPage: page }) => {
    await seedCustody(app, { language, page });
    await signIn(page, MANAGER);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByRole('heading', { level: 2, name: t.custody })).toBeVisible();
    await expect(page.getByText(t.countersignHint)).toBeVisible();
    await expect(page.locator('#settings-case-deadline')).toHaveValue('72');
    const countersign = page.getByTestId('settings-countersign');
    await expect(countersign).not.toBeChecked();

    await page.locator('#settings-case-deadline').fill('0');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('error-settings-case-deadline')).toBeVisible();
    expect(app.settings().caseDeadlineHours).toBe(72);

    await page.locator('#settings-case-deadline').fill('48');
    await countersign.check();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(app.settings()).toMatchObject({ caseDeadlineHours: 48, countersignIssues: true, idleLockMinutes: 15 });

    // Read again after a reload; a storekeeper reads them without a form.
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-countersign')).toBeChecked();
    await expect(page.locator('#settings-case-deadline')).toHaveValue('48');
    await signOut(page);
    await signIn(page, STOREKEEPER);
    await page.getByTestId('nav-settings').click();
    const readonly = page.getByTestId('settings-custody-readonly');
    await expect(readonly).toContainText(msg(t.caseDeadlineValue_other, { n: 48 }));
    await expect(readonly).toContainText(t.countersignOn);
    await expect(page.getByTestId('settings-countersign')).toHaveCount(0);
  });
}
