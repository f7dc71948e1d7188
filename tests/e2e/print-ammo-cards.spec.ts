import enCustody from '../../locales/en/custody.json';
import enPrint from '../../locales/en/print.json';
import frCustody from '../../locales/fr/custody.json';
import frPrint from '../../locales/fr/print.json';
import type { JournalHead } from '../../src/shared/contract/app';
import type { VoucherView } from '../../src/shared/contract/custody';
import { createStore, en, fr, msg, ok, openLot, receiveLot } from './ammunition-helpers';
import { seedCustody } from './custody-helpers';
import { expect, test } from './fixtures';
import { ARMOURY, MANAGER, prepareArmoury, signIn, STOREKEEPER } from './helpers';
import { savePdf } from './pdf-helpers';

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

for (const lang of ['fr', 'en'] as const) {
  const a = lang === 'fr' ? fr : en;
  const c = lang === 'fr' ? frCustody : enCustody;
  const p = lang === 'fr' ? frPrint : enPrint;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');

  test(`${lang}: the stock record card runs over pages, each with page x / y, and carries the journal head`, async ({ app, gardienPage: page }) => {
    await prepareArmoury(app, null, { storekeeper: true, signedIn: true, language: lang });
    const store = await createStore(app, 'MAG-1', { '1.4': 100 });
    const lotId = await receiveLot(app, store.id, 5000, { lotNumber: 'NOR-2015-07' });
    const place = { storeId: store.id, bay: 'Travée A' };
    // Enough movements for more than one page.
    for (let i = 1; i <= 30; i++) {
      await ok(app, 'ammo.issue', { lotId, place, quantity: 10 + i, document: `BP-${1000 + i}`, recipient: { kind: 'unit', name: 'Peloton de Kayes' } });
      await ok(app, 'ammo.return', { lotId, place, quantity: 5, document: `BR-${1000 + i}`, from: 'Peloton de Kayes' });
    }
    await ok(app, 'auth.logout', {});
    await page.reload();
    await signIn(page, MANAGER);
    await openLot(page, 'NOR-2015-07');
    await expect(page.getByTestId('card-line')).toHaveCount(61);
    await expect(page.getByTestId('print-head-hash')).toBeAttached();

    const doc = await savePdf(page);
    const head = await ok<JournalHead>(app, 'journal.head', {});
    const title = msg(a.card.printTitle, { lot: 'NOR-2015-07' });
    expect(doc.pages).toBeGreaterThan(1);
    for (const [i, pageText] of doc.pageTexts.entries()) {
      expect(pageText, `page ${i + 1}`).toContain(msg(p.pageOf, { page: i + 1, pages: doc.pages }));
      expect(flat(pageText)).toContain(flat(`${title} · ${ARMOURY.code}`));
    }
    const text = flat(doc.text);
    expect(text).toContain(flat(msg(p.journalHead, { seq: number.format(head.seq), hash: '' }).trim()));
    expect(text.replace(/\s+/g, '')).toContain(head.hash);
    expect(text).toContain('BP-1030');
    // Signed at the end, once, by the storekeeper and the manager.
    const last = flat(doc.pageTexts[doc.pages - 1] ?? '');
    expect(last).toContain(flat(p.signature.storekeeper));
    expect(last).toContain(flat(p.signature.manager));
    expect(flat(doc.pageTexts[0] ?? '')).not.toContain(flat(p.signature.manager));
  });

  test(`${lang}: the issue receipt has page x / y and the journal head`, async ({ app, gardienPage: page }) => {
    const seed = await seedCustody(app, { language: lang, signedIn: 'storekeeper' });
    const voucher = await ok<VoucherView>(app, 'custody.issue', {
      kind: 'checkout', officerId: seed.authorised.id,
      weapons: [{ weaponId: seed.weapons.ak1.id, magazines: 2 }, { weaponId: seed.weapons.ak2.id, magazines: 2 }],
      rounds: [{ lotId: seed.lot.id, storeId: seed.store.id, bay: seed.store.bay, quantity: 60 }],
      duty: 'Patrouille du marché', expectedReturn: new Date(Date.now() + 8 * 3600_000).toISOString(), acknowledgement: seed.authorised.serviceNumber,
    });
    await ok(app, 'auth.logout', {});
    await page.reload();
    await signIn(page, STOREKEEPER);
    await page.getByTestId('nav-custody').click();
    await page.getByTestId('custody-tab-weaponsOut').click();
    await page.getByTestId('weapons-out').getByRole('button', { name: voucher.number, exact: true }).first().click();
    await expect(page.getByTestId('voucher-screen')).toBeVisible();

    const doc = await savePdf(page);
    const text = flat(doc.text);
    expect(text).toContain(c.receipt.title.checkout);
    expect(text).toContain(voucher.number);
    expect(text).toContain(seed.weapons.ak2.serial);
    // The head as read with the voucher: nothing was written since the page read it.
    const head = await ok<JournalHead>(app, 'journal.head', {});
    expect(text).toContain(flat(msg(p.journalHead, { seq: number.format(head.seq), hash: '' }).trim()));
    expect(text.replace(/\s+/g, '')).toContain(head.hash);
    expect(doc.pageTexts[0]).toContain(msg(p.pageOf, { page: 1, pages: doc.pages }));
    expect(flat(doc.pageTexts[0] ?? '')).toContain(flat(`${c.receipt.title.checkout} · ${msg(c.receipt.number, { number: voucher.number })} · ${ARMOURY.code}`));
    expect(text).toContain(flat(c.receipt.signature.recipient));
  });
}
