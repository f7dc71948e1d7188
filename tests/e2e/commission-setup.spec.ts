import en from '../../locales/en/commission.json';
import fr from '../../locales/fr/commission.json';
import enEnums from '../../locales/en/enums.json';
import frEnums from '../../locales/fr/enums.json';
import frFields from '../../locales/fr/fieldErrors.json';
import frSetup from '../../locales/fr/setup.json';
import type { AppStatus } from '../../src/shared/contract/app';
import { COMMISSION, COMMISSION_MANAGER } from './commission-data';
import { expect, must, signIn, signOut, test } from './helpers';

test('first run: "national commission" creates the commission and lands on its screens', async ({ gardienPage: page, app }) => {
  await expect(page.getByRole('heading', { name: frSetup.welcome.title })).toBeVisible();
  await page.getByTestId('setup-choose-commission').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(frSetup.commission.title);

  await page.locator('#commission-code').fill('ml cnca');
  await page.locator('#commission-name').fill(COMMISSION.name);
  await page.locator('#manager-username').fill(COMMISSION_MANAGER.username);
  await page.locator('#manager-fullName').fill(COMMISSION_MANAGER.fullName);
  await page.locator('#manager-password').fill(COMMISSION_MANAGER.password);
  await page.locator('#manager-passwordConfirm').fill(`${COMMISSION_MANAGER.password}x`);
  await page.getByTestId('setup-commission-submit').click();
  // The contract's schema, on the fields, in French; nothing reached core.
  await expect(page.getByTestId('error-commission-code')).toBeVisible();
  await expect(page.getByTestId('error-manager-passwordConfirm')).toHaveText(frFields.passwords_differ);
  expect(app.store).toBeNull();

  await page.locator('#commission-code').fill('ml-cnca');
  await page.locator('#manager-passwordConfirm').fill(COMMISSION_MANAGER.password);
  await page.getByTestId('setup-commission-submit').click();

  await expect(page.getByTestId('commission-shell')).toBeVisible();
  const identity = page.getByTestId('armoury-identity');
  await expect(identity).toContainText(COMMISSION.name);
  await expect(identity).toContainText(COMMISSION.code);
  await expect(page.getByTestId('commission-badge')).toHaveText(fr.shell.badge);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.armouries.title);
  // The commission's menu, not an armoury's.
  const nav = page.getByRole('navigation');
  for (const item of ['armouries', 'imports', 'register', 'alerts', 'users', 'settings', 'account'] as const) {
    await expect(nav.getByTestId(`nav-${item}`)).toHaveText(fr.shell.nav[item]);
  }
  await expect(page.getByTestId('nav-custody')).toHaveCount(0);
  // Its manager runs the national register, not an armoury.
  await expect(page.getByTestId('signed-in-user')).toContainText(frEnums.role.manager_commission);

  const status = await must<AppStatus>(app, 'app.status', {});
  expect(status).toMatchObject({ state: 'ready', kind: 'commission', database: 'commission', armoury: { code: COMMISSION.code, name: COMMISSION.name } });
  expect(status.session).toMatchObject({ username: COMMISSION_MANAGER.username, role: 'manager' });

  // Settings: the alert thresholds, changed by the manager.
  await page.getByTestId('nav-settings').click();
  await expect(page.locator('#cm-transfer-days')).toHaveValue('30');
  await expect(page.locator('#cm-silent-days')).toHaveValue('45');
  await page.locator('#cm-silent-days').fill('20');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  expect((await must<{ silentArmouryDays: number }>(app, 'settings.get', {})).silentArmouryDays).toBe(20);

  // In English, after signing out and in again: the commission's screens again.
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await signOut(page);
  await expect(page.getByTestId('login-armoury')).toContainText(COMMISSION.name);
  await signIn(page, COMMISSION_MANAGER);
  await expect(page.getByTestId('commission-shell')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.armouries.title);
  await expect(page.getByRole('navigation').getByTestId('nav-register')).toHaveText(en.shell.nav.register);
  await expect(page.getByTestId('signed-in-user')).toContainText(enEnums.role.manager_commission);
});
