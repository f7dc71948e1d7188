import type { Page } from '@playwright/test';
import type { LotRow, StoreView } from '../../src/shared/contract/ammunition';
import { expect, test } from './fixtures';
import { createStore, dossier, enErrors, fr, frErrors, frFieldErrors, msg, num, ok, openAmmo, receiveLot, rounds } from './ammunition-helpers';
import { setUpArmoury } from './register-helpers';

const frDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
};

/** Fills the new-lot receipt form; `quantity` is typed as rounds, or as cases/boxes/rounds. */
async function fillNewLot(
  page: Page,
  lot: { number: string; nature: string; calibre: string; division: string; group: string; un: string; neq: string; perBox: string; perCase: string },
  store: string,
  quantity: string | { cases: string; boxes: string; rounds: string },
) {
  await page.locator('#lot-lotNumber').fill(lot.number);
  await page.locator('#lot-nature').fill(lot.nature);
  await page.locator('#lot-calibre').fill(lot.calibre);
  await page.locator('#lot-hazardDivision').selectOption(lot.division);
  await page.locator('#lot-compatibilityGroup').selectOption(lot.group);
  await page.locator('#lot-unNumber').fill(lot.un);
  await page.locator('#lot-neqPerUnitKg').fill(lot.neq);
  await page.locator('#lot-roundsPerBox').fill(lot.perBox);
  await page.locator('#lot-boxesPerCase').fill(lot.perCase);
  await page.locator('#lot-inspectionIntervalMonths').fill('12');
  await page.locator('#dest-store').selectOption({ label: store });
  await page.locator('#dest-bay').selectOption('Travée A');
  if (typeof quantity === 'string') await page.getByTestId('qty-rounds').fill(quantity);
  else {
    await page.getByTestId('qty-mode-packages').check();
    await page.getByTestId('qty-cases').fill(quantity.cases);
    await page.getByTestId('qty-boxes').fill(quantity.boxes);
    await page.getByTestId('qty-rounds').fill(quantity.rounds);
  }
  await page.locator('#rcv-source').fill('Dotation centrale');
  await page.locator('#rcv-document').fill('BL-2024-118');
}

test('a manager creates a store with its licence and receives two new lots, one counted in cases and boxes', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  await openAmmo(page, 'ammoStores');
  await page.getByTestId('store-create').click();
  const dialog = page.getByTestId('dialog-store');
  await dialog.locator('#store-code').fill('mag-1');
  await dialog.locator('#store-name').fill('Magasin principal');
  await dialog.locator('#store-bays').fill('Travée A\nTravée B');
  await dialog.getByTestId('limit-1.4').fill('50');
  await dialog.getByTestId('limit-1.3').fill('20,5');
  await dialog.locator('#lic-authority').fill('Direction du matériel');
  await dialog.locator('#lic-reference').fill('LEL-2024-017');
  await dialog.locator('#lic-expiry').fill('2030-06-30');
  await dialog.getByRole('button', { name: fr.action.submit, exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ammo-notice')).toContainText(msg(fr.store.created, { code: 'MAG-1' }));

  // Core holds what was typed: a decimal comma read as a decimal, empty divisions not licensed.
  const [store] = await ok<StoreView[]>(app, 'stores.list', {});
  expect(store?.licence).toEqual({ maxNeqKg: { '1.3': 20.5, '1.4': 50 }, authority: 'Direction du matériel', reference: 'LEL-2024-017', expiry: '2030-06-30' });
  expect(store?.bays).toEqual(['Travée A', 'Travée B']);
  const row = page.locator('[data-testid="store-row"][data-code="MAG-1"]');
  await expect(row).toContainText(msg(fr.store.licenceValid, { date: frDate('2030-06-30') }));
  await expect(row.getByTestId('gauge-1.3')).toContainText(msg(fr.store.gauge, { present: '0 kg', limit: `${num(20.5)} kg`, percent: '0' }));

  // First lot: typed in rounds.
  await page.getByTestId('ammo-tab-ammoReceive').click();
  await fillNewLot(
    page,
    { number: 'NOR-2015-07', nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm', division: '1.4', group: 'S', un: '0012', neq: '0,0016', perBox: '20', perCase: '50' },
    'MAG-1 — Magasin principal',
    '3000',
  );
  await expect(page.getByTestId('qty-line')).toContainText(`${rounds(3000)} (3 caisses)`);
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('lot-dossier')).toBeVisible();
  await expect(page.getByTestId('ammo-notice')).toContainText(fr.movementDone.receive);
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '3000');

  // Second lot: 2 cases + 3 boxes + 10 rounds of 50-round boxes, 20 boxes a case = 2 160 rounds.
  await page.getByTestId('ammo-tab-ammoReceive').click();
  await fillNewLot(
    page,
    { number: 'FN-9-2021-02', nature: 'Cartouche 9x19 mm Parabellum', calibre: '9x19mm', division: '1.4', group: 'S', un: '0012', neq: '0,0004', perBox: '50', perCase: '20' },
    'MAG-1 — Magasin principal',
    { cases: '2', boxes: '3', rounds: '10' },
  );
  await expect(page.getByTestId('qty-line')).toContainText(`${rounds(2160)} (2 caisses, 3 boîtes, 10 coups)`);
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('lot-dossier')).toBeVisible();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '2160');
  await expect(page.getByTestId('summary-total')).toContainText('(2 caisses, 3 boîtes, 10 coups)');

  const lots = await ok<LotRow[]>(app, 'lots.list', { search: '' });
  expect(lots.map((l) => [l.lotNumber, l.total, l.neqPerUnitKg, l.roundsPerBox, l.boxesPerCase]).sort()).toEqual([
    ['FN-9-2021-02', 2160, 0.0004, 50, 20],
    ['NOR-2015-07', 3000, 0.0016, 20, 50],
  ]);

  // The store's holdings: both lots, and the NEQ of division 1.4 against its licence.
  await page.getByTestId('ammo-tab-ammoStores').click();
  await page.getByRole('button', { name: 'MAG-1', exact: true }).click();
  const holdings = page.getByTestId('store-holdings');
  await expect(holdings.getByTestId('holding-row')).toHaveCount(2);
  const [after] = await ok<StoreView[]>(app, 'stores.list', {});
  const present = after?.neqKg['1.4'] ?? 0;
  expect(present).toBeCloseTo(5.664, 6);
  await expect(holdings.getByTestId('gauge-1.4')).toContainText(msg(fr.store.gauge, { present: `${num(present)} kg`, limit: '50 kg', percent: '11' }));
  await expect(holdings.getByTestId('most-hazardous')).toHaveText(msg(fr.store.division, { division: '1.4' }));
});

test('an incompatible receipt is refused with its message in French, then in English', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const store = await createStore(app, 'MAG-G', { '1.3': 500, '1.4': 500 });
  await receiveLot(app, store.id, 200, { lotNumber: 'LAC-2019-03', nature: 'Grenade lacrymogène', calibre: '56mm', hazardDivision: '1.3', compatibilityGroup: 'G', unNumber: '0318', neqPerUnitKg: 0.08, roundsPerBox: 1, boxesPerCase: 12 });
  await page.reload();
  await openAmmo(page, 'ammoReceive');
  await fillNewLot(
    page,
    { number: 'PB-2020-11', nature: 'Grenade fumigène au phosphore blanc', calibre: '56mm', division: '1.3', group: 'H', un: '0245', neq: '0,1', perBox: '1', perCase: '12' },
    'MAG-G — Magasin MAG-G',
    '24',
  );
  await page.getByTestId('receive-submit').click();
  const refusal = page.getByTestId('receive-error');
  const params = { incoming: 'H', present: 'G', store: 'MAG-G' };
  await expect(refusal).toHaveText(msg(frErrors.incompatible_groups, params));
  await expect(refusal).toHaveAttribute('data-code', 'incompatible_groups');

  // The same refusal, read in English once the user switches language: nothing was recorded.
  await page.getByTestId('language-en').click();
  await expect(refusal).toHaveText(msg(enErrors.incompatible_groups, params));
  await page.getByTestId('receive-submit').click();
  await expect(refusal).toHaveText(msg(enErrors.incompatible_groups, params));
  expect((await ok<LotRow[]>(app, 'lots.list', { search: '' })).map((l) => l.lotNumber)).toEqual(['LAC-2019-03']);
});

test('a receipt beyond the licence shows present, incoming and limit; one near the limit is accepted with a warning', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const store = await createStore(app, 'MAG-2', { '1.4': 5.5 });
  await receiveLot(app, store.id, 1500);
  await page.reload();
  await openAmmo(page, 'ammoReceive');
  const lot = { number: 'NOR-2016-02', nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm', division: '1.4', group: 'S', un: '0012', neq: '0,001', perBox: '20', perCase: '50' };
  await fillNewLot(page, lot, 'MAG-2 — Magasin MAG-2', '4500');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('receive-error')).toHaveText(
    msg(frErrors.neq_limit_exceeded, { division: '1.4', store: 'MAG-2', total: num(6), present: num(1.5), incoming: num(4.5), limit: num(5.5) }),
  );

  // 3 600 rounds make 5,1 kg: within 10 % of the limit, accepted, and the warning is said.
  await page.getByTestId('qty-rounds').fill('3600');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('lot-dossier')).toBeVisible();
  await expect(page.getByTestId('ammo-warnings')).toContainText(msg(fr.warning.neq_near_limit, { division: '1.4', total: num(5.1), limit: num(5.5) }));
  expect((await ok<StoreView[]>(app, 'stores.list', {}))[0]?.neqKg['1.4']).toBeCloseTo(5.1, 6);
});

test('an issue and a return, and the stock record card with its running balance', async ({ app, gardienPage: page }) => {
  await setUpArmoury(app, page);
  const store = await createStore(app, 'MAG-3', { '1.4': 100 });
  const lotId = await receiveLot(app, store.id, 1000, { lotNumber: 'NOR-2014-01' });
  await page.reload();
  await openAmmo(page, 'ammoLots');
  await page.getByTestId('lots-search').fill('NOR-2014');
  await page.getByRole('button', { name: 'NOR-2014-01', exact: true }).click();

  await page.getByTestId('lot-action-issue').click();
  const issue = page.getByTestId('dialog-issue');
  // Oldest serviceable lot first: the only one, already chosen, and its only place too.
  await expect(issue.getByTestId('issue-suggestion').first().getByRole('radio')).toBeChecked();
  await expect(issue.getByTestId('balance-select')).toHaveValue('0');
  await issue.getByTestId('qty-rounds').fill('120');
  await expect(issue.getByTestId('qty-line')).toContainText(`${rounds(120)} (6 boîtes)`);
  await issue.locator('#issue-name').fill('Brigadier Coulibaly');
  await issue.locator('#issue-document').fill('BP-0007');
  await issue.getByRole('button', { name: fr.action.submit, exact: true }).click();
  await expect(issue).toHaveCount(0);
  await expect(page.getByTestId('ammo-notice')).toContainText(fr.movementDone.issue);
  await expect(page.getByTestId('lot-outstanding')).toContainText(rounds(120));

  // A return of more than is out is refused with the figure; then 40 rounds come back.
  await page.getByTestId('lot-action-return').click();
  const back = page.getByTestId('dialog-return');
  await back.locator('#mv-from').fill('Brigadier Coulibaly');
  await back.getByTestId('qty-rounds').fill('500');
  await back.getByRole('button', { name: fr.action.submit, exact: true }).click();
  await expect(back.getByTestId('dialog-error')).toHaveText(msg(frErrors.outstanding_exceeded, { outstanding: num(120), requested: num(500) }));
  await expect(back.getByTestId('error-qty-quantity')).toHaveText(msg(frFieldErrors.outstanding_exceeded, { outstanding: num(120) }));
  await back.getByTestId('qty-rounds').fill('40');
  await back.getByRole('button', { name: fr.action.submit, exact: true }).click();
  await expect(back).toHaveCount(0);
  await expect(page.getByTestId('ammo-notice')).toContainText(fr.movementDone.return);

  // The card shows every movement with the running balance core computed.
  const d = await dossier(app, lotId);
  expect(d.card.map((l) => [l.type, l.change, l.balance])).toEqual([
    ['ammo.received', 1000, 1000],
    ['ammo.issued', -120, 880],
    ['ammo.returned', 40, 920],
  ]);
  const lines = page.getByTestId('card-line');
  await expect(lines).toHaveCount(3);
  for (const [i, line] of d.card.entries()) {
    const row = lines.nth(i);
    await expect(row).toHaveAttribute('data-seq', String(line.seq));
    await expect(row.getByTestId('card-change')).toHaveAttribute('data-value', String(line.change));
    await expect(row.getByTestId('card-balance')).toHaveText(num(line.balance));
  }
  await expect(lines.nth(1)).toContainText(fr.event.issued);
  await expect(lines.nth(1)).toContainText(msg(fr.detail.toOfficer, { value: 'Brigadier Coulibaly' }));
  await expect(lines.nth(1)).toContainText('BP-0007');
  await expect(lines.nth(1).getByTestId('card-change')).toHaveText(`−${num(120)}`);
  await expect(lines.nth(2)).toContainText(fr.event.returned);
  await expect(page.getByTestId('lot-total')).toContainText(rounds(920));
  expect(d.lot.outstanding).toBe(80);

  // Printed: no menus or buttons, the armoury and the journal head on top.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeHidden();
  await expect(page.getByTestId('print-card')).toBeHidden();
  await expect(page.getByTestId('print-head')).toBeVisible();
  await expect(page.getByTestId('print-head')).toContainText('ML-TEST-01');
  await expect(page.getByTestId('stock-card')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
