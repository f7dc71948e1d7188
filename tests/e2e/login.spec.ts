import type { AppStatus } from '../../src/shared/contract/app';
import { MANAGER, expect, must, prepareArmoury, signIn, signOut, test } from './helpers';

test('a wrong password shows the translated error, then the right one signs in', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByTestId('login-armoury')).toContainText('Armurerie de Kayes');

  await page.locator('#login-username').fill(MANAGER.username);
  await page.locator('#login-password').fill('pas-le-bon');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Identifiant ou mot de passe incorrect.');
  // The password is cleared for the next try; the username stays.
  await expect(page.locator('#login-password')).toHaveValue('');
  await expect(page.locator('#login-username')).toHaveValue(MANAGER.username);
  expect((await must<AppStatus>(app, 'app.status', {})).session).toBeNull();

  await page.locator('#login-password').fill(MANAGER.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('signed-in-user')).toContainText(MANAGER.fullName);
  expect((await must<AppStatus>(app, 'app.status', {})).session).toMatchObject({ username: MANAGER.username, role: 'manager' });
});

test('an empty form is refused on its fields before reaching core', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('error-login-username')).toHaveText('Ce champ est obligatoire.');
  await expect(page.getByTestId('error-login-password')).toHaveText('Ce champ est obligatoire.');
});

test('signing out ends the session in core and returns to the login screen', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await signOut(page);
  expect((await must<AppStatus>(app, 'app.status', {})).session).toBeNull();
  const events = app.store?.s.sql("SELECT type FROM events WHERE type LIKE 'session.%' ORDER BY seq").all() as { type: string }[];
  expect(events.map((e) => e.type).slice(-2)).toEqual(['session.login', 'session.logout']);
});
