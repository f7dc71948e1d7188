import { expect, vi } from 'vitest';
import type { Db } from '../../../src/main/core/db/open';
import type { Harness } from './harness';

/** Runs the operations with a spy on the prepared-statement cache and returns the SQL they used. */
export async function sqlUsedBy(h: Harness, run: () => Promise<unknown>): Promise<string[]> {
  const store = h.app.store ?? expect.fail('no store');
  const spy = vi.spyOn(store.s, 'sql');
  await run();
  const sources = [...new Set(spy.mock.calls.map((c) => c[0]))];
  spy.mockRestore();
  return sources;
}

/** SQLite's plan for one statement (parameters bound to null), one line per step. */
export function plan(db: Db, source: string): string[] {
  const params = (source.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}
