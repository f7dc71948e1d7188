import { join, resolve } from 'node:path';

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

/**
 * BENCH_SIZES=10000,100000 (0: no weapons)  BENCH_BATCH=5000  BENCH_SAMPLES=300  BENCH_KEEP=1
 * BENCH_AMMO_MOVEMENTS=100000 (0: no ammunition)  BENCH_AMMO_LOTS=2000  BENCH_AMMO_STORES=20  BENCH_AMMO_BATCH=5000
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    sizes: sizes(env.BENCH_SIZES),
    batch: positive(env.BENCH_BATCH, 5000, 'BENCH_BATCH'),
    samples: positive(env.BENCH_SAMPLES, 300, 'BENCH_SAMPLES'),
    keep: env.BENCH_KEEP === '1',
    dir: join(resolve(import.meta.dirname, '..'), '.bench-data'),
    ammo: ammo(env),
  };
}
