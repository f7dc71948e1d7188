import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupReason } from '../../../shared/domain/backup';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { removeDatabaseFiles, settleAndVerifyCopy, sha256File, tempPathBeside, type CopyFacts } from './copy';
import type { BackupKey } from './key';
import { backupFileName } from './names';
import { decryptChunks, fileSource, openBackup } from './read';
import { encryptToFile } from './write';

export interface MakeBackupOptions {
  db: Db;
  folder: string;
  key: BackupKey;
  reason: BackupReason;
  now: Date;
  /** Progress: 0..total over copy, encryption and re-read. */
  step?: ((done: number, total: number, item: string) => void) | undefined;
  between?: (() => Promise<void>) | undefined;
  /** Tests: runs after the copy is taken and before it is verified (a writer that keeps going). */
  afterCopy?: (() => void) | undefined;
  /** Tests: smaller chunks, so that a small database spans several. */
  chunkSize?: number | undefined;
}

export interface MadeBackup {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
  facts: CopyFacts;
}

const failed = (detail: string) => new AppError('backup_failed', `backup failed: ${detail}`, { params: { detail } });
const sourceInvalid = (detail: string) => new AppError('backup_source_invalid', `the copy failed its check: ${detail}`, { params: { detail } });

/**
 * The folder must already exist: creating it would put the backup on the PC when the stick is out.
 * With `probe`, a small file is written and removed to show that it takes files (a read-only stick).
 */
export function assertFolder(folder: string, probe = false): void {
  let detail: string | null = null;
  try {
    if (!statSync(folder).isDirectory()) detail = 'not a folder';
  } catch {
    detail = 'missing';
  }
  if (!detail && probe) {
    const path = join(folder, `.gardien-probe-${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(path, 'gardien', { flag: 'wx' });
    } catch (error) {
      detail = (error as NodeJS.ErrnoException).code ?? 'not writable';
    } finally {
      rmSync(path, { force: true });
    }
  }
  if (detail) {
    throw new AppError('backup_folder_unavailable', `backup folder ${folder} is not available: ${detail}`, {
      params: { folder, detail }, fields: { folder: { code: 'folder_unavailable' } },
    });
  }
}

/**
 * One backup, good or nothing: SQLite's backup API copies the open database to a temporary file
 * beside it; the copy is settled and verified (integrity, chain, head still in the source);
 * encrypted into the folder through a temporary name; then the file as written is read back and
 * decrypted to the copy's SHA-256. Any failure removes what it wrote and throws a typed error.
 */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const { db, folder, key, now } = options;
  assertFolder(folder);
  removeStaleTemps(dirname(db.name), /^\.(backup|restore)-[0-9a-f]{12}\.sqlite\.tmp(-wal|-shm|-journal)?$/);
  removeStaleTemps(folder, /^\..+\.gbak\.[0-9a-f]{12}\.tmp$/);
  const plain = tempPathBeside(db.name, 'backup');
  let finalPath: string | null = null;
  let kept = false;
  try {
    options.step?.(0, 3, 'copy');
    try {
      await db.backup(plain);
    } catch (error) {
      throw failed(`copy: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.afterCopy?.();
    const facts = settleAndVerifyCopy(plain, sourceInvalid);
    // The copy's head must be an event of the source as it is now: same seq, same hash.
    const source = db.prepare('SELECT hash FROM events WHERE seq = ?').get(facts.head.seq) as { hash: Buffer } | undefined;
    if (facts.head.seq > 0 && source?.hash.toString('hex') !== facts.head.hash) throw sourceInvalid(`head ${facts.head.seq} is not the database's`);
    options.step?.(1, 3, 'encrypt');

    const fileName = backupFileName(folder, facts.armouryCode, now);
    finalPath = join(folder, fileName);
    try {
      await encryptToFile(plain, finalPath, facts, {
        key: key.key, kdf: key.kdf, reason: options.reason, createdAt: now.toISOString(), between: options.between, chunkSize: options.chunkSize,
      });
    } catch (error) {
      finalPath = null;
      throw asWriteError(folder, error);
    }
    options.step?.(2, 3, fileName);

    // Read back what the file system holds under the final name and decrypt it to the copy's hash.
    const source2 = fileSource(finalPath);
    try {
      const opened = openBackup(source2, key);
      await decryptChunks(source2, opened, () => undefined, options.between);
      if (opened.header.plaintext.sha256 !== facts.sha256) throw failed('read back: another database');
    } catch (error) {
      throw error instanceof AppError && error.code === 'backup_failed' ? error : failed(`read back: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      source2.close();
    }
    const written = sha256File(finalPath);
    options.step?.(3, 3, fileName);
    kept = true;
    return { path: finalPath, fileName, size: written.size, sha256: written.sha256, facts };
  } finally {
    removeDatabaseFiles(plain);
    // A file that did not read back as the copy is not a backup: it does not stay under its name.
    if (!kept && finalPath && existsSync(finalPath)) rmSync(finalPath, { force: true });
  }
}

function asWriteError(folder: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') {
    return new AppError('backup_folder_unavailable', `cannot write to ${folder}: ${detail}`, {
      params: { folder, detail }, fields: { folder: { code: 'folder_unavailable' } },
    });
  }
  return failed(detail);
}

/**
 * Temporary files a killed process left (a plaintext copy beside the database, half an encrypted
 * file in the folder): removed once they are an hour old, so that a run in progress elsewhere (the
 * CLI at the same time) keeps its own.
 */
function removeStaleTemps(dir: string, pattern: RegExp): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!pattern.test(name)) continue;
      const path = join(dir, name);
      if (Date.now() - statSync(path).mtimeMs > 60 * 60 * 1000) rmSync(path, { force: true });
    }
  } catch {
    // Best effort: a folder that cannot be listed is reported by the backup itself.
  }
}
