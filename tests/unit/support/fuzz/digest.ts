import { createHash } from 'node:crypto';
import type { Db } from '../../../../src/main/core/db/open';

/**
 * Local state a refused input may write: a wrong password counts a failure (login_failures, for
 * the growing delay) and is kept for the audit view (failed_logins), however the request ends.
 * Nothing else may change.
 */
const MAY_CHANGE_ON_REFUSAL = new Set(['login_failures', 'failed_logins']);

interface TableList {
  plain: string[];
  virtual: string[];
}

const lists = new WeakMap<Db, TableList>();

function tablesOf(db: Db): TableList {
  let list = lists.get(db);
  if (!list) {
    const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
      sql: string | null;
    }[];
    const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
    // An FTS table's shadow tables (weapon_search_data…) follow from its rows: its row count is enough.
    const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    const plain = rows.map((r) => r.name).filter((n) => !virtual.includes(n) && !shadow(n) && n !== 'events' && !MAY_CHANGE_ON_REFUSAL.has(n));
    list = { plain, virtual };
    lists.set(db, list);
  }
  return list;
}

/**
 * A digest of everything in the database a request could change, besides the journal (compared
 * by its head): every table's rows in a stable order and each search index's size. Cheap on the
 * small fuzz registers (a few ms).
 */
export function dbDigest(db: Db): string {
  const hash = createHash('sha256');
  const { plain, virtual } = tablesOf(db);
  for (const table of plain) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)));
    lines.sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  for (const table of virtual) hash.update(`${table} ${(db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n}\n`);
  return hash.digest('hex');
}

export interface DbState {
  seq: number;
  hash: string;
  digest: string;
}

/** The last digest of each connection, valid while its total_changes() has not moved. */
const digests = new WeakMap<Db, { changes: number; digest: string }>();

/**
 * The journal head (seq and hash of the last event) and the digest of the rest. SQLite counts
 * every row this connection inserted, updated or deleted (triggers and rolled-back statements
 * included): while that count stands still, the last digest still holds and is not recomputed.
 */
export function dbState(db: Db): DbState {
  const head = db.prepare('SELECT seq, hex(hash) AS hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let known = digests.get(db);
  if (known?.changes !== changes) {
    known = { changes, digest: dbDigest(db) };
    digests.set(db, known);
  }
  return { seq: head?.seq ?? 0, hash: head?.hash ?? '', digest: known.digest };
}
