import type { Page } from '@playwright/test';
import type { WeaponDossier } from '../../src/shared/contract/register';
import type { GardienApp } from '../../src/main/core/app';
import { expect, test } from './fixtures';
import { MANAGER, fr, frErrors, frFieldErrors, msg, registerWeapon, setUpArmoury } from './register-helpers';

async function dossierOf(app: GardienApp, id: number): Promise<WeaponDossier> {
  const r = await app.router.call('weapons.get', { id });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as WeaponDossier;
}

/** Opens a weapon from the register the way a storekeeper does: type its code, press Enter. */
async function openWeapon(page: Page, code: string) {
  await page.getByLabel(fr.search.label).fill(code);
  await page.getByLabel(fr.search.label).press('Enter');
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText(code);
}

const entries = (page: Page) => page.getByTestId('history-entry');
const action = (page: Page, name: string | RegExp) => page.getByRole('group', { name: fr.dossier.actions }).getByRole('button', { name });

test('the dossier shows every field and the history: who, when, what, why, seq and hash', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const w = await registerWeapon(app, { nationalCode: 'ML-PN-4000001', serial: 'HK-77812', countryOfManufacture: 'DE', manufacturer: 'Heckler & Koch', model: 'G3', type: 'rifle' });
  await app.router.call('users.create', { username: 'mkeita', fullName: 'Moussa Keïta', role: 'storekeeper', password: 'magasin-nord-77' });
  await app.router.call('auth.login', { username: 'mkeita', password: 'magasin-nord-77' });
  await app.router.call('weapons.move', { weaponId: w.id, location: 'Magasin 3 / Râtelier F / 2', reason: 'Réorganisation du magasin' });
  await app.router.call('auth.login', { username: MANAGER.username, password: MANAGER.password });
  await page.reload();
  await openWeapon(page, 'ML-PN-4000001');

  const fields = page.locator('.reg-fields');
  await expect(fields.locator('[data-field="countryOfManufacture"] dd')).toHaveText('Allemagne (DE)');
  await expect(fields.locator('[data-field="type"] dd')).toHaveText(fr.type.rifle);
  await expect(fields.locator('[data-field="location"] dd')).toHaveText('Magasin 3 / Râtelier F / 2');
  await expect(fields.locator('[data-field="agency"] dd')).toHaveText('Police nationale');
  await expect(page.getByTestId('dossier-status')).toHaveText(fr.status.in_store);

  const stored = await dossierOf(app, w.id);
  await expect(entries(page)).toHaveCount(2);
  // Newest first: the move by the storekeeper, then the registration by the manager.
  const [move, registration] = [entries(page).nth(0), entries(page).nth(1)];
  const moved = stored.history[1]!;
  await expect(move).toContainText(fr.event.moved);
  await expect(move).toContainText(msg(fr.history.by, { name: 'Moussa Keïta', username: 'mkeita' }));
  await expect(move).toContainText(msg(fr.eventDetail.moved, { value: 'Magasin 3 / Râtelier F / 2' }));
  await expect(move).toContainText(msg(fr.eventDetail.reason, { value: 'Réorganisation du magasin' }));
  await expect(move).toContainText(msg(fr.history.seq, { seq: moved.seq }));
  await expect(move).toContainText(moved.hash.slice(0, 12));
  await expect(move.locator('time')).toHaveAttribute('datetime', moved.at);
  await expect(registration).toContainText(fr.event.registered);
  await expect(registration).toContainText(msg(fr.history.by, { name: MANAGER.fullName, username: MANAGER.username }));
  await expect(registration).toContainText(msg(fr.eventDetail.document, { value: 'BL-2015-044' }));
});

test('a correction is recorded as a new event that names the original, and the original points to it', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const w = await registerWeapon(app, { nationalCode: 'ML-PN-4000002', model: 'Type 56', yearOfManufacture: 1988 });
  await page.reload();
  await openWeapon(page, 'ML-PN-4000002');

  await action(page, fr.action.correct).click();
  const dialog = page.getByTestId('dialog-correct');
  await dialog.getByLabel(fr.correction.field).selectOption('yearOfManufacture');
  await expect(dialog.getByTestId('correction-current')).toHaveText('1988');
  // The new value is checked by the field's own rule before core is asked; the reason is required.
  await dialog.getByLabel(fr.correction.value).fill(String(new Date().getFullYear() + 1));
  await dialog.getByRole('button', { name: fr.dialog.submit }).click();
  await expect(dialog.getByTestId('error-corr-value')).toHaveText(frFieldErrors.year_in_future);
  await expect(dialog.getByTestId('error-corr-reason')).toHaveText(frFieldErrors.required);
  // The same value is refused by core, on the value field.
  await dialog.getByLabel(fr.correction.field).selectOption('model');
  await dialog.getByLabel(fr.correction.reason).fill('Erreur de lecture du marquage');
  await dialog.getByRole('button', { name: fr.dialog.submit }).click();
  await expect(dialog.getByTestId('error-corr-value')).toHaveText(frFieldErrors.correction_no_change);

  await dialog.getByLabel(fr.correction.value).fill('Type 56-1');
  await dialog.getByRole('button', { name: fr.dialog.submit }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('dossier-notice')).toHaveText(msg(fr.dossier.recorded, { action: fr.action.correct }));

  const stored = await dossierOf(app, w.id);
  const correction = stored.history.at(-1)!;
  expect(stored.weapon.model).toBe('Type 56-1');
  expect(correction).toMatchObject({ type: 'weapon.corrected', data: { field: 'model', from: 'Type 56', to: 'Type 56-1', corrects: w.id } });

  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText(
    msg(fr.eventDetail.corrected, { field: fr.field.model, from: 'Type 56', to: 'Type 56-1', reason: 'Erreur de lecture du marquage', seq: w.id }),
  );
  // The registration keeps its original text and says it was corrected.
  await expect(entries(page).nth(1)).toContainText('Norinco Type 56');
  await expect(entries(page).nth(1)).toContainText(msg(fr.history.correctedBy, { seq: correction.seq, field: fr.field.model }));
  await expect(page.locator('[data-field="model"] dd')).toHaveText('Type 56-1');
});

test('a loss report changes the status and the history, and the actions offered', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const w = await registerWeapon(app, { nationalCode: 'ML-PN-4000003' });
  await page.reload();
  await openWeapon(page, 'ML-PN-4000003');
  await expect(action(page, fr.action.recovery)).toHaveCount(0);

  await action(page, fr.action.loss).click();
  const dialog = page.getByTestId('dialog-loss');
  await dialog.getByLabel(fr.actionField.lossDate).fill('2024-02-11');
  await dialog.getByLabel(fr.actionField.circumstances).fill('Arme égarée lors du transfert vers le poste de Kati');
  await dialog.getByLabel(fr.actionField.reportReference).fill('PV-PERTE-2024-07');
  await dialog.getByRole('button', { name: fr.dialog.submit }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('dossier-status')).toHaveText(fr.status.lost);
  await expect(entries(page).first()).toContainText(fr.event.loss_reported);
  await expect(entries(page).first()).toContainText(msg(fr.eventDetail.date, { value: '11 févr. 2024' }));
  await expect(entries(page).first()).toContainText(msg(fr.eventDetail.reference, { value: 'PV-PERTE-2024-07' }));
  await expect(action(page, fr.action.recovery)).toBeVisible();
  await expect(action(page, fr.action.loss)).toHaveCount(0);

  const stored = await dossierOf(app, w.id);
  expect(stored.weapon.status).toBe('lost');
  expect(stored.history.at(-1)).toMatchObject({ type: 'weapon.loss_reported', data: { date: '2024-02-11', reference: 'PV-PERTE-2024-07' } });
});

test('two-person destruction: same person and wrong password refused in the dialog, then the second account confirms', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await app.router.call('users.create', { username: 'adjoint', fullName: 'Fatoumata Diarra', role: 'storekeeper', password: 'second-compte-88' });
  const w = await registerWeapon(app, { nationalCode: 'ML-PN-4000004' });
  await page.reload();
  await openWeapon(page, 'ML-PN-4000004');

  // Two-person actions say so on their button.
  await action(page, `${fr.action.destruction} ${fr.dossier.twoPerson}`).click();
  const dialog = page.getByTestId('dialog-destruction');
  await dialog.getByLabel(fr.actionField.method).selectOption('cutting');
  await dialog.getByLabel(fr.actionField.destructionCertificate).fill('PV-DEST-2024-003');
  await dialog.getByLabel(fr.actionField.witness1).fill('Lt. Ibrahim Sangaré');
  await dialog.getByLabel(fr.actionField.witness2).fill('Adj. Mariam Coulibaly');
  const username = dialog.getByLabel(fr.approver.username);
  const password = dialog.getByLabel(fr.approver.password);

  await username.fill(MANAGER.username);
  await password.fill(MANAGER.password);
  await dialog.getByRole('button', { name: fr.dialog.confirmTwoPerson }).click();
  await expect(dialog.getByTestId('error-approver-username')).toHaveText(frFieldErrors.approver_same_person);

  await username.fill('adjoint');
  await password.fill('pas-le-bon-mot');
  await dialog.getByRole('button', { name: fr.dialog.confirmTwoPerson }).click();
  await expect(dialog.getByTestId('dialog-error')).toHaveText(frErrors.approver_bad_credentials);
  await expect(password).toHaveValue('');
  expect((await dossierOf(app, w.id)).weapon.status).toBe('in_store');

  await password.fill('second-compte-88');
  await dialog.getByRole('button', { name: fr.dialog.confirmTwoPerson }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('dossier-status')).toHaveText(fr.status.destroyed);
  const top = entries(page).first();
  await expect(top).toContainText(fr.event.destroyed);
  await expect(top.getByTestId('history-approver')).toHaveText(msg(fr.history.approvedBy, { name: 'Fatoumata Diarra', username: 'adjoint' }));
  await expect(top).toContainText(msg(fr.eventDetail.witnesses, { first: 'Lt. Ibrahim Sangaré', second: 'Adj. Mariam Coulibaly' }));
  await expect(top).toContainText(msg(fr.eventDetail.method, { value: fr.destructionMethod.cutting }));
  // A destroyed weapon has left the register: nothing more can be recorded on it.
  await expect(page.getByText(fr.dossier.noActions)).toBeVisible();

  const stored = await dossierOf(app, w.id);
  expect(stored.weapon.status).toBe('destroyed');
  const destroyed = stored.history.at(-1)!;
  expect(destroyed).toMatchObject({
    type: 'weapon.destroyed',
    actor: { username: MANAGER.username },
    approver: { username: 'adjoint', fullName: 'Fatoumata Diarra' },
    data: { method: 'cutting', certificate: 'PV-DEST-2024-003', witnesses: ['Lt. Ibrahim Sangaré', 'Adj. Mariam Coulibaly'] },
  });
  // The second person's password is never part of the journal.
  expect(JSON.stringify(destroyed.data)).not.toContain('second-compte-88');
});

test('a transfer out ends the weapon’s life in this armoury', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const w = await registerWeapon(app, { nationalCode: 'ML-PN-4000006' });
  await page.reload();
  await openWeapon(page, 'ML-PN-4000006');
  await action(page, fr.action.transfer_out).click();
  const dialog = page.getByTestId('dialog-transfer_out');
  await dialog.getByLabel(fr.actionField.transferId).fill('TR-2024-0099');
  await dialog.getByLabel(fr.actionField.toArmoury).fill('ML-SEG-03');
  await dialog.getByLabel(fr.actionField.transferDocument).fill('BT-2024-201');
  await dialog.getByRole('button', { name: fr.dialog.submit }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('dossier-status')).toHaveText(fr.status.transferred_out);
  await expect(entries(page).first()).toContainText(msg(fr.eventDetail.transferOut, { transferId: 'TR-2024-0099', armoury: 'ML-SEG-03' }));
  await expect(page.getByText(fr.dossier.noActions)).toBeVisible();
  expect((await dossierOf(app, w.id)).history.at(-1)).toMatchObject({ type: 'weapon.transferred_out', data: { transferId: 'TR-2024-0099', toArmoury: 'ML-SEG-03' } });
});

test('an auditor reads the dossier but is offered no action', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await registerWeapon(app, { nationalCode: 'ML-PN-4000005' });
  await app.router.call('users.create', { username: 'inspecteur', fullName: 'Oumar Maïga', role: 'auditor', password: 'controle-2024-x' });
  await app.router.call('auth.login', { username: 'inspecteur', password: 'controle-2024-x' });
  await page.reload();
  await expect(page.getByRole('button', { name: fr.list.new })).toHaveCount(0);
  await openWeapon(page, 'ML-PN-4000005');
  await expect(entries(page)).toHaveCount(1);
  await expect(page.getByRole('group', { name: fr.dossier.actions })).toHaveCount(0);
});
