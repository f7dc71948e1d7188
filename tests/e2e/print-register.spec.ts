import type { Page } from '@playwright/test';
import type { GardienApp } from '../../src/main/core/app';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { expect, test } from './fixtures';
import { must, prepareArmoury } from './helpers';
import { saveDocument } from './pdf-helpers';
import { expectHead, flat, has, LANGS, number, type Lang } from './print-register-helpers';
import { msg, weaponInput } from './register-helpers';

/**
 * The weapons register printed as filtered on screen: only the matching rows, the filters said
 * in words ("partial list"), the total and the count by status, the journal head, page x / y.
 */
interface Seed {
  pistols: WeaponRecord[];
  rifles: WeaponRecord[];
}

/** Three pistols (one lost) and four assault rifles; the page then shows the register. */
async function seed(app: GardienApp, page: Page, lang: Lang): Promise<Seed> {
  await prepareArmoury(app, null, { language: lang, signedIn: true });
  const register = (i: number, type: 'pistol' | 'assault_rifle') =>
    must<WeaponRecord>(app, 'weapons.register', weaponInput({
      nationalCode: `ML-GN-81000${i}`, serial: `${type === 'pistol' ? 'PA' : 'AK'}-3300${i}`, type,
      manufacturer: type === 'pistol' ? 'Beretta' : 'Norinco', model: type === 'pistol' ? '92FS' : 'Type 56',
      calibre: type === 'pistol' ? '9x19mm' : '7.62x39mm', location: `Magasin 1 / Râtelier ${i}`,
    }));
  const pistols = [await register(1, 'pistol'), await register(2, 'pistol'), await register(3, 'pistol')];
  const rifles = [await register(4, 'assault_rifle'), await register(5, 'assault_rifle'), await register(6, 'assault_rifle'), await register(7, 'assault_rifle')];
  await must(app, 'weapons.reportLoss', { weaponId: pistols[2]!.id, date: '2024-05-02', circumstances: 'Perdue en patrouille' });
  await page.reload();
  return { pistols, rifles };
}

for (const lang of ['fr', 'en'] as const) {
  test(`the register printed with a filter shows only the matching rows and says it is partial (${lang})`, async ({ app, gardienPage: page }) => {
    const { print: p, register: r, docs: d } = LANGS[lang];
    const { pistols, rifles } = await seed(app, page, lang);
    const grid = page.getByTestId('register-grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '8');
    await page.getByTestId('filter-type').selectOption('pistol');
    await expect(grid).toHaveAttribute('aria-rowcount', '4');

    await page.getByTestId('register-print').click();
    const doc = await saveDocument(page);

    // What the list covers, in words, before anything else.
    const filters = msg(d.register.filter, { field: r.field.type, value: r.type.pistol });
    const order = msg(d.register.order, { column: d.register.sort.registered, dir: d.register.dir.asc });
    has(doc, `${msg(d.register.partial, { filters })} — ${order}`);
    has(doc, d.register.title);
    // Only the pistols, each on one line with its serial, in order of registration.
    const text = flat(doc.text);
    for (const w of pistols) expect(doc.text).toMatch(new RegExp(`${w.nationalCode}\\s+${w.serial}\\s+Beretta\\s+92FS`));
    for (const w of rifles) expect(text).not.toContain(w.nationalCode);
    expect(text.indexOf(pistols[0]!.nationalCode)).toBeLessThan(text.indexOf(pistols[1]!.nationalCode));
    for (const c of ['nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'agency', 'location', 'status', 'condition'] as const) {
      has(doc, d.register.column[c]);
    }
    // The total and the count by status, from the rows printed.
    has(doc, msg(d.register.total_other, { n: number(lang, 3) }));
    has(doc, d.register.byStatus);
    expect(text).toMatch(new RegExp(`${flat(r.status.in_store)} 2\\b`));
    expect(text).toMatch(new RegExp(`${flat(r.status.lost)} 1\\b`));
    has(doc, p.signature.storekeeper);
    has(doc, p.signature.manager);
    // The state it shows, and its pages.
    await expectHead(app, doc, lang);
    expect(doc.pages).toBeGreaterThanOrEqual(1);
    has(doc.pageTexts[0] ?? '', msg(p.pageOf, { page: '1', pages: String(doc.pages) }));
    has(doc.pageTexts[doc.pages - 1] ?? '', msg(p.pageOf, { page: String(doc.pages), pages: String(doc.pages) }));

    // Back on the register, the filter is still there; cleared, the print says "complete".
    await page.getByTestId('print-back').click();
    await expect(page.getByTestId('filter-type')).toHaveValue('pistol');
    await page.getByTestId('filter-type').selectOption('');
    await expect(grid).toHaveAttribute('aria-rowcount', '8');
    await page.getByTestId('register-print').click();
    await expect(page.getByTestId('print-document')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('register-print-scope')).toHaveText(`${d.register.complete} — ${order}`);
    await expect(page.getByTestId('register-print-table')).toHaveAttribute('data-rows', '7');
    await expect(page.getByTestId('register-print-total')).toHaveText(msg(d.register.total_other, { n: number(lang, 7) }));
  });
}
