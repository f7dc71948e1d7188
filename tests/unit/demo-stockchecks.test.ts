import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, CheckRow, CheckSchedule } from '../../src/shared/contract/stockcheck';
import type { Settings } from '../../src/shared/domain/accounts';
import { PRESENT_STATUSES } from '../../src/shared/domain/custody';
import { localToday } from '../../src/shared/domain/weapon';
import { addDays, addMonths } from '../../src/main/core/stockcheck/schedule';
import { closeDatabase, openDatabase } from '../../src/main/core/db/open';
import { DEMO_ACCOUNTS } from '../../src/main/core/demo/accounts';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { events, eventRows } from './support/db';
import { Harness, TestClock, disposeHarnesses, scratchDir, tempDir } from './support/harness';

// One demo armoury opened as the app opens it, at a fixed moment, signed in as its manager; the tests only read it.
const AT = Date.UTC(2026, 2, 14, 9, 30);
const today = localToday(new Date(AT));
let h: Harness;
let chefId: number;
let checks: CheckRow[];
let reports: CheckReport[];
let schedule: CheckSchedule;
let settings: Settings;

const local = (iso: string) => localToday(new Date(iso));
/** The last day of a quarter (31 March, 30 June, 30 September, 31 December). */
const quarterEnd = (day: string) => Number(day.slice(5, 7)) % 3 === 0 && addDays(day, 1).slice(5, 7) !== day.slice(5, 7);

async function openDemo(clock: TestClock, weapons: number): Promise<Harness> {
  const harness = new Harness(tempDir(), { demoWeapons: weapons, clock });
  await harness.ok('app.openDemo', {});
  const chef = DEMO_ACCOUNTS[0];
  chefId = (await harness.ok('auth.login', { username: chef.username, password: chef.password })).userId;
  return harness;
}

beforeAll(async () => {
  h = await openDemo(new TestClock(AT), 300);
  checks = await h.ok('stockchecks.list', {});
  reports = [];
  for (const c of checks) reports.push(await h.ok('stockchecks.report', { id: c.id }));
  schedule = await h.ok('stockchecks.schedule', {});
  settings = await h.ok('settings.get', {});
}, 60_000);
afterAll(disposeHarnesses);

const fulls = () => reports.filter((r) => r.check.scope === 'full');

describe('the demo armoury’s stock checks', () => {
  it('has a full inventory at the end of each quarter, counted completely by the storekeeper with the manager as witness', () => {
    expect(checks.every((c) => c.status === 'closed')).toBe(true);
    const full = fulls();
    expect(full).toHaveLength(4);
    expect(new Set(full.map((r) => local(r.check.closedAt)))).toEqual(new Set(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']));
    for (const { check, totals } of full) {
      expect(quarterEnd(local(check.startedAt)), check.note).toBe(true);
      expect([check.counter.username, check.witness?.username]).toEqual([DEMO_ACCOUNTS[1].username, DEMO_ACCOUNTS[0].username]);
      expect(check.note).toMatch(/^Inventaire trimestriel/);
      expect(check.weapons).toBeGreaterThan(200);
      expect(check.weaponsCounted).toBe(check.weapons - totals.weaponsMissing);
      expect(check.lotsCounted).toBe(check.lots);
      expect(check.lots).toBeGreaterThan(10);
      expect([totals.weaponsUnexpected, totals.unknown]).toEqual([0, 0]);
    }
    // one weapon missing in one inventory, one lot short in another, the rest as the book
    expect(full.map((r) => r.totals.weaponsMissing).sort()).toEqual([0, 0, 0, 1]);
    expect(full.map((r) => r.totals.lotsDifferent).sort()).toEqual([0, 0, 0, 1]);
    expect(full.findIndex((r) => r.totals.weaponsMissing === 1)).not.toBe(full.findIndex((r) => r.totals.lotsDifferent === 1));
  });

  it('opens on no overdue check: the last inventory within the period, a spot check of 20 items within its days', () => {
    const lastFull = fulls().map((r) => local(r.check.closedAt)).sort().at(-1) ?? '';
    expect(schedule.lastFull).toBe(lastFull);
    expect(addMonths(lastFull, settings.fullInventoryMonths) >= today).toBe(true);
    expect([schedule.fullOverdue, schedule.spotOverdue]).toEqual([false, false]);
    const spots = reports.filter((r) => r.check.scope === 'spot');
    expect(spots.length).toBeGreaterThanOrEqual(10);
    for (const { check, totals, cases } of spots) {
      expect(check.weapons + check.lots, check.note).toBe(20);
      expect(check.weapons).toBeGreaterThan(0);
      expect([check.weaponsCounted, check.lotsCounted]).toEqual([check.weapons, check.lots]);
      expect([totals.weaponsMissing, totals.lotsDifferent, cases.length]).toEqual([0, 0, 0]);
      expect(check.witness?.id).toBe(chefId);
    }
    const lastSpot = spots.map((r) => local(r.check.closedAt)).sort().at(-1) ?? '';
    expect(schedule.lastSpot).toBe(lastSpot);
    expect(addDays(lastSpot, settings.spotCheckDays) >= today).toBe(true);
    // each spot check drew its own items
    expect(new Set(spots.map((r) => JSON.stringify(r.lots.map((l) => l.lotId)))).size).toBeGreaterThan(1);
  });

  it('tells of a weapon missing at a count and found the next morning', async () => {
    const report = fulls().find((r) => r.totals.weaponsMissing === 1);
    expect(report).toBeDefined();
    const { check, missing, cases } = report!;
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect([c.source, c.subject, c.weapon?.id, c.status, c.outcome]).toEqual(['stock_check', 'weapon', missing[0]?.id, 'closed', 'found']);
    expect(c.approver?.id).toBe(chefId);
    expect(local(c.closedAt)).toBe(addDays(local(check.closedAt), 1));
    expect(c.explanation).toMatch(/retrouvée/);
    const weapon = await h.ok('weapons.get', { id: missing[0]!.id });
    expect(PRESENT_STATUSES).toContain(weapon.weapon.status);
  });

  it('tells of a lot counted short, settled by a two-person adjustment naming its case, then closed as adjusted', () => {
    const report = fulls().find((r) => r.totals.lotsDifferent === 1);
    expect(report).toBeDefined();
    const short = report!.lots.find((l) => l.difference !== 0)!;
    expect(short.difference).toBeLessThan(0);
    expect(report!.cases).toHaveLength(1);
    const c = report!.cases[0]!;
    expect([c.source, c.subject, c.lot?.id, c.quantity, c.status, c.outcome]).toEqual(['stock_check', 'rounds', short.lotId, -short.difference, 'closed', 'adjusted']);
    expect(c.approver?.id).toBe(chefId);
    const all = events(h.db);
    const adjusted = all.filter((e) => e.type === 'ammo.adjusted');
    expect(adjusted).toHaveLength(1);
    const a = adjusted[0]!;
    const d = a.data as { caseId: number; lotId: number; delta: number; caseReference: string };
    expect([d.caseId, d.lotId, d.delta, d.caseReference]).toEqual([c.id, short.lotId, short.difference, `case ${c.id}`]);
    expect([a.approver, a.actor === chefId]).toEqual([chefId, false]);
    const closing = all.find((e) => e.type === 'case.closed' && (e.data as { caseId: number }).caseId === c.id)!;
    expect(a.seq).toBeLessThan(closing.seq);
    expect(Date.parse(c.closedAt)).toBeLessThan(Date.parse(c.deadline));
  });

  it('never puts a weapon out with an officer on a check’s book, so none of them is counted missing', () => {
    // out at the check's start: issued on a voucher before it, returned after it (or not yet)
    const outAt = (seq: number) => (h.db.prepare('SELECT weapon_id FROM voucher_weapons WHERE voucher_id < ? AND (returned_seq IS NULL OR returned_seq > ?)')
      .all(seq, seq) as { weapon_id: number }[]).map((r) => r.weapon_id);
    const onSheet = (id: number) => new Set((h.db.prepare('SELECT weapon_id FROM stock_check_weapons WHERE check_id = ?').all(id) as { weapon_id: number }[]).map((r) => r.weapon_id));
    let out = 0;
    for (const c of checks) {
      const sheet = onSheet(c.id);
      const away = outAt(c.id);
      out += away.length;
      expect(away.filter((id) => sheet.has(id)), `check ${c.id}`).toEqual([]);
    }
    expect(out).toBeGreaterThan(0);
  });

  it('leaves the custody’s one open case alone, and its journal verifies', async () => {
    const open = await h.ok('cases.list', {});
    expect(open.map((c) => c.source)).toEqual(['custody']);
    const times = eventRows(h.db).map((r) => r.at);
    expect([...times].sort()).toEqual(times);
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('the demo’s stock checks, whatever the day', () => {
  it('write the same journal every time for the same size and clock', async () => {
    const hashes = async (name: string) => {
      const path = join(scratchDir(), name);
      await createDemoArmoury(path, { weapons: 40, clock: new TestClock(AT).now });
      const db = openDatabase(path);
      try {
        return eventRows(db).map((r) => r.hash.toString('hex'));
      } finally {
        closeDatabase(db);
      }
    };
    const a = await hashes('a.sqlite');
    expect(a.length).toBeGreaterThan(1000);
    expect(await hashes('b.sqlite')).toEqual(a);
  });

  // 31 December: the last quarter's inventory (30 September) + 3 months = 30 December, already past;
  // 1 July: a quarter ended yesterday.
  it.each([
    ['31 December', new Date(2026, 11, 31, 10, 0)],
    ['1 July', new Date(2026, 6, 1, 7, 30)],
  ])('open on no overdue check on %s', async (_, at) => {
    const demo = await openDemo(new TestClock(at.getTime()), 20);
    const s = await demo.ok('stockchecks.schedule', {});
    expect([s.fullOverdue, s.spotOverdue]).toEqual([false, false]);
    const list = await demo.ok('stockchecks.list', {});
    const full = list.filter((c) => c.scope === 'full');
    expect(full.length).toBeGreaterThanOrEqual(4);
    expect(full.every((c) => c.status === 'closed')).toBe(true);
    expect(s.lastFull).toBe(addDays(localToday(at), -1));
    expect((await demo.ok('cases.list', {})).map((c) => c.source)).toEqual(['custody']);
    demo.dispose();
  }, 60_000);
});
