import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind, SpreadsheetShape } from '../../src/shared/domain/spreadsheet';
import { IMPORT_KINDS } from '../../src/shared/domain/spreadsheet';
import { newStore } from './support/ammunition';
import { applyEdits, byteEdits, junkBytes } from './support/fuzz/bytes';
import { dbState } from './support/fuzz/digest';
import { fuzzParams, fuzzTimeout, Tally } from './support/fuzz/env';
import { mutationsOf } from './support/fuzz/mutate';
import { outcome } from './support/fuzz/result';
import { RouterTarget } from './support/fuzz/router';
import { csvBytes, csvCase, xlsxBytes, xlsxCase, xlsxValidCase } from './support/fuzz/sheets';
import { Watchdog } from './support/fuzz/watchdog';
import { Template, tempDir } from './support/harness';
import { writeCsv, writeXlsx } from './support/spreadsheet-files';
import { lotRegister, officerRegister, weaponRegister } from './support/spreadsheet-registers';

/**
 * Property: any file handed to the importer — random bytes, CSV with any separator, quoting and
 * encoding, XLSX built part by part with wrong cells and XML junk, valid files with flipped, cut
 * or inserted bytes — goes through imports.inspect, preview, check and run as a result or a typed
 * refusal (never `internal`, never a hang), inspect/preview/check record nothing, and a refused
 * run leaves the register as it was. FUZZ_RUNS scales, FUZZ_SEED replays.
 */

const TIMEOUT_MS = 20_000;

let template: Template;
let target: RouterTarget;
let dog: Watchdog;
let dir: string;
const bases: Record<string, Buffer> = {};
const tallies: Tally[] = [];
let n = 0;

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  dog = new Watchdog(60_000);
  dir = tempDir('gardien-fuzz-sheets-');
  template = await Template.build(async (h) => {
    await newStore(h, { code: 'MAG-1' });
  });
  target = new RouterTarget(template.file, 'armoury');
  const weapons = join(dir, 'base-weapons');
  writeCsv(`${weapons}.csv`, weaponRegister(4, 'FZ'), { encoding: 'windows-1252' });
  await writeXlsx(`${weapons}.xlsx`, weaponRegister(4, 'FX'));
  writeCsv(join(dir, 'base-officers.csv'), officerRegister(3, 'FZ'));
  await writeXlsx(join(dir, 'base-lots.xlsx'), lotRegister(2, 'MAG-1'));
  for (const [key, file] of [['weapons.csv', `${weapons}.csv`], ['weapons.xlsx', `${weapons}.xlsx`], ['officers.csv', join(dir, 'base-officers.csv')], ['lots.xlsx', join(dir, 'base-lots.xlsx')]] as const) {
    bases[key] = readFileSync(file);
  }
}, 60_000);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  for (const t of tallies) console.log(t.line());
  target?.dispose();
  template?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await dog?.stop();
});

/**
 * The four steps on one file, as the import screen runs them: inspect; with its mapping (or a
 * mutation of it) preview, check and run. Then any uncaught exception that arrived meanwhile.
 */
async function importSteps(bytes: Buffer, ext: string, kind: ImportKind, g: fc.GeneratorValue, tally: Tally): Promise<void> {
  const path = join(dir, `case-${++n}${ext}`);
  writeFileSync(path, bytes);
  try {
    await steps(path, kind, g, tally);
  } finally {
    rmSync(path, { force: true });
    // An error a library throws outside the promise chain (a stream nobody listens to) shows up
    // a moment later as an uncaught exception: it belongs to this case.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const stray = uncaught.splice(0);
  if (stray.length > 0) throw new Error(`uncaught exception while importing this file: ${String(stray[0])}`, { cause: stray[0] });
}

async function steps(path: string, kind: ImportKind, g: fc.GeneratorValue, tally: Tally): Promise<void> {
  const grant = (h: { app: { grantImportPaths(p: string[]): void } }) => h.app.grantImportPaths([path]);
  const db = () => dbState(target.harness.db);
  const start = db();
  const inspected = await target.call(dog, 'imports.inspect', { path, kind }, TIMEOUT_MS, grant);
  tally.count(`inspect:${outcome(inspected)}`);
  if (!inspected.ok) return;
  const shape = inspected.value as SpreadsheetShape;
  const mapping: unknown = g(() =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(shape.mapping as unknown) }, { weight: 1, arbitrary: mutationsOf(shape.mapping) }),
  );
  for (const op of ['imports.preview', 'imports.check'] as const) {
    const r = await target.call(dog, op, { path, kind, mapping }, TIMEOUT_MS, grant);
    tally.count(`${op.slice(8)}:${outcome(r)}`);
  }
  // Inspect, preview and check read and report; they record nothing.
  const checked = db();
  expect({ seq: checked.seq, hash: checked.hash }).toEqual({ seq: start.seq, hash: start.hash });
  const run = await target.call(dog, 'imports.run', { path, kind, mapping, skipInvalid: g(fc.boolean) }, TIMEOUT_MS, grant);
  tally.count(`run:${outcome(run)}`);
}

const kindArb = fc.constantFrom(...IMPORT_KINDS);

async function property<T>(label: string, arb: fc.Arbitrary<T>, runs: number, toFile: (t: T) => { bytes: Buffer; ext: string }): Promise<void> {
  const tally = new Tally(`spreadsheet import, ${label}`);
  tallies.push(tally);
  try {
    await fc.assert(
      fc.asyncProperty(arb, kindArb, fc.gen(), async (t, kind, g) => {
        const { bytes, ext } = toFile(t);
        await importSteps(bytes, ext, kind, g, tally);
      }),
      fuzzParams(runs),
    );
  } finally {
    tally.finish();
  }
  expect(tally.cases).toBeGreaterThan(0);
}

describe('the spreadsheet importer, through the router', () => {
  it('random bytes, named .csv, .txt or .xlsx', async () => {
    await property('random bytes', fc.tuple(junkBytes, fc.constantFrom('.csv', '.txt', '.xlsx')), 120, ([bytes, ext]) => ({ bytes, ext }));
  }, fuzzTimeout());

  it('CSV with any separator, quoting, line end and encoding', async () => {
    await property('structured CSV', fc.tuple(csvCase, fc.constantFrom('.csv', '.txt')), 200, ([c, ext]) => ({ bytes: csvBytes(c), ext }));
  }, fuzzTimeout());

  it('XLSX assembled part by part, with wrong cells, missing parts and XML junk', async () => {
    await property('structured XLSX', xlsxCase, 200, (c) => ({ bytes: xlsxBytes(c), ext: '.xlsx' }));
  }, fuzzTimeout());

  it('well-formed XLSX as writers produce them: no shared strings, hidden first tab, stored or deflated', async () => {
    await property('well-formed XLSX', xlsxValidCase, 150, (c) => ({ bytes: xlsxBytes(c), ext: '.xlsx' }));
  }, fuzzTimeout());

  it('valid CSV and XLSX registers with flipped, cut, inserted or removed bytes', async () => {
    const base = fc.constantFrom(...Object.keys(bases));
    await property('damaged valid files', fc.tuple(base, byteEdits), 240, ([name, edits]) => ({
      bytes: applyEdits(bases[name] ?? Buffer.alloc(0), edits),
      ext: name.endsWith('.xlsx') ? '.xlsx' : '.csv',
    }));
  }, fuzzTimeout());
});
