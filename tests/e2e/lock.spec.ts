import type { AppStatus } from '../../src/shared/contract/app';
import frErrors from '../../locales/fr/errors.json';
import { timedTest } from './fixtures';
import { MANAGER, expect, must, prepareArmoury, signIn, test } from './helpers';
import { fr, weaponInput } from './register-helpers';

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

test('a locked session leaves nothing of the screen in the page, and reopens it afresh after unlock', async ({ gardienPage: page, app }) => {
  await page.clock.install();
  await prepareArmoury(app, page, { signedIn: true });
  const weapon = weaponInput({ serial: 'LOCK-SERIAL-4711', nationalCode: 'ML-PN-LOCK-01' });
  await must(app, 'weapons.register', weapon);
  const officer = { serviceNumber: 'MLP-LOCK-1', name: 'Sergent Sanogo Verrou', rank: 'Sergent', unit: 'CSP Kati', agency: 'police' };
  await must(app, 'officers.register', officer);
  await must(app, 'auth.logout', {});
  await page.reload();
  await signIn(page, MANAGER);

  await page.getByLabel(fr.search.label).fill(weapon.nationalCode);
  await page.getByLabel(fr.search.label).press('Enter');
  await expect(page.getByTestId('dossier')).toContainText(weapon.serial);

  await page.clock.fastForward('16:00');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  // Not hidden under an overlay: gone from the DOM, text and markup alike.
  expect(await page.locator('body').innerText()).not.toContain(weapon.serial);
  const html = await page.content();
  for (const secret of [weapon.serial, weapon.nationalCode]) expect(html).not.toContain(secret);
  await expect(page.getByTestId('dossier')).toHaveCount(0);

  // A record changed meanwhile (by core, as another instance would): the reopened screen shows it.
  await must(app, 'auth.unlock', { password: MANAGER.password });
  const moved = 'Magasin 2 / Râtelier C / 9';
  const id = (await must<{ id: number }[]>(app, 'weapons.lookup', { code: weapon.nationalCode }))[0]?.id ?? 0;
  await must(app, 'weapons.move', { weaponId: id, location: moved, reason: 'Rangement' });
  await must(app, 'auth.lock', {});

  await page.locator('#unlock-password').fill(MANAGER.password);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('dossier')).toContainText(weapon.serial);
  await expect(page.getByTestId('dossier')).toContainText(moved);

  // The personnel register too: an officer's name leaves the page when it locks.
  await page.getByRole('navigation').getByRole('button', { name: 'Perception / réintégration' }).click();
  await page.getByTestId('custody-tab-officers').click();
  await expect(page.getByText(officer.name)).toBeVisible();
  await page.clock.fastForward('16:00');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await page.content()).not.toContain(officer.name);
  await page.locator('#unlock-password').fill(MANAGER.password);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByText(officer.name)).toBeVisible();
});

timedTest('twelve hours after the login the session ends: the next action brings the login screen with the reason', async ({ gardienPage: page, app, offset }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();

  // Core's clock moves 12 hours on (the page's does not: the idle lock plays no part here).
  offset.ms += 12 * 3_600_000;
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByTestId('login-notice')).toHaveText(frErrors.auth_expired);
  expect((await must<AppStatus>(app, 'app.status', {})).session).toBeNull();
  await signIn(page, MANAGER);
  await expect(page.getByTestId('login-notice')).toHaveCount(0);
});
