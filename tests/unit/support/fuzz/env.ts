import fc from 'fast-check';

/**
 * Run sizes and replay for the fuzz files. FUZZ_RUNS scales every property (FUZZ_RUNS=10 runs ten
 * times the CI count, 0.1 a tenth); FUZZ_SEED replays a failure with the seed fast-check printed,
 * FUZZ_PATH with its path too (the seed alone reruns the same cases, the path goes straight to the
 * shrunk one).
 */
export function fuzzScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`FUZZ_RUNS must be a positive number, got ${raw}`);
  return n;
}

export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.FUZZ_SEED;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${raw}`);
  return n;
}

/** The test timeout of a fuzz property in CI; fuzzTimeout scales it with FUZZ_RUNS. */
export const FUZZ_TEST_MS = 150_000;

export function fuzzTimeout(ms = FUZZ_TEST_MS, env: NodeJS.ProcessEnv = process.env): number {
  return Math.round(ms * Math.max(1, fuzzScale(env)));
}

/**
 * fast-check parameters for a property of `runs` cases in CI (scaled by FUZZ_RUNS, at least 1).
 * A failure report names the seed and path to replay with (FUZZ_SEED, FUZZ_PATH) and the shrunk case.
 */
export function fuzzParams<T>(runs: number, env: NodeJS.ProcessEnv = process.env): fc.Parameters<T> {
  const seed = fuzzSeed(env);
  const path = env.FUZZ_PATH;
  return {
    numRuns: Math.max(1, Math.round(runs * fuzzScale(env))),
    // Shrinking a case through the whole importer can take minutes: stop in time to report the
    // smallest failure found so far before the test's own timeout (fuzzTimeout); a run cut short
    // without a failure fails too (the cases promised did not all run).
    interruptAfterTimeLimit: fuzzTimeout(FUZZ_TEST_MS, env) - 30_000,
    markInterruptAsFailure: true,
    // FUZZ_SHRINK=0: report the first failing case as found (a quick look at a slow property).
    ...(env.FUZZ_SHRINK === '0' ? { endOnFailure: true } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(seed !== undefined && path ? { path } : {}),
  };
}

/** Case counts and wall time of one property, printed as one line per property for the report. */
export class Tally {
  cases = 0;
  readonly outcomes = new Map<string, number>();
  private readonly started = performance.now();

  constructor(readonly label: string) {}

  count(outcome: string): void {
    this.cases++;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  private ended: number | null = null;

  /** The property is over: its time stops here (the line is printed after the file). */
  finish(): void {
    this.ended ??= performance.now();
  }

  line(): string {
    const seconds = (((this.ended ?? performance.now()) - this.started) / 1000).toFixed(1);
    const top = [...this.outcomes].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, n]) => `${k} ${n}`).join(', ');
    return `[fuzz] ${this.label}: ${this.cases} cases in ${seconds} s (${top})`;
  }
}
