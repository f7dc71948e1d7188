/**
 * Starting crash children cheaply, hundreds of times: each child file is bundled once per
 * campaign with esbuild (tsx's own compiler, already installed) into plain CommonJS, which Node
 * starts in about a third of the time `node --import tsx` takes to compile the same graph. Without
 * esbuild the children run through tsx, as the other child-process tests do.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { emptyReport, readLine, type ChildReport } from './protocol';

export type Workload = 'journal' | 'import' | 'export' | 'backup';
export const WORKLOADS: readonly Workload[] = ['journal', 'import', 'export', 'backup'];

/** The project folder: up from this file (vitest, tsx as CommonJS) or from the working directory (tsx as ESM gives no __dirname). */
function projectRoot(): string {
  const starts = [typeof __dirname === 'string' && __dirname !== '' ? __dirname : null, process.cwd()];
  for (const start of starts) {
    if (start === null) continue;
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'tests/unit/support/crash/launch.ts'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('the crash tests cannot find the project folder: run them from it');
}

export const ROOT = projectRoot();
const HERE = join(ROOT, 'tests/unit/support/crash');

/** Entry files bundled for the children, and the checker's worker thread. */
const ENTRIES = {
  journal: join(HERE, 'child-journal.ts'),
  import: join(HERE, 'child-import.ts'),
  export: join(HERE, 'child-export.ts'),
  backup: join(HERE, 'child-backup.ts'),
  checker: join(HERE, 'check-worker.ts'),
} as const;

export type Entry = keyof typeof ENTRIES;

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

interface PluginBuild {
  onResolve(options: { filter: RegExp }, fn: () => { path: string; namespace: string }): void;
  onLoad(options: { filter: RegExp; namespace: string }, fn: () => { contents: string; loader: string }): void;
}

/**
 * No workload reads or writes XLSX, and ExcelJS with its zip and stream libraries is half of what
 * a child would parse at start: it is replaced by a module that throws if anything touches it.
 */
const withoutExcel = {
  name: 'crash-without-exceljs',
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'crash-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'crash-stub' }, () => ({
      contents: "module.exports = new Proxy({}, { get(_, key) { if (typeof key !== 'string' || key === '__esModule') return undefined; throw new Error('ExcelJS is left out of the crash children'); } });",
      loader: 'js',
    }));
  },
};

/** How to run each entry: a bundled .cjs (node) or the .ts through tsx. */
export class Launcher {
  private constructor(
    private readonly bundles: Partial<Record<Entry, string>>,
    readonly how: 'bundle' | 'tsx',
    private readonly outDir: string | null,
  ) {}

  /**
   * Bundles every entry (about a second) into a folder of its own under node_modules/.cache, where
   * require('better-sqlite3') finds the project's Node build; falls back to tsx without esbuild.
   */
  static async prepare(): Promise<Launcher> {
    let esbuild: Esbuild;
    try {
      esbuild = createRequire(join(ROOT, 'package.json'))('esbuild') as Esbuild;
    } catch {
      return new Launcher({}, 'tsx', null);
    }
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    const outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/gardien-crash-'));
    await esbuild.build({
      entryPoints: ENTRIES, outdir: outDir, outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      // The native module stays a require() resolved from the project: its Node build, not Electron's.
      external: ['better-sqlite3'], minify: true, logLevel: 'error', plugins: [withoutExcel],
    });
    const bundles: Partial<Record<Entry, string>> = {};
    for (const name of Object.keys(ENTRIES) as Entry[]) {
      const file = join(outDir, `${name}.cjs`);
      if (!existsSync(file)) throw new Error(`esbuild wrote no ${file}`);
      bundles[name] = file;
    }
    return new Launcher(bundles, 'bundle', outDir);
  }

  /** Node's arguments to run `entry`. */
  command(entry: Entry): string[] {
    const bundle = this.bundles[entry];
    return bundle ? [bundle] : ['--import', 'tsx', ENTRIES[entry]];
  }

  /** A bundled file a worker thread can run (the checker), or null under tsx. */
  bundle(entry: Entry): string | null {
    return this.bundles[entry] ?? null;
  }

  dispose(): void {
    if (this.outDir) rmSync(this.outDir, { recursive: true, force: true });
  }
}

export interface ChildRun {
  report: ChildReport;
  /** ms from `ready` to the SIGKILL (null: not killed). */
  killedAfter: number | null;
  /** ms from `ready` to the child's own exit (calibration). */
  ranFor: number | null;
  /** ms between each B and its C or R as the parent read them: the time spent in journal writes. */
  writeMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Spawns a child on `args` and kills it with SIGKILL `delayMs` after it printed `ready` (never
 * when delayMs is null: the calibration run). Every line printed before the kill is read: the
 * pipe keeps what a dead writer put in it, and 'close' comes after the last byte.
 */
export function runChild(launcher: Launcher, workload: Workload, args: object, delayMs: number | null, timeoutMs = 60_000): Promise<ChildRun> {
  const child = spawn(process.execPath, [...launcher.command(workload), JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const report = emptyReport();
  let pending = '';
  let stderr = '';
  let readyAt = 0;
  let killedAfter: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let writeMs = 0;
  let begunAt: number | null = null;
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const wasReady = report.ready;
      readLine(report, line);
      if (line === 'B') begunAt = performance.now();
      else if (begunAt !== null && (line === 'R' || line.startsWith('C '))) {
        writeMs += performance.now() - begunAt;
        begunAt = null;
      }
      if (!wasReady && report.ready) {
        readyAt = performance.now();
        if (delayMs !== null) {
          timer = setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')) killedAfter = performance.now() - readyAt;
          }, delayMs);
        }
      }
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (pending) readLine(report, pending);
      const ranFor = killedAfter === null && readyAt > 0 ? performance.now() - readyAt : null;
      done({ report, killedAfter: signal === 'SIGKILL' ? killedAfter : null, ranFor, writeMs, exitCode, signal, stderr });
    });
  });
}
