import { existsSync, readFileSync } from 'node:fs';
import type { AppStatus } from '../../src/shared/contract/app';
import type { UserRow } from '../../src/shared/domain/accounts';
import { expect, futureTest, must, test, userVersion } from './helpers';

test('first run: creating the armoury checks the form and signs the first manager in', async ({ gardienPage: page, app }) => {
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Gardien' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer l’armurerie' }).click();

  await page.locator('#armoury-code').fill('ml kys');
  await page.locator('#armoury-name').fill('Armurerie de Kayes');
  await page.locator('#armoury-agency').selectOption('gendarmerie');
  await page.locator('#armoury-region').fill('Kayes');
  await page.locator('#manager-username').fill('a.traore');
  await page.locator('#manager-fullName').fill('Aminata Traoré');
  await page.locator('#manager-password').fill('garde-du-depot-2024');
  await page.locator('#manager-passwordConfirm').fill('garde-du-depot-2025');
  await page.getByTestId('setup-submit').click();

  // The contract's schema, in French, on the fields themselves; nothing reached core.
  await expect(page.getByTestId('error-armoury-code')).toHaveText(/lettres de A à Z/);
  await expect(page.getByTestId('error-manager-passwordConfirm')).toHaveText('Les deux mots de passe ne sont pas identiques.');
  expect(app.store).toBeNull();

  await page.locator('#armoury-code').fill('ml-kys-02');
  await page.locator('#manager-passwordConfirm').fill('garde-du-depot-2024');
  await page.getByTestId('setup-submit').click();

  const identity = page.getByTestId('armoury-identity');
  await expect(identity).toContainText('Armurerie de Kayes');
  await expect(identity).toContainText('ML-KYS-02');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(page.getByTestId('signed-in-user')).toContainText('Aminata Traoré');
  await expect(page.getByTestId('signed-in-user')).toContainText('Chef d’armurerie');

  const status = await must<AppStatus>(app, 'app.status', {});
  expect(status.state).toBe('ready');
  expect(status.database).toBe('armoury');
  expect(status.armoury).toMatchObject({ code: 'ML-KYS-02', agency: 'gendarmerie', region: 'Kayes', language: 'fr' });
  expect(status.session).toMatchObject({ username: 'a.traore', role: 'manager', locked: false });
  const users = await must<UserRow[]>(app, 'users.list', {});
  expect(users.map((u) => [u.username, u.role, u.active])).toEqual([['a.traore', 'manager', true]]);
});

test('the demo armoury opens from the first screen, shows its accounts and can be left', async ({ gardienPage: page, app }) => {
  await page.getByRole('button', { name: 'Ouvrir l’armurerie de démonstration' }).click();
  await expect(page.getByTestId('demo-accounts')).toBeVisible({ timeout: 30_000 });
  expect(app.kind).toBe('demo');

  await page.getByTestId('demo-use-chef').click();
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('demo-badge')).toHaveText('DÉMO');
  expect((await must<AppStatus>(app, 'app.status', {})).session?.username).toBe('chef');

  await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByTestId('leave-demo').click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Gardien' })).toBeVisible();
  const status = await must<AppStatus>(app, 'app.status', {});
  expect(status.state).toBe('setup');
  expect(status.armouryExists).toBe(false);
});

futureTest('a database from a newer Gardien shows a clear error screen and nothing to delete', async ({ gardienPage: page, app, futureBytes }) => {
  const screen = page.getByTestId('startup-error');
  await expect(screen.getByRole('heading')).toHaveText('Cette armurerie nécessite une version plus récente de Gardien');
  await expect(screen.getByRole('alert')).toContainText('version de la base : 99');
  await expect(screen.getByRole('alert')).toContainText('Installez la version plus récente de Gardien');
  await expect(page.getByTestId('startup-error-safe')).toContainText('Rien n’a été modifié ni supprimé');
  await expect(page.locator('#error-details')).toHaveValue(/code: database_from_future\nfound: 99/);

  // Never a way to delete or recreate the register from here.
  await expect(page.getByRole('button', { name: /supprim|effac|recré|réinitialis|delete|erase|reset/i })).toHaveCount(0);

  await page.getByTestId('copy-details').click();
  await expect(page.getByRole('status')).toHaveText('Copié. Collez-le dans votre message au support technique.');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(screen.getByRole('heading')).toHaveText('Cette armurerie nécessite une version plus récente de Gardien');

  // The language switch works here too.
  await page.getByTestId('language-en').click();
  await expect(screen.getByRole('heading')).toHaveText('This armoury needs a newer version of Gardien');

  expect(app.store).toBeNull();
  expect(existsSync(app.path('armoury'))).toBe(true);
  expect(userVersion(app.path('armoury'))).toBe(99);
  expect(readFileSync(app.path('armoury')).equals(futureBytes)).toBe(true);
});
