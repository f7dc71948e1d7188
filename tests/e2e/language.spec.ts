import type { AppStatus } from '../../src/shared/contract/app';
import { MANAGER, expect, must, prepareArmoury, signIn, signOut, test } from './helpers';

test('the language switch changes every screen at once and is remembered for the user', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'Registre des armes' })).toBeVisible();
  await nav.getByRole('button', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Verrouillage automatique' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByTestId('language-en').click();
  await expect(nav.getByRole('button', { name: 'Weapons register' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Automatic lock' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('Armoury manager');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Verrouillage automatique')).toHaveCount(0);
  expect((await must<AppStatus>(app, 'app.status', {})).session?.language).toBe('en');

  // After sign-out the PC keeps English; switching the login screen back to French does not
  // change the user's own choice, which core restores at sign-in.
  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByTestId('language-fr').click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await signIn(page, MANAGER);
  await expect(nav.getByRole('button', { name: 'Weapons register' })).toBeVisible();

  // And back to French from My account.
  await nav.getByRole('button', { name: 'My account' }).click();
  await page.getByLabel('Display language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible();
  expect((await must<AppStatus>(app, 'app.status', {})).session?.language).toBe('fr');
});

test('before sign-in the first-run screen switches language and keeps it after a reload', async ({ gardienPage: page }) => {
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Gardien' })).toBeVisible();
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'Welcome to Gardien' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the demo armoury' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Gardien' })).toBeVisible();
  await expect(page.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
});

test('dates and numbers follow the language', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  const created = page.getByTestId(`user-row-${MANAGER.username}`).locator('td').nth(4);
  const year = String(new Date().getFullYear());
  await expect(created).toContainText(year);
  const french = await created.textContent();
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(created).not.toHaveText(french ?? '');
  await expect(created).toContainText(year);
});
