import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Campaign, campaignSeed } from '../tests/unit/support/crash/campaign';
import type { Workload } from '../tests/unit/support/crash/launch';
import { failureText, summaryLine, type WorkloadStats } from '../tests/unit/support/crash/stats';

/**
 * Crash safety (issue [7]) at benchmark scale: BENCH_CRASH_KILLS SIGKILLs (default 600, about 8 minutes; the
 * unit test does about 200) spread over the workloads of tests/unit/support/crash (journal
 * appends half, import and export a fifth each, backups a tenth once core has them), each kill
 * checked. BENCH_CRASH=0 skips the section; BENCH_CRASH_CONCURRENCY children at once (default 2);
 * CRASH_SEED replays a campaign. Prints the figures; a failed kill sets the exit code.
 */
export interface CrashBenchConfig {
  on: boolean;
  kills: number;
  concurrency: number;
}

function whole(raw: string | undefined, fallback: number, name: string, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return n;
}

export function crashConfig(env: NodeJS.ProcessEnv = process.env): CrashBenchConfig {
  return {
    on: env.BENCH_CRASH !== '0',
    kills: whole(env.BENCH_CRASH_KILLS, 600, 'BENCH_CRASH_KILLS', 10),
    concurrency: whole(env.BENCH_CRASH_CONCURRENCY, 2, 'BENCH_CRASH_CONCURRENCY', 1),
  };
}

function shares(kills: number, withBackup: boolean): Record<Workload, number> {
  const part = (f: number) => Math.max(1, Math.round(kills * f));
  const backup = withBackup ? part(0.1) : 0;
  const imports = part(0.2);
  const exports = part(0.2);
  return { journal: Math.max(1, kills - backup - imports - exports), import: imports, export: exports, backup };
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : '-');

function figures(all: WorkloadStats[], seconds: number, seed: number, how: string): string {
  const sum = (f: (s: WorkloadStats) => number) => all.reduce((n, s) => n + f(s), 0);
  const kills = sum((s) => s.kills);
  const inWrite = sum((s) => s.inWrite);
  return [
    `Total: ${kills.toLocaleString('en-GB')} kills in ${seconds.toFixed(0)} s (${(kills / seconds).toFixed(1)} kills/s, children ${how === 'bundle' ? 'bundled with esbuild' : 'through tsx'}), seed ${seed}`,
    `  ${pct(inWrite, kills)} landed inside a journal write; of those, ${pct(sum((s) => s.committedUnacked), inWrite)} had committed before the acknowledgement was printed`,
    `  ${sum((s) => s.ackedCommits).toLocaleString('en-GB')} acknowledged commits (${sum((s) => s.ackedEvents).toLocaleString('en-GB')} events) found with their hash; failures ${sum((s) => s.failures.length)}`,
  ].join('\n');
}

/** Runs in a temp folder of its own: the folders of failed kills stay there after the benchmark's data is removed. */
export async function crashBench(config: CrashBenchConfig = crashConfig()): Promise<void> {
  if (!config.on) return;
  const seed = campaignSeed();
  const started = performance.now();
  const campaign = await Campaign.start({
    seed, concurrency: config.concurrency, root: mkdtempSync(join(tmpdir(), 'gardien-crash-bench-')), size: { importRows: 2000, exportWeapons: 3000 }, journalWindowMs: 300,
  });
  const all: WorkloadStats[] = [];
  try {
    const kills = shares(config.kills, campaign.has('backup'));
    console.log(`\n== Crash safety: ${config.kills.toLocaleString('en-GB')} SIGKILLs at random moments (seed ${seed}; CRASH_SEED=${seed} replays them)`);
    if (!campaign.has('backup')) console.log('  backup workload skipped: core has no backups.run yet');
    for (const workload of ['journal', 'import', 'export', 'backup'] as const) {
      if (kills[workload] === 0 || !campaign.has(workload)) continue;
      const stats = await campaign.run(workload, kills[workload]);
      all.push(stats);
      console.log(summaryLine(stats));
    }
  } finally {
    await campaign.dispose();
  }
  console.log(figures(all, (performance.now() - started) / 1000, seed, campaign.launcher.how));
  const failures = failureText(all, 20);
  if (failures) {
    console.error(`Crash failures (folders kept):\n${failures}`);
    process.exitCode = 1;
  }
}
