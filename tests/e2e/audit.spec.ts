import fr from '../../locales/fr/audit.json';
import frApp from '../../locales/fr/app.json';
import { MANAGER, STOREKEEPER, expect, must, prepareArmoury, signIn, signOut, test } from './helpers';
import { weaponInput } from './register-helpers';

const WRONG = 'mot-de-passe-faux-99';

test('the audit view lists a failed sign-in, the sign-in after it and a two-person action, in French', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page, { storekeeper: true, signedIn: true });
  const weapon = await must<{ id: number }>(app, 'weapons.register', weaponInput({ serial: 'AUD-7701' }));
  await must(app, 'auth.logout', {});
  await page.reload();

  // The storekeeper mistypes the password once, then signs in.
  await page.locator('#login-username').fill(STOREKEEPER.username);
  await page.locator('#login-password').fill(WRONG);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await signIn(page, STOREKEEPER);
  // No audit entry for a storekeeper, and core refuses the operation too.
  await expect(page.getByRole('navigation').getByRole('button', { name: frApp.nav.audit })).toHaveCount(0);
  const refused = await app.router.call('audit.list', { limit: 10 });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  // A two-person action: the storekeeper declares the weapon surplus, the manager confirms with her password.
  await must(app, 'weapons.declareSurplus', {
    weaponId: weapon.id, reason: 'Modèle réformé', approver: { username: MANAGER.username, password: MANAGER.password },
  });
  await signOut(page);

  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: frApp.nav.audit }).click();
  await expect(page.getByRole('heading', { name: fr.title })).toBeVisible();
  const rows = page.getByTestId('audit-row');

  const failed = rows.filter({ hasText: fr.failed });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(STOREKEEPER.fullName);
  await expect(failed).toContainText(`${fr.reason.wrong_password} ${fr.place.login}`);
  const ofType = (type: string) => page.locator(`[data-testid="audit-row"][data-type="${type}"]`);
  const storekeeperLogin = ofType('session.login').filter({ hasText: STOREKEEPER.fullName });
  await expect(storekeeperLogin).toHaveCount(1);
  await expect(storekeeperLogin.locator('td').nth(2)).toHaveText(fr.event.session.login);
  await expect(ofType('session.logout').filter({ hasText: STOREKEEPER.fullName }).locator('td').nth(2)).toHaveText(fr.event.session.logout);
  const surplus = rows.filter({ hasText: fr.event.weapon.surplus_declared });
  await expect(surplus).toHaveCount(1);
  await expect(surplus.locator('td').nth(1)).toContainText(STOREKEEPER.fullName);
  await expect(surplus.locator('td').nth(3)).toContainText(MANAGER.fullName);
  expect(await page.content()).not.toContain(WRONG);

  // Newest first: the manager's own sign-in heads the list, the failed attempt comes after the action.
  await expect(rows.first()).toHaveAttribute('data-type', 'session.login');
  await expect(rows.first()).toContainText(MANAGER.fullName);

  // Filters: two-person actions only, then failed sign-ins only.
  await page.getByTestId('audit-kind').selectOption({ label: fr.kind.two_person });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(fr.event.weapon.surplus_declared);
  await page.getByTestId('audit-kind').selectOption({ label: fr.kind.failed_logins });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(fr.failed);
  await page.getByTestId('audit-kind').selectOption({ label: fr.filter.kindAll });
  await page.getByTestId('audit-user').selectOption({ label: `${STOREKEEPER.fullName} (${STOREKEEPER.username})` });
  await expect(rows.filter({ hasText: MANAGER.fullName })).toHaveCount(1); // only as the surplus's second person
  await expect(ofType('session.login').filter({ hasText: MANAGER.fullName })).toHaveCount(0);

  // The link opens the weapon's dossier.
  await page.getByTestId('audit-kind').selectOption({ label: fr.kind.two_person });
  await rows.first().getByTestId('audit-link').click();
  await expect(page.getByTestId('dossier')).toContainText('AUD-7701');
});

test('the audit view pages from the newest to the oldest', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page, { storekeeper: true });
  // 40 failed attempts and 40 sign-ins: more than one page (50 lines).
  for (let i = 0; i < 40; i++) {
    await app.router.call('auth.login', { username: STOREKEEPER.username, password: WRONG });
    await must(app, 'auth.login', { username: STOREKEEPER.username, password: STOREKEEPER.password });
  }
  await must(app, 'auth.logout', {});
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: frApp.nav.audit }).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(50);
  const keys = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
  const first = await keys();
  await page.getByTestId('audit-older').click();
  // 40 + 40, the setup's sign-in and sign-out, the storekeeper's last sign-out and the manager's
  // sign-in now: 84 lines, 34 on the second and last page.
  await expect(rows).toHaveCount(34);
  const second = await keys();
  await expect(page.getByTestId('audit-older')).toBeDisabled();
  const all = [...first, ...second];
  expect(new Set(all).size).toBe(84);
  const times = all.map((k) => k.split('|')[0] ?? '');
  expect(times).toEqual([...times].sort().reverse());
  await page.getByRole('button', { name: fr.pager.newer }).click();
  await expect(rows.first()).toHaveAttribute('data-key', first[0] ?? '');
  await expect(rows).toHaveCount(50);
});
