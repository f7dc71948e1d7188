import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/main/core/i18n';
import { localDateTime } from '../../src/main/core/spreadsheet/export/time';
import { checkout, custodyWorld, HOUR, infoOf, later } from './support/custody';
import { disposeHarnesses, type Harness, Template } from './support/harness';

/**
 * The custody world (officers, a store with three lots, weapons in many statuses) plus two
 * vouchers: Sergent Bah's checkout with rounds from two bays, returned in full, and Adjudant
 * Diallo's still out (rounds included), and a stock move between bays.
 */
let template: Template;
let id: (key: string) => number;

beforeAll(async () => {
  template = await Template.build(async (h) => {
    const ids = await custodyWorld(h);
    const get = infoOf(ids);
    const a1 = { lotId: get('lot'), storeId: get('store'), bay: 'A1' };
    const a2 = { ...a1, bay: 'A2' };
    const v = await h.ok('custody.issue', checkout(h, get('bah'), [get('r1'), get('p1')], { rounds: [{ ...a1, quantity: 60 }, { ...a2, quantity: 30 }] }));
    later(h, HOUR);
    await h.ok('custody.return', {
      voucherId: v.id,
      weapons: [{ weaponId: get('r1'), returned: true, condition: 'serviceable' }, { weaponId: get('p1'), returned: true, condition: 'serviceable' }],
      magazinesReturned: 4,
      rounds: [{ ...a1, returned: 50, expended: 10 }, { ...a2, returned: 30, expended: 0 }],
      reference: 'CR-TIR-7',
    });
    await h.ok('custody.issue', checkout(h, get('diallo'), [get('r2')], { acknowledgement: 'MLP-0002', rounds: [{ ...a1, quantity: 30 }] }));
    await h.ok('ammo.move', { lotId: get('lot'), from: { storeId: get('store'), bay: 'A1' }, to: { storeId: get('store'), bay: 'A2' }, condition: 'serviceable', quantity: 100, document: 'MVT-1' });
    return ids;
  });
  id = infoOf(template.info);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function storekeeper(): Promise<Harness> {
  const h = template.copy();
  await h.login('storekeeper');
  return h;
}

const t = translator('fr');

/** The CSV the exporter wrote, as rows of cells (French: ';'), header first. */
function csv(h: Harness, fileName: string): string[][] {
  const text = readFileSync(join(h.dir, 'exports', fileName), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .slice(0, -1)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:;|$)/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

/** Rows as header -> cell objects. */
function table(rows: string[][]): Record<string, string>[] {
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

async function exportCsv(h: Harness, input: Parameters<Harness['ok']>[1]) {
  const result = await h.ok('exports.spreadsheet', input as never);
  const rows = table(csv(h, result.fileName));
  expect(result.rows).toBe(rows.length);
  return rows;
}

describe('filters: an export holds exactly the rows the screen lists, in its order', () => {
  it('weapons: status, type and agency filters, sort and direction, and a search', async () => {
    const h = await storekeeper();
    const queries = [
      { filters: { status: 'in_store' as const } },
      { filters: { status: 'lost' as const } },
      { filters: { type: 'pistol' as const }, sort: 'serial' as const, dir: 'desc' as const },
      { filters: { agency: 'police' as const, type: 'assault_rifle' as const }, sort: 'nationalCode' as const },
      { search: 'ML-PN-T0000' },
      { search: 'QX0', filters: { status: 'issued' as const } },
    ];
    for (const query of queries) {
      const page = await h.ok('weapons.list', { ...query, limit: 500 });
      const rows = await exportCsv(h, { kind: 'weapons', query, format: 'csv' });
      expect(rows.map((r) => r[t('register:field.nationalCode')]), JSON.stringify(query)).toEqual(page.rows.map((w) => w.nationalCode));
      expect(rows.map((r) => r[t('register:field.status')])).toEqual(page.rows.map((w) => t(`register:status.${w.status}`)));
    }
    const lost = await exportCsv(h, { kind: 'weapons', query: { filters: { status: 'lost' } }, format: 'csv' });
    expect(lost.length).toBeGreaterThan(0);
  });

  it('officers: search and status, by name, with labels for agency and status', async () => {
    const h = await storekeeper();
    for (const query of [{}, { status: 'suspended' as const }, { search: 'kati' }, { search: 'MLP-000', status: 'active' as const }]) {
      const page = await h.ok('officers.list', { ...query, limit: 500 });
      const rows = await exportCsv(h, { kind: 'officers', query, format: 'csv' });
      expect(rows.map((r) => r[t('officers:field.serviceNumber')]), JSON.stringify(query)).toEqual(page.rows.map((o) => o.serviceNumber));
      for (const [i, o] of page.rows.entries()) {
        expect(rows[i]).toEqual({
          [t('officers:field.serviceNumber')]: o.serviceNumber,
          [t('officers:field.name')]: o.name,
          [t('officers:field.rank')]: o.rank,
          [t('officers:field.unit')]: o.unit,
          [t('officers:field.agency')]: t(`enums:agency.${o.agency}`),
          [t('officers:field.status')]: t(`officers:statuses.${o.status}`),
        });
      }
    }
  });

  it('lots: search, store, suspended and due filters; quantities per condition and per store', async () => {
    const h = await storekeeper();
    const store = (await h.ok('stores.list', {})).find((s) => s.id === id('store'));
    for (const query of [{}, { suspendedOnly: true }, { search: 'PARA' }, { storeId: id('store') }, { dueOnly: true }]) {
      const lots = await h.ok('lots.list', query);
      const rows = await exportCsv(h, { kind: 'lots', query, format: 'csv' });
      expect(rows.map((r) => r[t('ammunition:field.lotNumber')]), JSON.stringify(query)).toEqual(lots.map((l) => l.lotNumber));
      for (const [i, l] of lots.entries()) {
        const row = rows[i] ?? {};
        expect(row[t('ammunition:lot.total')]).toBe(String(l.total));
        expect(row[t('ammunition:condition.serviceable')]).toBe(String(l.onHand.serviceable ?? 0));
        expect(row[t('ammunition:condition.suspended')]).toBe(String(l.onHand.suspended ?? 0));
        expect(row[t('ammunition:lot.outstanding')]).toBe(String(l.outstanding));
        expect(row[t('ammunition:field.unNumber')]).toBe(l.unNumber);
        expect(row[t('ammunition:field.neqPerUnitKg')]).toBe(String(l.neqPerUnitKg).replace('.', ','));
        expect(row[t('ammunition:field.hazardDivision')]).toBe(l.hazardDivision);
        expect(row[t('sheets:export.column.lotSuspended')]).toBe(l.suspended ? 'Oui' : 'Non');
        expect(row[t('sheets:export.column.byStore')]).toBe(l.total > 0 ? `${store?.code}: ${l.total}` : '');
      }
    }
    const suspended = await exportCsv(h, { kind: 'lots', query: { suspendedOnly: true }, format: 'csv' });
    expect(suspended.map((r) => r[t('ammunition:field.lotNumber')])).toEqual(['SUSP-2001']);
  });

  it('issues: every voucher newest first, or the open ones, or one officer’s', async () => {
    const h = await storekeeper();
    for (const query of [{}, { openOnly: true }, { officerId: id('bah') }]) {
      const page = await h.ok('custody.vouchers', { ...query, limit: 500 });
      const rows = await exportCsv(h, { kind: 'issues', query, format: 'csv' });
      expect(rows.map((r) => r[t('officers:voucher.number')]), JSON.stringify(query)).toEqual(page.rows.map((v) => v.number));
      for (const [i, v] of page.rows.entries()) {
        const row = rows[i] ?? {};
        const view = await h.ok('custody.voucher', { id: v.id });
        expect(row[t('officers:field.serviceNumber')]).toBe(v.serviceNumber);
        expect(row[t('officers:field.name')]).toBe(v.officerName);
        expect(row[t('officers:voucher.kind')]).toBe(t(`custody:kind.${v.kind}`));
        expect(row[t('officers:voucher.issuedAt')]).toBe(localDateTime(v.issuedAt));
        expect(row[t('officers:voucher.expectedReturn')]).toBe(localDateTime(v.expectedReturn));
        expect(row[t('officers:voucher.rounds')]).toBe(String(v.rounds));
        expect(row[t('sheets:export.column.weaponCount')]).toBe(String(v.weapons));
        expect(row[t('sheets:export.column.weapons')]).toBe(view.weapons.map((w) => w.weapon.nationalCode).sort().join(', '));
        expect(row[t('officers:voucher.state')]).toBe(t(`custody:voucher.state.${v.closed ? 'closed' : v.settled ? 'settled' : 'open'}`));
        expect(row[t('sheets:export.column.closedAt')] !== '').toBe(v.closed);
      }
    }
  });
});

describe('movements', () => {
  it('one lot: its stock card line by line, with rounds in and out and the balance after each', async () => {
    const h = await storekeeper();
    const dossier = await h.ok('lots.get', { id: id('lot') });
    const rows = await exportCsv(h, { kind: 'movements', query: { lotId: id('lot') }, format: 'csv' });
    expect(rows.map((r) => r[t('ammunition:card.seq')])).toEqual(dossier.card.map((l) => String(l.seq)));
    for (const [i, line] of dossier.card.entries()) {
      const row = rows[i] ?? {};
      expect(row[t('ammunition:card.balance')]).toBe(String(line.balance));
      expect(row[t('sheets:export.column.in')]).toBe(line.change > 0 ? String(line.change) : '');
      expect(row[t('sheets:export.column.out')]).toBe(line.change < 0 ? String(-line.change) : '');
      expect(row[t('ammunition:field.lotNumber')]).toBe('BALL-2015');
      expect(row[t('ammunition:card.date')]).toBe(localDateTime(line.at));
      expect(row[t('ammunition:card.by')]).toBe(t('ammunition:card.actor', { name: line.actor.fullName, username: line.actor.username }));
    }
    const byType = (type: string) => rows.filter((_, i) => dossier.card[i]?.type === type);
    expect(byType('ammo.received').map((r) => r[t('ammunition:card.movement')])).toEqual(['Réception', 'Réception']);
    expect(byType('custody.issued')[0]?.[t('sheets:export.column.place')]).toBe('MAG-C · A1; MAG-C · A2');
    expect(byType('custody.issued')[0]?.[t('ammunition:card.movement')]).toBe(t('sheets:export.movement.custody_issued'));
    expect(byType('custody.returned')[0]?.[t('ammunition:card.document')]).toMatch(/CR-TIR-7/);
    const move = byType('ammo.moved')[0];
    expect(move?.[t('sheets:export.column.place')]).toBe('MAG-C · A1 → MAG-C · A2');
    expect(move?.[t('sheets:export.column.unchanged')]).toBe('100');
    expect(move?.[t('ammunition:card.document')]).toBe('MVT-1');
  });

  it('every lot in journal order, each with its own running balance; a date range keeps the balances', async () => {
    const h = await storekeeper();
    const lotIds = [id('lot'), id('suspendedLot'), id('pistolLot')];
    const cards = await Promise.all(lotIds.map(async (lotId) => (await h.ok('lots.get', { id: lotId })).card));
    const all = await exportCsv(h, { kind: 'movements', query: {}, format: 'csv' });
    expect(all).toHaveLength(cards.reduce((n, c) => n + c.length, 0));
    const seqs = all.map((r) => Number(r[t('ammunition:card.seq')]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const [k, card] of cards.entries()) {
      const number = (await h.ok('lots.get', { id: lotIds[k] ?? 0 })).lot.lotNumber;
      const mine = all.filter((r) => r[t('ammunition:field.lotNumber')] === number);
      expect(mine.map((r) => r[t('ammunition:card.balance')])).toEqual(card.map((l) => String(l.balance)));
    }
    // The days the movements were recorded on (the fixture's clock may cross midnight): a range
    // that holds them all gives them all, with the same balances.
    const days = all.map((r) => String(r[t('ammunition:card.date')]).slice(0, 10)).sort();
    const range = { from: days[0] ?? '', to: days.at(-1) ?? '' };
    expect(await exportCsv(h, { kind: 'movements', query: range, format: 'csv' })).toEqual(all);
    expect(await exportCsv(h, { kind: 'movements', query: { to: '2000-01-01' }, format: 'csv' })).toEqual([]);
  });
});

describe('XLSX of every kind', () => {
  it('writes each kind with its sheet name, identifiers as text and quantities as numbers', async () => {
    const h = await storekeeper();
    const names: Record<string, string> = {};
    for (const kind of ['weapons', 'officers', 'lots', 'movements', 'issues'] as const) {
      const result = await h.ok('exports.spreadsheet', { kind, query: {}, format: 'xlsx' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(h.dir, 'exports', result.fileName));
      const ws = book.worksheets[0];
      names[kind] = ws?.name ?? '';
      expect(ws?.actualRowCount).toBe(result.rows + 1);
    }
    expect(names).toEqual({
      weapons: t('sheets:export.title.weapons'),
      officers: t('sheets:export.title.officers'),
      lots: t('sheets:export.title.lots'),
      movements: t('sheets:export.title.movements'),
      issues: t('sheets:export.title.issues'),
    });

    const lots = await h.ok('exports.spreadsheet', { kind: 'lots', query: {}, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(h.dir, 'exports', lots.fileName));
    const ws = book.worksheets[0];
    const header = ((ws?.getRow(1).values ?? []) as ExcelJS.CellValue[]).map((v) =>
      v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v),
    );
    const cell = (field: string) => ws?.getRow(2).getCell(header.indexOf(field));
    const un = cell(t('ammunition:field.unNumber'));
    expect(un?.numFmt).toBe('@');
    expect(un?.text).toBe('0012');
    expect(cell(t('ammunition:field.neqPerUnitKg'))?.value).toBe(0.001);
    expect(typeof cell(t('ammunition:lot.total'))?.value).toBe('number');
    expect(cell(t('ammunition:field.hazardDivision'))?.text).toBe('1.4');
    expect(cell(t('ammunition:field.receivedAt'))?.value).toBeInstanceOf(Date);
  });
});
