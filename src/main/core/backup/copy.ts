import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from '../errors';
import { LATEST_VERSION } from '../db/migrations';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { GENESIS_PREV, decodeEvent } from '../journal/event';

/** What a verified copy of a database holds (read from the copy itself, not from the source). */
export interface CopyFacts {
  armouryCode: string;
  armouryName: string;
  kind: 'armoury' | 'commission';
  head: { seq: number; hash: string };
  events: number;
  weapons: number;
  schemaVersion: number;
  size: number;
  sha256: string;
}

/** A temporary file beside `beside` (the database: same disk, never the USB stick for plaintext). */
export function tempPathBeside(beside: string, label: string): string {
  return join(dirname(beside), `.${label}-${randomBytes(6).toString('hex')}.sqlite.tmp`);
}

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * The hash chain event by event (bodies hash to their stored hash, prev links, no gap): the same
 * walk as verifyDatabase's, returning the head or the first problem.
 */
export function walkChain(db: Db): { ok: true; head: { seq: number; hash: string }; events: number } | { ok: false; problem: string } {
  let expected = 1;
  let prev = GENESIS_PREV;
  for (const row of db.prepare('SELECT seq, body, hash FROM events ORDER BY seq').iterate() as IterableIterator<{ seq: number; body: Buffer; hash: Buffer }>) {
    if (row.seq !== expected) return { ok: false, problem: `seq ${row.seq}: expected ${expected}` };
    const digest = createHash('sha256').update(row.body).digest('hex');
    if (digest !== row.hash.toString('hex')) return { ok: false, problem: `seq ${row.seq}: hash does not match its bytes` };
    let event;
    try {
      event = decodeEvent(row.body);
    } catch {
      return { ok: false, problem: `seq ${row.seq}: body is not JSON` };
    }
    if (event.seq !== row.seq || event.prev !== prev) return { ok: false, problem: `seq ${row.seq}: prev link broken` };
    prev = digest;
    expected++;
  }
  return { ok: true, head: { seq: expected - 1, hash: prev }, events: expected - 1 };
}

export function sha256File(path: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1024 * 1024);
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Turns a fresh copy into a single self-contained file (rollback journal mode, no -wal beside it)
 * and verifies it: integrity_check, the chain, an armoury row. Throws `failure(detail)` on a problem.
 */
export function settleAndVerifyCopy(path: string, failure: (detail: string) => AppError): CopyFacts {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
    throw failure(error instanceof Error ? error.message : String(error));
  }
  try {
    let schemaVersion: number;
    try {
      db.pragma('trusted_schema = OFF');
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      if (schemaVersion > LATEST_VERSION) throw new DatabaseFromFutureError(schemaVersion, LATEST_VERSION);
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw failure(error instanceof Error ? error.message : String(error));
    }
    let facts: Omit<CopyFacts, 'size' | 'sha256'>;
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw failure(`integrity_check: ${String(integrity)}`);
      const chain = walkChain(db);
      if (!chain.ok) throw failure(chain.problem);
      const armoury = db.prepare('SELECT code, name, kind FROM armoury WHERE id = 1').get() as
        | { code: string; name: string; kind: 'armoury' | 'commission' }
        | undefined;
      if (!armoury) throw failure('no armoury in the database');
      const weapons = (db.prepare('SELECT COUNT(*) AS n FROM weapons').get() as { n: number }).n;
      facts = { armouryCode: armoury.code, armouryName: armoury.name, kind: armoury.kind, head: chain.head, events: chain.events, weapons, schemaVersion };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw failure(error instanceof Error ? error.message : String(error));
    }
    db.close();
    return { ...facts, ...sha256File(path) };
  } finally {
    if (db.open) db.close();
  }
}
