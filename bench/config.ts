import { join, resolve } from 'node:path';
import { PRINT_MAX_ROWS } from '../src/shared/contract/reports';

export interface BenchConfig {
  /** Weapons per size; empty (BENCH_SIZES=0) skips the weapons. */
  sizes: number[];
  /** Weapons per registerMany call (one transaction), the same for the raw load. */
  batch: number;
  /** Searches timed per substring length. */
  samples: number;
  keep: boolean;
  dir: string;
  /** Ammunition movements (0 skips them), over lots in stores, movements per journal write. */
  ammo: { movements: number; lots: number; stores: number; batch: number };
  /**
   * Custody on the largest weapons database (0 events skips it): past custody events (issued,
   * returned, cases opened), officers, weapons out at the end, custody events per journal write.
   */
  custody: { events: number; officers: number; out: number; batch: number };
  /**
   * Printing to PDF in Chromium (off: skipped): the register of `weapons` weapons and the monthly
   * return on the ammunition database (weapons added to it), `runs` router calls for the core's
   * share, the built renderer served (out/renderer unless given; built when missing).
   */
  print: { on: boolean; weapons: number; runs: number; renderer?: string };
  /** Signed snapshots (bench/snapshot-*.ts; off: skipped): see snapshotConfig. */
  snapshot: SnapshotConfig;
}

/**
 * The export of one armoury (exportWeapons weapons, about exportEvents events; 0 events skips
 * it), the import of `armouries` snapshots of `armouryWeapons` weapons each into a national
 * register (0 skips it and the trace), and `traces` trace searches per kind on that register.
 */
export interface SnapshotConfig {
  on: boolean;
  exportWeapons: number;
  exportEvents: number;
  armouries: number;
  armouryWeapons: number;
  traces: number;
}

function snapshotConfig(env: NodeJS.ProcessEnv): SnapshotConfig {
  const exportWeapons = positive(env.BENCH_SNAPSHOT_EXPORT_WEAPONS, 100_000, 'BENCH_SNAPSHOT_EXPORT_WEAPONS', 1000);
  const exportEvents = positive(env.BENCH_SNAPSHOT_EXPORT_EVENTS, 1_000_000, 'BENCH_SNAPSHOT_EXPORT_EVENTS', 0);
  // The weapons' registrations are events too; the rest is custody history.
  if (exportEvents > 0 && exportEvents < 2 * exportWeapons) throw new Error(`BENCH_SNAPSHOT_EXPORT_EVENTS must be 0 or at least twice BENCH_SNAPSHOT_EXPORT_WEAPONS (${2 * exportWeapons})`);
  return {
    on: env.BENCH_SNAPSHOT !== '0', exportWeapons, exportEvents,
    armouries: positive(env.BENCH_SNAPSHOT_ARMOURIES, 50, 'BENCH_SNAPSHOT_ARMOURIES', 0),
    armouryWeapons: positive(env.BENCH_SNAPSHOT_ARMOURY_WEAPONS, 20_000, 'BENCH_SNAPSHOT_ARMOURY_WEAPONS', 100),
    traces: positive(env.BENCH_SNAPSHOT_TRACES, 300, 'BENCH_SNAPSHOT_TRACES'),
  };
}

function sizes(raw: string | undefined): number[] {
  if (!raw) return [100_000, 1_000_000];
  if (raw.trim() === '0') return [];
  const list = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.some((n) => !Number.isSafeInteger(n) || n < 1000 || n > 5_000_000)) {
    throw new Error(`BENCH_SIZES must list whole numbers from 1000 to 5000000 (got "${raw}")`);
  }
  return list;
}

function positive(raw: string | undefined, fallback: number, name: string, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return n;
}

function ammo(env: NodeJS.ProcessEnv): BenchConfig['ammo'] {
  const lots = positive(env.BENCH_AMMO_LOTS, 2000, 'BENCH_AMMO_LOTS');
  const movements = positive(env.BENCH_AMMO_MOVEMENTS, 1_000_000, 'BENCH_AMMO_MOVEMENTS', 0);
  // The first movement of every lot is its receipt: fewer movements than lots leaves lots unknown.
  if (movements > 0 && movements < lots) throw new Error(`BENCH_AMMO_MOVEMENTS must be 0 or at least BENCH_AMMO_LOTS (${lots})`);
  return { movements, lots, stores: positive(env.BENCH_AMMO_STORES, 20, 'BENCH_AMMO_STORES'), batch: positive(env.BENCH_AMMO_BATCH, 5000, 'BENCH_AMMO_BATCH') };
}

function custody(env: NodeJS.ProcessEnv): BenchConfig['custody'] {
  const out = positive(env.BENCH_CUSTODY_OUT, 5000, 'BENCH_CUSTODY_OUT');
  const events = positive(env.BENCH_CUSTODY_EVENTS, 5_000_000, 'BENCH_CUSTODY_EVENTS', 0);
  // The weapons out at the end are issues too: the history is what is left of the events.
  if (events > 0 && events < 2 * out) throw new Error(`BENCH_CUSTODY_EVENTS must be 0 or at least twice BENCH_CUSTODY_OUT (${2 * out})`);
  return {
    events, out,
    officers: positive(env.BENCH_CUSTODY_OFFICERS, 20_000, 'BENCH_CUSTODY_OFFICERS', 10),
    batch: positive(env.BENCH_CUSTODY_BATCH, 5000, 'BENCH_CUSTODY_BATCH'),
  };
}

function print(env: NodeJS.ProcessEnv): BenchConfig['print'] {
  const weapons = positive(env.BENCH_PRINT_WEAPONS, 10_000, 'BENCH_PRINT_WEAPONS');
  // Beyond PRINT_MAX_ROWS the register asks for a filter instead of printing.
  if (weapons > PRINT_MAX_ROWS) throw new Error(`BENCH_PRINT_WEAPONS must be at most ${PRINT_MAX_ROWS} (got "${env.BENCH_PRINT_WEAPONS}")`);
  const renderer = env.BENCH_PRINT_RENDERER?.trim();
  return { on: env.BENCH_PRINT !== '0', weapons, runs: positive(env.BENCH_PRINT_RUNS, 5, 'BENCH_PRINT_RUNS'), ...(renderer ? { renderer } : {}) };
}

/**
 * BENCH_SIZES=10000,100000 (0: no weapons)  BENCH_BATCH=5000  BENCH_SAMPLES=300  BENCH_KEEP=1
 * BENCH_AMMO_MOVEMENTS=100000 (0: no ammunition)  BENCH_AMMO_LOTS=2000  BENCH_AMMO_STORES=20  BENCH_AMMO_BATCH=5000
 * BENCH_CUSTODY_EVENTS=5000000 (0: no custody; run on the largest BENCH_SIZES database)  BENCH_CUSTODY_OFFICERS=20000
 * BENCH_CUSTODY_OUT=5000 (weapons out at the end)  BENCH_CUSTODY_BATCH=5000 (events per journal write)
 * BENCH_PRINT=0 (no printing)  BENCH_PRINT_WEAPONS=10000 (register printed; at most 20000)  BENCH_PRINT_RUNS=5 (router calls timed)
 * BENCH_PRINT_RENDERER=/tmp/renderer (a built renderer; default out/renderer, built with electron-vite when missing)
 * BENCH_SNAPSHOT=0 (no snapshots)  BENCH_SNAPSHOT_EXPORT_WEAPONS=100000  BENCH_SNAPSHOT_EXPORT_EVENTS=1000000 (0: no export)
 * BENCH_SNAPSHOT_ARMOURIES=50 (0: no import, no trace)  BENCH_SNAPSHOT_ARMOURY_WEAPONS=20000  BENCH_SNAPSHOT_TRACES=300 (per kind)
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    sizes: sizes(env.BENCH_SIZES),
    batch: positive(env.BENCH_BATCH, 5000, 'BENCH_BATCH'),
    samples: positive(env.BENCH_SAMPLES, 300, 'BENCH_SAMPLES'),
    keep: env.BENCH_KEEP === '1',
    dir: join(resolve(import.meta.dirname, '..'), '.bench-data'),
    ammo: ammo(env),
    custody: custody(env),
    print: print(env),
    snapshot: snapshotConfig(env),
  };
}
