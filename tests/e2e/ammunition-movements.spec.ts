import type { Locator, Page } from '@playwright/test';
import type { StoreView } from '../../src/shared/contract/ammunition';
import { expect, test } from './fixtures';
import { createStore, dossier, fr, frFieldErrors, msg, ok, openAmmo, openLot, receiveLot } from './ammunition-helpers';
import { setUpArmoury } from './register-helpers';

const KEEPER = { username: 'magasinier', fullName: 'Moussa Keïta', password: 'magasin-nord-77' };

/** Chooses the line of the lot's stock whose text starts with `text` (store · bay · condition). */
async function pickBalance(dialog: Locator, text: string) {
  const value = await dialog.locator('[data-testid="balance-select"] option', { hasText: text }).first().getAttribute('value');
  await dialog.getByTestId('balance-select').selectOption(value ?? '');
}

async function open(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`lot-action-${action}`).click();
  return page.getByTestId(`dialog-${action}`);
}

async function send(page: Page, dialog: Locator, done: string, twoPerson = false) {
  await dialog.getByRole('button', { name: twoPerson ? fr.action.confirmTwoPerson : fr.action.submit, exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ammo-notice')).toContainText(done);
}

test('every movement dialog records what its form says, and the card adds up', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const one = await createStore(app, 'MAG-1', { '1.4': 100 });
  await createStore(app, 'MAG-2', { '1.4': 100 });
  const lotId = await receiveLot(app, one.id, 1000, { lotNumber: 'NOR-2014-01' });
  await ok(app, 'users.create', { ...KEEPER, role: 'storekeeper' });
  await page.reload();
  await openLot(page, 'NOR-2014-01');
  const ser = `MAG-1 · Travée A · ${fr.condition.serviceable}`;

  let d = await open(page, 'move');
  await pickBalance(d, ser);
  await d.locator('#dest-store').selectOption({ label: 'MAG-2 — Magasin MAG-2' });
  await d.locator('#dest-bay').selectOption('Travée B');
  await d.getByTestId('qty-rounds').fill('100');
  await send(page, d, fr.movementDone.move);

  d = await open(page, 'condition');
  await pickBalance(d, ser);
  await d.locator('#mv-to').selectOption('repairable');
  await d.getByTestId('qty-rounds').fill('50');
  await d.locator('#mv-reason').fill('Étuis corrodés sur une caisse');
  await send(page, d, fr.movementDone.condition);

  await ok(app, 'ammo.issue', { lotId, place: { storeId: one.id, bay: 'Travée A' }, quantity: 200, document: 'BP-1', recipient: { kind: 'unit', name: '2e Brigade' } });
  await page.reload();
  await openLot(page, 'NOR-2014-01');
  d = await open(page, 'expend');
  await d.getByTestId('qty-rounds').fill('150');
  await d.locator('#mv-purpose').selectOption('training');
  await d.locator('#mv-reference').fill('Séance de tir 12');
  await send(page, d, fr.movementDone.expend);

  d = await open(page, 'transferOut');
  await pickBalance(d, ser);
  await d.getByTestId('qty-rounds').fill('100');
  await d.locator('#mv-transferId').fill('TR-2024-009');
  await d.locator('#mv-toArmoury').fill('ML-SEG-01');
  await send(page, d, fr.movementDone.transferOut);

  d = await open(page, 'loss');
  await pickBalance(d, ser);
  await d.getByTestId('qty-rounds').fill('10');
  await d.locator('#mv-circumstances').fill('Caisse ouverte trouvée incomplète');
  await send(page, d, fr.movementDone.loss);

  // An adjustment's direction is chosen on purpose, and a second person confirms it.
  d = await open(page, 'adjust');
  await d.locator('#dest-bay').selectOption('Travée A');
  await d.getByTestId('qty-rounds').fill('5');
  await d.locator('#mv-reason').fill('Comptage du 12 : cinq coups de moins');
  // The manager records it; the storekeeper is the second person.
  await d.locator('#approver-username').fill(KEEPER.username);
  await d.locator('#approver-password').fill(KEEPER.password);
  await d.getByRole('button', { name: fr.action.confirmTwoPerson }).click();
  await expect(d.locator('.ammo-direction .field__error')).toBeVisible();
  await d.getByTestId('direction-decrease').check();
  await send(page, d, fr.movementDone.adjust, true);

  d = await open(page, 'receive');
  await d.getByTestId('qty-rounds').fill('60');
  await d.locator('#mv-source').fill('Dotation complémentaire');
  await send(page, d, fr.movementDone.receive);

  d = await open(page, 'inspection');
  await d.locator('#mv-result').selectOption('serviceable');
  await send(page, d, fr.movementDone.inspection);

  const lot = await dossier(app, lotId);
  expect(lot.card.map((l) => [l.type.replace('ammo.', ''), l.change])).toEqual([
    ['received', 1000], ['moved', 0], ['condition_changed', 0], ['issued', -200], ['expended', 0],
    ['transferred_out', -100], ['lost', -10], ['adjusted', -5], ['received', 60], ['inspected', 0],
  ]);
  expect(lot.lot.total).toBe(1000 - 200 - 100 - 10 - 5 + 60);
  expect(lot.lot.outstanding).toBe(50);
  expect(lot.balances.map((b) => [b.storeCode, b.bay, b.condition, b.quantity])).toEqual(
    expect.arrayContaining([['MAG-2', 'Travée B', 'serviceable', 100], ['MAG-1', 'Travée A', 'repairable', 50]]),
  );
  const lines = page.getByTestId('card-line');
  await expect(lines).toHaveCount(lot.card.length);
  await expect(lines.last().getByTestId('card-balance')).toHaveAttribute('data-value', String(lot.lot.total));
  await expect(lines.nth(4)).toContainText(msg(fr.detail.purpose, { value: fr.purpose.training }));
  await expect(lines.nth(7)).toContainText(msg(fr.card.approver, { name: KEEPER.fullName, username: KEEPER.username }));
});

test('a manager adds a bay and records an override only for a conditional pair', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await createStore(app, 'MAG-1', { '1.4': 100 });
  await page.reload();
  await openAmmo(page, 'ammoStores');
  await page.getByRole('button', { name: 'MAG-1', exact: true }).click();

  await page.getByRole('button', { name: fr.store.addBay }).click();
  let d = page.getByTestId('dialog-bay');
  await d.locator('#bay-name').fill('Travée C');
  await send(page, d, msg(fr.store.done.bay, { code: 'MAG-1' }));

  await page.getByRole('button', { name: fr.store.recordOverride }).click();
  d = page.getByTestId('dialog-override');
  await d.locator('#ovr-groupA').selectOption('S');
  await d.locator('#ovr-groupB').selectOption('C');
  await d.locator('#ovr-authority').fill('Autorité technique nationale');
  await d.locator('#ovr-reference').fill('ATN-2024-12');
  await d.getByRole('button', { name: fr.action.submit, exact: true }).click();
  await expect(d.getByTestId('error-ovr-groupB')).toHaveText(frFieldErrors.override_not_conditional);
  await d.locator('#ovr-groupA').selectOption('B');
  await send(page, d, msg(fr.store.done.override, { code: 'MAG-1' }));

  const [store] = await ok<StoreView[]>(app, 'stores.list', {});
  expect(store?.bays).toEqual(['Travée A', 'Travée B', 'Travée C']);
  expect(store?.overrides.map((o) => [o.groupA, o.groupB, o.reference].sort())).toEqual([['ATN-2024-12', 'B', 'C']]);
  await expect(page.getByTestId('store-holdings')).toContainText('ATN-2024-12');
});

test('a lot arriving from another armoury is recorded with its transfer number', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await createStore(app, 'MAG-1', { '1.4': 100 });
  await page.reload();
  await openAmmo(page, 'ammoReceive');
  await page.getByTestId('receive-mode-transferIn').check();
  await page.locator('#lot-lotState').selectOption('mixed');
  await page.locator('#lot-nature').fill('Cartouche 9x19 mm Parabellum');
  await page.locator('#lot-calibre').fill('9x19mm');
  await page.locator('#lot-hazardDivision').selectOption('1.4');
  await page.locator('#lot-compatibilityGroup').selectOption('S');
  await page.locator('#lot-unNumber').fill('0012');
  await page.locator('#lot-neqPerUnitKg').fill('0,0004');
  await page.locator('#lot-roundsPerBox').fill('50');
  await page.locator('#lot-boxesPerCase').fill('20');
  await page.locator('#lot-inspectionIntervalMonths').fill('24');
  await page.locator('#dest-store').selectOption({ label: 'MAG-1 — Magasin MAG-1' });
  await page.getByTestId('qty-rounds').fill('450');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('error-rcv-transferId')).toBeVisible();
  await page.locator('#rcv-transferId').fill('TR-2024-031');
  await page.locator('#rcv-fromArmoury').fill('ML-KYS-02');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('lot-dossier')).toBeVisible();
  await expect(page.getByTestId('ammo-notice')).toContainText(fr.movementDone.transferIn);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fr.lotState.mixed);
  await expect(page.getByTestId('card-line')).toContainText([fr.event.transferred_in]);
  await expect(page.getByTestId('card-line').first()).toContainText('TR-2024-031');
});
