/**
 * `npm run bench`: prints figures for the weapons register, custody (on the largest weapons
 * database), the ammunition movements, printing to PDF (on the ammunition database) and signed
 * snapshots (export, import, trace), and the spreadsheet import beside sqlite3's .import; no
 * pass/fail. See bench/config.ts for the environment variables that make a development run
 * shorter (and bench/spreadsheet-import.ts for BENCH_SPREADSHEET, BENCH_SPREADSHEET_ROWS).
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadAmmoCore } from './ammo-load-core';
import { loadAmmoRaw } from './ammo-load-raw';
import { measureAmmunition } from './ammo-queries';
import { ammoSection } from './ammo-report';
import { bytes } from '../src/main/cli/format';
import { crashBench } from './crash';
import { readConfig, type BenchConfig } from './config';
import { loadCustody } from './custody-load';
import { measureCustody } from './custody-queries';
import { custodySection } from './custody-report';
import { loadCore } from './load-core';
import { loadRaw } from './load-raw';
import { measurePrint } from './print-run';
import { printSection } from './print-report';
import { measureRegister } from './register-queries';
import { measureSnapshots } from './snapshot-run';
import { spreadsheetImport } from './spreadsheet-import';
import { finalTables, sizeSection, type SizeResult } from './report';
import { MemoryPeaks } from './stats';

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

/** The ammunition movements: core path, raw baseline, then the views through the router. */
async function ammunition(config: BenchConfig, memory: MemoryPeaks): Promise<void> {
  const size = { movements: config.ammo.movements, lots: config.ammo.lots, stores: config.ammo.stores };
  const base = join(config.dir, `ammo-${size.movements}`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(base, 'core'), { recursive: true });
  try {
    const core = await loadAmmoCore(join(base, 'core', 'armoury.sqlite'), size, config.ammo.batch, memory);
    const raw = loadAmmoRaw(join(base, 'raw.sqlite'), size, config.ammo.batch, memory);
    const times = await measureAmmunition(join(base, 'core'), size, core, config.samples, memory);
    console.log(`\n${ammoSection({ size, core, raw, times })}`);
    // Its journal is the large one: printing runs on it before it goes.
    if (config.print.on) await printing(config, join(base, 'core'), memory);
  } finally {
    if (!config.keep) rmSync(base, { recursive: true, force: true });
  }
}

/** Custody on the weapons database just measured, before it is deleted: the history, then the counter through the router. */
async function custody(config: BenchConfig, dataDir: string, weapons: number, memory: MemoryPeaks): Promise<void> {
  const load = await loadCustody(join(dataDir, 'armoury.sqlite'), weapons, config.custody, memory);
  const times = await measureCustody(dataDir, config.samples, memory);
  console.log(`\n${custodySection({ smaller: weapons < 1_000_000, load, times })}`);
}

/** The register and the monthly return printed to PDF in Chromium, on `dataDir`'s armoury (a new one when there is none). */
async function printing(config: BenchConfig, dataDir: string, memory: MemoryPeaks): Promise<void> {
  // A browser or build problem costs this section only, not the figures still to come.
  const result = await measurePrint(config, dataDir, memory).catch((error: unknown) => {
    console.error('\n== printing to PDF failed:', error);
    process.exitCode = 1;
    return null;
  });
  if (!result) return;
  const notes = result.intoAmmunition ? [] : ['no ammunition movements (BENCH_AMMO_MOVEMENTS=0): the monthly return covers these weapons alone'];
  console.log(`\n${printSection(result, { notes, kept: config.keep })}`);
}

async function main(): Promise<void> {
  const config = readConfig();
  const memory = new MemoryPeaks();
  const started = performance.now();
  console.log(
    `Gardien benchmark: Node ${process.version}, SQLite ${sqliteVersion()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `batches of ${config.batch}, ${config.samples} searches per length, load average ${loadavg()[0]?.toFixed(1)} at start`,
  );
  const results: SizeResult[] = [];
  const largest = Math.max(0, ...config.sizes);
  let custodyDue = config.custody.events > 0;
  if (custodyDue && largest === 0) console.log('Custody skipped: it runs on the weapons database (BENCH_SIZES=0)');
  for (const weapons of config.sizes) {
    const base = join(config.dir, `n-${weapons}`);
    rmSync(base, { recursive: true, force: true });
    mkdirSync(join(base, 'core'), { recursive: true });
    try {
      const core = await loadCore(join(base, 'core', 'armoury.sqlite'), weapons, config.batch, memory);
      const raw = loadRaw(join(base, 'raw.sqlite'), weapons, config.batch, memory);
      const register = await measureRegister(join(base, 'core'), weapons, config.samples, memory);
      const result = { weapons, core, raw, register };
      results.push(result);
      console.log(`\n${sizeSection(result)}`);
      if (custodyDue && weapons === largest) {
        custodyDue = false; // once, should the largest size be listed twice
        await custody(config, join(base, 'core'), weapons, memory);
      }
    } finally {
      if (!config.keep) rmSync(base, { recursive: true, force: true });
    }
  }
  if (config.ammo.movements > 0) await ammunition(config, memory);
  else if (config.print.on) {
    const base = join(config.dir, `print-${config.print.weapons}`);
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
    try {
      await printing(config, base, memory);
    } finally {
      if (!config.keep) rmSync(base, { recursive: true, force: true });
    }
  }
  if (config.snapshot.on) await measureSnapshots(config, memory);
  await spreadsheetImport(config, memory);
  await crashBench(); // BENCH_CRASH=0 skips it; BENCH_CRASH_KILLS (default 600)
  memory.sample();
  if (results.length > 0) console.log(`\n${finalTables(results, memory)}`);
  else console.log(`\nPeak memory of this process: RSS ${bytes(memory.rss)}, JS heap ${bytes(memory.heapUsed)} (sampled)`);
  console.log(`Total time ${((performance.now() - started) / 1000).toFixed(0)} s${config.keep ? `; data kept in ${config.dir}` : ''}`);
  if (!config.keep) rmSync(config.dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
