import type { Page } from '@playwright/test';
import type { RegisterCounts, WeaponDossier } from '../../src/shared/contract/register';
import type { WeaponRow } from '../../src/shared/domain/weapon';
import { expect, test } from './fixtures';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import { en, fr, frFieldErrors, msg, registerWeapon, setUpArmoury } from './register-helpers';

/** Types into the registration form by label, as a storekeeper would. */
async function fillForm(page: Page, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) {
    const control = page.locator(`#w-${field}`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

const grid = (page: Page) => page.getByTestId('register-grid');
const rowsShown = (page: Page) => grid(page).locator('[data-weapon-id]');

test('registering a weapon through the form: it opens its dossier, is in the register and in the database', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await page.getByRole('button', { name: fr.list.new }).click();
  await expect(page.getByRole('heading', { name: fr.form.title })).toBeVisible();

  // Required fields are refused before core is asked.
  await page.getByRole('button', { name: fr.form.submit }).click();
  await expect(page.getByTestId('error-w-nationalCode')).toHaveText(frFieldErrors.required);
  await expect(page.getByTestId('error-w-serial')).toHaveText(frFieldErrors.required);
  await expect(page.getByTestId('error-w-acquisitionDate')).toHaveText(frFieldErrors.required);
  await expect(page.getByTestId('error-w-yearOfManufacture')).toHaveCount(0); // unknown is allowed

  // Every label is a real label of its control.
  await page.getByLabel(fr.field.nationalCode).fill('ML-PN-0004521');
  await page.getByLabel(fr.field.serial).fill('  56-1234567 ');
  await fillForm(page, {
    manufacturer: 'Norinco',
    model: 'Type 56',
    type: 'assault_rifle',
    calibre: '7.62x39mm',
    countryOfManufacture: 'CN',
    yearOfManufacture: '1987',
    markingLocation: 'Boîte de culasse, côté gauche',
    markingDate: '2019-06-03',
    markingOperator: 'Sgt. Coulibaly',
    acquisitionDate: '2018-11-20',
    acquisitionMode: 'seizure',
    acquisitionSource: 'Saisie, poste de Gao',
    acquisitionDocument: 'PV-2018-221',
    location: 'Magasin 2 / Râtelier C / 14',
    condition: 'repairable',
  });
  // The agency defaults to the armoury's own.
  await expect(page.locator('#w-agency')).toHaveValue('police');
  // Import marking and other marks are folded away until asked for.
  await page.getByText(fr.section.otherMarks).click();
  await fillForm(page, { importCountry: 'SN', importYear: '1995', importer: 'Ets Diallo', otherMarks: 'Poinçon étoile' });
  await page.getByLabel(fr.field.marksIllegible).check();
  await page.getByRole('button', { name: fr.form.submit }).click();

  const dossier = page.getByTestId('dossier');
  await expect(dossier.getByRole('heading', { level: 1 })).toContainText('ML-PN-0004521');
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('history-entry').first()).toContainText(fr.event.registered);

  const rows = (await app.router.call('weapons.lookup', { code: 'ml-pn-0004521' })) as { ok: true; value: WeaponRow[] };
  expect(rows.value).toHaveLength(1);
  const id = rows.value[0]!.id;
  const stored = (await app.router.call('weapons.get', { id })) as { ok: true; value: WeaponDossier };
  expect(stored.value.weapon).toMatchObject({
    nationalCode: 'ML-PN-0004521',
    serial: '56-1234567',
    countryOfManufacture: 'CN',
    yearOfManufacture: 1987,
    type: 'assault_rifle',
    agency: 'police',
    acquisitionMode: 'seizure',
    condition: 'repairable',
    importCountry: 'SN',
    importYear: 1995,
    marksIllegible: true,
    markingDate: '2019-06-03',
    status: 'in_store',
  });
  expect(stored.value.history.map((e) => e.type)).toEqual(['weapon.registered']);

  await page.getByRole('button', { name: fr.common.backToRegister }).click();
  await expect(rowsShown(page)).toHaveCount(1);
  await expect(rowsShown(page).first()).toContainText('56-1234567');
  await expect(page.getByRole('button', { name: new RegExp(`${fr.status.in_store}\\s*1`) })).toBeVisible();
});

test('a duplicate national code is refused on its field with a way to the existing weapon; so is make+model+serial', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const existing = await registerWeapon(app, { nationalCode: 'ML-PN-0000777', serial: 'AB12345', manufacturer: 'Beretta', model: '92FS', type: 'pistol' });
  await page.getByRole('button', { name: fr.list.new }).click();

  const fill = (nationalCode: string, serial: string) =>
    fillForm(page, {
      nationalCode, serial, manufacturer: 'beretta', model: '92fs', type: 'pistol', calibre: '9x19mm',
      countryOfManufacture: 'IT', markingLocation: 'Carcasse, côté gauche', acquisitionDate: '2020-01-15', acquisitionMode: 'procurement',
    });

  // Same national code typed differently (case, spaces): still the same weapon.
  await fill(' ml-pn-0000777 ', 'ZZ999');
  await page.getByRole('button', { name: fr.form.submit }).click();
  await expect(page.getByTestId('error-w-nationalCode')).toHaveText(
    msg(frFieldErrors.duplicate_national_code, { weaponId: existing.id, value: 'ML-PN-0000777' }),
  );
  await expect(page.getByTestId('error-w-serial')).toHaveCount(0);

  // Same manufacturer + model + serial under a new national code.
  await fill('ML-PN-0000778', 'ab12345');
  await page.getByRole('button', { name: fr.form.submit }).click();
  await expect(page.getByTestId('error-w-serial')).toHaveText(msg(frFieldErrors.duplicate_serial, { weaponId: existing.id, value: 'ML-PN-0000777' }));
  const counts = (await app.router.call('weapons.counts', {})) as { ok: true; value: RegisterCounts };
  expect(counts.value.total).toBe(1);

  // The link opens the weapon that already holds the serial.
  await page.getByTestId('duplicate-serial').click();
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText('ML-PN-0000777');
});

test('search by partial serial answers while typing; wildcards, quotes and FTS operators match only literally', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const kal = await registerWeapon(app, { serial: 'KAL998877X', nationalCode: 'ML-PN-1000001' });
  const ber = await registerWeapon(app, { serial: 'BER776655Y', nationalCode: 'ML-PN-1000002' });
  const odd = await registerWeapon(app, { serial: 'PCT%50_A"B', nationalCode: 'ML-PN-1000003' });
  for (let i = 0; i < 20; i++) await registerWeapon(app);
  await page.reload();
  // Only the rows on screen are in the page; the grid announces how many there are (+1 header row).
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '24');

  const search = page.getByLabel(fr.search.label);
  // Fewer than three characters: a hint, and the whole register stays.
  await search.pressSequentially('98', { delay: 40 });
  await expect(page.getByTestId('search-status')).toHaveText(msg(fr.search.tooShort, { min: 3 }));
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '24');
  // The third character, from the middle of the serial, finds it without pressing Enter.
  await search.pressSequentially('87', { delay: 40 });
  await expect(rowsShown(page)).toHaveCount(1);
  await expect(rowsShown(page).first()).toHaveAttribute('data-weapon-id', String(kal.id));
  await expect(page.getByTestId('search-status')).toHaveText(msg(fr.list.count_one, { n: 1 }));

  const expectOnly = async (text: string, ids: number[]) => {
    await search.fill(text);
    await expect(page.getByTestId('search-status')).toHaveText(
      // French counts 0 and 1 as singular.
      msg(ids.length <= 1 ? fr.list.count_one : fr.list.count_other, { n: ids.length }),
    );
    await expect(rowsShown(page)).toHaveCount(ids.length);
    for (const id of ids) await expect(grid(page).locator(`[data-weapon-id="${id}"]`)).toBeVisible();
  };
  await expectOnly('%%%', []);
  await expectOnly('___', []);
  await expectOnly('%50_', [odd.id]);
  await expectOnly('_A"B', [odd.id]);
  await expectOnly('AK" OR "', []);
  await expectOnly('KAL" OR "BER', []);
  await expectOnly('998877X OR BER', []);
  await expectOnly('NEAR(KAL', []);
  await expectOnly('ml-pn-100000', [kal.id, ber.id, odd.id]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a scanned code ending in Enter opens its dossier; an unknown code says so and is selected for the next scan', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await registerWeapon(app, { serial: 'SC-4411', nationalCode: 'ML-PN-2000001' });
  const target = await registerWeapon(app, { serial: 'SC-4412', nationalCode: 'ML-PN-2000002' });
  await page.reload();

  const search = page.getByLabel(fr.search.label);
  await expect(search).toBeFocused();
  await page.keyboard.type('XX-0000\n');
  await expect(page.getByTestId('search-status')).toHaveText(msg(fr.search.notFound, { code: 'XX-0000' }));
  // The next scan replaces the miss instead of appending to it.
  await page.keyboard.type('ml-pn-2000002\n');
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText('ML-PN-2000002');
  await expect(page.getByTestId('dossier')).toContainText(`SC-4412`);
  expect(target.nationalCode).toBe('ML-PN-2000002');
});

test('keyboard and mouse: arrows move through rows, Enter opens; sorting, filters and status chips narrow the list', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const a = await registerWeapon(app, { nationalCode: 'ML-PN-3000003', serial: 'K3', type: 'pistol', calibre: '9x19mm' });
  const b = await registerWeapon(app, { nationalCode: 'ML-PN-3000001', serial: 'K1' });
  const c = await registerWeapon(app, { nationalCode: 'ML-PN-3000002', serial: 'K2' });
  await app.router.call('weapons.reportLoss', { weaponId: c.id, date: '2024-05-02', circumstances: 'Perdue en patrouille' });
  await page.reload();
  await expect(rowsShown(page)).toHaveCount(3);

  // Sort by national code, then descending.
  await page.getByRole('columnheader', { name: fr.list.column.nationalCode }).getByRole('button').click();
  await expect(rowsShown(page).first()).toHaveAttribute('data-weapon-id', String(b.id));
  await page.getByRole('columnheader', { name: fr.list.column.nationalCode }).getByRole('button').click();
  await expect(rowsShown(page).first()).toHaveAttribute('data-weapon-id', String(a.id));

  // From the search box, Down enters the grid; Down again, then Enter opens the second row.
  await page.getByLabel(fr.search.label).press('ArrowDown');
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', 'reg-row-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText('ML-PN-3000002');
  // Back to the register: same sort, same row chosen.
  await page.getByRole('button', { name: fr.common.backToRegister }).click();
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', 'reg-row-1');
  await expect(rowsShown(page).first()).toHaveAttribute('data-weapon-id', String(a.id));

  // Status chip: the lost weapon only; the chip shows the count from core's counters.
  await page.getByRole('button', { name: new RegExp(`${fr.status.lost}\\s*1`) }).click();
  await expect(rowsShown(page)).toHaveCount(1);
  await expect(rowsShown(page).first()).toContainText(fr.status.lost);
  await page.getByRole('button', { name: new RegExp(`${fr.list.allStatuses}\\s*3`) }).click();
  await expect(rowsShown(page)).toHaveCount(3);

  await page.getByTestId('filter-type').selectOption('pistol');
  await expect(rowsShown(page)).toHaveCount(1);
  await page.getByTestId('filter-type').selectOption('');
  await page.getByTestId('filter-calibre').fill('7.62x39mm');
  await expect(rowsShown(page)).toHaveCount(2);
  await page.getByRole('button', { name: fr.list.clearFilters }).click();
  await expect(rowsShown(page)).toHaveCount(3);

  // A click opens too.
  await rowsShown(page).filter({ hasText: 'ML-PN-3000001' }).click();
  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText('ML-PN-3000001');
});

test('a weapon arriving from another armoury is registered from its transfer document (English screens)', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await app.router.call('auth.setLanguage', { language: 'en' });
  await page.reload();
  await page.getByRole('button', { name: en.list.new }).click();
  await page.getByRole('radio', { name: en.form.mode_transferIn }).check();
  await expect(page.getByRole('heading', { name: en.form.titleTransferIn })).toBeVisible();
  // The acquisition mode is the transfer itself: not asked.
  await expect(page.locator('#w-acquisitionMode')).toHaveCount(0);

  await page.getByRole('button', { name: en.form.submitTransferIn }).click();
  await expect(page.getByTestId('error-w-transferId')).toHaveText(enFieldErrors.required);
  await page.getByLabel(en.form.transferId).fill('TR-2024-0042');
  await page.getByLabel(en.form.fromArmoury).fill('ML-KYS-02');
  await page.getByLabel(en.form.document).fill('BT-2024-118');
  await fillForm(page, {
    nationalCode: 'ML-GN-0001200', serial: 'M70-443321', manufacturer: 'Zastava', model: 'M70', type: 'assault_rifle', calibre: '7.62x39mm',
    countryOfManufacture: 'RS', markingLocation: 'Receiver, right side', acquisitionDate: '2024-03-01', agency: 'gendarmerie',
  });
  await page.getByRole('button', { name: en.form.submitTransferIn }).click();

  await expect(page.getByTestId('dossier').getByRole('heading', { level: 1 })).toContainText('ML-GN-0001200');
  const top = page.getByTestId('history-entry').first();
  await expect(top).toContainText(en.event.transferred_in);
  await expect(top).toContainText(msg(en.eventDetail.transferIn, { transferId: 'TR-2024-0042', armoury: 'ML-KYS-02' }));
  await expect(top).toContainText(msg(en.eventDetail.document, { value: 'BT-2024-118' }));
  await expect(page.locator('[data-field="acquisitionMode"] dd')).toHaveText(en.acquisitionMode.transfer_in);
  await expect(page.locator('[data-field="countryOfManufacture"] dd')).toHaveText('Serbia (RS)');

  const found = (await app.router.call('weapons.lookup', { code: 'ML-GN-0001200' })) as { ok: true; value: WeaponRow[] };
  const stored = (await app.router.call('weapons.get', { id: found.value[0]!.id })) as { ok: true; value: WeaponDossier };
  expect(stored.value.weapon).toMatchObject({ acquisitionMode: 'transfer_in', agency: 'gendarmerie', status: 'in_store' });
  expect(stored.value.history[0]).toMatchObject({ type: 'weapon.transferred_in', data: { transferId: 'TR-2024-0042', fromArmoury: 'ML-KYS-02', document: 'BT-2024-118' } });
});
