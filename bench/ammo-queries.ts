import { GardienApp } from '../src/main/core/app';
import { today } from '../src/main/core/ammunition/dates';
import { prng } from '../src/main/core/demo/generate';
import type { Result } from '../src/shared/result';
import { BENCH_BAYS, TEXTS, type AmmoBenchSize } from './ammo-rows';
import { BENCH_MANAGER } from './load-core';
import { summarize, type MemoryPeaks, type Timings } from './stats';

export interface AmmoTimes {
  /** One receipt into an existing lot through the router: validation, session, checks, one transaction. */
  receipt: Timings;
  holdings: Timings & { meanRows: number };
  dashboard: Timings;
  stockCard: Timings & { meanLines: number };
}

function value<T>(op: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${op} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

/**
 * What a storekeeper meets at this size, signed in through the router as the app calls it:
 * single receipts (each its own transaction with synchronous=FULL), a store's holdings, the
 * ammunition dashboard and a lot's stock record card.
 */
export async function measureAmmunition(
  dataDir: string,
  size: AmmoBenchSize,
  ids: { storeIds: number[]; lotIds: number[] },
  samples: number,
  memory: MemoryPeaks,
): Promise<AmmoTimes> {
  const app = new GardienApp({ dataDir, log: (m, e) => console.error(m, e) }).start();
  try {
    value('auth.login', await app.router.call('auth.login', { username: BENCH_MANAGER.username, password: BENCH_MANAGER.password }));
    const r = prng(0x5ec0de);
    const call = async <T>(op: string, input: object) => value<T>(op, await app.router.call(op, input));
    // A lot's home is store lot % stores, bay by lot / stores (see ammoBatches): receipts there are always legal.
    const home = (lot: number) => ({ storeId: ids.storeIds[lot % size.stores] as number, bay: BENCH_BAYS[Math.floor(lot / size.stores) % BENCH_BAYS.length] as string });
    const receiptOf = (lot: number) => ({
      lotId: ids.lotIds[lot], place: home(lot), quantity: 100, date: today(new Date()), source: TEXTS.source, document: TEXTS.document,
    });

    for (let i = 0; i < 20; i++) await call('ammo.receive', receiptOf(r.int(0, size.lots - 1))); // warm up
    const receipts: number[] = [];
    for (let i = 0; i < samples; i++) {
      const input = receiptOf(r.int(0, size.lots - 1));
      receipts.push((await timed(() => call('ammo.receive', input)))[0]);
    }
    memory.sample();

    const holdings: number[] = [];
    let rows = 0;
    for (const storeId of ids.storeIds) {
      const [ms, out] = await timed(() => call<{ holdings: unknown[] }>('stores.holdings', { storeId }));
      holdings.push(ms);
      rows += out.holdings.length;
    }
    const dashboard: number[] = [];
    for (let i = 0; i < 10; i++) dashboard.push((await timed(() => call('ammo.dashboard', {})))[0]);
    const cards: number[] = [];
    let lines = 0;
    for (let i = 0; i < 20; i++) {
      const id = ids.lotIds[r.int(0, size.lots - 1)];
      const [ms, out] = await timed(() => call<{ card: unknown[] }>('lots.get', { id }));
      cards.push(ms);
      lines += out.card.length;
    }
    memory.sample();
    return {
      receipt: summarize(receipts),
      holdings: { ...summarize(holdings), meanRows: rows / holdings.length },
      dashboard: summarize(dashboard),
      stockCard: { ...summarize(cards), meanLines: lines / cards.length },
    };
  } finally {
    app.close();
  }
}
