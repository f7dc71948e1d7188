import type { AppStatus } from '../../src/shared/contract/app';
import { MANAGER, expect, must, prepareArmoury, signIn, test } from './helpers';

const locked = async (app: Parameters<typeof must>[0]) => (await must<AppStatus>(app, 'app.status', {})).session?.locked;

test('an idle session locks itself and its password unlocks it where the user left off', async ({ gardienPage: page, app }) => {
  await page.clock.install();
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();

  await page.clock.fastForward('16:00');
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  await expect(lock).toContainText(MANAGER.fullName);
  await expect(page.getByRole('navigation')).toBeHidden();
  expect(await locked(app)).toBe(true);

  await page.locator('#unlock-password').fill('pas-le-bon');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error-unlock-password')).toHaveText('Mot de passe incorrect.');
  expect(await locked(app)).toBe(true);

  await page.locator('#unlock-password').fill(MANAGER.password);
  await page.getByTestId('unlock-submit').click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  expect(await locked(app)).toBe(false);
});

test('keys, clicks and scrolling count as activity', async ({ gardienPage: page, app }) => {
  await page.clock.install();
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);

  await page.clock.fastForward('10:00');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('10:00');
  // Dispatched in the page, not through the compositor: a real wheel event may arrive after the
  // clock jump that follows and make the test race.
  await page.locator('body').dispatchEvent('wheel', { deltaY: 200 });
  await page.clock.fastForward('10:00');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  expect(await locked(app)).toBe(false);

  await page.clock.fastForward('16:00');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await locked(app)).toBe(true);
});

test('a call that finds the session locked brings the lock screen; signing out from it works', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  // Core locked the session on its own (e.g. the PC slept past the limit).
  await must(app, 'auth.lock', {});
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  await page.getByTestId('lock-signout').click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  expect((await must<AppStatus>(app, 'app.status', {})).session).toBeNull();
});

test('a call that finds no session brings the login screen with the reason', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  app.endSession();
  await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByTestId('login-notice')).toHaveText('Votre session est terminée. Reconnectez-vous.');
  await signIn(page, MANAGER);
  await expect(page.getByTestId('login-notice')).toHaveCount(0);
});
