import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DatabaseCorruptError, DatabaseFromFutureError } from '../errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (setup, CLI init). Otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens an armoury database the only way Gardien ever does: durable pragmas on every open,
 * quick_check, pending migrations in one transaction, and a typed refusal for a newer schema.
 * It never deletes, recreates or "repairs" a file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.create && path !== ':memory:' && !existsSync(path)) {
    throw new Error(`database not found: ${path}`);
  }
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  try {
    db.pragma('busy_timeout = 5000');
    // Before any pragma that writes (journal_mode = WAL rewrites the header of a rollback-journal
    // file): a database from a newer app must be left byte for byte as it was.
    assertNotFromFuture(db);
    applyPragmas(db, options.readonly ?? false);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseCorruptError(String(check));
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyPragmas(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL files at NORMAL: a ledger wants every commit on disk.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertNotFromFuture(db: Db, latest: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseFromFutureError(current, latest);
}

export interface MigrateOptions {
  /** Stop after this version (default: the last of `migrations`). */
  upTo?: number;
  /** The ordered list to apply (default: MIGRATIONS; tests pass their own). */
  migrations?: readonly Migration[];
}

/** Runs every pending migration in one transaction; user_version moves only if all succeed. */
export function migrate(db: Db, options: MigrateOptions = {}): void {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  assertNotFromFuture(db, latest);
  const upTo = options.upTo ?? latest;
  const pending = migrations.filter((m) => m.version > schemaVersion(db) && m.version <= upTo);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

/** Before close: let SQLite refresh its planner statistics (cheap, bounded). */
export function closeDatabase(db: Db): void {
  if (db.open) {
    try {
      if (!db.readonly) db.pragma('optimize');
    } finally {
      db.close();
    }
  }
}
