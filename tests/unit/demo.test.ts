import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/core/db/open';
import { DEMO_ACCOUNTS } from '../../src/main/core/demo/accounts';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { decodeEvent } from '../../src/main/core/journal/event';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { count, eventRows } from './support/db';
import { Harness, TestClock, disposeHarnesses, scratchDir, tempDir } from './support/harness';

afterEach(disposeHarnesses);

async function demo(weapons: number, clock?: TestClock): Promise<string> {
  const path = join(scratchDir(), 'demo.sqlite');
  await createDemoArmoury(path, { weapons, ...(clock ? { clock: clock.now } : {}) });
  return path;
}

describe('createDemoArmoury', () => {
  it.each([300, 2000])('yields %i weapons with a plausible variety of statuses and a history that verifies', async (n) => {
    const path = await demo(n);
    const db = openDatabase(path);
    try {
      expect(count(db, 'weapons')).toBe(n);
      const statuses = db.prepare('SELECT status, COUNT(*) AS n FROM weapons GROUP BY status').all() as { status: string; n: number }[];
      const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
      expect(byStatus.in_store ?? 0).toBeGreaterThan(n / 2);
      expect(statuses.length).toBeGreaterThanOrEqual(n >= 1000 ? 6 : 3);
      const counters = db.prepare('SELECT status, n FROM weapon_status_counts WHERE n > 0').all() as { status: string; n: number }[];
      expect(Object.fromEntries(counters.map((s) => [s.status, s.n]))).toEqual(byStatus);

      const rows = eventRows(db);
      const types = new Set(rows.map((r) => r.type));
      expect(rows.length).toBeGreaterThan(n + 3);
      expect([...types]).toEqual(expect.arrayContaining(['armoury.created', 'user.created', 'weapon.registered', 'weapon.moved']));
      if (n >= 1000) {
        expect([...types]).toEqual(expect.arrayContaining([
          'weapon.maintenance_out', 'weapon.loss_reported', 'weapon.theft_reported', 'weapon.surplus_declared', 'weapon.destroyed',
        ]));
      }
      for (const row of rows.filter((r) => r.type === 'weapon.destroyed' || r.type === 'weapon.surplus_declared')) {
        const e = decodeEvent(row.body);
        expect(e.approver, `seq ${row.seq}`).toBeDefined();
        expect(e.approver).not.toBe(e.actor);
      }
      const times = rows.map((r) => r.at);
      expect([...times].sort()).toEqual(times);

      const report = verifyDatabase(db);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      closeDatabase(db);
    }
  });

  it('is the same every time for the same size and the same clock', async () => {
    const at = Date.UTC(2025, 0, 15, 9, 0, 0);
    const dump = (path: string) => {
      const db = openDatabase(path);
      const weapons = db.prepare('SELECT * FROM weapons ORDER BY id').all();
      const types = eventRows(db).map((r) => r.type);
      closeDatabase(db);
      return { weapons, types };
    };
    expect(dump(await demo(300, new TestClock(at)))).toEqual(dump(await demo(300, new TestClock(at))));
  });
});

describe('the demo armoury in the app', () => {
  it('opens from the start screen with its three accounts, each with its role', async () => {
    const h = new Harness(tempDir(), { demoWeapons: 500 });
    expect((await h.ok('app.status', {})).state).toBe('setup');
    const status = await h.ok('app.openDemo', {});
    expect([status.state, status.database, status.armouryExists]).toEqual(['ready', 'demo', false]);
    expect(status.demoAccounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    for (const account of DEMO_ACCOUNTS) {
      const session = await h.ok('auth.login', { username: account.username, password: account.password });
      expect(session.role).toBe(account.role);
      expect((await h.ok('weapons.counts', {})).total).toBe(500);
      await h.ok('auth.logout', {});
    }
    // a second opening reuses the same file rather than generating another
    const head = h.head();
    await h.ok('app.openDemo', {});
    expect(h.head()).toEqual(head);
  });
});
