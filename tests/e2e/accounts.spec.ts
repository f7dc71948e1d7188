import type { AppStatus } from '../../src/shared/contract/app';
import type { UserRow } from '../../src/shared/domain/accounts';
import { MANAGER, STOREKEEPER, expect, must, prepareArmoury, signIn, signOut, test } from './helpers';

const users = (app: Parameters<typeof must>[0]) => must<UserRow[]>(app, 'users.list', {});

test('a manager creates a storekeeper, who signs in and does not see Users', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Utilisateurs' }).click();
  await page.getByTestId('user-create').click();

  const dialog = page.getByTestId('dialog-create-user');
  await expect(dialog.getByRole('heading', { name: 'Nouvel utilisateur' })).toBeVisible();
  await dialog.locator('#user-username').fill(MANAGER.username);
  await dialog.locator('#user-fullName').fill(STOREKEEPER.fullName);
  await dialog.locator('#user-role').selectOption('storekeeper');
  await dialog.locator('#user-password').fill(STOREKEEPER.password);
  await dialog.locator('#user-passwordConfirm').fill(STOREKEEPER.password);
  await dialog.getByTestId('dialog-submit').click();
  // Core's refusal lands on the field, in French.
  await expect(dialog.getByTestId('error-user-username')).toHaveText('Cet identifiant est déjà utilisé.');

  await dialog.locator('#user-username').fill(STOREKEEPER.username);
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('users-done')).toHaveText(`Compte ${STOREKEEPER.username} créé.`);
  const row = page.getByTestId(`user-row-${STOREKEEPER.username}`);
  await expect(row).toContainText(STOREKEEPER.fullName);
  await expect(row).toContainText('Magasinier');
  await expect(page.getByTestId('users-summary')).toHaveText('2 comptes actifs');
  expect((await users(app)).find((u) => u.username === STOREKEEPER.username)).toMatchObject({ role: 'storekeeper', active: true });

  await signOut(page);
  await signIn(page, STOREKEEPER);
  await expect(page.getByTestId('signed-in-user')).toContainText('Magasinier');
  await expect(nav.getByRole('button', { name: 'Nouvelle arme' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Utilisateurs' })).toHaveCount(0);
  expect((await must<AppStatus>(app, 'app.status', {})).session?.role).toBe('storekeeper');
  // Core refuses it too, whatever the UI shows.
  expect((await app.router.call('users.list', {})).ok).toBe(false);
});

test('the last manager keeps the role: the translated refusal lands on the field', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  await page.getByTestId(`user-row-${MANAGER.username}`).getByRole('button', { name: 'Changer le rôle' }).click();
  const dialog = page.getByTestId('dialog-role');
  await dialog.locator('#user-role').selectOption('storekeeper');
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog.getByTestId('error-user-role')).toHaveText('L’armurerie doit garder au moins un chef d’armurerie actif.');
  expect((await users(app))[0]).toMatchObject({ username: MANAGER.username, role: 'manager', active: true });
  // No way to disable oneself, and never a delete.
  const row = page.getByTestId(`user-row-${MANAGER.username}`);
  await expect(row.getByRole('button', { name: 'Désactiver' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /supprim|delete/i })).toHaveCount(0);
});

test('a manager who gives up the role (another manager remains) loses Users at once', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page, { signedIn: true });
  await must(app, 'users.create', { username: 'i.diallo', fullName: 'Ibrahim Diallo', role: 'manager', password: 'second-chef-2024' });
  await page.reload();
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Utilisateurs' }).click();
  await page.getByTestId(`user-row-${MANAGER.username}`).getByRole('button', { name: 'Changer le rôle' }).click();
  await page.getByTestId('dialog-role').locator('#user-role').selectOption('auditor');
  await page.getByTestId('dialog-role').getByTestId('dialog-submit').click();
  await expect(nav.getByRole('button', { name: 'Utilisateurs' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Nouvelle arme' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Registre des armes' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('signed-in-user')).toContainText('Inspecteur');
  expect((await must<AppStatus>(app, 'app.status', {})).session?.role).toBe('auditor');
});

test('disable with a reason, refused sign-in, enable again, reset password', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page, { storekeeper: true });
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  const row = page.getByTestId(`user-row-${STOREKEEPER.username}`);

  await row.getByRole('button', { name: 'Désactiver' }).click();
  const dialog = page.getByTestId('dialog-disable');
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog.getByTestId('error-user-reason')).toHaveText('Ce champ est obligatoire.');
  await dialog.locator('#user-reason').fill('Muté à Sikasso');
  await dialog.getByTestId('dialog-submit').click();
  await expect(row).toContainText('Désactivé');
  await expect(page.getByTestId('users-summary')).toHaveText('1 compte actif · 1 désactivé');
  const disabled = app.store?.s.sql("SELECT body FROM events WHERE type = 'user.disabled'").get() as { body: Buffer };
  expect(JSON.parse(disabled.body.toString()).data).toMatchObject({ reason: 'Muté à Sikasso' });

  await signOut(page);
  await page.locator('#login-username').fill(STOREKEEPER.username);
  await page.locator('#login-password').fill(STOREKEEPER.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Ce compte a été désactivé. Adressez-vous à un chef d’armurerie.');

  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Utilisateurs' }).click();
  await row.getByRole('button', { name: 'Réactiver' }).click();
  await expect(row).toContainText('Actif');
  await row.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  const reset = page.getByTestId('dialog-reset');
  await reset.locator('#user-password').fill('nouveau-depart-2025');
  await reset.locator('#user-passwordConfirm').fill('nouveau-depart-2025');
  await reset.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('users-done')).toHaveText(`Nouveau mot de passe défini pour ${STOREKEEPER.username}.`);
  expect((await users(app)).find((u) => u.username === STOREKEEPER.username)?.active).toBe(true);

  await signOut(page);
  await signIn(page, { username: STOREKEEPER.username, password: 'nouveau-depart-2025' });
});

test('My account: a wrong current password lands on its field, then the password changes', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Mon compte' }).click();
  await page.locator('#password-current').fill('pas-le-bon');
  await page.locator('#password-next').fill('une-autre-phrase-2025');
  await page.locator('#password-confirm').fill('une-autre-phrase-2025');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('error-password-current')).toHaveText('Mot de passe incorrect.');

  await page.locator('#password-current').fill(MANAGER.password);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-changed')).toBeVisible();
  await signOut(page);
  await signIn(page, { username: MANAGER.username, password: 'une-autre-phrase-2025' });
});

test('Settings: managers set the idle lock, others read it; the journal head is the fingerprint', async ({ gardienPage: page, app }) => {
  await prepareArmoury(app, page, { storekeeper: true });
  await signIn(page, MANAGER);
  await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
  const head = app.store?.journal.getHead();
  await expect(page.getByTestId('journal-seq')).toHaveText(String(head?.seq));
  await expect(page.getByTestId('journal-hash')).toHaveText(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
  expect((await page.getByTestId('journal-hash').textContent())?.replaceAll(' ', '')).toBe(head?.hash);

  await page.locator('#settings-idle').fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('error-settings-idle')).toHaveText('La valeur minimale est 1.');
  await page.locator('#settings-idle').fill('5');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  expect(app.settings().idleLockMinutes).toBe(5);
  expect((await must<AppStatus>(app, 'app.status', {})).session?.idleLockMinutes).toBe(5);

  await signOut(page);
  await signIn(page, STOREKEEPER);
  await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
  await expect(page.getByTestId('settings-idle-readonly')).toContainText('La session se verrouille après 5 minutes sans activité.');
  await expect(page.locator('#settings-idle')).toHaveCount(0);
});
