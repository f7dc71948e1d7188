import type { GardienApp } from '../../src/main/core/app';
import type { AmmoDashboard, LotDossier } from '../../src/shared/contract/ammunition';
import { expect, test } from './fixtures';
import { createStore, dossier, en, fr, frErrors, msg, ok, openAmmo, openLot, receiveLot, today } from './ammunition-helpers';
import { signIn } from './helpers';
import { MANAGER, setUpArmoury } from './register-helpers';

const AUDITOR = { username: 'inspecteur', fullName: 'Fatoumata Diallo', password: 'controle-2024-ok' };
const KEEPER = { username: 'magasinier', fullName: 'Moussa Keïta', password: 'magasin-nord-77' };

/** A store holding one lot, and the two other roles' accounts; the page shows the login screen. */
async function armouryWithStock(app: GardienApp, page: Parameters<typeof setUpArmoury>[1]) {
  await setUpArmoury(app, page);
  const store = await createStore(app, 'MAG-1', { '1.4': 100 });
  const lotId = await receiveLot(app, store.id, 1000, { lotNumber: 'NOR-2014-01' });
  await ok(app, 'users.create', { ...AUDITOR, role: 'auditor' });
  await ok(app, 'users.create', { ...KEEPER, role: 'storekeeper' });
  await ok(app, 'auth.logout', {});
  await page.reload();
  return { store, lotId };
}

test('an auditor reads every ammunition screen but is offered no change', async ({ app, gardienPage: page }) => {
  await armouryWithStock(app, page);
  await signIn(page, AUDITOR);
  await openAmmo(page);
  await expect(page.getByTestId('ammo-dashboard')).toBeVisible();
  await expect(page.getByTestId('ammo-tab-ammoReceive')).toHaveCount(0);
  await page.getByTestId('ammo-tab-ammoStores').click();
  await expect(page.getByTestId('store-row')).toHaveCount(1);
  await expect(page.getByTestId('store-create')).toHaveCount(0);
  await page.getByRole('button', { name: 'MAG-1', exact: true }).click();
  await expect(page.getByTestId('holding-row')).toHaveCount(1);
  await expect(page.getByTestId('store-edit-licence')).toHaveCount(0);
  await expect(page.getByRole('button', { name: fr.store.receiveHere })).toHaveCount(0);
  await openLot(page, 'NOR-2014-01');
  await expect(page.getByTestId('card-line')).toHaveCount(1);
  await expect(page.getByTestId('lot-actions')).toHaveCount(0);
  await expect(page.getByTestId('print-card')).toBeVisible();
  // Core refuses too: hiding a button is not the permission check.
  const r = await app.router.call('stores.addBay', { storeId: 1, bay: 'Travée Z' });
  expect(r.ok ? null : r.error.code).toBe('forbidden');
});

test('a storekeeper records movements but does not manage stores or licences', async ({ app, gardienPage: page }) => {
  await armouryWithStock(app, page);
  await signIn(page, KEEPER);
  await openAmmo(page, 'ammoStores');
  await expect(page.getByTestId('store-create')).toHaveCount(0);
  await page.getByRole('button', { name: 'MAG-1', exact: true }).click();
  await expect(page.getByTestId('store-edit-licence')).toHaveCount(0);
  await expect(page.getByRole('button', { name: fr.store.receiveHere })).toBeVisible();
  await openLot(page, 'NOR-2014-01');
  await expect(page.getByTestId('lot-action-issue')).toBeVisible();
  await expect(page.getByTestId('ammo-tab-ammoReceive')).toBeVisible();
});

test('a destruction needs a second person in the same dialog, whose refused password is typed again', async ({ app, gardienPage: page }) => {
  const { lotId } = await armouryWithStock(app, page);
  await signIn(page, KEEPER);
  await openLot(page, 'NOR-2014-01');
  await page.getByTestId('lot-action-destroy').click();
  const dialog = page.getByTestId('dialog-destroy');
  await expect(dialog.getByTestId('balance-select')).toHaveValue('0');
  await dialog.getByTestId('qty-mode-packages').check();
  await dialog.getByTestId('qty-boxes').fill('5');
  await dialog.locator('#mv-method').fill('Brûlage en fosse');
  await dialog.locator('#mv-certificate').fill('PVD-2024-003');
  await dialog.locator('#approver-username').fill(MANAGER.username);
  await dialog.locator('#approver-password').fill('pas-le-bon-mot');
  await dialog.getByRole('button', { name: fr.action.confirmTwoPerson }).click();
  await expect(dialog.getByTestId('dialog-error')).toHaveText(frErrors.approver_bad_credentials);
  await expect(dialog.locator('#approver-password')).toHaveValue('');
  await dialog.locator('#approver-password').fill(MANAGER.password);
  await dialog.getByRole('button', { name: fr.action.confirmTwoPerson }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ammo-notice')).toContainText(fr.movementDone.destroy);

  const d: LotDossier = await dossier(app, lotId);
  const last = d.card.at(-1);
  expect([last?.type, last?.change, last?.balance, last?.approver?.username]).toEqual(['ammo.destroyed', -100, 900, MANAGER.username]);
  const line = page.getByTestId('card-line').last();
  await expect(line).toContainText(msg(fr.card.approver, { name: 'Adama Traoré', username: MANAGER.username }));
  await expect(line).toContainText('PVD-2024-003');
});

test('the dashboard counts what needs attention, and says the compatibility table is only a baseline', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const old = await createStore(app, 'MAG-OLD', { '1.4': 100 }, '2023-12-31');
  await createStore(app, 'MAG-NEW', { '1.4': 100 });
  // Last inspected three years ago, every six months: overdue past twice the interval.
  const y = new Date().getFullYear();
  await receiveLot(app, old.id, 300, { lotNumber: 'OLD-2012-01', lastInspection: `${y - 3}-01-15`, inspectionIntervalMonths: 6 });
  const soon = new Date(Date.now() + 10 * 86_400_000);
  const iso = `${soon.getFullYear()}-${String(soon.getMonth() + 1).padStart(2, '0')}-${String(soon.getDate()).padStart(2, '0')}`;
  await receiveLot(app, old.id, 200, { lotNumber: 'DUE-2020-05', lastInspection: today(), nextInspection: iso });
  await page.reload();
  await openAmmo(page);

  const board = page.getByTestId('ammo-dashboard');
  await expect(board.getByTestId('auto-suspended')).toContainText('OLD-2012-01');
  await expect(board.getByTestId('count-suspended')).toContainText('1');
  await expect(board.getByTestId('count-expired')).toContainText('1');
  await expect(board.getByTestId('due-lots').getByTestId('lot-row')).toContainText(['DUE-2020-05']);
  await expect(board.getByTestId('dash-store')).toContainText('MAG-OLD');
  const stored = await ok<AmmoDashboard>(app, 'ammo.dashboard', {});
  await expect(board.getByTestId('compat-id')).toHaveText(stored.compatibilityTable.id);
  await expect(board.getByTestId('compat-table')).toContainText(fr.compat.baseline);
  await page.getByTestId('language-en').click();
  await expect(board.getByTestId('compat-table')).toContainText(en.compat.baseline);

  // An expired licence is said wherever the store appears: the list and the store pickers.
  await page.getByTestId('ammo-tab-ammoStores').click();
  await expect(page.locator('[data-code="MAG-OLD"]').getByTestId('licence-expired')).toBeVisible();
  await expect(page.locator('[data-code="MAG-NEW"]').getByTestId('licence-expired')).toHaveCount(0);
  await page.getByTestId('ammo-tab-ammoReceive').click();
  await expect(page.locator('#dest-store option', { hasText: 'MAG-OLD' })).toContainText(en.store.licenceExpiredShort);
});
