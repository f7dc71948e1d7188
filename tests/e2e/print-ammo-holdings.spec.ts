import enPrint from '../../locales/en/print.json';
import enReports from '../../locales/en/reports.json';
import frPrint from '../../locales/fr/print.json';
import frReports from '../../locales/fr/reports.json';
import type { GardienApp } from '../../src/main/core/app';
import type { JournalHead } from '../../src/shared/contract/app';
import type { HoldingsReport } from '../../src/shared/contract/reports';
import { ball as lotInput, createStore, en, fr, msg, ok, receiveLot, today } from './ammunition-helpers';
import { expect, test } from './fixtures';
import { MANAGER, prepareArmoury, signIn } from './helpers';
import { saveDocument } from './pdf-helpers';

interface Line {
  store: string;
  lot: string;
  bay: string;
  condition: 'serviceable' | 'suspended';
  quantity: number;
  neqPerUnitKg: number;
  nature: string;
  calibre: string;
}

const BALL = { nature: 'Cartouche 7,62x39 mm', calibre: '7.62x39mm', neqPerUnitKg: 0.001 };
const NINE = { nature: 'Cartouche 9 mm', calibre: '9x19mm', neqPerUnitKg: 0.0004, roundsPerBox: 50, boxesPerCase: 20 };
const LOOSE = { nature: 'Cartouche 12', calibre: '12 gauge', neqPerUnitKg: 0.002, roundsPerBox: 1, boxesPerCase: 1 };

/**
 * Two stores: MAG-1 holds one lot in two bays, part of it suspended; MAG-2 a lot of 9 mm and a
 * lot of unknown number packed loose. Returns every line the holdings must show.
 */
async function seedHoldings(app: GardienApp, language: 'fr' | 'en'): Promise<Line[]> {
  await prepareArmoury(app, null, { storekeeper: true, signedIn: true, language });
  const mag1 = await createStore(app, 'MAG-1', { '1.4': 100 });
  const mag2 = await createStore(app, 'MAG-2', { '1.4': 50 });
  const a = { storeId: mag1.id, bay: 'Travée A' };
  const ball = await receiveLot(app, mag1.id, 1000, { lotNumber: 'NOR-2015-07', ...BALL });
  await ok(app, 'ammo.move', { lotId: ball, from: a, to: { storeId: mag1.id, bay: 'Travée B' }, condition: 'serviceable', quantity: 230, document: 'MV-01' });
  await ok(app, 'ammo.changeCondition', { lotId: ball, place: a, from: 'serviceable', to: 'suspended', quantity: 40, reason: 'Étuis oxydés' });
  await receiveLot(app, mag2.id, 2000, { lotNumber: 'FN-2019-03', ...NINE });
  const loose = await ok<{ lotId: number }>(app, 'ammo.receiveNewLot', {
    lot: lotInput({ lotState: 'unknown', lotNumber: '', ...LOOSE }),
    place: { storeId: mag2.id, bay: 'Travée B' }, quantity: 150, date: today(), source: 'Saisie', document: 'PV-SAISIE-3',
  });
  expect(loose.lotId).toBeGreaterThan(0);
  await ok(app, 'auth.logout', {});
  return [
    { store: 'MAG-1', lot: 'NOR-2015-07', bay: 'Travée A', condition: 'serviceable', quantity: 730, ...BALL },
    { store: 'MAG-1', lot: 'NOR-2015-07', bay: 'Travée A', condition: 'suspended', quantity: 40, ...BALL },
    { store: 'MAG-1', lot: 'NOR-2015-07', bay: 'Travée B', condition: 'serviceable', quantity: 230, ...BALL },
    { store: 'MAG-2', lot: 'FN-2019-03', bay: 'Travée A', condition: 'serviceable', quantity: 2000, ...NINE },
    { store: 'MAG-2', lot: '', bay: 'Travée B', condition: 'serviceable', quantity: 150, ...LOOSE },
  ];
}

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The printed line holding these cells in order (pdftotext -layout keeps a table row on one line);
 * with `gaps`, other cells may sit between them. Line by line, each cell found after the previous
 * one, so no pattern can backtrack across the document.
 */
function printedRow(text: string, cells: string[], gaps = false): string | undefined {
  const patterns = cells.map((c) => new RegExp(`(?:^| )${escape(flat(c)).replace(/ /g, ' ?')}(?= |$)`, 'g'));
  return text.split('\n').find((line) => {
    let at = 0;
    for (const re of patterns) {
      re.lastIndex = at;
      const m = re.exec(line);
      if (!m || (!gaps && line.slice(at, m.index).trim() !== '')) return false;
      at = m.index + m[0].length;
    }
    return gaps || line.slice(at).trim() === '';
  });
}

for (const lang of ['fr', 'en'] as const) {
  const r = lang === 'fr' ? frReports : enReports;
  const p = lang === 'fr' ? frPrint : enPrint;
  const a = lang === 'fr' ? fr : en;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const kg = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 });

  test(`${lang}: ammunition holdings by store and lot, with store and grand totals`, async ({ app, gardienPage: page }) => {
    const lines = await seedHoldings(app, lang);
    const stores = ['MAG-1', 'MAG-2'];
    const sum = (ls: Line[], f: (l: Line) => number) => ls.reduce((s, l) => s + f(l), 0);
    const storeLines = (code: string) => lines.filter((l) => l.store === code);

    // Core's report holds what was seeded: every line, each store's total and the grand total.
    await ok(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
    const report = await ok<HoldingsReport>(app, 'reports.holdings', {});
    await ok(app, 'auth.logout', {});
    const got = report.stores.flatMap((s) =>
      s.lines.map((l) => ({ store: s.store.code, lot: l.lot.lotNumber, bay: l.bay, condition: l.condition, quantity: l.quantity })),
    );
    const key = (l: { store: string; lot: string; bay: string; condition: string }) => `${l.store}|${l.lot}|${l.bay}|${l.condition}`;
    expect(got.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      lines.map(({ store, lot, bay, condition, quantity }) => ({ store, lot, bay, condition, quantity })).sort((x, y) => key(x).localeCompare(key(y))),
    );
    for (const s of report.stores) {
      expect(s.totalRounds).toBe(sum(storeLines(s.store.code), (l) => l.quantity));
      expect(s.totalNeqKg).toBeCloseTo(sum(storeLines(s.store.code), (l) => l.quantity * l.neqPerUnitKg), 6);
    }
    expect(report.totalRounds).toBe(sum(lines, (l) => l.quantity));

    // Printed from the documents list.
    await page.reload();
    await signIn(page, MANAGER);
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('documents-holdings-open').click();
    const doc = await saveDocument(page);
    const text = flat(doc.text);
    expect(text).toContain(flat(r.holdings.title));

    for (const l of lines) {
      const lotName = l.lot || a.lotState.unknown;
      const cells = [lotName, l.nature, l.calibre, 'UN 0012 · 1.4S', l.bay, a.condition[l.condition], number.format(l.quantity)];
      expect(printedRow(text, cells, true), cells.join(' | ')).toBeDefined();
    }
    for (const code of stores) {
      expect(text).toContain(flat(msg(r.holdings.store, { code, name: `Magasin ${code}` })));
      const ls = storeLines(code);
      const total = [msg(r.holdings.storeTotal, { code }), number.format(sum(ls, (l) => l.quantity)), kg.format(sum(ls, (l) => l.quantity * l.neqPerUnitKg))];
      expect(printedRow(text, total), total.join(' | ')).toBeDefined();
    }
    const grand = [r.holdings.grandTotal, number.format(sum(lines, (l) => l.quantity)), kg.format(sum(lines, (l) => l.quantity * l.neqPerUnitKg))];
    expect(printedRow(text, grand), grand.join(' | ')).toBeDefined();
    // The loose lot has no packing to show; the 9 mm is 2 cases exactly.
    expect(printedRow(text, ['FN-2019-03', number.format(2000), msg(a.qty.cases_other, { n: 2 }), kg.format(0.8)], true), 'packages').toBeDefined();

    // The frame: the journal head (the page's session is core's: nothing was written since), page numbering, signatures.
    const head = await ok<JournalHead>(app, 'journal.head', {});
    expect(text.replace(/\s+/g, '')).toContain(head.hash);
    expect(text).toContain(flat(msg(p.journalHead, { seq: number.format(head.seq), hash: '' }).trim()));
    expect(doc.pageTexts[0]).toContain(msg(p.pageOf, { page: 1, pages: doc.pages }));
    expect(text).toContain(flat(p.signature.storekeeper));
    expect(text).toContain(flat(p.signature.manager));
  });
}
