import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createArmoury } from '../src/main/core/armoury/setup';
import { createCommission } from '../src/main/core/commission/setup';
import { enrolArmoury } from '../src/main/core/commission/registry';
import { demoWeapon, prng } from '../src/main/core/demo/generate';
import { registerMany } from '../src/main/core/register/service';
import { exportSnapshot } from '../src/main/core/snapshot/export';
import { signingKeys } from '../src/main/core/snapshot/keys';
import { Store } from '../src/main/core/store';
import { Progress } from '../src/main/cli/progress';
import type { WeaponFields } from '../src/shared/domain/weapon';
import type { BenchConfig } from './config';
import { loadCustody } from './custody-load';
import { BENCH_MANAGER, loadCore } from './load-core';
import type { MemoryPeaks } from './stats';

const TODAY = new Date(Date.UTC(2025, 0, 15));

export interface ExportArmoury {
  path: string;
  weapons: number;
  events: number;
  buildSeconds: number;
}

function eventCount(path: string): number {
  const store = Store.open(path);
  try {
    return (store.s.sql('SELECT MAX(seq) AS n FROM events').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

/**
 * The armoury the export is measured on: `weapons` weapons through the core's bulk registration
 * (bench/load-core.ts), then a custody history through the core (bench/custody-load.ts) sized so
 * that the journal holds about `events` events (officers' events are estimated; the exact count
 * is reported).
 */
export async function buildExportArmoury(dir: string, weapons: number, events: number, memory: MemoryPeaks): Promise<ExportArmoury> {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'armoury.sqlite');
  await loadCore(path, weapons, 5000, memory);
  const store = Store.open(path);
  const types = (store.s.sql('SELECT COUNT(DISTINCT type) AS n FROM weapons').get() as { n: number }).n;
  store.close();
  const officers = Math.max(100, Math.min(5000, Math.round(weapons / 20)));
  // Each officer: registered + one authorisation per weapon type (2% also leave); then a storekeeper, a store and its lots.
  const officerEvents = Math.round(officers * (1 + types + 0.02)) + 30;
  const custody: BenchConfig['custody'] = { events: Math.max(10_000, events - eventCount(path) - officerEvents), officers, out: 2000, batch: 5000 };
  await loadCustody(path, weapons, custody, memory);
  return { path, weapons, events: eventCount(path), buildSeconds: (performance.now() - started) / 1000 };
}

export interface BuiltArmoury {
  code: string;
  file: string;
  size: number;
  events: number;
  publicKey: string;
  fingerprint: string;
}

function* batches(first: number, total: number, seed: number): Generator<WeaponFields[]> {
  const r = prng(seed);
  for (let start = 0; start < total; start += 5000) {
    const list: WeaponFields[] = [];
    for (let i = start; i < Math.min(total, start + 5000); i++) list.push(demoWeapon(first + i, r, TODAY));
    yield list;
  }
}

/**
 * `count` distinct armouries, each created as the app creates one (its own code and signing key),
 * `weapons` weapons registered through the core's bulk path (national codes and serials unique
 * across all of them), then a real full snapshot exported into `out`. The armoury databases are
 * removed once exported: only their snapshots are needed.
 */
export async function buildArmouries(dir: string, out: string, count: number, weapons: number): Promise<{ armouries: BuiltArmoury[]; seconds: number }> {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  mkdirSync(out, { recursive: true });
  const progress = new Progress(`${count} armouries of ${weapons.toLocaleString('en-US')} weapons`);
  const armouries: BuiltArmoury[] = [];
  for (let k = 0; k < count; k++) {
    const code = `BN-${String(k + 1).padStart(3, '0')}`;
    const path = join(dir, `${code}.sqlite`);
    const store = Store.open(path, { create: true });
    try {
      const manager = await createArmoury(store, {
        armoury: { code, name: `Armurerie de mesure ${k + 1}`, agency: 'police', region: `Région ${(k % 8) + 1}`, language: 'fr' },
        manager: BENCH_MANAGER,
      });
      for (const list of batches(k * weapons, weapons, 0x5a_0000 + k)) registerMany(store, manager, list);
      const summary = await exportSnapshot(store, { full: true, dir: out, now: new Date() });
      const key = signingKeys(store).current;
      armouries.push({ code, file: join(out, summary.fileName), size: summary.size, events: summary.events, publicKey: key.publicKey, fingerprint: key.fingerprint });
    } finally {
      store.close();
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    progress.update(k + 1, count);
  }
  progress.end();
  return { armouries, seconds: (performance.now() - started) / 1000 };
}

/** The national register, its manager, and every armoury enrolled with its key (as typed from its certificate). */
export async function newCommission(path: string, armouries: readonly BuiltArmoury[]): Promise<{ store: Store; manager: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const store = Store.open(path, { create: true });
  const manager = await createCommission(store, { commission: { code: 'ML-CNC', name: 'Commission nationale de mesure', language: 'fr' }, manager: BENCH_MANAGER });
  for (const a of armouries) enrolArmoury(store, manager, { armoury: a.code, name: `Armurerie ${a.code}`, publicKey: a.publicKey, fingerprint: a.fingerprint });
  return { store, manager };
}
