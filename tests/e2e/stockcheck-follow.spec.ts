import enAmmo from '../../locales/en/ammunition.json';
import enCases from '../../locales/en/cases.json';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import enCheck from '../../locales/en/stockcheck.json';
import frAmmo from '../../locales/fr/ammunition.json';
import frCases from '../../locales/fr/cases.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import frCheck from '../../locales/fr/stockcheck.json';
import type { LotDossier } from '../../src/shared/contract/ammunition';
import type { CaseDossier } from '../../src/shared/contract/custody';
import type { Settings } from '../../src/shared/domain/accounts';
import { msg } from './ammunition-helpers';
import { expect, test, timedTest } from './fixtures';
import { signIn } from './helpers';
import { BALL, closedCheck, MANAGER, ok, seedChecks, STOREKEEPER } from './stockcheck-helpers';

const DAY = 86_400_000;

for (const lang of ['fr', 'en'] as const) {
  const t = lang === 'fr' ? frCheck : enCheck;
  const cases = lang === 'fr' ? frCases : enCases;
  const ammo = lang === 'fr' ? frAmmo : enAmmo;
  const fe = lang === 'fr' ? frFieldErrors : enFieldErrors;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');

  test(`${lang}: a lot counted short is adjusted in the book by two people, then its case is closed as adjusted`, async ({ app, gardienPage: page }) => {
    const seed = await seedChecks(app, { language: lang });
    const report = await closedCheck(app, seed);
    const lotCase = report.cases.find((c) => c.subject === 'rounds');
    if (!lotCase) throw new Error('no case for the lot');
    await page.reload();
    await signIn(page, STOREKEEPER);

    // From the check's report to the lot's case.
    await page.getByTestId('nav-stockChecks').click();
    await page.locator(`[data-testid="check-row"][data-check="${report.check.id}"]`).getByTestId('check-open').click();
    await page.locator(`[data-testid="report-lot"][data-lot="${seed.ball}"]`).getByTestId('report-case-link').click();
    await expect(page.getByTestId('case-dossier')).toBeVisible();
    await expect(page.getByTestId('case-quantity')).toContainText(BALL.lotNumber);
    // What the count found, from the case's own fields, in the chosen language.
    const rounds = (n: number) => msg(cases.qty.rounds_other, { n: number.format(n) });
    await expect(page.getByTestId('case-check')).toHaveText(msg(cases.checkNumber, { id: report.check.id }));
    await expect(page.getByTestId('case-place')).toHaveText(`${seed.store.code} ${BALL.bay}`);
    await expect(page.getByTestId('case-book')).toHaveText(rounds(BALL.quantity));
    await expect(page.getByTestId('case-counted')).toHaveText(rounds(BALL.quantity - 50));
    await expect(page.getByTestId('case-note')).toHaveCount(0);
    await expect(page.getByTestId('case-history')).not.toContainText(/shortage|book \d/);

    // Not closed as adjusted before the book is.
    await page.getByTestId('case-close').click();
    const close = page.getByTestId('close-case-dialog');
    await expect(close.locator('#close-outcome option')).toHaveText([cases.close.choose, cases.outcome.found, cases.outcome.adjusted]);
    await close.locator('#close-outcome').selectOption('adjusted');
    await expect(close.getByTestId('close-effect')).toHaveText(cases.effect.rounds.adjusted);
    await close.locator('#close-explanation').fill('Cartouches comptées deux fois au dernier mouvement ; compte rectifié.');
    await close.locator('#approver-username').fill(MANAGER.username);
    await close.locator('#approver-password').fill(MANAGER.password);
    await close.getByRole('button', { name: cases.close.submit }).click();
    await expect(close.getByTestId('error-close-outcome')).toHaveText(fe.case_not_adjusted);
    await close.getByRole('button', { name: cases.common.cancel }).click();

    // The adjustment, prefilled from the count: the place counted, a decrease of the difference.
    await page.getByTestId('case-adjust').click();
    const dialog = page.getByTestId('case-adjust-dialog');
    await expect(dialog.locator('#dest-store')).toHaveValue(String(seed.store.id));
    await expect(dialog.locator('#dest-bay')).toHaveValue(BALL.bay);
    await expect(dialog.getByTestId('direction-decrease')).toBeChecked();
    await expect(dialog.getByTestId('qty-rounds')).toHaveValue('50');
    await dialog.locator('#adjust-reason').fill('Recomptage confirmé : 50 cartouches manquantes');
    // The second person is needed: the storekeeper alone is refused on the field.
    await dialog.getByRole('button', { name: ammo.action.confirmTwoPerson }).click();
    await expect(dialog.getByTestId('error-approver-username')).toHaveText(fe.required);
    await dialog.locator('#approver-username').fill(MANAGER.username);
    await dialog.locator('#approver-password').fill(MANAGER.password);
    await dialog.getByRole('button', { name: ammo.action.confirmTwoPerson }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('case-notice')).toHaveText(cases.notice.adjusted);
    const lot = await ok<LotDossier>(app, 'lots.get', { id: seed.ball });
    expect(lot.balances.filter((b) => b.bay === BALL.bay).reduce((n, b) => n + b.quantity, 0)).toBe(BALL.quantity - 50);
    const adjusted = lot.card.filter((l) => l.type === 'ammo.adjusted');
    expect(adjusted.map((l) => l.change)).toEqual([-50]);
    expect(adjusted[0]?.approver?.username).toBe(MANAGER.username);
    // The adjustment names its case.
    expect(adjusted[0]?.data.caseId).toBe(lotCase.id);

    // The case's history shows the adjustment; then it closes as adjusted, with a manager's approval.
    const entry = page.locator('[data-testid="history-entry"][data-type="ammo.adjusted"]');
    await expect(entry).toContainText(cases.event.ammo_adjusted);
    await expect(entry).toContainText(msg(cases.eventDetail.adjusted, { delta: '−50' }));
    await page.getByTestId('case-close').click();
    await close.locator('#close-outcome').selectOption('adjusted');
    await close.locator('#close-explanation').fill('Cartouches comptées deux fois au dernier mouvement ; compte rectifié.');
    await close.locator('#approver-username').fill(MANAGER.username);
    await close.locator('#approver-password').fill(MANAGER.password);
    await close.getByRole('button', { name: cases.close.submit }).click();
    await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'closed');
    await expect(page.getByTestId('case-outcome')).toHaveText(cases.outcome.adjusted);
    const dossier = await ok<CaseDossier>(app, 'cases.get', { id: lotCase.id });
    expect(dossier.case).toMatchObject({ status: 'closed', outcome: 'adjusted' });
  });

  timedTest(`${lang}: overdue checks are said on the dashboards until the schedule settings move them`, async ({ app, offset, gardienPage: page }) => {
    await seedChecks(app, { language: lang });
    // A hundred days later: no full inventory (every 3 months) nor spot check (every 30 days) since the armoury began.
    offset.ms = 100 * DAY;
    await page.reload();
    await signIn(page, MANAGER);
    await page.getByTestId('nav-custody').click();
    await expect(page.getByTestId('custody-dashboard').getByTestId('overdue-full')).toBeVisible();
    await expect(page.getByTestId('custody-dashboard').getByTestId('overdue-spot')).toBeVisible();
    await page.getByTestId('nav-ammunition').click();
    await expect(page.getByTestId('ammo-dashboard').getByTestId('overdue-full')).toBeVisible();
    await page.getByTestId('overdue-checks-open').click();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByTestId('schedule-overdue')).toBeVisible();
    await expect(page.getByTestId('schedule-full')).toHaveAttribute('data-overdue', 'true');
    await expect(page.getByTestId('schedule-spot')).toHaveAttribute('data-overdue', 'true');

    // The manager sets the periods; values out of range are refused on their field.
    await page.getByTestId('nav-settings').click();
    const months = page.locator('#settings-full-months');
    const days = page.locator('#settings-spot-days');
    await expect(months).toHaveValue('3');
    await expect(days).toHaveValue('30');
    await months.fill('0');
    await days.fill('400');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('error-settings-full-months')).toHaveText(msg(fe.too_small, { min: 1 }));
    await expect(page.getByTestId('error-settings-spot-days')).toHaveText(msg(fe.too_big, { max: 365 }));
    await months.fill('6');
    await days.fill('120');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(await ok<Settings>(app, 'settings.get', {})).toMatchObject({ fullInventoryMonths: 6, spotCheckDays: 120 });

    // Nothing is overdue any more.
    await page.getByTestId('nav-custody').click();
    await expect(page.getByTestId('custody-dashboard')).toBeVisible();
    await expect(page.getByTestId('overdue-checks')).toHaveCount(0);
    await page.getByTestId('nav-stockChecks').click();
    await expect(page.getByTestId('schedule-full')).toHaveAttribute('data-overdue', 'false');
    await expect(page.getByTestId('schedule-overdue')).toHaveCount(0);
  });
}

test('en: the scopes of a check: a weapons check finds a weapon the book put elsewhere, a store check and a spot check count what they hold', async ({ app, gardienPage: page }) => {
  const t = enCheck;
  const seed = await seedChecks(app, { language: 'en', page });
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-stockChecks').click();

  // Weapons only: the rifle the book says is at the workshop is scanned on the shelf.
  await page.getByTestId('check-start').click();
  await page.getByTestId('scope-weapons').check();
  await page.getByTestId('start-check-dialog').getByRole('button', { name: t.start.submit }).click();
  await expect(page.getByTestId('stockCheck-screen')).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('progress-total')).toHaveText(msg(t.common.progress, { counted: 0, total: 5 }));
  await expect(page.getByTestId('sheet-lots')).toHaveCount(0);
  await page.getByTestId('handover-scan').fill(seed.away.serial);
  await page.getByTestId('handover-scan').press('Enter');
  await expect(page.getByTestId('handover-last-scan')).toHaveAttribute('data-kind', 'unexpected');
  await expect(page.getByTestId('sheet-note')).toHaveText(t.sheet.foundRecorded);
  // A tick counts too, and cannot be taken back.
  const tick = page.locator(`[data-testid="handover-tick"][data-weapon="${seed.weapons.pa1.id}"]`);
  await tick.check();
  await expect(tick).toBeChecked();
  await tick.click();
  await expect(tick).toBeChecked();
  await expect(page.getByTestId('sheet-note')).toHaveText(t.sheet.noUncount);
  await expect(page.getByTestId('sheet-saved')).toHaveAttribute('data-state', 'saved');
  const weaponsCheck = Number(await page.getByTestId('stockCheck-screen').getAttribute('data-check'));
  await ok(app, 'stockchecks.close', { checkId: weaponsCheck, witness: { username: MANAGER.username, password: MANAGER.password }, note: '' });
  await page.getByTestId('check-back').click();
  await page.locator(`[data-testid="check-row"][data-check="${weaponsCheck}"]`).getByTestId('check-open').click();
  await expect(page.getByTestId('report-unexpected')).toContainText(seed.away.serial);
  await expect(page.getByTestId('total-weaponsMissing')).toHaveText('4');

  // One store: its lots only, chosen in the dialog (required).
  await page.getByTestId('check-back').click();
  await page.getByTestId('check-start').click();
  const start = page.getByTestId('start-check-dialog');
  await page.getByTestId('scope-store').check();
  await start.getByRole('button', { name: t.start.submit }).click();
  await expect(start.getByTestId('error-start-store')).toBeVisible();
  await start.locator('#start-store').selectOption(String(seed.store.id));
  await start.getByRole('button', { name: t.start.submit }).click();
  await expect(page.getByTestId('stockCheck-screen')).toHaveAttribute('data-status', 'open');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(msg(t.scopeOf.store, { store: seed.store.code }));
  await expect(page.getByTestId('lot-line')).toHaveCount(2);
  await expect(page.getByTestId('sheet-weapons')).toHaveCount(0);

  // A spot check of three items drawn at random among 5 weapons and 2 lot places.
  await page.getByTestId('check-back').click();
  await page.getByTestId('check-start').click();
  await page.getByTestId('scope-spot').check();
  await expect(start.locator('#start-spot')).toHaveValue('20');
  await start.locator('#start-spot').fill('501');
  await start.getByRole('button', { name: t.start.submit }).click();
  await expect(start.getByTestId('error-start-spot')).toBeVisible();
  await start.locator('#start-spot').fill('3');
  await start.getByRole('button', { name: t.start.submit }).click();
  await expect(page.getByTestId('stockCheck-screen')).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('progress-total')).toHaveText(msg(t.common.progress, { counted: 0, total: 3 }));
});
