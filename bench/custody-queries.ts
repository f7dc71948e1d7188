import { GardienApp } from '../src/main/core/app';
import { prng } from '../src/main/core/demo/generate';
import type { CustodyDashboard, OutRow, ReturnResult, VoucherView, WeaponCheck } from '../src/shared/contract/custody';
import type { Result } from '../src/shared/result';
import { BENCH_STOREKEEPER } from './custody-load';
import { AMMO_BAY, DUTIES, HOUR } from './custody-rows';
import { summarize, type MemoryPeaks, type Timings } from './stats';

export interface CustodyTimes {
  /** Opening the armoury with its custody history (open, quick_check, migrations) and the storekeeper's login, ms. */
  open: number;
  login: number;
  /** PRAGMA synchronous and journal_mode of the app's connection. */
  synchronous: string;
  journalMode: string;
  /** One weapon, 30 rounds, a checkout: router, checks, one transaction with synchronous FULL. */
  issue: Timings;
  /** Settling that voucher completely: the weapon and every round back. */
  ret: Timings;
  out: Timings & { rows: number; overdue: number };
  dashboard: Timings & { overdue: number; casesOpen: number };
  lookup: Timings;
  check: Timings;
}

function value<T>(op: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${op} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * The counter at this size, signed in as a storekeeper through the router: issues and returns
 * alternating (each returned weapon goes back on the shelf), the weapons-out register, the custody
 * dashboard, an officer's service number scanned, a weapon's code scanned.
 */
export async function measureCustody(dataDir: string, samples: number, memory: MemoryPeaks): Promise<CustodyTimes> {
  const t0 = performance.now();
  const app = new GardienApp({ dataDir, log: (m, e) => console.error(m, e) }).start();
  try {
    const store = app.store;
    if (!store) throw new Error('no store');
    const t1 = performance.now();
    value('auth.login', await app.router.call('auth.login', { username: BENCH_STOREKEEPER.username, password: BENCH_STOREKEEPER.password }));
    const login = performance.now() - t1;
    const call = async <T>(op: string, input: object): Promise<[number, T]> => {
      const t = performance.now();
      const out = value<T>(op, await app.router.call(op, input));
      return [performance.now() - t, out];
    };
    const r = prng(0xc0de_57);
    const s = store.s;
    const officers = s.sql("SELECT id, service_number AS serviceNumber FROM officers WHERE status = 'active'").all() as { id: number; serviceNumber: string }[];
    const { lo, hi } = s.sql('SELECT MIN(id) AS lo, MAX(id) AS hi FROM weapons').get() as { lo: number; hi: number };
    const freeWeapon = s.sql("SELECT id FROM weapons WHERE id >= ? AND status = 'in_store' AND condition = 'serviceable' ORDER BY id LIMIT 1").pluck();
    const lot = s
      .sql("SELECT l.id AS lotId, b.store_id AS storeId FROM lots l JOIN ammo_balances b ON b.lot_id = l.id WHERE b.bay = ? AND b.condition = 'serviceable' ORDER BY l.id LIMIT 1").get(AMMO_BAY) as {
      lotId: number;
      storeId: number;
    };

    const issueOne = () => {
      const officer = r.pick(officers);
      const weaponId = (freeWeapon.get(r.int(lo, hi)) ?? freeWeapon.get(lo)) as number;
      return call<VoucherView>('custody.issue', {
        kind: 'checkout', officerId: officer.id, weapons: [{ weaponId, magazines: 2 }],
        rounds: [{ lotId: lot.lotId, storeId: lot.storeId, bay: AMMO_BAY, quantity: 30 }],
        duty: r.pick(DUTIES), expectedReturn: new Date(Date.now() + 8 * HOUR).toISOString(), acknowledgement: officer.serviceNumber,
      });
    };
    const returnAll = (v: VoucherView) =>
      call<ReturnResult>('custody.return', {
        voucherId: v.id,
        weapons: v.weapons.map((w) => ({ weaponId: w.weapon.id, returned: true, condition: 'serviceable' })),
        magazinesReturned: v.magazines,
        rounds: v.rounds.map((l) => ({ lotId: l.lotId, storeId: l.storeId, bay: l.bay, returned: l.issued, expended: 0 })),
      });

    for (let i = 0; i < 20; i++) await returnAll((await issueOne())[1]); // warm up
    const issues: number[] = [];
    const returns: number[] = [];
    for (let i = 0; i < samples; i++) {
      const [ms, voucher] = await issueOne();
      issues.push(ms);
      returns.push((await returnAll(voucher))[0]);
    }
    memory.sample();

    const outs: number[] = [];
    let list = { rows: [] as OutRow[], overdue: 0 };
    for (let i = 0; i < 20; i++) {
      const [ms, o] = await call<typeof list>('custody.out', {});
      outs.push(ms);
      list = o;
    }
    const dashboards: number[] = [];
    let board: CustodyDashboard | undefined;
    for (let i = 0; i < 20; i++) {
      const [ms, d] = await call<CustodyDashboard>('custody.dashboard', {});
      dashboards.push(ms);
      board = d;
    }
    memory.sample();

    const lookups: number[] = [];
    for (let i = 0; i < samples; i++) lookups.push((await call('officers.lookup', { serviceNumber: r.pick(officers).serviceNumber }))[0]);
    // a scan at the counter: a quarter of the codes are weapons out (a return), the rest anywhere in the register
    const outCodes = list.rows.map((row) => row.weapon.nationalCode);
    const codeOf = s.sql('SELECT national_code FROM weapons WHERE id >= ? ORDER BY id LIMIT 1').pluck();
    const checks: number[] = [];
    for (let i = 0; i < samples; i++) {
      const code = i % 4 === 0 && outCodes.length > 0 ? r.pick(outCodes) : (codeOf.get(r.int(lo, hi)) as string);
      const [ms, found] = await call<WeaponCheck[]>('custody.check', { code });
      if (found.length === 0) throw new Error(`custody.check found nothing for ${code}`);
      checks.push(ms);
    }
    memory.sample();
    return {
      open: t1 - t0,
      login,
      synchronous: SYNCHRONOUS[store.db.pragma('synchronous', { simple: true }) as number] ?? '?',
      journalMode: String(store.db.pragma('journal_mode', { simple: true })),
      issue: summarize(issues),
      ret: summarize(returns),
      out: { ...summarize(outs), rows: list.rows.length, overdue: list.overdue },
      dashboard: { ...summarize(dashboards), overdue: board?.overdueTotal ?? 0, casesOpen: board?.casesOpen ?? 0 },
      lookup: summarize(lookups),
      check: summarize(checks),
    };
  } finally {
    app.close();
  }
}
