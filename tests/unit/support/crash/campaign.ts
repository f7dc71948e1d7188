/**
 * A crash campaign: per workload, calibration runs to the end (as many at once as the kills will
 * run; they must pass the same checks), then N children each killed with SIGKILL after a seeded
 * random delay over the workload's active time, each kill checked on the files it left. Used by
 * tests/unit/crash-safety.test.ts (CI counts) and bench/crash.ts (thousands).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { prng } from '../../../../src/main/core/demo/generate';
import type { CheckInput } from './checks';
import { Checker } from './checker';
import { Launcher, runChild, WORKLOADS, type Workload } from './launch';
import { emptyStats, record, type WorkloadStats } from './stats';
import { BACKUP_PASSPHRASE, buildWorld, copyArmoury, type World, type WorldSize } from './world';

export interface CampaignOptions {
  seed: number;
  /** Children alive at once. */
  concurrency: number;
  /** Scratch folder, removed by dispose unless a kill failed (its folder is kept to look at). */
  root: string;
  size: WorldSize;
  /** ms the journal loop is given before its kill (it runs until killed). */
  journalWindowMs: number;
}

/** A seed from CRASH_SEED (to replay a campaign) or a new one. */
export function campaignSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CRASH_SEED?.trim();
  if (raw) {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`CRASH_SEED must be a whole number (got "${raw}")`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** A kill's own generator: the same seed, workload and index give the same delay and child choices. */
function killRandom(seed: number, workload: Workload, index: number) {
  return prng((seed ^ Math.imul(WORKLOADS.indexOf(workload) + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

function headOf(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

interface Plan {
  template: string;
  startHead: number;
  args: (dataDir: string, seed: number, calibration: boolean) => object;
}

function plans(world: World, journalSteps: number): Partial<Record<Workload, Plan>> {
  const base = { template: world.base, startHead: headOf(world.base) };
  const out: Partial<Record<Workload, Plan>> = {
    journal: { ...base, args: (dataDir, seed, calibration) => ({ dataDir, seed, ...world.journal, ...(calibration ? { steps: journalSteps } : {}) }) },
    import: { ...base, args: (dataDir, seed) => ({ dataDir, seed, path: world.import.path, mapping: world.import.mapping }) },
    export: { template: world.exportBase, startHead: headOf(world.exportBase), args: (dataDir, seed) => ({ dataDir, seed, count: 3 }) },
  };
  if (world.backupBase) {
    out.backup = { template: world.backupBase, startHead: headOf(world.backupBase), args: (dataDir, seed) => ({ dataDir, seed, folder: join(dataDir, 'usb'), count: 3 }) };
  }
  return out;
}

/** The world built once, the children bundled once, the checker started once; then one workload after another. */
export class Campaign {
  private failed = false;

  private constructor(
    readonly options: CampaignOptions,
    readonly launcher: Launcher,
    private readonly checker: Checker,
    private readonly world: World,
    private readonly plans: Partial<Record<Workload, Plan>>,
  ) {}

  static async start(options: CampaignOptions): Promise<Campaign> {
    mkdirSync(options.root, { recursive: true });
    const launcher = await Launcher.prepare();
    const checker = Checker.start(launcher);
    try {
      const world = await buildWorld(join(options.root, 'world'), options.size);
      return new Campaign(options, launcher, checker, world, plans(world, 40));
    } catch (error) {
      await checker.stop();
      launcher.dispose();
      throw error;
    }
  }

  /** Whether the workload can run (backup waits for core's backups). */
  has(workload: Workload): boolean {
    return this.plans[workload] !== undefined;
  }

  /** At least `wanted` kills of one workload (a child that finishes before its kill is checked but not counted). */
  async run(workload: Workload, wanted: number): Promise<WorkloadStats> {
    const plan = this.plans[workload];
    if (!plan) throw new Error(`the ${workload} workload is not available`);
    const stats = await runWorkload(workload, wanted, plan, this.world, this.launcher, this.checker, this.options);
    this.failed ||= stats.failures.length > 0;
    return stats;
  }

  async dispose(): Promise<void> {
    await this.checker.stop();
    this.launcher.dispose();
    if (!this.failed) rmSync(this.options.root, { recursive: true, force: true });
  }
}

async function runWorkload(
  workload: Workload, wanted: number, plan: Plan, world: World, launcher: Launcher, checker: Checker, options: CampaignOptions,
): Promise<WorkloadStats> {
  const started = performance.now();
  const stats = emptyStats(workload);
  const dirOf = (name: string) => join(options.root, workload, name);
  const input = (dataDir: string, report: CheckInput['report']): CheckInput => ({
    workload, dataDir, report, startHead: plan.startHead, baseWeapons: world.baseWeapons, importRows: world.import.rows,
    backupFolder: join(dataDir, 'usb'), backupPassphrase: BACKUP_PASSPHRASE,
  });

  // Calibration: whole runs, unkilled, as many at once as the kills will run (a child alone runs
  // faster), measured from `ready` and checked like kills.
  const calibrations = await Promise.all(
    Array.from({ length: Math.max(1, options.concurrency) }, async (_, i) => {
      const dir = dirOf(`calibration-${i}`);
      copyArmoury(plan.template, dir);
      const run = await runChild(launcher, workload, plan.args(dir, options.seed + i, true), null);
      return { dir, run, check: await checker.check(input(dir, run.report)) };
    }),
  );
  for (const { dir, run, check } of calibrations) {
    if (run.exitCode !== 0 || !run.report.done || check.problems.length > 0 || run.ranFor === null) {
      stats.failures.push({ index: -1, delayMs: null, dir, problems: [`calibration run: exit ${String(run.exitCode)}`, ...check.problems, run.stderr.slice(0, 2000)] });
    } else rmSync(dir, { recursive: true, force: true });
  }
  if (stats.failures.length > 0) {
    stats.wallMs = performance.now() - started;
    return stats;
  }
  stats.calibrationMs = Math.max(...calibrations.map((c) => c.run.ranFor ?? 0));
  stats.calibrationWriteMs = Math.max(...calibrations.map((c) => c.run.writeMs));
  // A little past the slowest full run: a few kills come too late and are counted as such.
  stats.windowMs = workload === 'journal' ? options.journalWindowMs : stats.calibrationMs * 1.15;

  let index = 0;
  let sinceMiss = 0;
  const slot = async () => {
    while (stats.kills < wanted && index < wanted * 3) {
      const k = index++;
      const r = killRandom(options.seed, workload, k);
      const delayMs = r.next() * stats.windowMs;
      const dataDir = dirOf(String(k));
      copyArmoury(plan.template, dataDir);
      const run = await runChild(launcher, workload, plan.args(dataDir, r.int(1, 2 ** 31 - 1), false), delayMs);
      const result = await checker.check(input(dataDir, run.report));
      const problems = run.report.ready ? result.problems : [`the child never became ready (exit ${String(run.exitCode)}): ${run.stderr.slice(0, 1000)}`, ...result.problems];
      record(stats, run, result);
      // The window follows the runs (they go slower while others run and checks go on): a run that
      // finished before its kill shrinks it a little, eight kills in a row that all came before the
      // end grow it, so that about one run in ten ends first and the last moments get kills too.
      if (workload !== 'journal') {
        if (run.killedAfter === null) {
          stats.windowMs = Math.max(stats.windowMs * 0.95, stats.calibrationMs * 0.5);
          sinceMiss = 0;
        } else if (++sinceMiss >= 8) {
          stats.windowMs = Math.min(stats.windowMs * 1.1, stats.calibrationMs * 4);
          sinceMiss = 0;
        }
      }
      if (problems.length > 0) stats.failures.push({ index: k, delayMs, dir: dataDir, problems });
      else rmSync(dataDir, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, slot));
  stats.wallMs = performance.now() - started;
  return stats;
}
