/**
 * `npm run bench`: prints figures for the weapons register (no pass/fail). See bench/config.ts
 * for the environment variables that make a development run shorter.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readConfig } from './config';
import { loadCore } from './load-core';
import { loadRaw } from './load-raw';
import { measureRegister } from './register-queries';
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

async function main(): Promise<void> {
  const config = readConfig();
  const memory = new MemoryPeaks();
  const started = performance.now();
  console.log(
    `Gardien benchmark: Node ${process.version}, SQLite ${sqliteVersion()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `batches of ${config.batch}, ${config.samples} searches per length, load average ${loadavg()[0]?.toFixed(1)} at start`,
  );
  const results: SizeResult[] = [];
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
    } finally {
      if (!config.keep) rmSync(base, { recursive: true, force: true });
    }
  }
  memory.sample();
  console.log(`\n${finalTables(results, memory)}`);
  console.log(`Total time ${((performance.now() - started) / 1000).toFixed(0)} s${config.keep ? `; data kept in ${config.dir}` : ''}`);
  if (!config.keep) rmSync(config.dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
