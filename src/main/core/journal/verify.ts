import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type Db } from '../db/open';
import { Statements } from '../db/statements';
import { PROJECTION_TABLES, projectEvent } from '../projections';
import { decodeEvent, GENESIS_PREV } from './event';

export interface VerifyReport {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string };
  /** The first problems found, as text (at most MAX_PROBLEMS). */
  problems: string[];
  /** How many problems each check found (all of them, not only those listed). */
  counts: Record<Check, number>;
}

export type Check = 'integrity' | 'guards' | 'chain' | 'replay';

const MAX_PROBLEMS = 50;

/**
 * Full verification of an armoury database: SQLite integrity_check, the hash chain event by
 * event, and a replay of the journal into a scratch database compared table by table with the
 * projections. Read-only on the database it checks.
 */
export function verifyDatabase(db: Db, onProgress?: (done: number, total: number) => void): VerifyReport {
  const problems: string[] = [];
  const counts: Record<Check, number> = { integrity: 0, guards: 0, chain: 0, replay: 0 };
  const noter = (check: Check) => (p: string) => {
    counts[check]++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') noter('integrity')(`integrity_check: ${row.integrity_check}`);

  checkGuards(db).forEach(noter('guards'));
  const total = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  const chain = checkChain(db, noter('chain'), (done) => onProgress?.(done, total * 2));
  const replayProblems = replayAndCompare(db, (done) => onProgress?.(total + done, total * 2));
  replayProblems.forEach(noter('replay'));
  return { ok: problems.length === 0, events: chain.count, head: chain.head, problems, counts };
}

/**
 * The triggers that make the journal append-only must be exactly the ones the schema creates: a
 * dropped or rewritten trigger is how someone with the file would prepare a silent rewrite.
 */
function checkGuards(db: Db): string[] {
  const reference = new Database(':memory:');
  try {
    migrate(reference);
    const triggers = (d: Db) =>
      new Map(
        (d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as { name: string; sql: string }[]).map(
          (t) => [t.name, t.sql.replace(/\s+/g, ' ').trim()],
        ),
      );
    const expected = triggers(reference);
    const found = triggers(db);
    const problems: string[] = [];
    for (const [name, sql] of expected) {
      if (!found.has(name)) problems.push(`journal guard ${name} is missing: the journal is no longer append-only`);
      else if (found.get(name) !== sql) problems.push(`journal guard ${name} was altered`);
    }
    for (const name of found.keys()) if (!expected.has(name)) problems.push(`unexpected trigger ${name} on the journal`);
    return problems;
  } finally {
    reference.close();
  }
}

function checkChain(db: Db, note: (p: string) => void, progress: (done: number) => void) {
  let expectedSeq = 1;
  let prev = GENESIS_PREV;
  const rows = db.prepare('SELECT seq, type, at, actor, body, hash FROM events ORDER BY seq').iterate() as IterableIterator<{
    seq: number; type: string; at: string; actor: number; body: Buffer; hash: Buffer;
  }>;
  for (const row of rows) {
    const digest = createHash('sha256').update(row.body).digest('hex');
    if (row.seq !== expectedSeq) note(`seq ${row.seq}: expected ${expectedSeq} (gap or reorder)`);
    if (digest !== row.hash.toString('hex')) note(`seq ${row.seq}: stored hash does not match its bytes`);
    try {
      const e = decodeEvent(row.body);
      if (e.seq !== row.seq) note(`seq ${row.seq}: body says seq ${e.seq}`);
      if (e.prev !== prev) note(`seq ${row.seq}: prev link broken`);
      if (e.type !== row.type || e.at !== row.at || e.actor !== row.actor) note(`seq ${row.seq}: columns disagree with body`);
    } catch {
      note(`seq ${row.seq}: body is not valid JSON`);
    }
    prev = digest;
    expectedSeq = row.seq + 1;
    if (row.seq % 10000 === 0) progress(row.seq);
  }
  return { count: expectedSeq - 1, head: { seq: expectedSeq - 1, hash: prev } };
}

/** Replays every event into a scratch file, attaches it, and diffs each projection table. */
function replayAndCompare(db: Db, progress: (done: number) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gardien-replay-'));
  const path = join(dir, 'replay.sqlite');
  const problems: string[] = [];
  try {
    const scratch = new Database(path);
    try {
      scratch.pragma('journal_mode = OFF');
      scratch.pragma('synchronous = OFF');
      migrate(scratch);
      const s = new Statements(scratch);
      const rows = db.prepare('SELECT body FROM events ORDER BY seq').iterate() as IterableIterator<{ body: Buffer }>;
      scratch.transaction(() => {
        let n = 0;
        for (const row of rows) {
          try {
            projectEvent(s, decodeEvent(row.body));
          } catch (error) {
            problems.push(`replay failed: ${(error as Error).message}`);
            return;
          }
          if (++n % 10000 === 0) progress(n);
        }
      })();
    } finally {
      scratch.close();
    }
    if (problems.length) return problems;
    db.prepare('ATTACH DATABASE ? AS replay').run(path);
    try {
      for (const { table, orderBy } of PROJECTION_TABLES) {
        const missing = db.prepare(`SELECT * FROM replay.${table} EXCEPT SELECT * FROM main.${table} ORDER BY ${orderBy} LIMIT 5`).all();
        const extra = db.prepare(`SELECT * FROM main.${table} EXCEPT SELECT * FROM replay.${table} ORDER BY ${orderBy} LIMIT 5`).all();
        for (const r of extra) problems.push(`${table}: row differs from the journal: ${JSON.stringify(r)}`);
        for (const r of missing) problems.push(`${table}: the journal gives a row not in the table: ${JSON.stringify(r)}`);
      }
      const searchRows = (db.prepare('SELECT COUNT(*) AS n FROM main.weapon_search').get() as { n: number }).n;
      const weaponRows = (db.prepare('SELECT COUNT(*) AS n FROM main.weapons').get() as { n: number }).n;
      if (searchRows !== weaponRows) problems.push(`weapon_search: ${searchRows} entries for ${weaponRows} weapons`);
    } finally {
      db.prepare('DETACH DATABASE replay').run();
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
