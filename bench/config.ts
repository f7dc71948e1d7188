import { join, resolve } from 'node:path';

export interface BenchConfig {
  sizes: number[];
  /** Weapons per registerMany call (one transaction), the same for the raw load. */
  batch: number;
  /** Searches timed per substring length. */
  samples: number;
  keep: boolean;
  dir: string;
}

function sizes(raw: string | undefined): number[] {
  if (!raw) return [100_000, 1_000_000];
  const list = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.some((n) => !Number.isSafeInteger(n) || n < 1000 || n > 5_000_000)) {
    throw new Error(`BENCH_SIZES must list whole numbers from 1000 to 5000000 (got "${raw}")`);
  }
  return list;
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}

/** BENCH_SIZES=10000,100000  BENCH_BATCH=5000  BENCH_SAMPLES=300  BENCH_KEEP=1 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    sizes: sizes(env.BENCH_SIZES),
    batch: positive(env.BENCH_BATCH, 5000, 'BENCH_BATCH'),
    samples: positive(env.BENCH_SAMPLES, 300, 'BENCH_SAMPLES'),
    keep: env.BENCH_KEEP === '1',
    dir: join(resolve(import.meta.dirname, '..'), '.bench-data'),
  };
}
