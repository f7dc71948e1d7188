import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError } from '../../src/main/core/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/main/core/db/migrations';
import { closeDatabase, migrate, openDatabase, schemaVersion, type Db } from '../../src/main/core/db/open';
import { fileHash } from './support/db';
import { Harness, disposeHarnesses, freshArmoury, scratchDir, tempDir } from './support/harness';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  disposeHarnesses();
});

function newFile(): string {
  return join(scratchDir(), 'armoury.sqlite');
}

function track(db: Db): Db {
  dbs.push(db);
  return db;
}

function durablePragmas(db: Db) {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}

const DURABLE = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };

function schemaObjects(db: Db): { type: string; name: string }[] {
  return db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string; name: string;
  }[];
}

describe('a new database', () => {
  it('gets the latest schema version and durable pragmas, again on every reopen', () => {
    const path = newFile();
    const db = track(openDatabase(path, { create: true }));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(durablePragmas(db)).toEqual(DURABLE);
    closeDatabase(db);

    const plain = track(new Database(path));
    // what better-sqlite3 gives a reopened WAL file by itself: the reason for setting it each time
    expect(plain.pragma('synchronous', { simple: true })).not.toBe(DURABLE.synchronous);
    plain.close();

    const again = track(openDatabase(path));
    expect(schemaVersion(again)).toBe(LATEST_VERSION);
    expect(durablePragmas(again)).toEqual(DURABLE);
  });

  it('is opened with the same pragmas by GardienApp after setup and after a restart', async () => {
    const h = await freshArmoury();
    expect(durablePragmas(h.db)).toEqual(DURABLE);
    h.close();
    const again = new Harness(h.dir);
    expect(again.app.status().state).toBe('ready');
    expect(durablePragmas(again.db)).toEqual(DURABLE);
  });

  it('is never created when missing unless asked', () => {
    const path = newFile();
    expect(() => openDatabase(path)).toThrow(/not found/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('migrations run in one transaction', () => {
  const failing = (version: number): Migration => ({
    version,
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER); INSERT INTO half_done VALUES (1);');
      throw new Error(`migration ${version} failed`);
    },
  });

  it('leaves an empty database at version 0 with no tables when a later migration fails', () => {
    const db = track(new Database(newFile()));
    expect(() => migrate(db, { migrations: [...MIGRATIONS, failing(LATEST_VERSION + 1)] })).toThrow(/failed/);
    expect(schemaVersion(db)).toBe(0);
    expect(schemaObjects(db)).toEqual([]);
  });

  it('leaves an existing database at its version and schema when a migration fails', () => {
    const path = newFile();
    closeDatabase(openDatabase(path, { create: true }));
    const db = track(new Database(path));
    const before = schemaObjects(db);
    const good: Migration = { version: LATEST_VERSION + 1, up: (d) => d.exec('CREATE TABLE added_by_next (x INTEGER)') };
    expect(() => migrate(db, { migrations: [...MIGRATIONS, good, failing(LATEST_VERSION + 2)] })).toThrow(/failed/);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(schemaObjects(db)).toEqual(before);

    migrate(db, { migrations: [...MIGRATIONS, good] });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(schemaObjects(db)).toContainEqual({ type: 'table', name: 'added_by_next' });
  });

  it('stops at upTo', () => {
    const db = track(new Database(newFile()));
    const next: Migration = { version: LATEST_VERSION + 1, up: (d) => d.exec('CREATE TABLE later (x INTEGER)') };
    migrate(db, { migrations: [...MIGRATIONS, next], upTo: LATEST_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(schemaObjects(db)).not.toContainEqual({ type: 'table', name: 'later' });
  });
});

describe('a database from a newer Gardien', () => {
  const FUTURE = 99;

  function futureFile(journalMode: 'delete' | 'wal'): string {
    const path = newFile();
    const db = new Database(path);
    db.pragma(`journal_mode = ${journalMode}`);
    db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, body BLOB); INSERT INTO events VALUES (1, x\'00\');');
    db.pragma(`user_version = ${FUTURE}`);
    db.close();
    return path;
  }

  for (const mode of ['delete', 'wal'] as const) {
    it(`is refused with DatabaseFromFutureError and left byte for byte unchanged (${mode} journal)`, () => {
      const path = futureFile(mode);
      const before = fileHash(path);
      for (const options of [{}, { readonly: true }, { create: true }]) {
        let caught: unknown;
        try {
          track(openDatabase(path, options));
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DatabaseFromFutureError);
        expect((caught as DatabaseFromFutureError).found).toBe(FUTURE);
        expect((caught as DatabaseFromFutureError).supported).toBe(LATEST_VERSION);
      }
      expect(existsSync(path)).toBe(true);
      expect(fileHash(path)).toBe(before);
      // a rollback-journal file must not even have been switched to WAL
      if (mode === 'delete') expect(existsSync(`${path}-wal`)).toBe(false);
    });
  }

  it('gives GardienApp an error status and is never replaced by a new armoury', async () => {
    const dir = tempDir();
    const path = join(dir, 'armoury.sqlite');
    copyFileSync(futureFile('delete'), path);
    const before = fileHash(path);

    const h = new Harness(dir);
    const status = await h.ok('app.status', {});
    expect(status.state).toBe('error');
    expect(status.error).toEqual({ code: 'database_from_future', params: { found: FUTURE, supported: LATEST_VERSION } });
    expect(status.armouryExists).toBe(true);
    expect(h.app.store).toBeNull();

    const setup = await h.fail('app.setup', {
      armoury: { code: 'ML-X-01', name: 'Autre', agency: 'police', region: 'Gao', language: 'fr' },
      manager: { username: 'autre', fullName: 'Autre Chef', password: 'mot-de-passe-long', passwordConfirm: 'mot-de-passe-long' },
    });
    expect(setup.code).toBe('armoury_exists');
    expect((await h.fail('auth.login', { username: 'chef', password: 'x' })).code).toBe('no_database');
    expect((await h.ok('app.openArmoury', {})).error?.code).toBe('database_from_future');
    h.close();
    expect(fileHash(path)).toBe(before);
  });
});
