import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { registerMany } from '../src/main/core/register/service';
import { Store } from '../src/main/core/store';
import type { BenchConfig } from './config';
import { BENCH_MANAGER, loadCore } from './load-core';
import { openPrintBrowser, prepareRenderer, type RendererBuild } from './print-browser';
import { measureMonthlyPrint, measureRegisterPrint, type MonthlyFigures, type RegisterFigures } from './print-measure';
import { weaponBatches } from './rows';
import type { MemoryPeaks } from './stats';

export interface PrintResult {
  renderer: RendererBuild;
  chromium: string;
  /** One-minute load average when the browser opened (the machine may be shared). */
  load: number;
  /** Weapons registered for the register, in seconds, and whether they joined the ammunition armoury. */
  weapons: number;
  weaponSeconds: number;
  intoAmmunition: boolean;
  register: RegisterFigures;
  monthly: MonthlyFigures;
  /** Where the PDFs were written (kept with BENCH_KEEP=1). */
  pdfDir: string;
}

/** Registers weapons into an existing armoury as its manager, through registerMany as loadCore does. */
function addWeapons(path: string, total: number, batch: number, memory: MemoryPeaks): number {
  const store = Store.open(path);
  try {
    const managerId = store.s.sql('SELECT id FROM users WHERE username = ?').pluck().get(BENCH_MANAGER.username) as number;
    const t = performance.now();
    for (const list of weaponBatches(total, batch)) {
      registerMany(store, managerId, list);
      memory.sample();
    }
    const seconds = (performance.now() - t) / 1000;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return seconds;
  } finally {
    store.close();
  }
}

/**
 * Printing, on the armoury in `dataDir`: the ammunition benchmark's (its journal is the large one;
 * the weapons are added to it, so its monthly return has both parts) or, when that did not run, a
 * new armoury of weapons alone. The register and this month's return are opened in the built
 * renderer in Chromium, signed in as the manager, and saved as PDF.
 */
export async function measurePrint(config: BenchConfig, dataDir: string, memory: MemoryPeaks): Promise<PrintResult> {
  const path = join(dataDir, 'armoury.sqlite');
  const { weapons, runs } = config.print;
  const intoAmmunition = existsSync(path);
  const weaponSeconds = intoAmmunition ? addWeapons(path, weapons, config.batch, memory) : (await loadCore(path, weapons, config.batch, memory)).seconds;
  const renderer = prepareRenderer(config.print.renderer, join(config.dir, 'renderer'));
  const browser = await openPrintBrowser(renderer.dir, dataDir, BENCH_MANAGER);
  const load = loadavg()[0] ?? 0;
  try {
    const register = await measureRegisterPrint(browser.app, browser.page, browser.pdf, join(dataDir, 'register.pdf'), runs);
    memory.sample();
    const monthly = await measureMonthlyPrint(browser.app, browser.page, browser.pdf, join(dataDir, 'monthly.pdf'), runs);
    memory.sample();
    return { renderer, chromium: browser.version, load, weapons, weaponSeconds, intoAmmunition, register, monthly, pdfDir: dataDir };
  } finally {
    await browser.close();
    if (!config.keep) rmSync(renderer.dir, { recursive: true, force: true });
  }
}
