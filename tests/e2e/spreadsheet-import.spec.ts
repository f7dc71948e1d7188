import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import frErrors from '../../locales/fr/errors.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import type { OfficerRow } from '../../src/shared/contract/custody';
import type { RegisterCounts } from '../../src/shared/contract/register';
import type { ImportRecord } from '../../src/shared/domain/spreadsheet';
import { expect, test } from './fixtures';
import { must, prepareArmoury } from './helpers';
import { fr, msg, registerWeapon, setUpArmoury } from './register-helpers';
import { enImports, eventsOfType, findKey, frImports as t, journalSize, writeCsv, writeXlsx } from './spreadsheet-helpers';

/**
 * A weapons register as an armoury really keeps it in French Excel, saved as "CSV (séparateur :
 * point-virgule)": Windows-1252, a title line above the headers, dd/mm/yyyy dates, serials with
 * leading zeros, words of the trade, a type no vocabulary knows, an impossible date, a weapon
 * twice, and one already in the register.
 */
const HEADER = [
  'N° d’ordre', 'Immat. ALPC', 'N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre', 'Pays', 'Emplacement des marquages',
  'Date d’acquisition', 'Mode d’acquisition', 'Provenance', 'Observations',
];
const TITLE = ['Registre des armes — Commissariat central de Kayes (état au 31/12/2023)'];
const NOTE = 'Crosse fêlée, réparée — coût 45 € ; l’œilleton est neuf';
/** Spreadsheet line -> row (null: an empty line, which the sheet shows and the import skips). */
const LINES: (string[] | null)[] = [
  TITLE,
  HEADER,
  ['1', 'ML-PN-000101', '000123', 'MAS', 'MAS 36', 'Fusil', '7,5 mm', 'France', 'Boîte de culasse, côté gauche', '12/03/1998', 'Achat', 'Dotation État', NOTE],
  ['2', 'ML-PN-000102', '004567', 'Norinco', 'Type 56', 'Fusil d’assaut', '7,62x39 mm', 'Chine', 'Boîte de culasse', '05/11/2004', 'Don', 'Coopération', 'Œuvre de l’armurier'],
  ['3', 'ML-PN-000103', '000789', 'Beretta', 'M12', 'Pistolet mitrailleur', '9 mm', 'Italie', 'Carcasse', '31/02/2010', 'Achat', '', 'Date à vérifier'],
  ['4', 'ML-PN-000104', 'TS-9001', 'Baïkal', 'IJ-18', 'Canon scié', '12', 'Russie', 'Canon', '01/06/2015', 'Saisie', 'Tribunal de Kayes', 'Saisie n° 2015/77'],
  null,
  ['5', 'ML-PN-000105', '004567', 'Norinco', 'Type 56', 'Fusil d’assaut', '7,62x39 mm', 'Chine', 'Boîte de culasse', '05/11/2004', 'Don', 'Coopération', 'Recopié deux fois'],
  ['6', 'ML-PN-000106', '000042', 'Kalachnikov', 'AKM', 'Kalach', '7,62x39 mm', 'URSS', 'Boîte de culasse', '15/08/1988', 'Récupération', 'Collecte 2019', 'Remise volontaire près d’Ansongo'],
  ['7', 'ML-PN-000107', '0000777', 'Tokarev', 'TT-33', 'PA', '7,62x25 mm', 'URSS', 'Carcasse, côté gauche', '20/01/2001', 'Cession', 'Garde nationale', ''],
  ['8', 'ML-PN-000108', 'X-31', 'Manurhin', 'MR 73', 'Révolver', '.357 Magnum', 'France', 'Carcasse', '02/02/2002', 'Achat', '', 'Déjà inscrite'],
];
const line = (n: number) => LINES[n - 1];
const DATA_LINES = LINES.flatMap((row, i) => (row && i >= 2 ? [i + 1] : []));
const UNKNOWN_TYPE = { value: 'Canon scié', line: 6 };
/** What the check must find, by the line the spreadsheet shows: an impossible date, a twin of line 4, a national code already held. */
const EXPECTED_ERRORS = [
  { line: 5, column: 'J', field: 'acquisitionDate' },
  { line: 8, column: 'C', field: 'serial' },
  { line: 11, column: 'B', field: 'nationalCode' },
];
const VALID_LINES = DATA_LINES.filter((n) => !EXPECTED_ERRORS.some((e) => e.line === n));

function writeRegister(dataDir: string): string {
  const path = join(dataDir, 'Registre armes Kayes 2023.csv');
  writeCsv(path, LINES.map((row) => row ?? HEADER.map(() => '')), { encoding: 'windows-1252', separator: ';' });
  return path;
}

async function openWizard(page: Page): Promise<void> {
  await page.getByTestId('register-import').click();
  await expect(page.getByTestId('import-screen')).toBeVisible();
  await expect(page.getByTestId('import-kind-weapons')).toBeChecked();
}

test('a French Windows-1252 register: mapping fixed by hand, an unknown type mapped, errors by line, import of the valid rows, found in the register', async ({
  app,
  dataDir,
  snapshotChoice,
  gardienPage: page,
}) => {
  await setUpArmoury(app, page);
  // The weapon of line 11 is already in the register (its national code).
  await registerWeapon(app, { nationalCode: 'ML-PN-000108', serial: 'MR-0001', manufacturer: 'Manurhin', model: 'MR 73', type: 'revolver' });
  const before = await must<RegisterCounts>(app, 'weapons.counts', {});
  const file = writeRegister(dataDir);
  expect(readFileSync(file).includes(Buffer.from([0x80]))).toBe(true); // € in Windows-1252
  snapshotChoice.paths = [file];

  await openWizard(page);
  await expect(page.getByTestId('import-history')).toContainText(t.history.none);
  await page.getByTestId('import-choose-file').click();

  // Step 1: what Gardien read, in words.
  await expect(page.getByTestId('import-file-name')).toHaveText('Registre armes Kayes 2023.csv');
  await expect(page.getByTestId('import-file-encoding')).toHaveText(t.encoding['windows-1252']);
  await expect(page.getByTestId('import-file-separator')).toHaveText(t.separator.semicolon);
  await expect(page.getByTestId('import-file-format')).toHaveText(t.format.csv);
  await expect(page.getByTestId('import-file-size')).toHaveAttribute('data-bytes', String(readFileSync(file).length));
  // The title line is row 1: the headers are row 2.
  await expect(page.getByTestId('import-file-header')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('import-file-header')).toContainText('N° de série');
  await expect(page.getByTestId('import-file-rows')).toHaveAttribute('data-value', String(DATA_LINES.length));
  await expect(page.getByTestId('import-previous')).toHaveCount(0);
  await expect(page.getByTestId('import-mapping-source')).toHaveAttribute('data-saved', 'no');
  await page.getByTestId('import-next').click();

  // Step 2: headers detected, except the national code's; no agency column at all.
  await expect(page.getByTestId('import-step-title')).toHaveText(t.step.map.title);
  const column = (field: string) => page.getByTestId(`map-column-${field}`);
  await expect(column('serial')).toHaveValue(String(HEADER.indexOf('N° de série')));
  await expect(column('manufacturer')).toHaveValue(String(HEADER.indexOf('Marque')));
  await expect(column('type')).toHaveValue(String(HEADER.indexOf('Type d’arme')));
  await expect(column('acquisitionDate')).toHaveValue(String(HEADER.indexOf('Date d’acquisition')));
  await expect(column('nationalCode')).toHaveValue('');
  await expect(column('agency')).toHaveValue('');
  // Required fields without a column or a value: the form says which, and stays.
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('error-map-nationalCode')).toHaveText(frFieldErrors.no_column);
  await expect(page.getByTestId('error-map-agency')).toHaveText(frFieldErrors.no_column);
  await expect(page.getByTestId('import-step-title')).toHaveText(t.step.map.title);
  // The option names the column by letter, header and a sample value.
  await expect(column('nationalCode').locator('option[value="1"]')).toHaveText(`${msg(t.map.option.header, { letter: 'B', header: 'Immat. ALPC' })} ${msg(t.map.option.sample, { sample: 'ML-PN-000101' })}`);
  await column('nationalCode').selectOption('1');
  await expect(page.getByTestId('map-sample-nationalCode')).toHaveText(msg(t.map.sample, { sample: 'ML-PN-000101' }));
  await page.getByTestId('map-constant-agency').selectOption('police');
  await page.getByTestId('import-next').click();

  // Step 3: the first rows as recorded; the unknown type listed, then mapped.
  await expect(page.getByTestId('import-step-title')).toHaveText(t.step.preview.title);
  const unknown = page.getByTestId('import-unknown-value');
  await expect(unknown).toHaveCount(1);
  await expect(unknown).toHaveAttribute('data-field', 'type');
  await expect(unknown).toHaveAttribute('data-value', UNKNOWN_TYPE.value);
  await expect(unknown.locator('td').nth(2)).toHaveText(String(UNKNOWN_TYPE.line));
  const rows = page.getByTestId('import-preview-row');
  await expect(rows).toHaveCount(DATA_LINES.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))))).toEqual(DATA_LINES);
  const cell = (n: number, field: string) => page.locator(`[data-testid="import-preview-row"][data-line="${n}"] td[data-field="${field}"]`);
  await expect(cell(3, 'serial')).toHaveAttribute('data-value', '000123');
  await expect(cell(3, 'acquisitionDate')).toHaveAttribute('data-value', '1998-03-12');
  await expect(cell(3, 'type')).toContainText(fr.type.rifle);
  await expect(cell(3, 'agency')).toHaveAttribute('data-value', 'police');
  await expect(cell(3, 'notes')).toHaveAttribute('data-value', NOTE);
  await expect(cell(5, 'acquisitionDate')).toHaveClass(/imp-cell--error/);
  await expect(cell(UNKNOWN_TYPE.line, 'type')).toHaveClass(/imp-cell--error/);
  await expect(cell(UNKNOWN_TYPE.line, 'type')).toContainText(msg(frFieldErrors.unknown_value, { value: UNKNOWN_TYPE.value }));
  await unknown.getByTestId('import-unknown-choice').selectOption('shotgun');
  await expect(cell(UNKNOWN_TYPE.line, 'type')).toHaveAttribute('data-value', 'shotgun');
  await expect(cell(UNKNOWN_TYPE.line, 'type')).toHaveText(fr.type.shotgun);
  // Mapped, the word stays listed so the choice can be changed.
  await expect(unknown).toHaveAttribute('data-mapped', 'yes');
  await page.getByTestId('import-next').click();

  // Step 4: every row checked; the errors by the line and column the spreadsheet shows.
  const summary = page.getByTestId('import-check-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const count = (fact: string) => page.getByTestId(`import-check-${fact}`);
  await expect(count('rows')).toHaveAttribute('data-value', String(DATA_LINES.length));
  await expect(count('valid')).toHaveAttribute('data-value', String(VALID_LINES.length));
  await expect(count('invalid')).toHaveAttribute('data-value', String(EXPECTED_ERRORS.length));
  await expect(count('duplicatesInFile')).toHaveAttribute('data-value', '1');
  await expect(count('duplicatesInRegister')).toHaveAttribute('data-value', '1');
  const errors = page.getByTestId('import-error-line');
  const listed = await errors.evaluateAll((lis) => lis.map((li) => ({ line: Number(li.dataset.line), column: li.dataset.column, field: li.dataset.field })));
  expect(listed).toEqual(EXPECTED_ERRORS);
  const dateError = page.locator('[data-testid="import-error-line"][data-line="5"]');
  await expect(dateError).toContainText(msg(t.errors.at, { where: msg(t.error.cellHeader, { line: 5, column: 'J', header: 'Date d’acquisition' }) }));
  await expect(dateError).toContainText(fr.field.acquisitionDate);
  await expect(dateError).toContainText(msg(t.quoted, { value: line(5)?.[9] ?? '' }));
  await expect(page.locator('[data-testid="import-error-line"][data-line="8"]')).toContainText(msg(frFieldErrors.duplicate_in_file, { line: 4 }));

  // The error report, saved on the stick, names the same lines.
  await page.getByTestId('import-save-report').click();
  const saved = page.getByTestId('import-save-report-saved');
  await expect(saved).toBeVisible();
  const report = readFileSync((await saved.getAttribute('data-path')) ?? '', 'utf8');
  for (const e of EXPECTED_ERRORS) expect(report).toContain(String(e.line));
  expect(report).toContain('Date d’acquisition');
  await page.getByTestId('import-next').click();

  // Step 5: refused while rows are invalid, unless they are left out; then a last confirmation.
  const run = page.getByTestId('import-run');
  await expect(run).toBeDisabled();
  await expect(page.getByTestId('import-blocked')).toBeVisible();
  await page.getByTestId('import-skip-invalid').check();
  await expect(run).toBeEnabled();
  await expect(run).toHaveText(msg(t.confirm.button.weapons_other, { n: VALID_LINES.length }));
  await run.click();
  const dialog = page.getByTestId('import-confirm-dialog');
  await expect(dialog).toContainText(t.confirm.dialogFinal);
  await dialog.getByTestId('import-confirm-yes').click();
  const done = page.getByTestId('import-done');
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toHaveAttribute('data-imported', String(VALID_LINES.length));
  await expect(done).toHaveAttribute('data-skipped', String(EXPECTED_ERRORS.length));
  await expect(done.getByRole('heading')).toHaveText(msg(t.done.imported.weapons_other, { n: VALID_LINES.length }));

  // Recorded: the valid rows only, each registration carrying its file and line.
  const after = await must<RegisterCounts>(app, 'weapons.counts', {});
  expect(after.total).toBe(before.total + VALID_LINES.length);
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  const sources = eventsOfType(app, 'weapon.registered')
    .map((e) => findKey(e, 'source') as { fileName: string; fileSha256: string; line: number } | undefined)
    .filter((s) => s !== undefined);
  expect(sources.map((s) => s.line)).toEqual(VALID_LINES);
  for (const s of sources) expect([s.fileName, s.fileSha256]).toEqual(['Registre armes Kayes 2023.csv', sha]);
  const imports = await must<ImportRecord[]>(app, 'imports.list', {});
  expect(imports.map((r) => [r.fileName, r.imported, r.skipped])).toEqual([['Registre armes Kayes 2023.csv', VALID_LINES.length, EXPECTED_ERRORS.length]]);

  // Found in the register by the serial with its leading zeros; the dossier holds the registration.
  await page.getByTestId('import-open-list').click();
  const search = page.getByLabel(fr.search.label);
  await search.fill('000123');
  await expect(page.getByTestId('search-status')).toHaveText(msg(fr.list.count_one, { n: 1 }));
  await search.press('Enter');
  const dossier = page.getByTestId('dossier');
  await expect(dossier.getByRole('heading', { level: 1 })).toContainText('ML-PN-000101');
  await expect(dossier).toContainText('000123');
  await expect(page.locator('.reg-fields [data-field="notes"] dd')).toHaveText(NOTE);
  await expect(page.locator('.reg-fields [data-field="type"] dd')).toHaveText(fr.type.rifle);
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('history-entry')).toContainText(fr.event.registered);
  // 000123 is the first data row (line 3): the registration names the file, that line and the file's hash.
  await expect(page.getByTestId('history-entry')).toContainText(
    msg(fr.eventDetail.imported, { fileName: 'Registre armes Kayes 2023.csv', line: 3, sha256: sha.slice(0, 16) }),
  );

  // The wizard now lists the import, and knows this very file.
  await page.getByTestId('nav-register').click();
  await openWizard(page);
  await expect(page.getByTestId('import-history-row')).toHaveAttribute('data-file', 'Registre armes Kayes 2023.csv');
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-previous')).toBeVisible();
  // The mapping made by hand was saved for files of this shape.
  await expect(page.getByTestId('import-mapping-source')).toHaveAttribute('data-saved', 'yes');
  await page.getByTestId('import-next').click();
  await expect(column('nationalCode')).toHaveValue('1');
  await expect(page.getByTestId('map-constant-agency')).toHaveValue('police');
});

/** Rows enough for the check and the import to take a few seconds here: time to cancel each. */
const ROWS = 150_000;

/** A register too big to check in the blink of an eye: every row valid, distinct identifiers. */
function writeLargeRegister(dataDir: string, rows: number): string {
  const path = join(dataDir, 'registre-national.csv');
  const header = ['Marquage national', 'N° de série', 'Marque', 'Modèle', 'Type', 'Calibre', 'Pays', 'Emplacement du marquage', 'Service', 'Date d’acquisition', 'Mode d’acquisition'];
  const data = Array.from({ length: rows }, (_, i) => {
    const n = String(i + 1).padStart(6, '0');
    return [`ML-GN-${n}`, `0${n}`, 'Norinco', 'Type 56', 'Fusil d’assaut', '7,62x39 mm', 'Chine', 'Boîte de culasse', 'Gendarmerie', '01/02/2003', 'Dotation'];
  });
  writeCsv(path, [header, ...data], { encoding: 'windows-1252', separator: ';' });
  return path;
}

test('cancelling the check, then the import, of a 150,000-row file records nothing of it', async ({
  app,
  dataDir,
  snapshotChoice,
  gardienPage: page,
}) => {
  test.setTimeout(240_000);
  await setUpArmoury(app, page);
  const before = await must<RegisterCounts>(app, 'weapons.counts', {});
  const size = journalSize(app);
  snapshotChoice.paths = [writeLargeRegister(dataDir, ROWS)];

  await openWizard(page);
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-file-rows')).toHaveAttribute('data-value', String(ROWS), { timeout: 60_000 });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-preview-row')).toHaveCount(20);
  await page.getByTestId('import-next').click();

  // The check runs: its bar counts rows; Cancel (focused) stops it.
  const progress = page.getByTestId('import-check-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-total', String(ROWS));
  // Cancel has the focus: Enter stops the check.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-error')).toHaveText(frErrors.import_cancelled, { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('import-check-summary')).toHaveCount(0);

  // Checked in full this time. Meanwhile a colleague registers a weapon at the desk: the import
  // must validate every row again against the register as it is now, and is cancelled doing so.
  await page.getByTestId('import-check-again').click();
  await expect(page.getByTestId('import-check-valid')).toHaveAttribute('data-value', String(ROWS), { timeout: 120_000 });
  await registerWeapon(app, { nationalCode: 'ML-PN-777001', serial: 'DESK-1' });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-confirm-yes').click();
  const running = page.getByTestId('import-run-progress');
  await expect(running).toHaveAttribute('data-total', String(ROWS));
  await running.getByTestId('import-run-progress-cancel').click();
  await expect(page.getByTestId('import-error')).toHaveText(frErrors.import_cancelled, { timeout: 60_000 });
  await expect(page.getByTestId('import-done')).toHaveCount(0);

  // Nothing of the file was recorded: only the colleague's weapon is new.
  const after = await must<RegisterCounts>(app, 'weapons.counts', {});
  expect(after.total).toBe(before.total + 1);
  expect(journalSize(app)).toBe(size + 1);
  expect(eventsOfType(app, 'weapon.registered').filter((e) => findKey(e, 'source') !== undefined)).toEqual([]);
  expect(await must<ImportRecord[]>(app, 'imports.list', {})).toEqual([]);
  // The user's work is still there: the import can be asked again at once.
  await expect(page.getByTestId('import-run')).toBeEnabled();
  expect(existsSync(snapshotChoice.paths[0] ?? '')).toBe(true);
});

test('officers from an Excel workbook, in English: opened from the personnel register, every column found, imported and listed', async ({
  app,
  dataDir,
  snapshotChoice,
  gardienPage: page,
}) => {
  const en = enImports;
  await prepareArmoury(app, page, { language: 'en', signedIn: true });
  const path = join(dataDir, 'personnel.xlsx');
  const officers = [
    ['004512', 'Oumar Diallo', 'Sergeant', 'Kati brigade', 'Gendarmerie'],
    ['004513', 'Awa Coulibaly', 'Warrant officer', 'Kati brigade', 'Eaux et Forêts'],
    ['007001', 'Ibrahim Touré', 'Captain', 'Kayes company', 'Police nationale'],
  ];
  // Service numbers typed as text in Excel (a careful clerk formats the column so the zeros stay).
  await writeXlsx(path, [['Service number', 'Name', 'Rank', 'Unit', 'Agency'], ...officers], { textColumns: [0] });
  snapshotChoice.paths = [path];

  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-officers').click();
  await page.getByTestId('officers-import').click();
  await expect(page.getByTestId('import-kind-officers')).toBeChecked();
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-file-format')).toHaveText(en.format.xlsx);
  await expect(page.getByTestId('import-file-encoding')).toHaveCount(0);
  await expect(page.getByTestId('import-file-rows')).toHaveText(msg(en.file.rowCount_other, { n: officers.length }));
  await page.getByTestId('import-next').click();
  for (const [i, field] of ['serviceNumber', 'name', 'rank', 'unit', 'agency'].entries()) {
    await expect(page.getByTestId(`map-column-${field}`)).toHaveValue(String(i));
  }
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-preview-row')).toHaveCount(officers.length);
  await expect(page.getByTestId('import-unknown')).toHaveCount(0);
  await expect(page.locator('[data-testid="import-preview-row"][data-line="3"] td[data-field="agency"]')).toHaveAttribute('data-value', 'water_forestry');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-check-valid')).toHaveAttribute('data-value', String(officers.length));
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-skip-invalid')).toHaveCount(0);
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-confirm-yes').click();
  await expect(page.getByTestId('import-done').getByRole('heading')).toHaveText(msg(en.done.imported.officers_other, { n: officers.length }));
  // Enter on the focused button: the personnel register, where the officers now are.
  await expect(page.getByTestId('import-open-list')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('officers-search').fill('0045');
  await expect(page.getByTestId('officer-open')).toHaveCount(2);
  expect((await page.getByTestId('officer-open').allTextContents()).sort()).toEqual(['004512', '004513']);
  const found = await must<OfficerRow>(app, 'officers.lookup', { serviceNumber: '004513' });
  expect([found.name, found.agency]).toEqual(['Awa Coulibaly', 'water_forestry']);
});
