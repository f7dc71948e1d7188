import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import enCustody from '../../locales/en/custody.json';
import frCustody from '../../locales/fr/custody.json';
import enErrors from '../../locales/en/errors.json';
import frErrors from '../../locales/fr/errors.json';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import enRegister from '../../locales/en/register.json';
import frRegister from '../../locales/fr/register.json';
import type { GardienApp } from '../../src/main/core/app';
import type { CaseRow, VoucherView } from '../../src/shared/contract/custody';
import type { LotDossier } from '../../src/shared/contract/ammunition';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { MANAGER, ok, seedCustody, STOREKEEPER, type CustodySeed } from './custody-helpers';
import { expect, test } from './fixtures';

const TEXT = {
  fr: { c: frCustody, e: frErrors, f: frFieldErrors, r: frRegister },
  en: { c: enCustody, e: enErrors, f: enFieldErrors, r: enRegister },
} as const;

const fill = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));

/** The test id of the element that has the focus (the page's DOM: no DOM types in this Node file). */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { getAttribute: (name: string) => string | null } | null } }).document;
    return doc.activeElement?.getAttribute('data-testid') ?? null;
  });
}

/** Presses Tab until the element with this test id has the focus (the keyboard way to reach it). */
async function tabTo(page: Page, testId: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedTestId(page)) === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** A scanner: the code typed at once, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 0 });
  await page.keyboard.press('Enter');
}

/** Signs in at the login screen without the mouse (username has the focus). */
async function keyboardSignIn(page: Page, account: { username: string; password: string }): Promise<void> {
  await expect(page.locator('#login-username')).toBeFocused();
  await page.keyboard.type(account.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** From anywhere in the app: Tab to the custody menu, Enter, then the desk's shortcut key. */
async function openDesk(page: Page, key: 'F2' | 'F3'): Promise<void> {
  await tabTo(page, 'nav-custody');
  await page.keyboard.press('Enter');
  await page.keyboard.press(key);
  await expect(page.getByTestId(key === 'F2' ? 'issue-screen' : 'return-screen')).toBeVisible();
}

const inAnHour = (hours = 8) => new Date(Date.now() + hours * 3600_000).toISOString();

/** An issue through core, for the tests that start at the return. */
async function issueByCore(app: GardienApp, seed: CustodySeed, rounds = 60): Promise<VoucherView> {
  return ok<VoucherView>(app, 'custody.issue', {
    kind: 'checkout',
    officerId: seed.authorised.id,
    weapons: [{ weaponId: seed.weapons.ak1.id, magazines: 2 }],
    rounds: [{ lotId: seed.lot.id, storeId: seed.store.id, bay: seed.store.bay, quantity: rounds }],
    duty: 'Garde du marché',
    expectedReturn: inAnHour(),
    acknowledgement: seed.authorised.serviceNumber,
  });
}

const weaponStatus = async (app: GardienApp, id: number) => (await ok<{ weapon: WeaponRecord }>(app, 'weapons.get', { id })).weapon.status;

for (const lang of ['fr', 'en'] as const) {
  const { c, e, f, r } = TEXT[lang];

  test(`${lang}: a full issue and return at the keyboard only, with a scanner`, async ({ gardienPage: page, app }) => {
    const seed = await seedCustody(app, { language: lang, page });
    await keyboardSignIn(page, STOREKEEPER);
    await openDesk(page, 'F2');
    await expect(page.getByRole('heading', { name: c.issue.title })).toBeVisible();

    // The officer: service number, Enter; the card says who it is and what they may carry.
    await expect(page.getByTestId('officer-input')).toBeFocused();
    await scan(page, seed.authorised.serviceNumber);
    await expect(page.getByTestId('officer-name')).toHaveText(seed.authorised.name);
    await expect(page.getByTestId('officer-status')).toHaveText(c.officerStatus.active);
    await expect(page.getByTestId('officer-authorisations')).toContainText('2099');

    // Two rifles, scanned fast: one by serial, one by national code; focus stays in the scan box.
    await expect(page.getByTestId('weapon-scan')).toBeFocused();
    await scan(page, seed.weapons.ak1.serial);
    await expect(page.getByTestId('issue-line')).toHaveCount(1);
    await scan(page, seed.weapons.ak2.nationalCode);
    await expect(page.getByTestId('issue-line')).toHaveCount(2);
    await scan(page, seed.weapons.ak2.serial);
    await expect(page.getByTestId('scan-refusal')).toHaveText(fill(c.issue.weapons.alreadyListed, { code: seed.weapons.ak2.nationalCode }));
    await expect(page.getByTestId('issue-line')).toHaveCount(2);

    // Magazines on each line: Tab into the line, type, Enter goes back to the scan box.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weapon-scan')).toBeFocused();
    await tabTo(page, 'line-magazines'); // the first line's again
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weapon-scan')).toBeFocused();

    // An empty Enter moves on to the rounds: the 7.62x39 lot is suggested, its bay chosen.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rounds-lot')).toBeFocused();
    await expect(page.getByTestId('rounds-lot')).toHaveValue(String(seed.lot.id));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rounds-place')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rounds-quantity')).toBeFocused();
    await page.keyboard.type('60');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-duty')).toBeFocused();
    await page.keyboard.type('Patrouille du marché');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-expected')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-note')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-ack')).toBeFocused();
    // The officer acknowledges with their own service number; Enter in the last field issues.
    await scan(page, seed.authorised.serviceNumber);

    await expect(page.getByTestId('voucher-screen')).toBeVisible();
    const number = (await page.getByTestId('voucher-number').textContent()) ?? '';
    const list = await ok<{ rows: { id: number; number: string }[] }>(app, 'custody.vouchers', { officerId: seed.authorised.id });
    expect(list.rows).toHaveLength(1);
    expect(number).toBe(list.rows[0]?.number);
    const voucher = await ok<VoucherView>(app, 'custody.voucher', { id: list.rows[0]?.id ?? 0 });
    expect(voucher.weapons.map((w) => [w.weapon.id, w.magazines])).toEqual([[seed.weapons.ak1.id, 2], [seed.weapons.ak2.id, 3]]);
    expect(voucher.rounds.map((r) => [r.lotId, r.issued])).toEqual([[seed.lot.id, 60]]);
    expect(voucher.duty).toBe('Patrouille du marché');
    expect(voucher.issuer.username).toBe(STOREKEEPER.username);
    expect(voucher.acknowledgement).toBe(seed.authorised.serviceNumber);
    // Eight hours by default, sent as an instant.
    expect(Math.abs(Date.parse(voucher.expectedReturn) - (Date.parse(voucher.issuedAt) + 8 * 3600_000))).toBeLessThan(120_000);
    expect(await weaponStatus(app, seed.weapons.ak1.id)).toBe('issued');
    await expect(page.getByTestId('voucher-print')).toBeFocused();
    await expect(page.getByTestId('voucher-weapon')).toHaveCount(2);

    // The printed receipt: A4, in the user's language, with the voucher number and signature blocks.
    await expect(page.getByTestId('receipt-head')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('receipt-head')).toBeVisible();
    await expect(page.getByTestId('receipt-head')).toContainText(fill(c.receipt.number, { number }));
    await expect(page.getByTestId('receipt-head')).toContainText(voucher.head.hash);
    await expect(page.getByTestId('receipt-signatures')).toContainText(c.receipt.signature.recipient);
    await expect(page.getByRole('navigation').first()).toBeHidden();
    const text = pdfText(await page.pdf({ format: 'A4' }));
    expect(text).toContain(number);
    expect(text).toContain(c.receipt.title.checkout);
    expect(text).toContain(seed.weapons.ak2.serial);
    await page.emulateMedia({ media: 'screen' });

    // The return: F3, scan one rifle (its voucher comes up, that rifle ticked), scan the other.
    await page.keyboard.press('F3');
    await expect(page.getByTestId('return-scan')).toBeFocused();
    await scan(page, seed.weapons.ak1.serial);
    await expect(page.getByTestId('return-voucher')).toContainText(number);
    const lines = page.getByTestId('return-line');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toHaveAttribute('data-returned', 'true');
    await expect(lines.nth(1)).toHaveAttribute('data-returned', 'false');
    await expect(page.getByTestId('return-scan')).toBeFocused();
    await scan(page, seed.weapons.ak2.nationalCode);
    await expect(lines.nth(1)).toHaveAttribute('data-returned', 'true');

    // Enter in the empty box moves to the counts; Enter walks through them.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-returned').first()).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter'); // two ticks, two conditions
    await expect(page.getByTestId('return-magazines')).toBeFocused();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-rounds-expended')).toBeFocused();
    await page.keyboard.type('20');
    await expect(page.getByTestId('reconcile-line')).toHaveText(
      `${fill(c.reconcile.lot, { lot: seed.lot.lotNumber })} ${fill(c.reconcile.equation, { issued: 60, expended: 20, returned: 40, unaccounted: 0 })}`,
    );
    await expect(page.getByTestId('return-warning')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-reference')).toBeFocused();
    await page.keyboard.type('CR-TIR-2024-11');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // the note is the last field: Enter records

    await expect(page.getByTestId('return-result')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('return-result-state')).toHaveText(c.return.result.closed);
    await expect(page.getByTestId('return-result-clean')).toHaveText(c.return.result.clean);
    await expect(page.getByTestId('return-next')).toBeFocused();

    const back = await ok<VoucherView>(app, 'custody.voucher', { id: voucher.id });
    expect(back.closed).toBe(true);
    expect(back.rounds[0]).toMatchObject({ issued: 60, returned: 40, expended: 20, unaccounted: 0 });
    expect(back.magazinesReturned).toBe(5);
    expect(back.reference).toBe('CR-TIR-2024-11');
    expect(back.cases).toEqual([]);
    expect(await weaponStatus(app, seed.weapons.ak1.id)).toBe('in_store');
    expect(await weaponStatus(app, seed.weapons.ak2.id)).toBe('in_store');
    const lot = await ok<LotDossier>(app, 'lots.get', { id: seed.lot.id });
    expect(lot.lot.outstanding).toBe(0);
    expect(lot.lot.onHand.serviceable).toBe(seed.lot.quantity - 20);

    // The weapon's dossier tells the issue and the return in the same language.
    const history = await ok<{ history: { type: string }[] }>(app, 'weapons.get', { id: seed.weapons.ak1.id });
    expect(history.history.map((h) => h.type)).toEqual(expect.arrayContaining(['custody.issued', 'custody.returned']));
  });

  test(`${lang}: a return with rounds missing opens a case`, async ({ gardienPage: page, app }) => {
    const seed = await seedCustody(app, { language: lang, signedIn: 'storekeeper', page });
    const voucher = await issueByCore(app, seed, 60);
    await openDesk(page, 'F3');
    await scan(page, seed.weapons.ak1.nationalCode);
    await expect(page.getByTestId('return-voucher')).toContainText(voucher.number);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-magazines')).toBeFocused();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('50');
    // Ten rounds unaccounted: the live line says so, and a warning names what a case opens for.
    await expect(page.getByTestId('reconcile-line')).toHaveAttribute('data-unaccounted', '10');
    await expect(page.getByTestId('return-warning')).toContainText(c.return.warning.title);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('return-confirm')).toBeFocused();
    const beforeCases = await ok<CaseRow[]>(app, 'cases.list', { status: 'all' });
    expect(beforeCases).toEqual([]);
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('return-result')).toHaveAttribute('data-state', 'closed');
    const items = page.getByTestId('return-cases').getByTestId('case-link-item');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toHaveAttribute('data-subject', 'rounds');
    const cases = await ok<CaseRow[]>(app, 'cases.list', { status: 'open' });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ subject: 'rounds', quantity: 10, voucherId: voucher.id, source: 'custody' });
    await expect(items.first()).toHaveAttribute('data-case-id', String(cases[0]?.id));
    const back = await ok<VoucherView>(app, 'custody.voucher', { id: voucher.id });
    expect(back.rounds[0]).toMatchObject({ issued: 60, returned: 50, expended: 0, unaccounted: 10 });
    expect((await ok<LotDossier>(app, 'lots.get', { id: seed.lot.id })).lot.outstanding).toBe(10);

    // The link opens the case.
    await tabTo(page, `case-link-${cases[0]?.id}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-dossier')).toBeVisible();

    // The rifle's dossier tells the issue and the return in words.
    await tabTo(page, 'nav-register');
    await page.keyboard.press('Enter');
    await page.getByLabel(r.search.label).fill(seed.weapons.ak1.nationalCode);
    await page.getByLabel(r.search.label).press('Enter');
    const issued = page.locator('[data-testid="history-entry"][data-type="custody.issued"]');
    await expect(issued).toContainText(r.event.custody_issued);
    await expect(issued).toContainText(fill(r.custodyDetail.voucher, { number: voucher.number, kind: r.custodyDetail.kind.checkout }));
    await expect(issued).toContainText(fill(r.custodyDetail.officer, { serviceNumber: seed.authorised.serviceNumber }));
    const returned = page.locator('[data-testid="history-entry"][data-type="custody.returned"]');
    await expect(returned).toContainText(r.event.custody_returned);
    await expect(returned).toContainText(fill(r.custodyDetail.roundsBack, { returned: 50, expended: 0, unaccounted: 10 }));
  });

  test(`${lang}: a weapon declared not returned comes back late, on the settled voucher`, async ({ gardienPage: page, app }) => {
    const seed = await seedCustody(app, { language: lang, signedIn: 'storekeeper', page });
    const { ak1, ak2, ak3 } = seed.weapons;
    const v = await ok<VoucherView>(app, 'custody.issue', {
      kind: 'checkout', officerId: seed.authorised.id, weapons: [{ weaponId: ak1.id, magazines: 1 }, { weaponId: ak2.id, magazines: 1 }],
      duty: 'Patrouille de nuit', expectedReturn: inAnHour(), acknowledgement: seed.authorised.serviceNumber,
    });
    const settled = await ok<{ cases: CaseRow[] }>(app, 'custody.return', {
      voucherId: v.id, weapons: [{ weaponId: ak1.id, returned: true }, { weaponId: ak2.id, returned: false }], magazinesReturned: 2,
    });
    expect(settled.cases).toHaveLength(1);

    await openDesk(page, 'F3');
    await scan(page, ak3.serial);
    await expect(page.getByTestId('return-refusal')).toHaveText(fill(c.return.notOut, { code: ak3.nationalCode, status: r.status.in_store }));
    await scan(page, ak2.serial);
    await expect(page.getByTestId('late-return-form')).toBeVisible();
    await expect(page.getByTestId('return-voucher')).toContainText(c.voucher.state.settled);
    await expect(page.getByTestId('late-line')).toHaveCount(1);
    await expect(page.getByTestId('late-returned')).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('late-returned')).toBeFocused();
    await page.keyboard.press('Control+Enter');

    await expect(page.getByTestId('return-result')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('return-result-late')).toHaveText(c.return.result.late);
    const link = page.getByTestId('return-cases').getByTestId('case-link-item');
    await expect(link).toHaveAttribute('data-case-id', String(settled.cases[0]?.id));
    const back = await ok<VoucherView>(app, 'custody.voucher', { id: v.id });
    expect(back.closed).toBe(true);
    expect(back.weapons.map((w) => w.outcome)).toEqual(['returned', 'returned']);
    expect(await weaponStatus(app, ak2.id)).toBe('in_store');
    // The case stays open: only a manager closes it (as "returned").
    expect((await ok<CaseRow[]>(app, 'cases.list', { status: 'open' })).map((x) => x.id)).toEqual([settled.cases[0]?.id]);
  });

  test(`${lang}: where the armoury requires it, a second account countersigns the issue`, async ({ gardienPage: page, app }) => {
    const seed = await seedCustody(app, { language: lang, signedIn: 'manager' });
    await ok(app, 'settings.update', { countersignIssues: true });
    await ok(app, 'auth.logout', {});
    await ok(app, 'auth.login', { username: STOREKEEPER.username, password: STOREKEEPER.password });
    await page.reload();
    await openDesk(page, 'F2');
    await scan(page, seed.authorised.serviceNumber);
    await expect(page.getByTestId('officer-name')).toHaveText(seed.authorised.name);
    await scan(page, seed.weapons.ak1.serial);
    await expect(page.getByTestId('issue-line')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await tabTo(page, 'issue-duty');
    await page.keyboard.type('Permanence au poste');
    await tabTo(page, 'issue-ack');
    // The acknowledgement is no longer the last field: Enter goes on to the countersignature.
    await scan(page, seed.authorised.serviceNumber);
    await expect(page.getByTestId('issue-countersigner')).toContainText(c.credentials.countersignTitle);
    await expect(page.locator('#issue-countersigner-username')).toBeFocused();

    // The storekeeper cannot countersign their own issue.
    await page.keyboard.type(STOREKEEPER.username);
    await page.keyboard.press('Enter');
    await page.keyboard.type(STOREKEEPER.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('error-issue-countersigner-username')).toHaveText(f.approver_same_person);
    await expect(page.locator('#issue-countersigner-username')).toBeFocused();
    expect((await ok<{ total: number }>(app, 'custody.vouchers', {})).total).toBe(0);

    await page.keyboard.type(MANAGER.username);
    await page.keyboard.press('Enter');
    await page.keyboard.type(MANAGER.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('voucher-countersigner')).toContainText(MANAGER.fullName);
    const list = await ok<{ rows: { id: number }[] }>(app, 'custody.vouchers', {});
    const v = await ok<VoucherView>(app, 'custody.voucher', { id: list.rows[0]?.id ?? 0 });
    expect(v.countersigner?.username).toBe(MANAGER.username);
    expect(v.issuer.username).toBe(STOREKEEPER.username);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('receipt-signatures')).toContainText(MANAGER.fullName);
  });

  test(`${lang}: refusals at the scan, and an unauthorised officer is refused until a manager overrides`, async ({ gardienPage: page, app }) => {
    const seed = await seedCustody(app, { language: lang, signedIn: 'storekeeper', page });
    const first = await issueByCore(app, seed);
    await ok(app, 'weapons.maintenanceOut', { weaponId: seed.weapons.ak2.id, workshop: 'Atelier central', reason: 'Culasse grippée' });
    await openDesk(page, 'F2');

    await scan(page, 'GN-00000');
    await expect(page.getByTestId('officer-error')).toHaveText(e.officer_not_found);
    await page.keyboard.press('Control+A');
    await scan(page, seed.unauthorised.serviceNumber);
    await expect(page.getByTestId('officer-name')).toHaveText(seed.unauthorised.name);
    await expect(page.getByTestId('officer-no-authorisation')).toBeVisible();

    // Each refusal is said right at the scan box, in words, with the voucher it is out on.
    await scan(page, seed.weapons.ak1.serial);
    await expect(page.getByTestId('scan-refusal')).toHaveAttribute('data-code', 'weapon_already_out');
    await expect(page.getByTestId('scan-refusal')).toContainText(first.number);
    await scan(page, seed.weapons.ak2.serial);
    await expect(page.getByTestId('scan-refusal')).toHaveText(fill(e.weapon_in_maintenance, { nationalCode: seed.weapons.ak2.nationalCode }));
    await scan(page, 'NO-SUCH-WEAPON');
    await expect(page.getByTestId('scan-refusal')).toHaveText(e.weapon_not_found);
    await expect(page.getByTestId('issue-line')).toHaveCount(0);
    await scan(page, seed.weapons.ak3.serial);
    await expect(page.getByTestId('issue-line')).toHaveCount(1);
    await expect(page.getByTestId('line-unauthorised')).toBeVisible();

    // Back to the kind of issue (just before the scan box): a long-term assignment has no return time.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('issue-kind')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('issue-kind')).toHaveValue('assignment');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weapon-scan')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rounds-lot')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rounds-quantity')).toBeFocused();
    await page.keyboard.press('Enter'); // no rounds
    await expect(page.getByTestId('issue-duty')).toBeFocused();
    await page.keyboard.type('Escorte de fonds');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-expected')).toHaveCount(0);
    await expect(page.getByTestId('issue-note')).toBeFocused();
    await page.keyboard.press('Enter');
    await scan(page, seed.unauthorised.serviceNumber);

    await expect(page.getByTestId('issue-error')).toHaveAttribute('data-code', 'officer_not_authorised');
    await expect(page.getByTestId('issue-error')).toHaveText(fill(e.officer_not_authorised, { name: seed.unauthorised.name, nationalCode: seed.weapons.ak3.nationalCode }));
    await expect(page.getByTestId('issue-override')).toBeVisible();
    await expect(page.locator('#issue-override-username')).toBeFocused();
    expect((await ok<{ total: number }>(app, 'custody.vouchers', { officerId: seed.unauthorised.id })).total).toBe(0);

    // A storekeeper's account cannot override.
    await page.keyboard.type(STOREKEEPER.username);
    await page.keyboard.press('Enter');
    await page.keyboard.type(STOREKEEPER.password);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mission urgente ordonnée par le commandant');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('issue-error')).toHaveAttribute('data-code', 'override_needs_manager');
    await expect(page.getByTestId('issue-error')).toHaveText(e.override_needs_manager);
    await expect(page.locator('#issue-override-username')).toBeFocused();

    // The manager's own credentials: Enter in the reason sends again, the voucher records the override.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(MANAGER.username);
    await page.keyboard.press('Enter');
    await page.keyboard.type(MANAGER.password);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('voucher-screen')).toBeVisible();
    await expect(page.getByTestId('voucher-override')).toContainText('Mission urgente ordonnée par le commandant');
    await expect(page.getByTestId('voucher-override')).toContainText(MANAGER.fullName);

    const list = await ok<{ rows: { id: number }[] }>(app, 'custody.vouchers', { officerId: seed.unauthorised.id });
    const v = await ok<VoucherView>(app, 'custody.voucher', { id: list.rows[0]?.id ?? 0 });
    expect(v.override).toMatchObject({ by: { username: MANAGER.username }, reason: 'Mission urgente ordonnée par le commandant', weaponTypes: ['assault_rifle'] });
    expect(v.issuer.username).toBe(STOREKEEPER.username);
    expect(v.weapons.map((w) => w.weapon.id)).toEqual([seed.weapons.ak3.id]);
    expect(v).toMatchObject({ kind: 'assignment', expectedReturn: '', duty: 'Escorte de fonds', rounds: [] });
    expect(await weaponStatus(app, seed.weapons.ak3.id)).toBe('assigned');
  });
}

/** The text of a PDF, as pdftotext reads it back. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gardien-receipt-'));
  try {
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
