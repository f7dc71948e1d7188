import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outRows, voucherSummaries } from '../../src/main/core/custody/queries';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import type { Db } from '../../src/main/core/db/open';
import { checkout, creds, custodyWorld, HOUR, infoOf, type IssueArgs, later, SN } from './support/custody';
import { dumpProjections, eventRows, replay } from './support/db';
import { disposeHarnesses, Harness, Template } from './support/harness';
import { plan, sqlUsedBy } from './support/plans';
import { today } from './support/weapons';

let template: Template;
let id: (key: string) => number;

beforeAll(async () => {
  template = await Template.build(custodyWorld);
  id = infoOf(template.info);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function as(role: 'storekeeper' | 'manager'): Promise<Harness> {
  const h = template.copy();
  await h.login(role);
  return h;
}

const store = () => ({ lotId: id('lot'), storeId: id('store'), bay: 'A1' });

/**
 * Three officers out: Bah (CSP Kati) r1 due in 2 h and r2+r3 due in 6 h, Diallo (BAC Bamako) r4
 * due in 4 h, Rookie (CSP Kati, override) r5 on assignment.
 */
async function threeOut(h: Harness, extra: Partial<IssueArgs> = {}) {
  const due = (hours: number) => new Date(h.clock.t + hours * HOUR).toISOString();
  const bah1 = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1')], { expectedReturn: due(2), rounds: [{ ...store(), quantity: 20 }], ...extra }));
  const bah2 = await h.ok('custody.issue', checkout(h, id('bah'), [id('r3'), id('r2')], { expectedReturn: due(6), ...extra }));
  const diallo = await h.ok('custody.issue', checkout(h, id('diallo'), [id('r4')], { expectedReturn: due(4), acknowledgement: SN.diallo, ...extra }));
  const rookie = await h.ok('custody.issue', checkout(h, id('rookie'), [id('r5')], {
    kind: 'assignment', acknowledgement: SN.rookie, override: { ...creds('manager'), reason: 'Affectation provisoire' }, ...extra,
  }));
  return { bah1, bah2, diallo, rookie };
}

const code = (h: Harness, weaponId: number) => (h.db.prepare('SELECT national_code AS c, serial AS s FROM weapons WHERE id = ?').get(weaponId) as { c: string; s: string });

describe('the weapons-out register', () => {
  it('lists every weapon out by unit, officer, voucher and national code, with overdue flags from the clock', async () => {
    const h = await as('storekeeper');
    const v = await threeOut(h);
    const sorted = [id('r2'), id('r3')].sort((a, b) => code(h, a).c.localeCompare(code(h, b).c));
    const out = await h.ok('custody.out', {});
    expect(out.rows.map((r) => [r.officer.unit, r.officer.name, r.voucherId, r.weapon.id])).toEqual([
      ['BAC Bamako', 'Adjudant Diallo', v.diallo.id, id('r4')],
      ['CSP Kati', 'Agent Rookie', v.rookie.id, id('r5')],
      ['CSP Kati', 'Sergent Bah', v.bah1.id, id('r1')],
      ['CSP Kati', 'Sergent Bah', v.bah2.id, sorted[0]],
      ['CSP Kati', 'Sergent Bah', v.bah2.id, sorted[1]],
    ]);
    expect([out.overdue, out.at, out.head]).toEqual([0, new Date(h.clock.t).toISOString(), h.head()]);
    expect(out.rows[1]).toMatchObject({ kind: 'assignment', expectedReturn: '', overdue: false, caseId: null, voucherNumber: v.rookie.number });

    later(h, 5 * HOUR);
    const late = await h.ok('custody.out', {});
    expect(late.overdue).toBe(2);
    expect(late.rows.filter((r) => r.overdue).map((r) => r.weapon.id)).toEqual([id('r4'), id('r1')]);
    expect((await h.ok('custody.out', { overdueOnly: true })).rows.map((r) => r.weapon.id)).toEqual([id('r4'), id('r1')]);
    expect((await h.ok('custody.voucher', { id: v.bah1.id })).overdue).toBe(true);
    expect((await h.ok('custody.voucher', { id: v.bah2.id })).overdue).toBe(false);
  });

  it('searches national code, serial, officer name, service number and unit', async () => {
    const h = await as('storekeeper');
    await threeOut(h);
    const ids = async (search: string) => (await h.ok('custody.out', { search })).rows.map((r) => r.weapon.id);
    expect(await ids(code(h, id('r4')).c.slice(-5).toLowerCase())).toEqual([id('r4')]);
    expect(await ids(code(h, id('r1')).s)).toEqual([id('r1')]);
    expect(await ids('diallo')).toEqual([id('r4')]);
    expect(await ids(SN.rookie)).toEqual([id('r5')]);
    expect((await ids('csp kati')).length).toBe(4);
    expect(await ids('%')).toEqual([]);
  });

  it('gives an officer their weapons and vouchers (what the officer dossier shows)', async () => {
    const h = await as('storekeeper');
    const v = await threeOut(h);
    const s = h.app.store?.s ?? expect.fail('no store');
    const now = new Date(h.clock.t);
    expect(outRows(s, { officerId: id('bah') }, now).map((r) => r.weapon.id).sort()).toEqual([id('r1'), id('r2'), id('r3')].sort());
    expect(outRows(s, { officerId: id('bah'), search: 'diallo' }, now)).toEqual([]);
    expect(voucherSummaries(s, { officerId: id('bah'), limit: 10, offset: 0 })).toEqual([
      { id: v.bah2.id, number: v.bah2.number, kind: 'checkout', officerName: 'Sergent Bah', serviceNumber: SN.bah, issuedAt: v.bah2.issuedAt,
        expectedReturn: v.bah2.expectedReturn, weapons: 2, rounds: 0, settled: false, closed: false },
      expect.objectContaining({ id: v.bah1.id, weapons: 1, rounds: 20 }),
    ]);
  });
});

describe('the voucher list', () => {
  it('lists vouchers newest first, by officer or open only, with totals', async () => {
    const h = await as('storekeeper');
    const v = await threeOut(h);
    await h.ok('custody.return', {
      voucherId: v.diallo.id, weapons: [{ weaponId: id('r4'), returned: true }],
    });
    const all = await h.ok('custody.vouchers', {});
    expect(all.rows.map((r) => r.id)).toEqual([v.rookie.id, v.diallo.id, v.bah2.id, v.bah1.id]);
    expect(all.total).toBe(4);
    expect(all.rows[1]).toMatchObject({ settled: true, closed: true });
    const open = await h.ok('custody.vouchers', { openOnly: true, limit: 2 });
    expect([open.rows.map((r) => r.id), open.total]).toEqual([[v.rookie.id, v.bah2.id], 3]);
    const page = await h.ok('custody.vouchers', { officerId: id('bah'), offset: 1 });
    expect([page.rows.map((r) => r.id), page.total]).toEqual([[v.bah1.id], 2]);
  });
});

describe('the custody dashboard', () => {
  it('counts weapons out, lists the overdue ones (most overdue first), open and overdue cases and overrides', async () => {
    const h = await as('storekeeper');
    const v = await threeOut(h);
    let board = await h.ok('custody.dashboard', {});
    expect([board.out, board.overdue, board.overdueTotal, board.casesOpen, board.casesOverdue]).toEqual([5, [], 0, 0, []]);
    expect(board.overrides.map((o) => [o.voucherId, o.by.username, o.reason, o.weaponTypes])).toEqual([[v.rookie.id, 'chef', 'Affectation provisoire', ['assault_rifle']]]);

    later(h, 7 * HOUR);
    // Bah hands r1 back without 5 rounds: a rounds case opens with the default 72-hour deadline
    const { cases } = await h.ok('custody.return', {
      voucherId: v.bah1.id, weapons: [{ weaponId: id('r1'), returned: true }], rounds: [{ ...store(), returned: 15, expended: 0 }], magazinesReturned: 2,
    });
    board = await h.ok('custody.dashboard', {});
    expect(board.out).toBe(4);
    expect(board.overdue.map((r) => r.weapon.id)).toEqual([id('r4'), ...[id('r2'), id('r3')].sort((a, b) => a - b)]);
    expect(board.overdueTotal).toBe(3);
    expect([board.casesOpen, board.casesOverdue]).toEqual([1, []]);
    later(h, 73 * HOUR);
    board = await h.ok('custody.dashboard', {});
    expect(board.casesOverdue.map((c) => [c.id, c.overdue])).toEqual([[cases[0]?.id, true]]);
  });
});

describe('query plans', () => {
  /**
   * Full scans in the plans of the SELECTs. Allowed: the few stores and settings, the journal
   * head, the weapons-out register itself (custody_out, a few thousand rows), whole-table
   * counts of vouchers, which SQLite answers from its smallest index (about 4 ms at 2,500,000),
   * and the newest-first voucher pages, which walk vouchers (or a partial index) backwards by id
   * and stop at their LIMIT (no sort: checked below).
   */
  function scans(db: Db, sources: string[]): string[] {
    return sources
      .filter((s) => /^\s*SELECT/i.test(s))
      .flatMap((s) => plan(db, s).map((d) => `${d}  <- ${s.replace(/\s+/g, ' ').slice(0, 100)}`))
      .filter((d) => /^SCAN (?!stores\b|st\b|settings\b|events\b|c\b|custody_out\b)/.test(d))
      .filter((d) => !/^SCAN (vouchers|v) USING (COVERING )?INDEX \w+ {2}<- SELECT COUNT\(\*\) AS n FROM vouchers v/.test(d))
      .filter((d) => !/^SCAN v( USING INDEX vouchers_(open|overridden))? {2}<- /.test(d));
  }

  /** The newest-first voucher pages must come in index order, never through a sort of every voucher. */
  function sorted(db: Db, sources: string[]): string[] {
    return sources.filter((s) => s.includes('ORDER BY v.id DESC LIMIT')).flatMap((s) => plan(db, s).filter((d) => d.includes('TEMP B-TREE')));
  }

  it('issue, return, the register, the dashboard and the lists read no big table in full', async () => {
    const h = await as('storekeeper');
    const sources = await sqlUsedBy(h, async () => {
      const v = await threeOut(h);
      await h.ok('custody.return', {
        voucherId: v.bah1.id, weapons: [{ weaponId: id('r1'), returned: false }], rounds: [{ ...store(), returned: 15, expended: 0 }], magazinesReturned: 1,
      });
      await h.ok('custody.return', { voucherId: v.bah1.id, weapons: [{ weaponId: id('r1'), returned: true }] });
      await h.ok('custody.out', { search: 'kati', overdueOnly: true });
      await h.ok('custody.out', {});
      await h.ok('custody.dashboard', {});
      await h.ok('custody.voucher', { id: v.bah2.id });
      await h.ok('custody.vouchers', {});
      await h.ok('custody.vouchers', { officerId: id('bah'), openOnly: true });
      await h.ok('custody.vouchers', { openOnly: true });
      await h.ok('custody.check', { code: code(h, id('r2')).s });
    });
    expect(scans(h.db, sources)).toEqual([]);
    expect(sorted(h.db, sources)).toEqual([]);
    // the register starts from custody_out and reaches the rest by primary key
    const register = sources.find((s) => s.includes('FROM custody_out c CROSS JOIN') && s.includes('ORDER BY o.unit') && !s.includes('WHERE')) ?? expect.fail('no register query');
    expect(plan(h.db, register).filter((d) => !d.startsWith('USE TEMP'))).toEqual([
      'SCAN c', 'SEARCH v USING INTEGER PRIMARY KEY (rowid=?)', 'SEARCH o USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH w USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });
});

describe('replay', () => {
  it('rebuilds vouchers, lines, the weapons out, cases, balances and weapon statuses exactly', async () => {
    const h = await as('manager');
    await h.ok('settings.update', { countersignIssues: true });
    const v = await threeOut(h, { countersigner: creds('storekeeper') });
    later(h, 9 * HOUR);
    // settle with a weapon kept, rounds fired and missing, magazines short; then a late return
    await h.ok('custody.return', {
      voucherId: v.bah1.id, weapons: [{ weaponId: id('r1'), returned: false }],
      rounds: [{ ...store(), returned: 5, expended: 10 }], magazinesReturned: 1, reference: 'TIR-12',
    });
    await h.ok('custody.return', { voucherId: v.bah1.id, weapons: [{ weaponId: id('r1'), returned: true, condition: 'repairable' }] });
    await h.ok('custody.return', { voucherId: v.bah2.id, weapons: [{ weaponId: id('r2'), returned: true }, { weaponId: id('r3'), returned: false }], magazinesReturned: 4 });
    await h.ok('weapons.reportLoss', { weaponId: id('r3'), date: today(), circumstances: 'Perdue' });
    await h.ok('weapons.reportTheft', { weaponId: id('r5'), date: today(), circumstances: 'Volée' });
    const open = h.db.prepare("SELECT id FROM cases WHERE subject = 'rounds'").get() as { id: number };
    await h.ok('cases.close', { id: open.id, outcome: 'returned', explanation: 'Rapportées le lendemain', approver: creds('manager') });
    const types = new Set(eventRows(h.db).map((r) => r.type));
    for (const t of ['custody.issued', 'custody.returned', 'case.opened', 'case.closed', 'weapon.loss_reported', 'weapon.theft_reported']) expect(types.has(t), t).toBe(true);
    expect(verifyDatabase(h.db).problems).toEqual([]);
    const rebuilt = replay(h.db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(h.db));
    rebuilt.close();
    const counts = h.db.prepare("SELECT status, n FROM weapon_status_counts WHERE status IN ('issued', 'assigned', 'lost', 'stolen') ORDER BY status").all();
    expect(counts).toEqual([{ status: 'assigned', n: 0 }, { status: 'issued', n: 1 }, { status: 'lost', n: 2 }, { status: 'stolen', n: 2 }]);
  });
});
