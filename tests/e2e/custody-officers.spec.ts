import type { Page } from '@playwright/test';
import enCases from '../../locales/en/cases.json';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import enOfficers from '../../locales/en/officers.json';
import frCases from '../../locales/fr/cases.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import frOfficers from '../../locales/fr/officers.json';
import enRegister from '../../locales/en/register.json';
import frRegister from '../../locales/fr/register.json';
import type { VoucherView } from '../../src/shared/contract/custody';
import { msg } from './ammunition-helpers';
import { MANAGER, ok, seedCustody, STOREKEEPER } from './custody-helpers';
import { expect, test, timedTest as timed } from './fixtures';
import { signIn } from './helpers';

const TEXT = {
  fr: { officers: frOfficers, cases: frCases, fieldErrors: frFieldErrors as Record<string, string>, register: frRegister },
  en: { officers: enOfficers, cases: enCases, fieldErrors: enFieldErrors as Record<string, string>, register: enRegister },
} as const;

const NEW_OFFICER = { serviceNumber: 'GN-40988', name: 'Oumar Sangaré', rank: 'Adjudant', unit: 'Escadron de Kita' } as const;

async function openOfficers(page: Page): Promise<void> {
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-officers').click();
  await expect(page.getByTestId('officers-screen')).toBeVisible();
}

async function fillOfficer(page: Page, fields: typeof NEW_OFFICER | { serviceNumber: string; name: string; rank: string; unit: string }): Promise<void> {
  const dialog = page.getByTestId('officer-form');
  await dialog.locator('#off-serviceNumber').fill(fields.serviceNumber);
  await dialog.locator('#off-name').fill(fields.name);
  await dialog.locator('#off-rank').fill(fields.rank);
  await dialog.locator('#off-unit').fill(fields.unit);
}

for (const language of ['fr', 'en'] as const) {
  const t = TEXT[language];

  test(`personnel register (${language}): register, duplicate service number refused on the field, authorise, search by part of the number`, async ({
    app,
    gardienPage: page,
  }) => {
    const seed = await seedCustody(app, { language, page });
    await signIn(page, MANAGER);
    await openOfficers(page);
    await expect(page.getByRole('heading', { level: 1, name: t.officers.list.title })).toBeVisible();
    await expect(page.getByTestId('officers-table').getByTestId('officer-row')).toHaveCount(2);

    // Register: the dossier opens on the new officer, with no authorisation yet.
    await page.getByTestId('officer-add').click();
    await fillOfficer(page, NEW_OFFICER);
    await page.getByTestId('officer-form').getByRole('button', { name: t.officers.form.register }).click();
    const dossier = page.getByTestId('officer-dossier');
    await expect(dossier.getByRole('heading', { level: 1 })).toContainText(NEW_OFFICER.name);
    await expect(page.getByTestId('officer-service-number')).toHaveText(NEW_OFFICER.serviceNumber);
    await expect(page.getByTestId('no-authorisations')).toHaveText(t.officers.dossier.noAuthorisations);

    // A second officer with a service number already taken (typed in lower case): refused on the field.
    await page.getByRole('button', { name: t.officers.dossier.back }).click();
    await page.getByTestId('officer-add').click();
    await fillOfficer(page, { serviceNumber: seed.authorised.serviceNumber.toLowerCase(), name: 'Moussa Traoré', rank: 'Gendarme', unit: 'Brigade de Kayes' });
    await page.getByTestId('officer-form').getByRole('button', { name: t.officers.form.register }).click();
    const fieldError = page.getByTestId('error-off-serviceNumber');
    await expect(fieldError).toBeVisible();
    // The message is fieldErrors:service_number_taken, with the number as typed.
    const taken = t.fieldErrors.service_number_taken;
    expect.soft(taken, `fieldErrors.service_number_taken in ${language}`).toBeTruthy();
    await expect.soft(fieldError).toHaveText(msg(taken ?? '', { value: seed.authorised.serviceNumber.toLowerCase() }));
    await expect(page.locator('#off-serviceNumber')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('officer-form').getByRole('button', { name: t.officers.common.cancel }).click();
    expect((await ok<{ total: number }>(app, 'officers.list', {})).total).toBe(3);

    // Search by a part of the service number, as typed: only the officer it matches.
    const search = page.getByTestId('officers-search');
    await search.fill('4098');
    const rows = page.getByTestId('officers-table').getByTestId('officer-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(NEW_OFFICER.serviceNumber);
    await expect(rows.first()).toContainText(t.officers.list.noAuthorisation);
    await search.fill('20451');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(seed.authorised.name);
    await search.fill('GN-');
    await expect(rows).toHaveCount(3);

    // The full number then Enter (what a card scanner sends) opens the dossier; a manager authorises.
    await search.fill(NEW_OFFICER.serviceNumber);
    await search.press('Enter');
    await expect(page.getByTestId('officer-service-number')).toHaveText(NEW_OFFICER.serviceNumber);
    await page.getByTestId('authorise').click();
    const dialog = page.getByTestId('authorise-dialog');
    await dialog.locator('#auth-type').selectOption('pistol');
    await dialog.locator('#auth-expires').fill('2030-06-30');
    await dialog.locator('#auth-reference').fill('HAB-2025-112');
    await dialog.getByRole('button', { name: t.officers.authorise.submit }).click();
    await expect(page.getByTestId('officer-notice')).toHaveText(t.officers.notice.authorised);
    const row = page.getByTestId('authorisation');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-current', 'true');
    await expect(row).toContainText(t.register.type.pistol);
    await expect(row).toContainText(new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(new Date(2030, 5, 30)));
    await expect(row.getByTestId('authorisation-state')).toHaveText(t.officers.dossier.current);
    await expect(page.getByTestId('officer-history').getByTestId('history-entry').first()).toContainText(t.officers.event.officer_authorised);

    // Back in the list, the current authorisation shows on the officer's line.
    await page.getByRole('button', { name: t.officers.dossier.back }).click();
    await search.fill('4098');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(t.register.type.pistol);
  });
}

test('a storekeeper registers and corrects officers but cannot authorise or change a status', async ({ app, gardienPage: page }) => {
  const seed = await seedCustody(app, { page });
  await signIn(page, STOREKEEPER);
  await openOfficers(page);
  await page.getByTestId('officers-search').fill(seed.unauthorised.serviceNumber);
  await page.getByTestId('officers-search').press('Enter');
  await expect(page.getByTestId('officer-dossier')).toBeVisible();
  await expect(page.getByTestId('officer-issue')).toBeVisible();
  await expect(page.getByTestId('officer-edit')).toBeVisible();
  await expect(page.getByTestId('authorise')).toHaveCount(0);
  await expect(page.getByTestId('officer-set-status')).toHaveCount(0);

  await page.getByTestId('officer-edit').click();
  await page.locator('#off-unit').fill('Brigade de Nioro');
  await page.getByTestId('officer-form').getByRole('button', { name: frOfficers.form.save }).click();
  await expect(page.getByTestId('officer-notice')).toHaveText(frOfficers.notice.updated);
  await expect(page.getByTestId('officer-facts')).toContainText('Brigade de Nioro');

  // Issue to this officer: the issue screen opens for them.
  await page.getByTestId('officer-issue').click();
  await expect(page.getByTestId('custody-tab-custodyIssue')).toHaveAttribute('aria-current', 'page');
});


const MINUTE = 60_000;

for (const language of ['fr', 'en'] as const) {
  const t = TEXT[language];

  timed(`an overdue weapon is signalled at sign-in and listed on the dashboard with how late (${language})`, async ({ app, offset, gardienPage: page }) => {
    const seed = await seedCustody(app, { language, signedIn: 'manager' });
    const expected = new Date(Date.now() + offset.ms + 30 * MINUTE);
    const voucher = await ok<VoucherView>(app, 'custody.issue', {
      kind: 'checkout',
      officerId: seed.authorised.id,
      weapons: [{ weaponId: seed.weapons.ak1.id, magazines: 2 }],
      duty: 'Patrouille du marché',
      expectedReturn: expected.toISOString(),
      acknowledgement: seed.authorised.serviceNumber,
    });
    await ok(app, 'auth.logout', {});

    // Two hours later (for core and for the page): an hour and a half late.
    offset.ms += 2 * 60 * MINUTE;
    await page.clock.setFixedTime(new Date(expected.getTime() + 90 * MINUTE));
    await page.reload();
    await signIn(page, STOREKEEPER);
    const banner = page.getByTestId('overdue-banner');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('overdue-banner-text')).toHaveText(msg(t.cases.banner.weapons_one, { n: 1 }));

    await banner.getByRole('button', { name: t.cases.banner.open }).click();
    const dashboard = page.getByTestId('custody-dashboard');
    await expect(dashboard.getByRole('heading', { level: 1, name: t.cases.dashboard.title })).toBeVisible();
    await expect(page.getByTestId('custody-count-overdue')).toContainText('1');
    await expect(page.getByTestId('custody-count-out')).toContainText('1');
    const row = page.getByTestId('overdue-table').getByTestId('out-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(seed.weapons.ak1.nationalCode);
    await expect(row).toContainText(seed.authorised.name);
    await expect(row).toContainText(seed.authorised.unit);
    await expect(row).toContainText(voucher.number);
    await expect(row.getByTestId('late')).toHaveText(msg(t.cases.out.lateBy, { duration: msg(t.cases.late.hours, { h: 1, m: 30 }) }));

    // The dashboard's own links: the weapon's officer opens their dossier, with the weapon out.
    await row.getByRole('button', { name: new RegExp(seed.authorised.name) }).click();
    await expect(page.getByTestId('officer-out').getByTestId('out-row')).toHaveCount(1);
    await expect(page.getByTestId('officer-out')).toContainText(voucher.number);
  });
}

timed('nothing overdue: no banner, and the dashboard says so', async ({ app, gardienPage: page }) => {
  const seed = await seedCustody(app, { signedIn: 'manager' });
  await ok(app, 'custody.issue', {
    kind: 'checkout',
    officerId: seed.authorised.id,
    weapons: [{ weaponId: seed.weapons.ak2.id, magazines: 1 }],
    duty: 'Garde du poste',
    expectedReturn: new Date(Date.now() + 4 * 60 * MINUTE).toISOString(),
    acknowledgement: seed.authorised.serviceNumber,
  });
  await ok(app, 'auth.logout', {});
  await page.reload();
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-custody').click();
  await expect(page.getByTestId('custody-dashboard')).toBeVisible();
  await expect(page.getByTestId('no-overdue')).toHaveText(frCases.dashboard.empty.overdue);
  await expect(page.getByTestId('custody-count-out')).toContainText('1');
  await expect(page.getByTestId('overdue-banner')).toHaveCount(0);
});
