import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow, CustodyDashboard, KeyRow, OfficerRow, OutRow } from '../../src/shared/contract/custody';
import { localToday } from '../../src/shared/domain/weapon';
import { addDays } from '../../src/main/core/ammunition/dates';
import { closeDatabase, openDatabase, type Db } from '../../src/main/core/db/open';
import { DEMO_ACCOUNTS } from '../../src/main/core/demo/accounts';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { events, eventRows } from './support/db';
import { Harness, TestClock, disposeHarnesses, scratchDir, tempDir } from './support/harness';

// One demo armoury opened as the app opens it, at a fixed moment, signed in as its manager; the tests only read it.
const AT = Date.UTC(2026, 2, 14, 9, 30);
const now = new Date(AT);
const today = localToday(now);
const yesterday = addDays(today, -1);
let h: Harness;
let chefId: number;
let officers: OfficerRow[];
let out: { rows: OutRow[]; overdue: number };
let openCases: CaseRow[];
let allCases: CaseRow[];
let board: CustodyDashboard;
let keys: KeyRow[];

beforeAll(async () => {
  h = new Harness(tempDir(), { demoWeapons: 300, clock: new TestClock(AT) });
  await h.ok('app.openDemo', {});
  const chef = DEMO_ACCOUNTS[0];
  chefId = (await h.ok('auth.login', { username: chef.username, password: chef.password })).userId;
  officers = (await h.ok('officers.list', { limit: 500 })).rows;
  out = await h.ok('custody.out', {});
  openCases = await h.ok('cases.list', {});
  allCases = await h.ok('cases.list', { status: 'all' });
  board = await h.ok('custody.dashboard', {});
  keys = await h.ok('keys.list', {});
}, 60_000);
afterAll(disposeHarnesses);

const rows = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const local = (iso: string) => localToday(new Date(iso));

describe('the demo armoury’s custody', () => {
  it('has a personnel register with authorisations, a few expired, one officer suspended and one who left', () => {
    expect(officers.length).toBeGreaterThanOrEqual(50);
    expect(new Set(officers.map((o) => o.serviceNumber)).size).toBe(officers.length);
    for (const o of officers) expect(o.serviceNumber, o.name).toMatch(/^ML[PGND]-\d{5}$/);
    expect(new Set(officers.map((o) => o.agency))).toEqual(new Set(['police', 'gendarmerie', 'national_guard', 'customs']));
    expect(officers.filter((o) => o.status === 'suspended')).toHaveLength(1);
    expect(officers.filter((o) => o.status === 'left')).toHaveLength(1);
    const auths = officers.flatMap((o) => o.authorisations);
    const byType = (type: string) => auths.filter((a) => a.weaponType === type).length;
    expect(byType('pistol') + byType('assault_rifle')).toBeGreaterThan(auths.length * 0.7);
    expect(byType('submachine_gun')).toBeGreaterThan(0);
    expect(byType('shotgun')).toBeGreaterThan(0);
    const expired = auths.filter((a) => a.expires < today);
    expect(expired.length).toBeGreaterThanOrEqual(2);
    expect(expired.length).toBeLessThan(auths.length / 5);
    expect(officers.filter((o) => o.authorisations.length === 0)).toEqual([]);
  });

  it('has a year of checkouts and returns, with assignments, rounds from the oldest lot, shots fired and one override', () => {
    const vouchers = rows<{ id: number; kind: string; issued_at: string; reference: string; override_by: number | null }>(
      h.db, 'SELECT id, kind, issued_at, reference, override_by FROM vouchers ORDER BY id',
    );
    expect(vouchers.length).toBeGreaterThan(365 * 3);
    const days = new Set(vouchers.map((v) => local(v.issued_at)));
    expect(days.size).toBeGreaterThan(350);
    expect([...days].sort()[0]! <= addDays(today, -360)).toBe(true);
    for (let month = 1; month <= 12; month++) {
      expect(vouchers.some((v) => local(v.issued_at).slice(0, 7) === addDays(today, -30 * month).slice(0, 7)), `month -${month}`).toBe(true);
    }
    const assignments = vouchers.filter((v) => v.kind === 'assignment');
    expect(assignments.length).toBeGreaterThanOrEqual(3);
    const withdrawn = rows<{ n: number }>(h.db, "SELECT COUNT(*) AS n FROM vouchers WHERE kind = 'assignment' AND closed_seq IS NOT NULL")[0]!.n;
    expect(withdrawn).toBeGreaterThanOrEqual(2);
    expect(withdrawn).toBeLessThan(assignments.length);
    expect(vouchers.filter((v) => v.reference !== '').length).toBeGreaterThan(10);
    expect(vouchers.some((v) => /^CR d’intervention n° \d{4}\/\d{4}$/.test(v.reference))).toBe(true);
    expect(vouchers.filter((v) => v.override_by === chefId)).toHaveLength(1);
    expect(board.overrides).toHaveLength(1);
    expect(board.overrides[0]?.weaponTypes).toEqual(['assault_rifle']);

    const rounds = rows<{ issued: number; returned: number; expended: number; unaccounted: number }>(h.db, 'SELECT * FROM voucher_rounds');
    expect(rounds.length).toBeGreaterThan(vouchers.length * 0.8);
    for (const r of rounds.filter((x) => x.issued > 0 && x.returned + x.expended + x.unaccounted > 0)) {
      expect(r.returned + r.expended + r.unaccounted).toBe(r.issued);
    }
    // the storekeeper issues, the manager approves closings; the manager issued this morning after the handover
    const issuers = rows<{ issuer: number; n: number }>(h.db, 'SELECT issuer, COUNT(*) AS n FROM vouchers GROUP BY issuer');
    expect(issuers.find((i) => i.issuer !== chefId)!.n).toBeGreaterThan(vouchers.length - 10);
  });

  it('has 3 to 5 weapons out now, exactly one of them overdue since yesterday evening', () => {
    expect(out.rows.length).toBeGreaterThanOrEqual(3);
    expect(out.rows.length).toBeLessThanOrEqual(5);
    expect(out.overdue).toBe(1);
    const overdue = out.rows.filter((r) => r.overdue);
    expect(overdue).toHaveLength(1);
    expect(local(overdue[0]!.issuedAt)).toBe(yesterday);
    expect(local(overdue[0]!.expectedReturn)).toBe(yesterday);
    for (const r of out.rows.filter((x) => !x.overdue && x.kind === 'checkout')) {
      expect(local(r.issuedAt)).toBe(today);
      expect(Date.parse(r.issuedAt)).toBeLessThan(AT);
      expect(Date.parse(r.expectedReturn)).toBeGreaterThan(AT);
    }
    expect(out.rows.filter((r) => r.kind === 'checkout' && local(r.issuedAt) === today).length).toBeGreaterThanOrEqual(2);
    expect(out.rows.filter((r) => r.kind === 'assignment').length).toBeLessThanOrEqual(1);
    expect(new Set(out.rows.map((r) => r.officer.id)).size).toBe(out.rows.length);
  });

  it('has exactly one open discrepancy case, not overdue, and the year’s cases closed by the manager', () => {
    expect(openCases).toHaveLength(1);
    const open = openCases[0]!;
    expect([open.source, open.subject, open.overdue]).toEqual(['custody', 'rounds', false]);
    expect([yesterday, today]).toContain(local(open.openedAt));
    expect(Date.parse(open.deadline)).toBeGreaterThan(AT);
    const closed = allCases.filter((c) => c.status === 'closed');
    expect(closed.filter((c) => c.source === 'custody').length).toBeGreaterThanOrEqual(2);
    for (const c of closed) {
      expect(c.approver?.id, `case ${c.id}`).toBe(chefId);
      // the stock checks' cases (demo-stockchecks.test.ts): a weapon found, a lot's book adjusted
      expect(c.source === 'custody' ? ['expended', 'returned'] : ['found', 'adjusted']).toContain(c.outcome);
      expect(Date.parse(c.closedAt)).toBeLessThan(Date.parse(c.deadline));
    }
  });

  it('shows them on the custody dashboard', () => {
    expect(board.out).toBe(out.rows.length);
    expect(board.overdueTotal).toBe(1);
    expect(board.overdue.map((r) => r.weapon.id)).toEqual(out.rows.filter((r) => r.overdue).map((r) => r.weapon.id));
    expect(board.casesOpen).toBe(1);
    expect(board.casesOverdue).toEqual([]);
  });

  it('never has a weapon both out and in store', () => {
    const statuses = rows<{ id: number; status: string; out: number | null }>(
      h.db, 'SELECT w.id, w.status, c.weapon_id AS out FROM weapons w LEFT JOIN custody_out c ON c.weapon_id = w.id',
    );
    for (const w of statuses) expect(w.out !== null, `weapon ${w.id} ${w.status}`).toBe(w.status === 'issued' || w.status === 'assigned');
    const lines = rows<{ weapon_id: number; n: number }>(h.db, "SELECT weapon_id, COUNT(*) AS n FROM voucher_weapons WHERE outcome IN ('out', 'missing') GROUP BY weapon_id");
    expect(lines.every((l) => l.n === 1)).toBe(true);
    expect(lines.length).toBe(out.rows.length);
  });

  it('has a key register and yesterday evening’s handover, with the keys passed on', async () => {
    expect(keys.map((k) => k.code)).toEqual(['CLE-01', 'CLE-02', 'CLE-03', 'CLE-04']);
    expect(keys.every((k) => k.holder?.id === chefId)).toBe(true);
    const handovers = await h.ok('handover.list', {});
    expect(handovers).toHaveLength(1);
    const handover = handovers[0]!;
    expect(local(handover.at)).toBe(yesterday);
    expect([handover.outgoing.username, handover.incoming.username]).toEqual([DEMO_ACCOUNTS[1].username, DEMO_ACCOUNTS[0].username]);
    expect([handover.counted, handover.missing, handover.unexpected, handover.keys]).toEqual([handover.expected, 0, 0, 3]);
  });

  it('keeps rounds outstanding exactly as issued less returned and expended, and its journal verifies', () => {
    // ammunition issued to units and officers, and rounds out on vouchers or on an open case
    const outstanding = new Map<number, number>();
    const add = (lotId: number, n: number) => outstanding.set(lotId, (outstanding.get(lotId) ?? 0) + n);
    for (const e of events(h.db)) {
      const d = e.data as { lotId: number; quantity: number };
      if (e.type === 'ammo.issued') add(d.lotId, d.quantity);
      if (e.type === 'ammo.returned' || e.type === 'ammo.expended') add(d.lotId, -d.quantity);
    }
    for (const r of rows<{ lot_id: number; issued: number }>(h.db, 'SELECT r.lot_id, r.issued FROM voucher_rounds r JOIN vouchers v ON v.id = r.voucher_id WHERE v.settled_seq IS NULL')) {
      add(r.lot_id, r.issued);
    }
    for (const c of openCases.filter((x) => x.subject === 'rounds')) add(c.lot!.id, c.quantity);
    const stored = rows<{ lot_id: number; quantity: number }>(h.db, 'SELECT lot_id, quantity FROM lot_outstanding');
    expect(new Map(stored.map((r) => [r.lot_id, r.quantity]))).toEqual(new Map([...outstanding].filter(([, n]) => n !== 0)));
    const balances = rows<{ n: number }>(h.db, 'SELECT COUNT(*) AS n FROM ammo_balances WHERE quantity <= 0')[0]!.n;
    expect(balances).toBe(0);

    const times = eventRows(h.db).map((r) => r.at);
    expect([...times].sort()).toEqual(times);
    // nothing happens after the demo's now (signing in is at now itself)
    expect(times.filter((t) => t > now.toISOString())).toEqual([]);
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('the demo’s custody history', () => {
  const custody = async (clock: TestClock, name: string) => {
    const path = join(scratchDir(), name);
    await createDemoArmoury(path, { weapons: 40, clock: clock.now });
    const db = openDatabase(path);
    try {
      const table = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
      const at = clock.now().toISOString();
      const outNow = db.prepare('SELECT c.kind, c.expected_return AS expected, v.issued_at AS issued FROM custody_out c JOIN vouchers v ON v.id = c.voucher_id').all() as
        { kind: string; expected: string; issued: string }[];
      return {
        tables: Object.fromEntries(['officers', 'officer_authorisations', 'vouchers', 'voucher_weapons', 'voucher_rounds', 'custody_out', 'cases', 'armoury_keys', 'handovers'].map((t) => [t, table(t)])),
        overdue: outNow.filter((r) => r.kind === 'checkout' && r.expected < at).length,
        future: outNow.filter((r) => r.issued > at).length,
        open: (db.prepare("SELECT COUNT(*) AS n FROM cases WHERE status = 'open'").get() as { n: number }).n,
      };
    } finally {
      closeDatabase(db);
    }
  };

  it('is the same every time for the same size and clock', async () => {
    const a = await custody(new TestClock(AT), 'a.sqlite');
    expect(await custody(new TestClock(AT), 'b.sqlite')).toEqual(a);
    expect(a.tables.vouchers?.length).toBeGreaterThan(1000);
  });

  it('keeps one overdue weapon and nothing issued after now, whatever the hour the demo is made', async () => {
    for (const [hours, minutes] of [[0, 20], [23, 40]] as const) {
      const d = new Date(AT);
      const clock = new TestClock(new Date(d.getFullYear(), d.getMonth(), d.getDate(), hours, minutes).getTime());
      const r = await custody(clock, `at-${hours}.sqlite`);
      expect([r.overdue, r.future, r.open], `${hours}:${minutes}`).toEqual([1, 0, 1]);
    }
  });
});
