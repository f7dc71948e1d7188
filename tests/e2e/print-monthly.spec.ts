import enPrint from '../../locales/en/print.json';
import enRegister from '../../locales/en/register.json';
import enReports from '../../locales/en/reports.json';
import frPrint from '../../locales/fr/print.json';
import frRegister from '../../locales/fr/register.json';
import frReports from '../../locales/fr/reports.json';
import { GardienApp } from '../../src/main/core/app';
import type { JournalHead } from '../../src/shared/contract/app';
import type { VoucherView } from '../../src/shared/contract/custody';
import type { OfficerRow } from '../../src/shared/contract/custody';
import type { MonthlyLine, MonthlyReturn } from '../../src/shared/contract/reports';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { createStore, msg, ok, receiveLot } from './ammunition-helpers';
import { expect, test as base } from './fixtures';
import { MANAGER, prepareArmoury, signIn, STOREKEEPER } from './helpers';
import { saveDocument } from './pdf-helpers';
import { weaponInput } from './register-helpers';

/** Core on a clock the test moves: the month before last, last month (the return printed), now. */
const test = base.extend<{ clock: { shift: number } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  clock: async ({}, use) => {
    await use({ shift: 0 });
  },
  app: async ({ dataDir, clock }, use) => {
    const app = new GardienApp({
      dataDir,
      clock: () => new Date(Date.now() + clock.shift),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    }).start();
    await use(app);
    app.close();
  },
});

type Column = Exclude<keyof MonthlyLine, 'closing'>;
const COLUMNS: Column[] = ['opening', 'receipts', 'issued', 'returned', 'losses', 'destroyed', 'transferredOut', 'adjusted'];
const zero = (): MonthlyLine => ({ opening: 0, receipts: 0, issued: 0, returned: 0, losses: 0, destroyed: 0, transferredOut: 0, adjusted: 0, closing: 0 });

/**
 * What the test seeded, line by line, kept as the paper form counts it: before the month only
 * the opening moves; in the month each movement lands in its column; closing by the form's rule.
 */
class Book {
  readonly weapons = new Map<string, MonthlyLine>();
  readonly ammunition = new Map<string, MonthlyLine>();
  inMonth = false;

  weapon(type: string, column: Column, n = 1): void {
    this.add(this.weapons, type, column, n);
  }

  ammo(nature: string, calibre: string, column: Column, n: number): void {
    this.add(this.ammunition, `${nature}|${calibre}`, column, n);
  }

  private add(lines: Map<string, MonthlyLine>, key: string, column: Column, n: number): void {
    const line = lines.get(key) ?? zero();
    lines.set(key, line);
    if (this.inMonth) line[column] += n;
    else line.opening += column === 'receipts' ? n : -n;
  }

  static weaponClosing = (l: MonthlyLine) => l.opening + l.receipts - l.losses - l.destroyed - l.transferredOut;
  static ammoClosing = (l: MonthlyLine) => l.opening + l.receipts - l.issued + l.returned - l.losses - l.destroyed - l.transferredOut + l.adjusted;

  static closed(lines: Map<string, MonthlyLine>, rule: (l: MonthlyLine) => number): Map<string, MonthlyLine> {
    return new Map([...lines].map(([k, l]) => [k, { ...l, closing: rule(l) }]));
  }

  static total(lines: Map<string, MonthlyLine>): MonthlyLine {
    const t = zero();
    for (const l of lines.values()) for (const k of [...COLUMNS, 'closing'] as const) t[k] += l[k];
    return t;
  }
}

const BALL = { nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm' };
const NINE = { nature: 'Cartouche 9 mm Parabellum', calibre: '9x19mm' };

interface Seeded {
  book: Book;
  month: { year: number; month: number };
  /** The sequence number of the month's last journal entry. */
  lastOfMonth: number;
}

/** Noon on the 10th, `back` months before the current one (local time), as a clock shift. */
function shiftTo(back: number): { shift: number; date: string; month: { year: number; month: number } } {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - back, 10, 12, 0, 0);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-10`;
  return { shift: d.getTime() - Date.now(), date, month: { year: d.getFullYear(), month: d.getMonth() + 1 } };
}

/**
 * The month before last: the armoury, five weapons and two lots (the opening). Last month: weapons
 * registered, lost, destroyed, transferred out, issued and returned; rounds received (one lot
 * new), issued and returned at the desk and by the lot, lost, destroyed, transferred out, adjusted.
 * This month: one more receipt that the return must leave out. Then nobody is signed in.
 */
async function seedMonths(app: GardienApp, clock: { shift: number }, language: 'fr' | 'en'): Promise<Seeded> {
  const book = new Book();
  const approver = { username: STOREKEEPER.username, password: STOREKEEPER.password };

  const before = shiftTo(2);
  clock.shift = before.shift;
  await prepareArmoury(app, null, { storekeeper: true, signedIn: true, language });
  const store = await createStore(app, 'MAG-1', { '1.4': 500 });
  const place = { storeId: store.id, bay: 'Travée A' };
  const register = async (type: 'assault_rifle' | 'pistol' | 'shotgun') => {
    const calibre = type === 'pistol' ? '9x19mm' : type === 'shotgun' ? '12 gauge' : '7.62x39mm';
    const w = await ok<WeaponRecord>(app, 'weapons.register', weaponInput({ type, calibre }));
    book.weapon(type, 'receipts');
    return w;
  };
  const rifles = [await register('assault_rifle'), await register('assault_rifle'), await register('assault_rifle')];
  const pistols = [await register('pistol'), await register('pistol')];
  const ball = await receiveLot(app, store.id, 1000, { lotNumber: 'NOR-2015-07', ...BALL }, before.date);
  book.ammo(BALL.nature, BALL.calibre, 'receipts', 1000);
  const nine = await receiveLot(app, store.id, 500, { lotNumber: 'FN-2019-03', ...NINE, neqPerUnitKg: 0.0004 }, before.date);
  book.ammo(NINE.nature, NINE.calibre, 'receipts', 500);
  const officer = await ok<OfficerRow>(app, 'officers.register', {
    serviceNumber: 'GN-20451', name: 'Ibrahim Coulibaly', rank: 'Maréchal des logis', unit: 'Brigade de Kayes', agency: 'gendarmerie',
  });
  for (const weaponType of ['assault_rifle', 'pistol']) {
    await ok(app, 'officers.authorise', { id: officer.id, weaponType, expires: '2099-12-31', reference: 'HAB-2024-017' });
  }

  // A month later the session would be locked for inactivity: sign out, move the clock, sign in.
  await ok(app, 'auth.logout', {});
  const during = shiftTo(1);
  clock.shift = during.shift;
  await ok(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  book.inMonth = true;
  const { date } = during;
  await register('assault_rifle');
  await register('shotgun');
  await ok(app, 'weapons.reportLoss', { weaponId: pistols[0]?.id, date, circumstances: 'Perdu pendant une patrouille de nuit', reference: 'PV-PERTE-12' });
  book.weapon('pistol', 'losses');
  await ok(app, 'weapons.destroy', {
    weaponId: rifles[0]?.id, date, method: 'cutting', certificate: 'PV-DEST-04', witnesses: ['Lt Sangaré', 'Adj Diallo'], approver,
  });
  book.weapon('assault_rifle', 'destroyed');
  await ok(app, 'weapons.transferOut', { weaponId: rifles[1]?.id, date, transferId: 'TR-2024-09', toArmoury: 'ML-BKO-01' });
  book.weapon('assault_rifle', 'transferredOut');

  // At the desk: a rifle with 60 rounds, back with 50 (10 fired); a pistol still out at the month's end.
  const hour = 3600_000;
  const checkout = await ok<VoucherView>(app, 'custody.issue', {
    kind: 'checkout', officerId: officer.id, weapons: [{ weaponId: rifles[2]?.id, magazines: 2 }],
    rounds: [{ lotId: ball, storeId: store.id, bay: 'Travée A', quantity: 60 }],
    duty: 'Patrouille du marché', expectedReturn: new Date(Date.now() + clock.shift + 8 * hour).toISOString(), acknowledgement: officer.serviceNumber,
  });
  book.weapon('assault_rifle', 'issued');
  book.ammo(BALL.nature, BALL.calibre, 'issued', 60);
  await ok(app, 'custody.return', {
    voucherId: checkout.id, weapons: [{ weaponId: rifles[2]?.id, returned: true }], magazinesReturned: 2,
    rounds: [{ lotId: ball, storeId: store.id, bay: 'Travée A', returned: 50, expended: 10 }], reference: 'CR-TIR-07',
  });
  book.weapon('assault_rifle', 'returned');
  book.ammo(BALL.nature, BALL.calibre, 'returned', 50);
  await ok(app, 'custody.issue', {
    kind: 'assignment', officerId: officer.id, weapons: [{ weaponId: pistols[1]?.id, magazines: 1 }], duty: 'Garde du poste', acknowledgement: officer.serviceNumber,
  });
  book.weapon('pistol', 'issued');

  // By the lot: receipts (one into a new lot of the same nature), issue, return, loss, destruction, transfer, adjustment.
  await ok(app, 'ammo.receive', { lotId: ball, place, quantity: 200, date, source: 'Dotation centrale', document: 'BL-2024-031' });
  book.ammo(BALL.nature, BALL.calibre, 'receipts', 200);
  await receiveLot(app, store.id, 300, { lotNumber: 'NOR-2016-02', ...BALL }, date);
  book.ammo(BALL.nature, BALL.calibre, 'receipts', 300);
  await ok(app, 'ammo.issue', { lotId: ball, place, quantity: 120, document: 'BP-0007', recipient: { kind: 'unit', name: 'Peloton de Kayes' } });
  book.ammo(BALL.nature, BALL.calibre, 'issued', 120);
  await ok(app, 'ammo.return', { lotId: ball, place, quantity: 40, document: 'BR-0003', from: 'Peloton de Kayes' });
  book.ammo(BALL.nature, BALL.calibre, 'returned', 40);
  await ok(app, 'ammo.reportLoss', { lotId: ball, place, quantity: 10, condition: 'serviceable', date, circumstances: 'Caisse éventrée au déchargement', document: 'PV-12' });
  book.ammo(BALL.nature, BALL.calibre, 'losses', 10);
  await ok(app, 'ammo.destroy', { lotId: nine, place, quantity: 30, condition: 'serviceable', date, method: 'Brûlage', certificate: 'PV-DEST-05', document: 'PV-DEST-05', approver });
  book.ammo(NINE.nature, NINE.calibre, 'destroyed', 30);
  await ok(app, 'ammo.transferOut', { lotId: nine, place, quantity: 50, condition: 'serviceable', date, transferId: 'TR-2024-10', toArmoury: 'ML-BKO-01', document: 'BT-0002' });
  book.ammo(NINE.nature, NINE.calibre, 'transferredOut', 50);
  await ok(app, 'ammo.adjust', { lotId: ball, place, condition: 'serviceable', delta: 5, reason: 'Recomptage contradictoire', approver });
  book.ammo(BALL.nature, BALL.calibre, 'adjusted', 5);
  // The sign-out is the month's last entry.
  const head = await ok<JournalHead>(app, 'journal.head', {});
  await ok(app, 'auth.logout', {});

  // This month: a receipt the return of last month must not count.
  clock.shift = 0;
  book.inMonth = false;
  await ok(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  await ok(app, 'ammo.receive', { lotId: ball, place, quantity: 7, date: today(), source: 'Dotation centrale', document: 'BL-2024-040' });
  await ok(app, 'auth.logout', {});
  return { book, month: during.month, lastOfMonth: head.seq + 1 };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const fmt = (lang: 'fr' | 'en') => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The printed line holding a table row: its label cells, then its figures, nothing else (pdftotext
 * -layout keeps a row on one line). Line by line, each cell found right after the previous one,
 * so no pattern can backtrack across the document.
 */
function printedRow(text: string, labels: string[], figures: string[]): string | undefined {
  const patterns = [...labels, ...figures].map((c) => new RegExp(`(?:^| )${escape(flat(c)).replace(/ /g, ' ?')}(?= |$)`, 'g'));
  return text.split('\n').find((line) => {
    let at = 0;
    for (const re of patterns) {
      re.lastIndex = at;
      const m = re.exec(line);
      if (!m || line.slice(at, m.index).trim() !== '') return false;
      at = m.index + m[0].length;
    }
    return line.slice(at).trim() === '';
  });
}

function figures(line: MonthlyLine, lang: 'fr' | 'en', withAdjusted: boolean): string[] {
  const f = fmt(lang);
  const cols = withAdjusted ? [...COLUMNS, 'closing' as const] : [...COLUMNS.filter((c) => c !== 'adjusted'), 'closing' as const];
  return cols.map((c) => (c === 'adjusted' && line[c] !== 0 ? `${line[c] > 0 ? '+' : '−'}${f.format(Math.abs(line[c]))}` : f.format(line[c])));
}

for (const lang of ['fr', 'en'] as const) {
  const r = lang === 'fr' ? frReports : enReports;
  const p = lang === 'fr' ? frPrint : enPrint;
  const types = (lang === 'fr' ? frRegister : enRegister).type as Record<string, string>;

  test(`${lang}: the monthly return of last month, from the documents list, matches the journal`, async ({ app, clock, gardienPage: page }) => {
    test.setTimeout(120_000);
    const seeded = await seedMonths(app, clock, lang);
    const { book, month } = seeded;
    const weapons = Book.closed(book.weapons, Book.weaponClosing);
    const ammunition = Book.closed(book.ammunition, Book.ammoClosing);

    // Core's return equals what the test seeded, line by line and in total.
    await ok(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
    const report = await ok<MonthlyReturn>(app, 'reports.monthly', month);
    await ok(app, 'auth.logout', {});
    expect(new Map(report.weapons.map(({ type, ...line }) => [type, line]))).toEqual(weapons);
    expect(new Map(report.ammunition.map(({ nature, calibre, ...line }) => [`${nature}|${calibre}`, line]))).toEqual(ammunition);
    expect(report.weaponTotals).toEqual(Book.total(weapons));
    expect(report.ammunitionTotals).toEqual(Book.total(ammunition));
    expect(report.throughSeq).toBe(seeded.lastOfMonth);

    // The documents list offers last month by default.
    await page.reload();
    await signIn(page, MANAGER);
    await page.getByTestId('nav-documents').click();
    await expect(page.getByTestId('documents-monthly-year')).toHaveValue(String(month.year));
    await expect(page.getByTestId('documents-monthly-month')).toHaveValue(String(month.month));
    await page.getByTestId('documents-monthly-open').click();
    const doc = await saveDocument(page);
    const text = flat(doc.text);

    const period = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric' }).format(new Date(month.year, month.month - 1, 1));
    expect(text).toContain(flat(`${r.monthly.title} — ${period}`));
    for (const [type, line] of weapons) {
      expect(printedRow(text, [types[type] ?? type], figures(line, lang, false)), `weapons: ${type}`).toBeDefined();
    }
    expect(printedRow(text, [r.monthly.weaponsTotal], figures(Book.total(weapons), lang, false)), 'weapon totals').toBeDefined();
    for (const [key, line] of ammunition) {
      expect(printedRow(text, key.split('|'), figures(line, lang, true)), `ammunition: ${key}`).toBeDefined();
    }
    expect(printedRow(text, [r.monthly.ammunitionTotal], figures(Book.total(ammunition), lang, true)), 'ammunition totals').toBeDefined();
    expect(text).toContain(flat(msg(r.monthly.derived, { seq: fmt(lang).format(report.throughSeq) })));

    // The frame: the journal head as read with the return (the page's session is core's: nothing
    // was written since), page numbering, the three signatures.
    const head = await ok<JournalHead>(app, 'journal.head', {});
    expect(text.replace(/\s+/g, '')).toContain(head.hash);
    expect(text).toContain(flat(msg(p.journalHead, { seq: fmt(lang).format(head.seq), hash: '' }).trim()));
    expect(doc.pages).toBeGreaterThanOrEqual(1);
    expect(doc.pageTexts[0]).toContain(msg(p.pageOf, { page: 1, pages: doc.pages }));
    for (const role of ['storekeeper', 'manager', 'commander'] as const) expect(text).toContain(flat(p.signature[role]));
  });
}
