import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GardienApp } from '../src/main/core/app';
import type { OpInput, OpOutput, OperationName } from '../src/shared/contract';
import { bytes, duration, int } from '../src/main/cli/format';
import type { BenchConfig } from './config';
import { BENCH_HEADERS, writeBenchRegister } from './spreadsheet-rows';
import { BENCH_MANAGER } from './load-core';
import type { MemoryPeaks } from './stats';

/**
 * The spreadsheet import (issue [6]): a French weapons register of BENCH_SPREADSHEET_ROWS rows
 * (default 100,000; BENCH_SPREADSHEET=0 skips the section) imported into a fresh armoury through
 * the router as the screen does it (imports.inspect, imports.check, imports.run), against Debian's
 * sqlite3 shell loading the same file with .import into a plain table of a new database.
 */
export interface SpreadsheetBenchConfig {
  on: boolean;
  rows: number;
}

export function spreadsheetConfig(env: NodeJS.ProcessEnv = process.env): SpreadsheetBenchConfig {
  const raw = env.BENCH_SPREADSHEET_ROWS?.replace(/_/g, '');
  const rows = raw ? Number(raw) : 100_000;
  if (!Number.isSafeInteger(rows) || rows < 100) throw new Error(`BENCH_SPREADSHEET_ROWS must be a whole number of at least 100 (got "${env.BENCH_SPREADSHEET_ROWS}")`);
  return { on: env.BENCH_SPREADSHEET !== '0', rows };
}

export interface SpreadsheetFigures {
  rows: number;
  fileBytes: number;
  generateMs: number;
  inspectMs: number;
  checkMs: number;
  runMs: number;
  /** The longest single journal write of the run: the synchronous transaction (the event loop is blocked meanwhile). */
  writeMs: number;
  imported: number;
  sqliteMs: number | null;
  sqliteRows: number;
  sqliteNote: string;
  rss: number;
}

async function call<K extends OperationName>(app: GardienApp, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await app.router.call(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as OpOutput<K>;
}

/** Debian's sqlite3 shell: a table of text columns, then .import of the same file (its header row skipped). */
function sqliteImport(dir: string, file: string, rows: number): { ms: number | null; rows: number; note: string } {
  const db = join(dir, 'sqlite3-import.sqlite');
  const columns = BENCH_HEADERS.map((_, i) => `c${i} TEXT`).join(', ');
  const t = performance.now();
  const r = spawnSync('sqlite3', ['-bail', db, `CREATE TABLE t (${columns});`, '.mode csv', '.separator ;', `.import --skip 1 ${file} t`, 'SELECT COUNT(*) FROM t;'], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.error) return { ms: null, rows: 0, note: `sqlite3 not run (${r.error.message}): apt-get install -y sqlite3` };
  if (r.status !== 0) return { ms: null, rows: 0, note: `sqlite3 failed: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  const counted = Number(r.stdout.trim().split('\n').pop());
  const version = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).stdout.split(' ')[0] ?? '?';
  return { ms, rows: counted, note: `sqlite3 ${version}${counted === rows ? '' : `, ${int(counted)} rows loaded of ${int(rows)}`}` };
}

export async function measureSpreadsheetImport(base: string, rows: number, memory: MemoryPeaks): Promise<SpreadsheetFigures> {
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(base, 'data'), { recursive: true });
  const file = join(base, 'registre-des-armes.csv');
  let t = performance.now();
  const fileBytes = writeBenchRegister(file, rows);
  const generateMs = performance.now() - t;
  const app = new GardienApp({ dataDir: join(base, 'data'), log: () => undefined }).start();
  try {
    await call(app, 'app.setup', {
      armoury: { code: 'BENCH-XL', name: 'Armurerie de mesure', agency: 'police', region: 'Bamako', language: 'fr' },
      manager: { ...BENCH_MANAGER, passwordConfirm: BENCH_MANAGER.password },
    });
    const store = app.store ?? (() => { throw new Error('no store'); })();
    // Times every journal write (bench instrumentation only): the import's one write is the longest.
    let writeMs = 0;
    const write = store.journal.write.bind(store.journal);
    store.journal.write = <T>(fn: () => T): T => {
      const w = performance.now();
      try {
        return write(fn);
      } finally {
        writeMs = Math.max(writeMs, performance.now() - w);
      }
    };
    app.grantImportPaths([file]);
    t = performance.now();
    const shape = await call(app, 'imports.inspect', { path: file, kind: 'weapons' });
    const inspectMs = performance.now() - t;
    memory.sample();
    t = performance.now();
    const check = await call(app, 'imports.check', { path: file, kind: 'weapons', mapping: shape.mapping });
    const checkMs = performance.now() - t;
    memory.sample();
    if (check.invalid > 0) throw new Error(`the generated register has ${check.invalid} invalid rows: ${JSON.stringify(check.errors.slice(0, 3))}`);
    t = performance.now();
    const result = await call(app, 'imports.run', { path: file, kind: 'weapons', mapping: shape.mapping, skipInvalid: false });
    const runMs = performance.now() - t;
    memory.sample();
    const sqlite = sqliteImport(base, file, rows);
    return {
      rows, fileBytes, generateMs, inspectMs, checkMs, runMs, writeMs, imported: result.imported,
      sqliteMs: sqlite.ms, sqliteRows: sqlite.rows, sqliteNote: sqlite.note, rss: memory.rss,
    };
  } finally {
    app.close();
  }
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

export function spreadsheetSection(f: SpreadsheetFigures): string {
  const total = f.inspectMs + f.checkMs + f.runMs;
  const core = rate(f.imported, total);
  const lines = [
    `== spreadsheet import: ${int(f.rows)} weapons, French CSV (Windows-1252, ';'), ${bytes(f.fileBytes)} (generated in ${duration(f.generateMs)})`,
    `core       ${duration(total)}: ${int(core)} rows/s, from the file to the committed register through the router ` +
      '(read and decode, header detection and mapping, conversion, zod per row, duplicates in the file and the register, one transaction: events + register + search index)',
    `  phases   inspect (read, parse, detect) ${duration(f.inspectMs)}, check (every row) ${duration(f.checkMs)}, run ${duration(f.runMs)} ` +
      `of which the one synchronous write ${duration(f.writeMs)} (${int(rate(f.imported, f.writeMs))} rows/s; the event loop waits meanwhile)`,
  ];
  if (f.sqliteMs === null) lines.push(`sqlite3    ${f.sqliteNote}`);
  else {
    const base = rate(f.sqliteRows, f.sqliteMs);
    lines.push(`sqlite3    .import of the same file into a plain table: ${duration(f.sqliteMs)}, ${int(base)} rows/s (${f.sqliteNote})`);
    lines.push(`ratio      core / sqlite3 = ${(core / base).toFixed(2)} (aim >= 0.25)`);
  }
  lines.push(`memory     peak RSS of this process so far ${bytes(f.rss)}`);
  return lines.join('\n');
}

/** The section as bench/run.ts runs it. */
export async function spreadsheetImport(config: BenchConfig, memory: MemoryPeaks): Promise<void> {
  const c = spreadsheetConfig();
  if (!c.on) return;
  const base = join(config.dir, `spreadsheet-${c.rows}`);
  try {
    console.log(`\n${spreadsheetSection(await measureSpreadsheetImport(base, c.rows, memory))}`);
  } finally {
    if (!config.keep) rmSync(base, { recursive: true, force: true });
  }
}
