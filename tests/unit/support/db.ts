import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { migrate, type Db } from '../../../src/main/core/db/open';
import { Statements } from '../../../src/main/core/db/statements';
import { decodeEvent, type StoredEvent } from '../../../src/main/core/journal/event';
import { PROJECTION_TABLES, projectEvent } from '../../../src/main/core/projections';

export interface EventRow {
  seq: number;
  type: string;
  at: string;
  actor: number;
  body: Buffer;
  hash: Buffer;
}

export function eventRows(db: Db): EventRow[] {
  return db.prepare('SELECT seq, type, at, actor, body, hash FROM events ORDER BY seq').all() as EventRow[];
}

export function events(db: Db): StoredEvent[] {
  return eventRows(db).map((r) => decodeEvent(r.body));
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fileHash(path: string): string {
  return sha256(readFileSync(path));
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Every projection table's rows in a comparable order (plus the search index size). */
export function dumpProjections(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { table, orderBy } of PROJECTION_TABLES) out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all();
  out.weapon_search = [count(db, 'weapon_search')];
  return out;
}

/**
 * Replays a journal into a fresh in-memory database, independently of verifyDatabase, so a test
 * can compare the rebuilt projections with the live ones itself.
 */
export function replay(db: Db): Db {
  const scratch = new Database(':memory:');
  migrate(scratch);
  const s = new Statements(scratch);
  scratch.transaction(() => {
    for (const row of eventRows(db)) projectEvent(s, decodeEvent(row.body));
  })();
  return scratch;
}
