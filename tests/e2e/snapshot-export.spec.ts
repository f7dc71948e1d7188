import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import enEnums from '../../locales/en/enums.json';
import enPrint from '../../locales/en/print.json';
import en from '../../locales/en/snapshots.json';
import frEnums from '../../locales/fr/enums.json';
import frPrint from '../../locales/fr/print.json';
import fr from '../../locales/fr/snapshots.json';
import { registerMany } from '../../src/main/core/register/service';
import type { JournalHead } from '../../src/shared/contract/app';
import type { ExportedSnapshot, SigningKeys } from '../../src/shared/contract/snapshot';
import type { WeaponFields } from '../../src/shared/domain/weapon';
import { expect, test } from './fixtures';
import { ARMOURY, MANAGER, STOREKEEPER, must, prepareArmoury, signIn } from './helpers';
import { saveDocument } from './pdf-helpers';
import { msg, weaponInput } from './register-helpers';
import { eventsOf, fingerprintOf, fingerprintRows, oneLine, sha256File, verifyWithStandardTools, watchProgress, zipEntries } from './snapshot-helpers';

const LOCALES = { fr: { t: fr, print: frPrint, enums: frEnums }, en: { t: en, print: enPrint, enums: enEnums } } as const;

function bulkWeapon(i: number): WeaponFields {
  return {
    nationalCode: `ML-GN-${String(i + 1).padStart(7, '0')}`,
    serial: `SNP${String(i + 1).padStart(7, '0')}`,
    manufacturer: 'Norinco', model: 'Type 56', countryOfManufacture: 'CN', yearOfManufacture: 1985, type: 'assault_rifle',
    calibre: '7.62x39mm', markingLocation: 'Boîte de culasse', agency: 'gendarmerie', location: `Râtelier ${i % 40}`,
    acquisitionDate: '2010-01-01', acquisitionMode: 'procurement', acquisitionSource: '', acquisitionDocument: '',
    condition: 'serviceable', importCountry: '', importYear: null, importer: '', otherMarks: '', marksIllegible: false,
    markingDate: '', markingOperator: '', markingMachine: '', notes: '',
  };
}

for (const lang of ['fr', 'en'] as const) {
  test(`settings show the signing key as core holds it; its certificate prints identity, key, fingerprint and signatures (${lang})`, async ({ app, gardienPage: page }) => {
    const { t, print, enums } = LOCALES[lang];
    await prepareArmoury(app, page, { language: lang });
    await signIn(page, MANAGER);
    await page.getByTestId('nav-settings').click();

    const keys = await must<SigningKeys>(app, 'snapshots.keys', {});
    const expected = fingerprintOf(keys.current.publicKey);
    const row = app.store?.s.sql("SELECT key_id, fingerprint FROM signing_keys WHERE state = 'current'").get() as { key_id: string; fingerprint: string };
    expect(row.fingerprint).toBe(expected);
    expect(expected).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

    const panel = page.getByTestId('signing-key');
    await expect(panel.getByRole('heading', { name: t.key.title })).toBeVisible();
    const shown = page.getByTestId('signing-key-current-fingerprint');
    await expect(shown).toHaveAttribute('data-fingerprint', expected);
    expect(oneLine(await shown.innerText())).toBe(expected);
    expect((await shown.innerText()).trim().split('\n')).toHaveLength(4);
    await expect(page.getByTestId('signing-key-current-id')).toHaveText(row.key_id);
    await expect(page.getByTestId('signing-key-next')).toHaveCount(0);

    await page.getByTestId('signing-key-current-certificate').click();
    const doc = await saveDocument(page);
    const head = await must<JournalHead>(app, 'journal.head', {});
    const text = doc.text;
    expect(doc.pages).toBe(1);
    for (const s of [t.certificate.title, ARMOURY.code, ARMOURY.name, ARMOURY.region, enums.agency.gendarmerie, row.key_id]) expect(text, s).toContain(s);
    // The key line and the .pub file whole, each on a line of its own: never cut inside a token.
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain(keys.current.publicKey);
    expect(lines).toContain(`untrusted comment: minisign public key ${row.key_id}`);
    for (const r of fingerprintRows(expected)) expect(text).toMatch(r);
    expect(text).toContain(head.hash);
    expect(oneLine(text)).toContain(oneLine(t.certificate.stateCurrent));
    expect(oneLine(text)).toContain(oneLine(t.certificate.instruction).slice(0, 60));
    expect(text).toContain(print.signature.manager);
    expect(text).toContain(print.signature.commissionOfficer);
    expect(doc.path).toMatch(new RegExp(`${msg(t.certificate.fileName, { code: ARMOURY.code, keyId: row.key_id })}\\.pdf$`));
  });
}

test('export: progress, then the summary; the copy on the stick is the file and verifies with minisign and sha256sum; the next export covers only what is new', async ({
  app,
  dataDir,
  gardienPage: page,
}) => {
  test.setTimeout(240_000);
  const { t } = LOCALES.en;
  await prepareArmoury(app, page, { language: 'en', signedIn: true });
  const N = 100_000;
  const store = app.store;
  const actor = app.session?.userId;
  if (!store || actor === undefined) throw new Error('no armoury open');
  for (let start = 0; start < N; start += 10_000) registerMany(store, actor, Array.from({ length: 10_000 }, (_, k) => bulkWeapon(start + k)));
  await page.reload();
  await page.getByTestId('nav-snapshots').click();
  await expect(page.getByTestId('export-history-empty')).toHaveText(t.history.none);
  await expect(page.getByTestId('export-first-full')).toHaveText(t.export.firstIsFull);

  // First export: always full.
  const before = await must<JournalHead>(app, 'journal.head', {});
  const progress = await watchProgress(page);
  await page.getByTestId('export-start').click();
  const summary = page.getByTestId('export-summary');
  await expect(summary).toBeVisible({ timeout: 120_000 });
  const seen = await progress.read();
  expect(seen.length).toBeGreaterThan(0);
  const reported = seen.filter((p) => p.total > 0);
  expect(reported.length, 'core reported progress while the export ran').toBeGreaterThan(0);
  for (const p of reported) expect(p.done).toBeLessThanOrEqual(p.total);
  await expect(page.getByTestId('export-progress')).toHaveCount(0);

  await expect(summary.getByRole('heading')).toHaveText(msg(t.export.doneTitle, { number: 1 }));
  await expect(page.getByTestId('summary-kind')).toHaveText(t.summary.kindFull);
  await expect(page.getByTestId('summary-range')).toHaveAttribute('data-from', '1');
  await expect(page.getByTestId('summary-range')).toHaveAttribute('data-to', String(before.seq));
  await expect(page.getByTestId('summary-events')).toHaveText(before.seq.toLocaleString('en-GB'));
  await expect(page.getByTestId('summary-weapons')).toHaveText(N.toLocaleString('en-GB'));
  await expect(page.getByTestId('summary-head')).toHaveText(before.hash);
  const fileName = (await page.getByTestId('summary-file').textContent()) ?? '';
  expect(fileName).toBe(`${ARMOURY.code}-000001.gsnap`);
  const exported = join(dataDir, 'exports', fileName);
  await expect(page.getByTestId('summary-sha256')).toHaveText(sha256File(exported));
  await expect(page.getByTestId('summary-size')).toHaveAttribute('data-bytes', String(readFileSync(exported).length));

  // Copy to the stick: the same bytes, and the commission's standard tools accept it.
  await page.getByTestId('export-copy').click();
  const saved = page.getByTestId('export-copy-saved');
  await expect(saved).toBeVisible();
  const onStick = join(dataDir, 'usb', fileName);
  await expect(saved).toHaveAttribute('data-path', onStick);
  expect(readFileSync(onStick).equals(readFileSync(exported))).toBe(true);
  const keys = await must<SigningKeys>(app, 'snapshots.keys', {});
  const first = verifyWithStandardTools(onStick, keys.current.publicKey, dataDir);
  expect(first.minisign).toContain('Signature and comment signature verified');
  expect(first.minisign).toContain(`gardien-snapshot armoury=${ARMOURY.code} snapshot=1 to-seq=${before.seq} head=${before.hash}`);
  expect(first.sums.trim().split('\n')).toEqual(['checkpoint.txt: OK', 'events.ndjson: OK', 'state/weapons.ndjson: OK', 'state/lots.ndjson: OK']);
  expect(zipEntries(onStick)).toEqual(['checkpoint.txt', 'events.ndjson', 'state/weapons.ndjson', 'state/lots.ndjson', 'SHA256SUMS', 'SHA256SUMS.minisig']);
  const firstEvents = eventsOf(first.dir);
  expect(firstEvents.map((e) => e.seq)).toEqual(Array.from({ length: before.seq }, (_, i) => i + 1));

  const history = page.getByTestId('export-row-1');
  await expect(history).toContainText(t.summary.kindFull);
  await expect(history).toContainText(t.history.keptYes);

  // Three weapons later, a second export "since the last" (the default once there is one).
  for (let i = 0; i < 3; i += 1) await must(app, 'weapons.register', weaponInput({ agency: 'gendarmerie' }));
  const second = await must<JournalHead>(app, 'journal.head', {});
  await expect(page.getByTestId('export-kind-since')).toBeChecked();
  await expect(page.getByTestId('export-kind-since').locator('..')).toContainText(msg(t.export.sinceLastHint, { number: 1 }));
  await page.getByTestId('export-start').click();
  await expect(summary.getByRole('heading')).toHaveText(msg(t.export.doneTitle, { number: 2 }));
  await expect(page.getByTestId('summary-kind')).toHaveText(t.summary.kindSince);
  await expect(page.getByTestId('summary-range')).toHaveAttribute('data-from', String(before.seq + 1));
  await expect(page.getByTestId('summary-range')).toHaveAttribute('data-to', String(second.seq));
  // The first export's own event, then the three weapons.
  await expect(page.getByTestId('summary-events')).toHaveText(String(second.seq - before.seq));
  expect(second.seq - before.seq).toBe(4);
  // The copy is the next step and has the focus: Enter does it.
  await expect(page.getByTestId('export-copy')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-copy-saved')).toHaveAttribute('data-path', join(dataDir, 'usb', `${ARMOURY.code}-000002.gsnap`));
  const next = verifyWithStandardTools(join(dataDir, 'usb', `${ARMOURY.code}-000002.gsnap`), keys.current.publicKey, dataDir);
  const events = eventsOf(next.dir);
  expect(events.map((e) => e.seq)).toEqual([before.seq + 1, before.seq + 2, before.seq + 3, before.seq + 4]);
  expect(events.map((e) => e.type)).toEqual(['snapshot.exported', 'weapon.registered', 'weapon.registered', 'weapon.registered']);
  expect(events[0]?.prev).toBe(before.hash);
  expect(next.minisign).toContain(`snapshot=2 to-seq=${second.seq} head=${second.hash}`);

  // The list: newest first, both kept, each can be copied again.
  const rows = page.getByTestId('export-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-testid', 'export-row-2');
  await expect(page.getByTestId('export-row-2')).toContainText(t.summary.kindSince);
  const list = await must<ExportedSnapshot[]>(app, 'snapshots.list', {});
  expect(list.map((s) => [s.number, s.kept])).toEqual(expect.arrayContaining([[1, true], [2, true]]));
  await page.getByTestId('export-copy-1').click();
  await expect(page.getByTestId('export-copy-1-saved')).toBeVisible();
  expect(existsSync(join(dataDir, 'usb', `${ARMOURY.code}-000001.gsnap`))).toBe(true);

  // A file gone from the exports folder: the copy says so; read again, the list says it is no longer kept.
  rmSync(join(dataDir, 'exports', `${ARMOURY.code}-000002.gsnap`));
  await page.getByTestId('export-copy-2').click();
  await expect(page.getByTestId('export-copy-2-error')).toHaveText(t.copy.missing);
  await page.getByTestId('nav-register').click();
  await page.getByTestId('nav-snapshots').click();
  await expect(page.getByTestId('export-row-2')).toContainText(t.history.keptNo);
  await expect(page.getByTestId('export-copy-2')).toHaveCount(0);
  await expect(page.getByTestId('export-copy-1')).toBeVisible();
});

test('a key change shows the announced key with its own fingerprint and certificate; the export that announces it hands over to it (fr)', async ({ app, gardienPage: page }) => {
  const { t } = LOCALES.fr;
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByTestId('nav-settings').click();
  const old = await must<SigningKeys>(app, 'snapshots.keys', {});

  await page.getByTestId('rotate-open').click();
  const dialog = page.getByTestId('dialog-rotate-key');
  await expect(dialog).toContainText(t.rotate.commission);
  // A reason is required.
  await dialog.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('error-rotate-reason')).toBeVisible();
  await page.locator('#rotate-reason').fill('PC réparé hors de l’armurerie');
  await dialog.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('rotate-done')).toHaveText(t.rotate.done);

  const keys = await must<SigningKeys>(app, 'snapshots.keys', {});
  if (!keys.next) throw new Error('no announced key after a rotation');
  expect(keys.current.keyId).toBe(old.current.keyId);
  expect(keys.next.keyId).not.toBe(old.current.keyId);
  const nextPrint = fingerprintOf(keys.next.publicKey);
  await expect(page.getByTestId('signing-key-next-fingerprint')).toHaveAttribute('data-fingerprint', nextPrint);
  expect(oneLine(await page.getByTestId('signing-key-next-fingerprint').innerText())).toBe(nextPrint);
  await expect(page.getByTestId('signing-key-next-id')).toHaveText(keys.next.keyId);
  await expect(page.getByTestId('signing-key-current-id')).toHaveText(old.current.keyId);
  await expect(page.getByTestId('signing-key-next')).toContainText(t.key.nextIntro);

  await page.getByTestId('signing-key-next-certificate').click();
  const doc = await saveDocument(page);
  for (const r of fingerprintRows(nextPrint)) expect(doc.text).toMatch(r);
  expect(doc.text.split('\n').map((l) => l.trim())).toContain(keys.next.publicKey);
  expect(oneLine(doc.text)).toContain(oneLine(msg(t.certificate.stateNext, { previous: old.current.keyId })));
  await page.getByTestId('print-back').click();

  // The export that carries the announcement is signed by the old key; then the new one is in use.
  await page.getByTestId('nav-snapshots').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('summary-key')).toHaveText(old.current.keyId);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('signing-key-current-id')).toHaveText(keys.next.keyId);
  await expect(page.getByTestId('signing-key-next')).toHaveCount(0);
});

test('storekeepers see the key and its certificate, but neither the snapshots nor the key change', async ({ app, gardienPage: page }) => {
  await prepareArmoury(app, page, { storekeeper: true });
  await signIn(page, STOREKEEPER);
  await expect(page.getByTestId('nav-register')).toBeVisible();
  await expect(page.getByTestId('nav-snapshots')).toHaveCount(0);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('signing-key-current-fingerprint')).toBeVisible();
  await expect(page.getByTestId('rotate-open')).toHaveCount(0);
  await expect(page.getByTestId('signing-key-current-certificate')).toBeVisible();
});
