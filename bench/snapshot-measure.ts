import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GardienApp } from '../src/main/core/app';
import { importSnapshots } from '../src/main/core/commission/import';
import { prng } from '../src/main/core/demo/generate';
import { exportSnapshot } from '../src/main/core/snapshot/export';
import { Store } from '../src/main/core/store';
import { Progress } from '../src/main/cli/progress';
import { normalizeKey } from '../src/shared/domain/normalize';
import type { SnapshotConfig } from './config';
import { buildArmouries, buildExportArmoury, newCommission, type BuiltArmoury } from './snapshot-build';
import { hashAndWrite, rawImport } from './snapshot-raw';
import { BENCH_MANAGER } from './load-core';
import { percentile, type MemoryPeaks } from './stats';

export interface ExportFigures {
  weapons: number;
  events: number;
  buildSeconds: number;
  exportMs: number;
  bytes: number;
  hashMs: number;
  writeMs: number;
}

/** (a) One full export of the big armoury, then SHA-256 and a fsynced copy of the very same bytes. */
export async function measureExport(dir: string, c: SnapshotConfig, memory: MemoryPeaks): Promise<ExportFigures> {
  const armoury = await buildExportArmoury(join(dir, 'export'), c.exportWeapons, c.exportEvents, memory);
  const store = Store.open(armoury.path);
  try {
    const progress = new Progress(`export of ${armoury.events.toLocaleString('en-US')} events`);
    const t = performance.now();
    const summary = await exportSnapshot(store, { full: true, dir, onProgress: (done, total) => progress.update(done, total) });
    const exportMs = performance.now() - t;
    progress.end();
    memory.sample();
    const file = join(dir, summary.fileName);
    const base = hashAndWrite(file, join(dir, 'copy.bin'));
    rmSync(join(dir, 'copy.bin'), { force: true });
    rmSync(file, { force: true });
    return { weapons: armoury.weapons, events: armoury.events, buildSeconds: armoury.buildSeconds, exportMs, bytes: summary.size, hashMs: base.hashMs, writeMs: base.writeMs };
  } finally {
    store.close();
  }
}

export interface ImportFigures {
  armouries: number;
  weaponsEach: number;
  buildSeconds: number;
  bytes: number;
  events: number;
  weapons: number;
  importMs: number;
  rawMs: number;
  databaseBytes: number;
}

export interface TraceKind {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  count: number;
  meanHits: number;
}

/** (b) The armouries' snapshots imported into a new national register, then the raw baseline on the same files. */
export async function measureImport(dir: string, c: SnapshotConfig, memory: MemoryPeaks): Promise<{ figures: ImportFigures; commissionDir: string }> {
  const { armouries, seconds } = await buildArmouries(join(dir, 'armouries'), join(dir, 'snapshots'), c.armouries, c.armouryWeapons);
  memory.sample();
  const commissionDir = join(dir, 'commission');
  const { store, manager } = await newCommission(join(commissionDir, 'commission.sqlite'), armouries);
  let importMs: number;
  try {
    const progress = new Progress(`import of ${armouries.length} snapshots`);
    const t = performance.now();
    const results = await importSnapshots(store, armouries.map((a) => a.file), manager, { onProgress: (done, total) => progress.update(done, total) });
    importMs = performance.now() - t;
    progress.end();
    const refused = results.filter((r) => r.outcome !== 'accepted');
    if (refused.length > 0) throw new Error(`import refused ${refused.length} snapshots: ${JSON.stringify(refused[0])}`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  memory.sample();
  const raw = rawImport(join(dir, 'raw.sqlite'), armouries);
  memory.sample();
  const figures: ImportFigures = {
    armouries: armouries.length, weaponsEach: c.armouryWeapons, buildSeconds: seconds, bytes: sum(armouries, (a) => a.size),
    events: sum(armouries, (a) => a.events), weapons: raw.weapons, importMs, rawMs: raw.ms, databaseBytes: statSync(join(commissionDir, 'commission.sqlite')).size,
  };
  return { figures, commissionDir };
}

const sum = (list: readonly BuiltArmoury[], f: (a: BuiltArmoury) => number) => list.reduce((n, a) => n + f(a), 0);

/**
 * (c) commission.trace through the router, as the trace screen calls it: parts of real serials
 * (3, 4 and 6 characters) and of real national codes, drawn at random over the whole register.
 */
export async function measureTrace(commissionDir: string, samples: number, memory: MemoryPeaks): Promise<{ weapons: number; kinds: TraceKind[] }> {
  const app = new GardienApp({ dataDir: commissionDir, log: (m, e) => console.error(m, e) }).start();
  try {
    const login = await app.router.call('auth.login', { username: BENCH_MANAGER.username, password: BENCH_MANAGER.password });
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    const store = app.store;
    if (!store) throw new Error('no register open');
    const weapons = (store.s.sql('SELECT MAX(rowid) AS n FROM national_weapons').get() as { n: number }).n;
    const row = store.s.sql('SELECT serial, national_code AS code FROM national_weapons WHERE rowid = ?');
    const r = prng(0x7ac3);
    const part = (text: string, length: number) => {
      const key = normalizeKey(text);
      const at = r.int(0, Math.max(0, key.length - length));
      return key.slice(at, at + length);
    };
    const pick = (): { serial: string; code: string } => {
      for (;;) {
        const w = row.get(r.int(1, weapons)) as { serial: string; code: string } | undefined;
        if (w) return w;
      }
    };
    // [label, query, share of the samples]: a two-character prefix matches nearly everything, so fewer of those.
    const kinds: [string, () => string, number][] = [
      ['serial, 3 characters', () => part(pick().serial, 3), 1],
      ['serial, 4 characters', () => part(pick().serial, 4), 1],
      ['serial, 6 characters', () => part(pick().serial, 6), 1],
      ['national code, 7 characters', () => part(pick().code, 7), 1],
      ['national code, 2-character prefix', () => normalizeKey(pick().code).slice(0, 2), 0.05],
    ];
    const trace = async (q: string) => {
      const res = await app.router.call('commission.trace', { q });
      if (!res.ok) throw new Error(`commission.trace failed: ${res.error.code}`);
      return (res.value as unknown[]).length;
    };
    for (let i = 0; i < 30; i++) await trace(part(pick().serial, 4)); // warm the page cache
    const out: TraceKind[] = [];
    for (const [label, query, share] of kinds) {
      const times: number[] = [];
      let hits = 0;
      const count = Math.max(10, Math.round(samples * share));
      for (let i = 0; i < count; i++) {
        const q = query();
        const t = performance.now();
        hits += await trace(q);
        times.push(performance.now() - t);
      }
      memory.sample();
      out.push({ label, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), count, meanHits: hits / count });
    }
    return { weapons, kinds: out };
  } finally {
    app.close();
  }
}
