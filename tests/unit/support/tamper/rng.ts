/**
 * A small seeded generator (mulberry32). Each variant draws from its own stream, derived from the
 * run's seed and the variant's index, so one variant can be rebuilt alone (TAMPER_ONLY) and gives
 * the same transformation as in the full run.
 */
export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  static forVariant(seed: number, index: number): Rng {
    // splitmix-style mixing so neighbouring indices get unrelated streams
    let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return new Rng((h ^ (h >>> 16)) >>> 0);
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
}

/** The run's seed: TAMPER_SEED when set (to reproduce a run), else a fresh one. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TAMPER_SEED;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`TAMPER_SEED must be a whole number below 2^32 (got "${raw}")`);
    return n;
  }
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}
