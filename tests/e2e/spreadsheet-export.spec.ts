import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import enOfficers from '../../locales/en/officers.json';
import type { OfficerRow } from '../../src/shared/contract/custody';
import { expect, test } from './fixtures';
import { must, prepareArmoury } from './helpers';
import { fr, msg, registerWeapon, setUpArmoury } from './register-helpers';
import { exportAs, readCsvFile, readXlsxFile } from './spreadsheet-helpers';

/** Pistols the filter keeps (serials with their zeros, a model that looks like a formula), and rifles it leaves out. */
const PISTOLS = [
  { nationalCode: 'ML-PN-510001', serial: '000451', model: '=1+2' },
  { nationalCode: 'ML-PN-510002', serial: '0099', model: 'PA 50' },
  { nationalCode: 'ML-PN-510003', serial: 'PA-77', model: 'MAC 50' },
];
const RIFLES = [
  { nationalCode: 'ML-PN-520001', serial: '0001', model: 'MAS 36' },
  { nationalCode: 'ML-PN-520002', serial: '0002', model: 'MAS 49' },
];

test('the register filtered to pistols, exported as CSV (BOM, semicolons in French) and XLSX (serials as text): exactly the rows shown', async ({
  app,
  dataDir,
  gardienPage: page,
}) => {
  await setUpArmoury(app, page);
  for (const p of PISTOLS) await registerWeapon(app, { ...p, type: 'pistol', manufacturer: 'MAS', calibre: '9 mm' });
  for (const r of RIFLES) await registerWeapon(app, { ...r, type: 'rifle', manufacturer: 'MAS' });
  await page.reload();
  await page.getByTestId('filter-type').selectOption('pistol');
  await expect(page.getByTestId('search-status')).toHaveText(msg(fr.list.count_other, { n: PISTOLS.length }));

  // CSV: UTF-8 with its BOM, ';' between cells in French, every cell quoted, one line per pistol.
  const csv = await exportAs(page, 'register-export', 'csv');
  expect(dirname(csv.path)).toBe(join(dataDir, 'usb'));
  expect(csv.rows).toBe(PISTOLS.length);
  const { bom, text, rows } = readCsvFile(csv.path, ';');
  expect(bom).toBe(true);
  const [header, ...data] = rows;
  if (!header) throw new Error('empty CSV');
  expect(text.split('\r\n')[0]).toBe(header.map((h) => `"${h}"`).join(';'));
  const col = (label: string) => header.indexOf(label);
  expect(col(fr.field.serial)).toBeGreaterThanOrEqual(0);
  expect(data).toHaveLength(PISTOLS.length);
  expect(data.map((r) => r[col(fr.field.serial)]).sort()).toEqual(PISTOLS.map((p) => p.serial).sort());
  expect(new Set(data.map((r) => r[col(fr.field.type)]))).toEqual(new Set([fr.type.pistol]));
  // A cell that would be a formula is neutralised: a spreadsheet shows it, never evaluates it.
  const formula = data.find((r) => r[col(fr.field.serial)] === '000451')?.[col(fr.field.model)] ?? '';
  expect(formula.endsWith('=1+2')).toBe(true);
  expect(formula.startsWith('=')).toBe(false);

  // XLSX: the same rows; serials and national codes are text cells (leading zeros kept), dates real dates.
  const xlsx = await exportAs(page, 'register-export', 'xlsx');
  expect(xlsx.rows).toBe(PISTOLS.length);
  const sheet = await readXlsxFile(xlsx.path);
  const [head, ...cells] = sheet;
  if (!head) throw new Error('empty sheet');
  const x = (label: string) => head.findIndex((c) => c.text === label);
  expect(cells).toHaveLength(PISTOLS.length);
  for (const row of cells) {
    expect(row[x(fr.field.serial)]?.isText).toBe(true);
    expect(row[x(fr.field.nationalCode)]?.isText).toBe(true);
    expect(row[x(fr.field.model)]?.isText).toBe(true);
    expect(row[x(fr.field.acquisitionDate)]?.type).toBe(ExcelJS.ValueType.Date);
  }
  expect(cells.map((r) => r[x(fr.field.serial)]?.text).sort()).toEqual(PISTOLS.map((p) => p.serial).sort());
  expect(cells.find((r) => r[x(fr.field.serial)]?.text === '000451')?.[x(fr.field.model)]?.text).toBe('=1+2');
});

const OFFICERS = [
  { serviceNumber: '004512', name: 'Oumar Diallo', rank: 'Sergent', unit: 'Brigade de Kati', agency: 'gendarmerie' },
  { serviceNumber: '004513', name: 'Awa Coulibaly', rank: 'Adjudant', unit: 'Brigade de Kati', agency: 'gendarmerie' },
  { serviceNumber: '007001', name: 'Ibrahim Touré', rank: 'Capitaine', unit: 'Compagnie de Kayes', agency: 'gendarmerie' },
];

test('the personnel register searched, exported in English: commas, exactly the officers found, service numbers as text', async ({ app, gardienPage: page }) => {
  await prepareArmoury(app, page, { language: 'en', signedIn: true });
  for (const o of OFFICERS) await must<OfficerRow>(app, 'officers.register', o);
  await page.reload();
  await page.getByTestId('nav-custody').click();
  await page.getByTestId('custody-tab-officers').click();
  await page.getByTestId('officers-search').fill('Kati');
  const found = OFFICERS.filter((o) => o.unit.includes('Kati'));
  await expect(page.getByTestId('officer-open')).toHaveCount(found.length);

  const csv = await exportAs(page, 'officers-export', 'csv');
  expect(csv.rows).toBe(found.length);
  const { bom, text, rows } = readCsvFile(csv.path, ',');
  expect(bom).toBe(true);
  const [header, ...data] = rows;
  if (!header) throw new Error('empty CSV');
  expect(text.split('\r\n')[0]).toBe(header.map((h) => `"${h}"`).join(','));
  const number = header.indexOf(enOfficers.field.serviceNumber);
  expect(data.map((r) => r[number]).sort()).toEqual(found.map((o) => o.serviceNumber).sort());

  const xlsx = await exportAs(page, 'officers-export', 'xlsx');
  const [head, ...cells] = await readXlsxFile(xlsx.path);
  const x = head?.findIndex((c) => c.text === enOfficers.field.serviceNumber) ?? -1;
  expect(cells.map((r) => r[x]?.text).sort()).toEqual(found.map((o) => o.serviceNumber).sort());
  for (const row of cells) expect(row[x]?.isText).toBe(true);
});
