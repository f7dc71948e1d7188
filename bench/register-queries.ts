import { GardienApp } from '../src/main/core/app';
import { prng } from '../src/main/core/demo/generate';
import type { Result } from '../src/shared/result';
import type { RegisterPage } from '../src/shared/contract/register';
import { normalizeKey } from '../src/shared/domain/normalize';
import { BENCH_MANAGER } from './load-core';
import { summarize, timeRepeated, type MemoryPeaks, type Timings } from './stats';

export interface OpenTimes {
  total: number;
  start: number;
  status: number;
  login: number;
  firstPage: number;
}

export interface SearchTimes extends Timings {
  length: number;
  /** Mean rows matched per search (capped at SEARCH_CAP + 1 by the query). */
  meanHits: number;
}

export interface RegisterTimes {
  open: OpenTimes;
  searches: SearchTimes[];
  firstPage: Timings;
  deepPage: Timings & { offset: number };
  filteredCount: Timings & { filter: string; total: number };
}

function page(result: Result<unknown>): RegisterPage {
  if (!result.ok) throw new Error(`weapons.list failed: ${result.error.code} ${result.error.message}`);
  return result.value as RegisterPage;
}

/** Opening the armoury as the app does at start: open + quick_check, status, login, first page. */
async function openApp(dataDir: string): Promise<{ app: GardienApp; times: OpenTimes }> {
  const t0 = performance.now();
  const app = new GardienApp({ dataDir, log: (m, e) => console.error(m, e) }).start();
  const t1 = performance.now();
  const status = app.status();
  if (status.state !== 'ready') throw new Error(`armoury did not open: ${JSON.stringify(status.error)}`);
  const t2 = performance.now();
  const login = await app.router.call('auth.login', { username: BENCH_MANAGER.username, password: BENCH_MANAGER.password });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  const t3 = performance.now();
  page(await app.router.call('weapons.list', {}));
  const t4 = performance.now();
  return { app, times: { total: t4 - t0, start: t1 - t0, status: t2 - t1, login: t3 - t2, firstPage: t4 - t3 } };
}

/**
 * The register as a signed-in user meets it, through the router (contract validation, session
 * and permission checks included): substring searches taken from real serials, pages, a count.
 */
export async function measureRegister(dataDir: string, weapons: number, samples: number, memory: MemoryPeaks): Promise<RegisterTimes> {
  const { app, times: open } = await openApp(dataDir);
  try {
    const store = app.store;
    if (!store) throw new Error('no store');
    const r = prng(0x5ea2c4);
    const serialOf = (id: number) => (store.s.sql('SELECT serial FROM weapons WHERE id = ?').get(id) as { serial: string }).serial;
    const firstId = (store.s.sql('SELECT MIN(id) AS id FROM weapons').get() as { id: number }).id;
    const substring = (length: number) => {
      const serial = normalizeKey(serialOf(firstId + r.int(0, weapons - 1)));
      const at = r.int(0, Math.max(0, serial.length - length));
      return serial.slice(at, at + length);
    };
    const list = async (query: object) => page(await app.router.call('weapons.list', query));

    for (let i = 0; i < 30; i++) await list({ search: substring(4) }); // warm the page cache
    const searches: SearchTimes[] = [];
    for (const length of [3, 4, 6]) {
      const durations: number[] = [];
      let hits = 0;
      for (let i = 0; i < samples; i++) {
        const search = substring(length);
        const t = performance.now();
        const result = await list({ search });
        durations.push(performance.now() - t);
        hits += result.total + (result.capped ? 1 : 0);
      }
      memory.sample();
      searches.push({ length, ...summarize(durations), meanHits: hits / samples });
    }

    const firstPage = summarize(await timeRepeated(30, () => list({})));
    const offset = Math.min(500_000, Math.floor(weapons / 2));
    const deepPage = { offset, ...summarize(await timeRepeated(5, () => list({ offset }))) };
    const filter = { type: 'pistol' as const };
    const total = (await list({ filters: filter, limit: 1 })).total;
    const filteredCount = { filter: 'type = pistol', total, ...summarize(await timeRepeated(5, () => list({ filters: filter, limit: 1 }))) };
    memory.sample();
    return { open, searches, firstPage, deepPage, filteredCount };
  } finally {
    app.close();
  }
}
