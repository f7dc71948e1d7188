import { createArmoury } from '../src/main/core/armoury/setup';
import { registerMany } from '../src/main/core/register/service';
import { Store } from '../src/main/core/store';
import { Progress } from '../src/main/cli/progress';
import { fileBytes, type LoadResult } from './load-result';
import { weaponBatches } from './rows';
import type { MemoryPeaks } from './stats';

export const BENCH_MANAGER = { username: 'bench', fullName: 'Bench Manager', password: 'bench-password' };

/**
 * The core service path: an armoury created as the app does, then registerMany per batch (one
 * transaction each: duplicate checks, journal append with SHA-256 chain, projections, FTS row).
 */
export async function loadCore(path: string, total: number, batch: number, memory: MemoryPeaks): Promise<LoadResult> {
  const store = Store.open(path, { create: true });
  let done = 0;
  let dbMs = 0;
  let genMs = 0;
  try {
    const managerId = await createArmoury(store, {
      armoury: { code: 'BENCH-01', name: 'Armurerie de mesure', agency: 'police', region: 'Bamako', language: 'fr' },
      manager: BENCH_MANAGER,
    });
    const progress = new Progress(`core register of ${total.toLocaleString('en-US')}`);
    let t = performance.now();
    for (const list of weaponBatches(total, batch)) {
      const generated = performance.now();
      genMs += generated - t;
      done += registerMany(store, managerId, list).length;
      t = performance.now();
      dbMs += t - generated;
      memory.sample();
      progress.update(done, total);
    }
    progress.end();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  return { weapons: done, seconds: dbMs / 1000, rate: done / (dbMs / 1000), generateSeconds: genMs / 1000, bytes: fileBytes(path) };
}
