import ExcelJS from 'exceljs';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerMany } from '../../src/main/core/register/service';
import { weaponFields } from '../../src/shared/domain/weapon';
import { disposeHarnesses, type Harness, Template } from './support/harness';
import { weaponInput } from './support/weapons';

const WEAPONS = 20_000;

let template: Template;

beforeAll(async () => {
  template = await Template.build(async (h) => {
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const actor = h.app.session?.userId ?? 1;
    const list = Array.from({ length: WEAPONS }, (_, i) => weaponFields.parse(weaponInput({ type: i % 10 === 0 ? 'pistol' : 'assault_rifle' })));
    registerMany(store, actor, list);
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

/** Exports while polling jobs.progress: the export yields between batches, so the poll is answered mid-way. */
async function exportWatched(h: Harness, format: 'csv' | 'xlsx') {
  const started = performance.now();
  const pending = h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format });
  let finished = false;
  void pending.then(() => (finished = true), () => (finished = true));
  const seen: { job: string | null; done: number; total: number }[] = [];
  while (!finished) {
    const p = await h.ok('jobs.progress', {});
    if (p.job) seen.push(p);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = await pending;
  const ms = performance.now() - started;
  const size = statSync(join(h.dir, 'exports', result.fileName)).size;
  console.log(`export of ${WEAPONS} weapons to ${format.toUpperCase()}: ${ms.toFixed(0)} ms, ${(size / 1024 / 1024).toFixed(1)} MB`);
  return { result, seen };
}

describe('a large export', () => {
  it('streams 20,000 weapons to CSV with progress reported between batches', async () => {
    const h = template.copy();
    await h.login('manager');
    const { result, seen } = await exportWatched(h, 'csv');
    expect(result.rows).toBe(WEAPONS);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.job === 'spreadsheet_export' && p.total === WEAPONS)).toBe(true);
    expect(seen.some((p) => p.done > 0 && p.done < WEAPONS)).toBe(true);
    const lines = readFileSync(join(h.dir, 'exports', result.fileName), 'utf8').split('\r\n');
    expect(lines).toHaveLength(WEAPONS + 2);
    expect(lines[1]).toMatch(/^"ML-PN-T\d{6}";/);
  });

  it('streams 20,000 weapons to XLSX, readable row by row', async () => {
    const h = template.copy();
    await h.login('manager');
    const { result } = await exportWatched(h, 'xlsx');
    expect(result.rows).toBe(WEAPONS);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(join(h.dir, 'exports', result.fileName)), {});
    let rows = 0;
    let pistols = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        if (JSON.stringify(row.values).includes('"Pistolet"')) pistols++;
      }
    }
    expect(rows).toBe(WEAPONS + 1);
    expect(pistols).toBe(WEAPONS / 10);
  });

  it('stays answerable: a write on the app’s connection goes through while an export is under way', async () => {
    const h = template.copy();
    await h.login('manager');
    const pending = h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'csv' });
    await new Promise((resolve) => setImmediate(resolve));
    const registered = await h.ok('weapons.register', weaponInput());
    const result = await pending;
    // The export reads in its own transaction: the weapon registered meanwhile is not in it.
    expect(result.rows).toBe(WEAPONS);
    expect(registered.id).toBeGreaterThan(0);
  });
});
