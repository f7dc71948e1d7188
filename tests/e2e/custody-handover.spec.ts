import type { Page } from '@playwright/test';
import enHandover from '../../locales/en/handover.json';
import frHandover from '../../locales/fr/handover.json';
import type { GardienApp } from '../../src/main/core/app';
import type { CaseRow, HandoverRow, KeyRow, VoucherView } from '../../src/shared/contract/custody';
import type { UserRow } from '../../src/shared/domain/accounts';
import { msg } from './ammunition-helpers';
import { ok, seedCustody, STOREKEEPER, type CustodySeed } from './custody-helpers';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

/** The storekeeper taking over the shift: a second account that signs the handover. */
const INCOMING = { username: 's.diallo', fullName: 'Seydou Diallo', password: 'releve-de-nuit-42' } as const;
const KEY = { code: 'K-01', opens: 'Magasin d’armes, porte principale' } as const;

/**
 * The armoury of custody-helpers, plus: the incoming storekeeper's account, key K-01 held by the
 * outgoing storekeeper, and rifle ak3 issued to the authorised officer (so it is out, not on the
 * shelves). The page then shows the login screen.
 */
async function seedHandover(app: GardienApp, page: Page, language: 'fr' | 'en'): Promise<CustodySeed> {
  const seed = await seedCustody(app, { language, signedIn: 'manager' });
  await ok(app, 'users.create', { ...INCOMING, role: 'storekeeper' });
  const users = await ok<UserRow[]>(app, 'users.list', {});
  const outgoing = users.find((u) => u.username === STOREKEEPER.username);
  if (!outgoing) throw new Error('no storekeeper');
  await ok(app, 'keys.register', { ...KEY, holderId: outgoing.id });
  await ok<VoucherView>(app, 'custody.issue', {
    kind: 'checkout',
    officerId: seed.authorised.id,
    weapons: [{ weaponId: seed.weapons.ak3.id, magazines: 2 }],
    duty: 'Patrouille de nuit',
    expectedReturn: new Date(Date.now() + 8 * 3600_000).toISOString(),
    acknowledgement: seed.authorised.serviceNumber,
  });
  await ok(app, 'auth.logout', {});
  await page.reload();
  return seed;
}

/** Types a code the way a barcode scanner does: every key at once, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

for (const language of ['fr', 'en'] as const) {
  const t = language === 'fr' ? frHandover : enHandover;

  test(`shift handover with one weapon missing (${language}): scanned, signed by the incoming storekeeper, a case opened, the key passed on`, async ({
    app,
    gardienPage: page,
  }) => {
    const seed = await seedHandover(app, page, language);
    const { ak1, ak2, ak3, pistol } = seed.weapons;
    await signIn(page, STOREKEEPER);
    await page.getByTestId('nav-custody').click();
    await page.getByTestId('custody-tab-handover').click();
    await expect(page.getByRole('heading', { level: 1, name: t.count.title })).toBeVisible();

    // The book puts the two rifles and the pistol on the shelves; ak3 is out with its officer.
    await expect(page.getByTestId('counter-expected')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('handover-tick')).toHaveCount(3);
    await expect(page.locator(`[data-testid="handover-tick"][data-weapon="${ak3.id}"]`)).toHaveCount(0);
    await expect(page.getByTestId('handover-location')).toHaveAttribute('data-location', 'Râtelier A');

    // Scanner-fast, the box keeps the focus: a serial, a national code in lower case, the issued
    // rifle (unexpected), an unknown code. ak2 is never scanned.
    const box = page.getByTestId('handover-scan');
    await expect(box).toBeFocused();
    await scan(page, ak1.serial);
    await scan(page, pistol.nationalCode.toLowerCase());
    await expect(page.getByTestId('counter-counted')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('handover-last-scan')).toHaveAttribute('data-kind', 'ticked');
    await scan(page, ak1.nationalCode);
    await expect(page.getByTestId('handover-last-scan')).toHaveAttribute('data-kind', 'already');
    await scan(page, ak3.serial);
    await expect(page.getByTestId('handover-last-scan')).toHaveAttribute('data-kind', 'unexpected');
    await scan(page, 'XX-404');
    await expect(page.getByTestId('unexpected-item')).toHaveCount(2);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');

    await expect(page.locator(`[data-testid="handover-tick"][data-weapon="${ak1.id}"]`)).toBeChecked();
    await expect(page.locator(`[data-testid="handover-tick"][data-weapon="${pistol.id}"]`)).toBeChecked();
    await expect(page.locator(`[data-testid="handover-tick"][data-weapon="${ak2.id}"]`)).not.toBeChecked();
    await expect(page.getByTestId('counter-missing')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('counter-unexpected')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('location-count')).toHaveText('2 / 3');
    await expect(page.locator('[data-testid="unexpected-item"][data-weapon="' + ak3.id + '"]')).toContainText(ak3.nationalCode);

    // The outgoing storekeeper's key is handed over; the incoming one signs with their account.
    await expect(page.locator('[data-testid="handover-key"][data-key="K-01"]')).toBeChecked();
    await page.locator('#incoming-username').fill(INCOMING.username);
    await page.locator('#incoming-password').fill(INCOMING.password);
    await page.locator('#handover-note').fill('Relève de 20 h');
    await page.getByTestId('handover-submit').click();

    // The confirmation lists the weapon not counted before anything is recorded.
    const confirm = page.getByTestId('handover-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId('confirm-missing').locator('li')).toHaveCount(1);
    await expect(confirm.getByTestId('confirm-missing')).toContainText(ak2.nationalCode);
    await expect(confirm).toContainText(msg(t.confirm.missing_one, { n: 1 }));
    await expect(confirm).toContainText(msg(t.confirm.keys, { incoming: INCOMING.username, keys: 'K-01' }));
    expect(await ok<HandoverRow[]>(app, 'handover.list', {})).toEqual([]);
    await confirm.getByTestId('handover-confirm-submit').click();

    const result = page.getByTestId('handover-result');
    await expect(result).toBeVisible();
    await expect(result.getByTestId('result-missing')).toHaveText('1');
    await expect(result.getByTestId('result-expected')).toHaveText('3');
    await expect(result.getByTestId('result-unexpected')).toHaveText('1');
    await expect(result.getByTestId('result-keys')).toHaveText('1');
    await expect(result.getByTestId('result-missing-list')).toContainText(ak2.nationalCode);
    const caseLink = result.getByTestId('result-case');
    await expect(caseLink).toHaveCount(1);
    const caseId = Number(await caseLink.getAttribute('data-case'));
    await expect(caseLink).toHaveText(msg(t.result.case, { id: caseId }));
    await expect(page.getByTestId('handover-row')).toHaveCount(1);
    await expect(page.getByTestId('handover-row')).toContainText(INCOMING.fullName);

    // Core: one handover signed by both, its case on ak2, the key with the incoming storekeeper.
    const [handover] = await ok<HandoverRow[]>(app, 'handover.list', {});
    expect(handover).toMatchObject({ expected: 3, counted: 3, missing: 1, unexpected: 1, keys: 1, note: 'Relève de 20 h' });
    expect(handover?.outgoing.username).toBe(STOREKEEPER.username);
    expect(handover?.incoming.username).toBe(INCOMING.username);
    const cases = await ok<CaseRow[]>(app, 'cases.list', { status: 'open' });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: caseId, source: 'handover', subject: 'weapon', handoverId: handover?.id, status: 'open' });
    expect(cases[0]?.weapon?.id).toBe(ak2.id);
    const keys = await ok<KeyRow[]>(app, 'keys.list', {});
    expect(keys.map((k) => [k.code, k.holder?.username])).toEqual([['K-01', INCOMING.username]]);

    // The case opens from the result.
    await caseLink.click();
    await expect(page.getByTestId('case-dossier')).toBeVisible();
    await expect(page.getByTestId('case-dossier')).toContainText(ak2.nationalCode);

    // The key register shows the new holder.
    await page.getByTestId('custody-tab-keys').click();
    await expect(page.getByRole('heading', { level: 1, name: t.keys.title })).toBeVisible();
    await expect(page.locator('[data-testid="key-row"][data-code="K-01"]')).toHaveAttribute('data-holder', INCOMING.username);
    await expect(page.locator('[data-testid="key-row"][data-code="K-01"]')).toContainText(KEY.opens);
    await expect(page.getByTestId('key-register')).toHaveCount(0);
  });
}

test('the incoming storekeeper must sign with another account, and a wrong password records nothing', async ({ app, gardienPage: page }) => {
  const seed = await seedHandover(app, page, 'fr');
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-handover').click();
  await expect(page.getByTestId('handover-scan')).toBeFocused();

  // Ticked by hand this time: the whole location at once.
  await page.getByTestId('tick-location').click();
  await expect(page.getByTestId('counter-missing')).toHaveAttribute('data-value', '0');
  await expect(page.locator(`[data-testid="handover-tick"][data-weapon="${seed.weapons.ak2.id}"]`)).toBeChecked();

  // No credentials: the form says so before any confirmation.
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('error-incoming-username')).toBeVisible();
  await expect(page.getByTestId('handover-confirm')).toHaveCount(0);

  // Own account: refused on the field.
  await page.locator('#incoming-username').fill(STOREKEEPER.username);
  await page.locator('#incoming-password').fill(STOREKEEPER.password);
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('confirm-none-missing')).toHaveText(frHandover.confirm.noneMissing);
  await page.getByTestId('handover-confirm-submit').click();
  await expect(page.getByTestId('error-incoming-username')).toBeVisible();

  // Wrong password: refused, the password box emptied.
  await page.locator('#incoming-username').fill(INCOMING.username);
  await page.locator('#incoming-password').fill('pas-le-bon');
  await page.getByTestId('handover-submit').click();
  await page.getByTestId('handover-confirm-submit').click();
  await expect(page.getByTestId('handover-error')).toBeVisible();
  await expect(page.locator('#incoming-password')).toHaveValue('');
  expect(await ok<HandoverRow[]>(app, 'handover.list', {})).toEqual([]);

  await page.locator('#incoming-password').fill(INCOMING.password);
  await page.getByTestId('handover-submit').click();
  await page.getByTestId('handover-confirm-submit').click();
  await expect(page.getByTestId('handover-result')).toBeVisible();
  await expect(page.getByTestId('result-missing')).toHaveText('0');
  await expect(page.getByTestId('result-case')).toHaveCount(0);
  expect(await ok<CaseRow[]>(app, 'cases.list', { status: 'all' })).toEqual([]);

  // A new count starts from the book again; the key has left this account.
  await page.getByTestId('handover-again').click();
  await expect(page.getByTestId('handover-scan')).toBeVisible();
  await expect(page.getByText(frHandover.sign.noKeys)).toBeVisible();
});

test('a manager registers a key for a storekeeper', async ({ app, gardienPage: page }) => {
  await seedCustody(app, { language: 'en', signedIn: 'manager', page });
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-keys').click();
  await expect(page.getByText(enHandover.keys.empty)).toBeVisible();
  await page.getByTestId('key-register').click();
  const dialog = page.getByTestId('key-dialog');
  await dialog.getByTestId('key-submit').click();
  await expect(dialog.getByTestId('error-key-code')).toBeVisible();
  await expect(dialog.getByTestId('error-key-holder')).toBeVisible();
  await dialog.locator('#key-code').fill('k-02');
  await dialog.locator('#key-opens').fill('Ammunition store');
  await dialog.locator('#key-holder').selectOption({ label: msg(enHandover.keys.userOption, { name: STOREKEEPER.fullName, username: STOREKEEPER.username, role: 'Storekeeper' }) });
  await dialog.getByTestId('key-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('keys-notice')).toHaveText(msg(enHandover.keys.registered, { code: 'k-02' }));
  const row = page.locator('[data-testid="key-row"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-holder', STOREKEEPER.username);
  const keys = await ok<KeyRow[]>(app, 'keys.list', {});
  expect(keys).toMatchObject([{ opens: 'Ammunition store', holder: { username: STOREKEEPER.username } }]);
});
