import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fr from '../../locales/fr/commission.json';
import frFields from '../../locales/fr/fieldErrors.json';
import frRegister from '../../locales/fr/register.json';
import type { NationalArmoury } from '../../src/shared/contract/commission';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import {
  ARMOURY_A, ARMOURY_B, armouryWith, commissionReady, commissionTest as test, enrolInUi, expect, exportAt, importInUi, keyOf, must, otherArmouryApp,
  resultRow,
} from './commission-helpers';
import { msg, weaponInput } from './register-helpers';

/** The same firearm registered by both armouries: the national register must notice. */
const SHARED = { nationalCode: 'ML-GN-000123', serial: 'AK-77-1234', manufacturer: 'Kalashnikov', model: 'AKM' };
const STOLEN = { nationalCode: 'ML-GN-000124', serial: 'AK-77-5678', manufacturer: 'Kalashnikov', model: 'AKM' };
const PISTOL = { nationalCode: 'ML-PN-000900', serial: 'PM-55-0001', manufacturer: 'Makarov', model: 'PM', type: 'pistol' as const, calibre: '9x18mm' };

test('two armouries export, the commission enrols and imports them, traces a weapon and sees it active in both', async ({ app, commission }) => {
  // Armoury A (the fixture's app): two rifles, one reported stolen; armoury B: the same rifle and a pistol.
  const [, stolen] = await armouryWith(app, ARMOURY_A, [SHARED, STOLEN]);
  await must<WeaponRecord>(app, 'weapons.reportTheft', { weaponId: stolen?.id, date: '2024-05-02', circumstances: 'Vol lors d’un transport' });
  const b = otherArmouryApp();
  try {
    await armouryWith(b.app, ARMOURY_B, [SHARED, PISTOL]);
    const fileA = await exportAt(app, true);
    const fileB = await exportAt(b.app, true);
    const keyA = (await keyOf(app)).current;
    const keyB = (await keyOf(b.app)).current;

    await commissionReady(commission);
    const page = commission.page;
    await expect(page.getByTestId('commission-badge')).toHaveText(fr.shell.badge);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.armouries.title);
    await expect(page.getByTestId('armouries-empty')).toBeVisible();

    // A fingerprint mistyped from the paper certificate is refused on its field; nothing is enrolled.
    await page.getByTestId('enrol-open').click();
    const dialog = page.getByTestId('enrol-dialog');
    await dialog.locator('#enrol-armoury').fill(ARMOURY_A.armoury.code.toLowerCase());
    await dialog.locator('#enrol-name').fill(ARMOURY_A.armoury.name);
    await dialog.locator('#enrol-publicKey').fill(keyA.publicKey);
    const hex = keyA.fingerprint.replace(/\s/g, '');
    const wrong = hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
    await dialog.locator('#key-fingerprint').fill(wrong);
    await dialog.getByTestId('dialog-submit').click();
    await expect(dialog.getByTestId('error-key-fingerprint')).toHaveText(frFields.fingerprint_mismatch);
    expect(await must<NationalArmoury[]>(commission.app, 'commission.armouries', {})).toEqual([]);
    // Typed as printed (groups of four, any case): accepted.
    await dialog.locator('#key-fingerprint').fill(keyA.fingerprint.toUpperCase());
    await dialog.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('armouries-done')).toHaveText(msg(fr.armouries.enrolled, { code: ARMOURY_A.armoury.code, name: ARMOURY_A.armoury.name }));
    // Armoury B pastes its whole .pub file.
    await enrolInUi(page, ARMOURY_B.armoury, keyB.publicKeyFile, keyB.fingerprint);
    const rowA = page.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"]`);
    await expect(rowA.locator(`[data-key-id="${keyA.keyId}"]`)).toContainText(fr.keyState.active);
    await expect(rowA.getByTestId('armoury-last')).toHaveText(fr.armouries.never);

    // Import both files at once.
    await importInUi(commission, [fileA.path, fileB.path]);
    await expect(page.getByTestId('import-summary')).toHaveText(msg(fr.import.summary, { accepted: 2, duplicate: 0, rejected: 0 }));
    for (const f of [fileA, fileB]) {
      const row = resultRow(page, f.fileName);
      await expect(row).toHaveAttribute('data-outcome', 'accepted');
      await expect(row).toContainText(fr.outcome.accepted);
      await expect(row).toContainText(msg(fr.import.added, { events: f.events, weapons: 2 }));
    }
    const log = page.getByTestId('import-log');
    await expect(log.locator('tbody tr')).toHaveCount(2);
    await expect(log.locator('[data-tamper="yes"]')).toHaveCount(0);

    // The armouries list now shows each one's last snapshot and weapons.
    await page.getByTestId('nav-armouries').click();
    await expect(rowA.getByTestId('armoury-last')).toContainText(msg(fr.armouries.snapshotNumber, { n: 1 }));
    await expect(rowA.locator('td.num').nth(1)).toHaveText('2');

    // An armoury's weapon count opens the national register on its weapons; then every weapon, then filtered.
    await rowA.locator('td.num').nth(1).getByRole('button').click();
    await expect(page.locator('#cm-filter-armoury')).toHaveValue(ARMOURY_A.armoury.code);
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(fr.register.count_other, { n: 2 }));
    await page.locator('#cm-filter-armoury').selectOption('');
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(fr.register.count_other, { n: 4 }));
    await page.locator('#cm-filter-armoury').selectOption(ARMOURY_B.armoury.code);
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(fr.register.count_other, { n: 2 }));
    await expect(page.getByTestId('weapons-table').locator('tbody tr')).toHaveCount(2);
    await page.locator('#cm-filter-armoury').selectOption('');
    await page.locator('#cm-filter-status').selectOption('stolen');
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(fr.register.count_one, { n: 1 }));
    await expect(page.getByTestId('weapons-table')).toContainText(STOLEN.nationalCode);
    await expect(page.getByTestId('weapons-table')).toContainText(frRegister.status.stolen);
    await page.locator('#cm-filter-status').selectOption('');

    // Trace: part of a serial answers while typing, across both armouries; Enter with several matches stays here.
    const trace = page.getByTestId('trace-input');
    await trace.fill('77-12');
    const results = page.getByTestId('trace-results');
    await expect(results.locator('tbody tr')).toHaveCount(2);
    await expect(results.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"]`)).toContainText(SHARED.nationalCode);
    await expect(results.locator(`tr[data-armoury="${ARMOURY_B.armoury.code}"]`)).toContainText(SHARED.nationalCode);
    await trace.press('Enter');
    await expect(page.getByTestId('trace-status')).toHaveText(msg(fr.trace.found_other, { n: 2 }));
    // A scanned national code (typed then Enter) with one match opens its history.
    await trace.fill(PISTOL.nationalCode.toLowerCase());
    await trace.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg(fr.history.title, { nationalCode: PISTOL.nationalCode, serial: PISTOL.serial }));
    await expect(page.getByTestId('history-records').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('history-events').locator('> li')).toHaveCount(1);
    await expect(page.getByTestId('history-events')).toContainText(frRegister.event.registered);
    await page.getByTestId('history-back').click();
    await expect(page.getByTestId('trace-input')).toHaveValue(PISTOL.nationalCode.toLowerCase());

    // Alerts: the rifle registered in both armouries, and the stolen one.
    await page.getByTestId('nav-alerts').click();
    const twice = page.getByTestId('alerts-active_in_two_armouries');
    await expect(twice.locator('li')).toHaveCount(1);
    await expect(twice.locator('li')).toContainText(SHARED.nationalCode);
    await expect(twice.locator('li')).toContainText(ARMOURY_A.armoury.code);
    await expect(twice.locator('li')).toContainText(ARMOURY_B.armoury.code);
    const lost = page.getByTestId('alerts-lost_or_stolen');
    await expect(lost.locator('li')).toHaveCount(1);
    await expect(lost.locator('li')).toContainText(STOLEN.nationalCode);
    await expect(lost.locator('li')).toContainText(frRegister.status.stolen);
    await twice.getByTestId('alert-open').click();
    const records = page.getByTestId('history-records');
    await expect(records.locator('tbody tr')).toHaveCount(2);
    await expect(records.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"]`)).toBeVisible();
    await expect(records.locator(`tr[data-armoury="${ARMOURY_B.armoury.code}"]`)).toBeVisible();
    await expect(page.getByTestId('history-events').locator('> li')).toHaveCount(2);
    await page.getByTestId('history-back').click();

    // Lost and stolen to the INTERPOL focal point: the CSV lands on the "USB stick".
    await page.getByTestId('lost-stolen-csv').click();
    await expect(page.getByTestId('csv-status')).toContainText(commission.stick);
    const [saved, ...more] = readdirSync(commission.stick);
    expect(more).toEqual([]);
    expect(saved).toMatch(/^lost-stolen-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByTestId('csv-status')).toHaveText(msg(fr.alerts.csvSaved_one, { n: 1, path: join(commission.stick, saved ?? '') }));
    const text = readFileSync(join(commission.stick, saved ?? ''), 'utf8');
    expect(text).toContain(STOLEN.serial);
    expect(text).not.toContain(SHARED.serial);

    // The same file again: a no-op, said in words, and nothing new in the log.
    await importInUi(commission, [fileA.path]);
    await expect(resultRow(page, fileA.fileName)).toContainText(fr.outcome.duplicate);
    await expect(resultRow(page, fileA.fileName)).toContainText(fr.import.duplicate);
    await expect(page.getByTestId('import-log').locator('tbody tr')).toHaveCount(2);
  } finally {
    b.dispose();
  }
});

test('a folder of 150 snapshots: the progress bar follows core while they import, in order', async ({ app, commission }) => {
  const FILES = 150;
  await armouryWith(app, ARMOURY_A, [{}]);
  for (let i = 0; i < FILES; i++) {
    await must(app, 'weapons.register', weaponInput());
    await exportAt(app, i === 0);
  }
  const key = (await keyOf(app)).current;
  await commissionReady(commission);
  const page = commission.page;
  await enrolInUi(page, ARMOURY_A.armoury, key.publicKey, key.fingerprint);

  // Every text the progress line shows while the import runs, as the user would have seen it.
  // (Runs in the page: the test's own tsconfig has no DOM types, hence the narrow casts.)
  await page.evaluate(() => {
    type Node = { textContent: string | null };
    const w = globalThis as unknown as {
      progressSeen: string[];
      document: { body: unknown; querySelector: (selector: string) => Node | null };
      MutationObserver: new (callback: () => void) => { observe: (target: unknown, options: object) => void };
    };
    const seen: string[] = [];
    w.progressSeen = seen;
    new w.MutationObserver(() => {
      const text = w.document.querySelector('[data-testid="import-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(w.document.body, { subtree: true, childList: true, characterData: true });
  });
  await importInUi(commission, [join(app.options.dataDir, 'exports')], true);
  await expect(page.getByTestId('import-summary')).toHaveText(msg(fr.import.summary, { accepted: FILES, duplicate: 0, rejected: 0 }));
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
  const counts = seen.map((text) => Number(/^(\d+)/.exec(text)?.[1] ?? -1));
  expect(seen[0]).toBe(msg(fr.import.progress, { done: 0, total: FILES }));
  // Polled from core mid-way: a count strictly between none and all, with the file being checked, never going back.
  const midway = seen.filter((_, i) => (counts[i] ?? 0) > 0 && (counts[i] ?? 0) < FILES);
  expect(midway.length).toBeGreaterThan(0);
  for (const text of midway) expect(text).toMatch(/ · ML-KYS-02-\d{6}\.gsnap$/);
  expect(counts).toEqual([...counts].sort((x, y) => x - y));

  await page.getByTestId('nav-armouries').click();
  await expect(page.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"]`).getByTestId('armoury-last')).toContainText(msg(fr.armouries.snapshotNumber, { n: FILES }));

  // The national register pages through its 151 weapons, 100 at a time.
  await page.getByTestId('nav-register').click();
  const weapons = FILES + 1;
  await expect(page.getByTestId('weapons-count')).toHaveText(msg(fr.register.count_other, { n: weapons }));
  const pager = page.getByTestId('pager');
  await expect(pager).toContainText(msg(fr.pager.range, { first: 1, last: 100, total: weapons }));
  await expect(page.getByTestId('weapons-table').locator('tbody tr')).toHaveCount(100);
  await pager.getByRole('button', { name: fr.pager.next }).click();
  await expect(pager).toContainText(msg(fr.pager.range, { first: 101, last: weapons, total: weapons }));
  await expect(page.getByTestId('weapons-table').locator('tbody tr')).toHaveCount(weapons - 100);
  await expect(pager.getByRole('button', { name: fr.pager.next })).toBeDisabled();
});
