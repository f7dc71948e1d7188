import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupContents } from '../../../shared/domain/backup';
import { LATEST_VERSION } from '../db/migrations';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import { AppError, DatabaseFromFutureError } from '../errors';
import { verifyDatabase } from '../journal/verify';
import { removeDatabaseFiles, settleAndVerifyCopy, tempPathBeside } from './copy';
import { stamp } from './names';
import { decryptChunks, fileSource, openBackup, type BackupSecret } from './read';

export interface CurrentDatabase {
  code: string;
  headSeq: number;
}

export interface PreparedRestore {
  /** The decrypted, verified database, beside the one it will replace. */
  tempPath: string;
  contents: BackupContents;
}

export interface PrepareOptions {
  /** The database the backup would replace (its folder takes the temporary file). */
  dbPath: string;
  current: CurrentDatabase | null;
  allowOtherArmoury?: boolean;
  /** Replay the journal and compare the projections (restore); inspect checks integrity and chain only. */
  replay: boolean;
  step?: ((done: number, total: number, item: string) => void) | undefined;
  between?: (() => Promise<void>) | undefined;
}

const invalid = (detail: string) =>
  new AppError('backup_invalid_database', `the database in the backup failed its check: ${detail}`, { params: { detail } });

/**
 * Decrypts a backup to a temporary file beside `dbPath` and verifies it; the open database is not
 * touched. Refuses (typed): unreadable, not a backup, newer format or schema, wrong passphrase,
 * another armoury's (unless allowed), damaged, or a database inside that fails its checks.
 * The caller commits (commitRestore) or discards (discardRestore) the result.
 */
export async function prepareRestore(backupPath: string, secret: BackupSecret, options: PrepareOptions): Promise<PreparedRestore> {
  const source = fileSource(backupPath);
  const tempPath = tempPathBeside(options.dbPath, 'restore');
  try {
    const opened = openBackup(source, secret);
    const { header } = opened;
    if (header.schemaVersion > LATEST_VERSION) {
      throw new AppError('backup_from_future', `backup schema ${header.schemaVersion} is newer than ${LATEST_VERSION}`, {
        params: { found: header.schemaVersion, supported: LATEST_VERSION },
      });
    }
    if (options.current && header.armoury.code !== options.current.code && !options.allowOtherArmoury) {
      throw new AppError('backup_other_armoury', `backup of ${header.armoury.code}, this is ${options.current.code}`, {
        params: { found: header.armoury.code, current: options.current.code },
      });
    }
    options.step?.(0, header.chunks + 2, source.name);
    const fd = openSync(tempPath, 'wx', 0o600);
    try {
      await decryptChunks(source, opened, (plain) => writeAll(fd, plain), async (i) => {
        options.step?.(i + 1, header.chunks + 2, source.name);
        await options.between?.();
      });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const facts = settleAndVerifyCopy(tempPath, invalid);
    if (facts.head.seq !== header.head.seq || facts.head.hash !== header.head.hash || facts.armouryCode !== header.armoury.code) {
      throw invalid('the database does not match the header');
    }
    if (options.replay) {
      options.step?.(header.chunks + 1, header.chunks + 2, 'verify');
      replayCheck(tempPath);
    }
    return {
      tempPath,
      contents: {
        fileName: source.name, format: header.format, armouryCode: header.armoury.code, armouryName: header.armoury.name, kind: header.kind,
        reason: header.reason, createdAt: header.createdAt, headSeq: facts.head.seq, headHash: facts.head.hash,
        schemaVersion: facts.schemaVersion, weapons: facts.weapons, events: facts.events, size: source.size, databaseSize: facts.size,
        sameArmoury: options.current?.code === header.armoury.code, currentHeadSeq: options.current?.headSeq ?? null,
      },
    };
  } catch (error) {
    removeDatabaseFiles(tempPath);
    if (error instanceof DatabaseFromFutureError) {
      throw new AppError('backup_from_future', error.message, { params: { found: error.found, supported: error.supported } });
    }
    if (error instanceof AppError) throw error;
    throw new AppError('restore_failed', `restore failed: ${String(error)}`, { params: { detail: error instanceof Error ? error.message : String(error) } });
  } finally {
    source.close();
  }
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/**
 * Opens the restored file as Gardien would (older schemas are migrated here) and runs the full
 * verification: integrity, journal guards, chain, replay compared with every projection.
 */
function replayCheck(path: string): void {
  let db: Db;
  try {
    db = openDatabase(path);
  } catch (error) {
    if (error instanceof AppError && error.code === 'database_from_future') throw error;
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  try {
    const report = verifyDatabase(db);
    if (!report.ok) throw invalid(report.problems[0] ?? 'verification failed');
  } finally {
    closeDatabase(db);
  }
}

/** Removes a prepared restore that will not be used. */
export function discardRestore(prepared: PreparedRestore): void {
  removeDatabaseFiles(prepared.tempPath);
}

/**
 * With the database closed: moves it (and its -wal/-shm) aside as
 * `<name>.before-restore-<stamp>.sqlite`, never overwriting anything, then moves the restored file
 * into its place. Returns the name kept aside (null when there was no database). If the second
 * move fails, the first is undone.
 */
export function commitRestore(prepared: PreparedRestore, dbPath: string, at: Date): string | null {
  const dir = dirname(dbPath);
  let aside: string | null = null;
  if (existsSync(dbPath)) {
    const base = basename(dbPath).replace(/\.sqlite$/, '');
    let name = `${base}.before-restore-${stamp(at)}.sqlite`;
    for (let n = 2; ['', '-wal', '-shm'].some((s) => existsSync(join(dir, name + s))); n++) name = `${base}.before-restore-${stamp(at)}-${n}.sqlite`;
    aside = join(dir, name);
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
    renameSync(dbPath, aside);
  }
  try {
    for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(prepared.tempPath + suffix)) throw new Error(`restored copy left a ${suffix} file`);
    renameSync(prepared.tempPath, dbPath);
    syncFolder(dir);
  } catch (error) {
    if (aside) {
      renameSync(aside, dbPath);
      for (const suffix of ['-wal', '-shm']) if (existsSync(aside + suffix)) renameSync(aside + suffix, dbPath + suffix);
    }
    throw new AppError('restore_failed', `restore failed: ${String(error)}`, { params: { detail: error instanceof Error ? error.message : String(error) } });
  }
  return aside ? basename(aside) : null;
}

/** Undoes commitRestore when the restored file will not open: it goes aside, the previous one comes back. */
export function undoRestore(dbPath: string, keptAside: string, at: Date): void {
  const dir = dirname(dbPath);
  const failedName = join(dir, `${basename(dbPath).replace(/\.sqlite$/, '')}.failed-restore-${stamp(at)}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, failedName + suffix);
  const aside = join(dir, keptAside);
  for (const suffix of ['-wal', '-shm', '']) if (existsSync(aside + suffix)) renameSync(aside + suffix, dbPath + suffix);
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; the rename itself is done.
  }
}

