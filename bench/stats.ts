/** Nearest-rank percentile of a list of timings (ms). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Timings {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

export function summarize(values: readonly number[]): Timings {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), count: values.length };
}

/** Awaits `fn` `times` times and returns each duration in ms. */
export async function timeRepeated(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Peak memory. RSS comes from the kernel's high-water mark (getrusage), which sees every
 * allocation; the JS heap can only be sampled, so it is sampled after every batch and query.
 */
export class MemoryPeaks {
  heapUsed = 0;
  rss = 0;

  sample(): void {
    const m = process.memoryUsage();
    this.heapUsed = Math.max(this.heapUsed, m.heapUsed);
    this.rss = Math.max(this.rss, m.rss, process.resourceUsage().maxRSS * 1024);
  }
}
