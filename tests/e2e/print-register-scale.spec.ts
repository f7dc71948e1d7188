import { registerMany } from '../../src/main/core/register/service';
import { SEARCH_CAP } from '../../src/shared/contract/register';
import { PRINT_MAX_ROWS } from '../../src/shared/contract/reports';
import { WEAPON_TYPES } from '../../src/shared/domain/enums';
import type { WeaponFields } from '../../src/shared/domain/weapon';
import type { GardienApp } from '../../src/main/core/app';
import { expect, test } from './fixtures';
import { prepareArmoury } from './helpers';
import { saveDocument } from './pdf-helpers';
import { flat, has, LANGS, number } from './print-register-helpers';
import { msg } from './register-helpers';

/**
 * The register at scale: 10,000 weapons print as one PDF whose pages and rows are right (the
 * header on every page, every weapon once, no row cut in two), and beyond PRINT_MAX_ROWS nothing
 * is printed at all.
 */
// Playwright's trace snapshots the DOM around every step: 110,000 cells would make the harness, not
// the app, the slow part.
test.use({ trace: 'off' });

const code = (n: number) => `ML-PN-${String(n).padStart(7, '0')}`;
const serial = (n: number) => `BLK${String(n).padStart(7, '0')}`;

function bulkWeapon(n: number, agency: WeaponFields['agency'] = 'police'): WeaponFields {
  return {
    nationalCode: code(n), serial: serial(n),
    manufacturer: n % 3 ? 'Norinco' : 'Fabrique Nationale Herstal', model: n % 3 ? 'Type 56' : 'FAL 50.00', countryOfManufacture: 'CN',
    yearOfManufacture: 1985, type: WEAPON_TYPES[n % WEAPON_TYPES.length]!, calibre: '7.62x39mm', markingLocation: 'Boîte de culasse',
    agency, location: `Magasin ${1 + (n % 3)} / Râtelier ${n % 40}`, acquisitionDate: '2010-01-01', acquisitionMode: 'procurement',
    acquisitionSource: '', acquisitionDocument: '', condition: 'serviceable', importCountry: '', importYear: null, importer: '',
    otherMarks: '', marksIllegible: false, markingDate: '', markingOperator: '', markingMachine: '', notes: '',
  };
}

/** Registers weapons 1..n through core's bulk registration (one transaction per 10,000). */
function seedWeapons(app: GardienApp, from: number, to: number, agency: WeaponFields['agency'] = 'police'): void {
  const store = app.store;
  const actor = app.session?.userId;
  if (!store || actor === undefined) throw new Error('not signed in');
  for (let start = from; start <= to; start += 10_000) {
    const end = Math.min(to, start + 9_999);
    registerMany(store, actor, Array.from({ length: end - start + 1 }, (_, k) => bulkWeapon(start + k, agency)));
  }
}

test('a 10,000-weapon register prints with the right pages and rows: header on every page, each weapon once, whole', async ({ app, gardienPage: page }) => {
  test.setTimeout(120_000);
  const { print: p, docs: d } = LANGS.fr;
  const N = 10_000;
  await prepareArmoury(app, null, { signedIn: true });
  const t0 = performance.now();
  seedWeapons(app, 1, N);
  const seedMs = performance.now() - t0;
  await page.reload();
  await expect(page.getByTestId('register-grid')).toHaveAttribute('aria-rowcount', String(N + 1));

  const t1 = performance.now();
  await page.getByTestId('register-print').click();
  const table = page.getByTestId('register-print-table');
  await expect(page.getByTestId('print-document')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const readyMs = performance.now() - t1;
  await expect(table).toHaveAttribute('data-rows', String(N));
  await expect(table).toHaveAttribute('data-render-ms', /^\d+$/);
  const renderMs = Number(await table.getAttribute('data-render-ms'));
  const t2 = performance.now();
  const doc = await saveDocument(page);
  const pdfMs = performance.now() - t2;
  console.log(
    `register print of ${N} weapons: seed ${Math.round(seedMs)} ms, click to ready ${Math.round(readyMs)} ms ` +
      `(rows in to first paint ${renderMs} ms), save as PDF + pdftotext ${Math.round(pdfMs)} ms, ${doc.pages} pages`,
  );

  // Pages: pdfinfo's count is the "y" of "page x / y", and every page carries its own number.
  expect(doc.pages).toBeGreaterThan(N / 60);
  expect(doc.pageTexts).toHaveLength(doc.pages);
  const unnumbered = doc.pageTexts.flatMap((text, i) => (flat(text).includes(flat(msg(p.pageOf, { page: String(i + 1), pages: String(doc.pages) }))) ? [] : [i + 1]));
  expect(unnumbered).toEqual([]);
  // Rows: every national code exactly once, on the same line as its own serial (no row split).
  // Plain checks collected, then asserted once: 10,000 expect() calls would each be a test step.
  const seen = new Map<string, number>();
  const split: string[] = [];
  const noHeader: number[] = [];
  const empty: number[] = [];
  const header = [d.register.column.nationalCode, d.register.column.serial, d.register.column.status].map(flat);
  doc.pageTexts.forEach((text, i) => {
    let rows = 0;
    for (const line of text.split('\n')) {
      for (const m of line.matchAll(/ML-PN-(\d{7})/g)) {
        if (!line.includes(serial(Number(m[1])))) split.push(line);
        seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
        rows += 1;
      }
    }
    // The column header is repeated on every page that holds rows; only the end may hold none.
    if (rows > 0 && !header.every((h) => flat(text).includes(h))) noHeader.push(i + 1);
    if (rows === 0 && i < doc.pages - 2) empty.push(i + 1);
  });
  expect(split).toEqual([]);
  expect(noHeader).toEqual([]);
  expect(empty).toEqual([]);
  expect(seen.size).toBe(N);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  // The total and the count by status at the end, and the register said complete.
  has(doc, msg(d.register.total_other, { n: number('fr', N) }));
  has(doc, d.register.complete);
  has(doc.pageTexts[doc.pages - 1] ?? '', p.signature.manager);
});

test('more weapons than a printed register holds: nothing is printed, a filter is asked for', async ({ app, gardienPage: page }) => {
  test.setTimeout(90_000);
  const { docs: d } = LANGS.fr;
  await prepareArmoury(app, null, { signedIn: true });
  seedWeapons(app, 1, PRINT_MAX_ROWS);
  seedWeapons(app, PRINT_MAX_ROWS + 1, PRINT_MAX_ROWS + 2, 'customs');
  await page.reload();
  await expect(page.getByTestId('register-grid')).toHaveAttribute('aria-rowcount', String(PRINT_MAX_ROWS + 3));

  await page.getByTestId('register-print').click();
  const capped = page.getByTestId('register-print-capped');
  await expect(capped).toBeVisible({ timeout: 30_000 });
  await expect(capped).toContainText(d.register.cappedTitle);
  await expect(capped).toContainText(
    msg(d.register.capped, { n: number('fr', PRINT_MAX_ROWS + 2), max: number('fr', PRINT_MAX_ROWS) }),
  );
  await expect(page.getByTestId('print-document')).toHaveCount(0);
  await expect(page.getByTestId('print-print')).toHaveCount(0);

  // A search stops at SEARCH_CAP hits: its list would not be whole either.
  await page.getByTestId('print-back').click();
  const search = page.getByLabel(LANGS.fr.register.search.label);
  await search.fill('BLK00');
  await expect(page.getByTestId('register-grid')).toHaveAttribute('aria-rowcount', String(SEARCH_CAP + 1));
  await page.getByTestId('register-print').click();
  await expect(capped).toContainText(msg(d.register.searchCapped, { n: number('fr', SEARCH_CAP) }));
  await expect(page.getByTestId('print-document')).toHaveCount(0);

  // With a filter, the part prints.
  await page.getByTestId('print-back').click();
  await search.fill('');
  await page.getByTestId('filter-agency').selectOption('customs');
  await expect(page.getByTestId('register-grid')).toHaveAttribute('aria-rowcount', '3');
  await page.getByTestId('register-print').click();
  await expect(page.getByTestId('print-document')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('register-print-table')).toHaveAttribute('data-rows', '2');
});
