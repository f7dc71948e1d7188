/**
 * The workload rules of the crash checks: an import is all or nothing, and an output folder holds
 * only temporary files and complete, verifiable files under their final names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { GardienApp } from '../../../../src/main/core/app';
import type { Db } from '../../../../src/main/core/db/open';
import { openSnapshot, verifySnapshot } from '../../../../src/main/core/snapshot/read';
import { BACKUP_EXTENSION } from '../../../../src/shared/domain/backup';
import { SNAPSHOT_EXTENSION } from '../../../../src/shared/domain/snapshot';

export interface FolderFacts {
  /** Files under their final name, each complete and verified. */
  complete: number;
  /** Temporary files left by a write the kill interrupted (never under a final name). */
  temporary: number;
  /**
   * Complete snapshots renamed into place whose snapshot.exported did not commit: the kill fell
   * between the rename and the commit (the next export takes the number again).
   */
  orphans: number;
  /** Temporary files left beside the database (the plaintext copy a backup encrypts). */
  besideDatabase: number;
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Either none of the file's rows and no import.completed, or all of them and exactly one. */
export function checkImport(db: Db, input: { baseWeapons: number; importRows: number; report: { done: unknown } }): { problems: string[]; imported: 'none' | 'all' | null } {
  const weapons = count(db, 'SELECT COUNT(*) AS n FROM weapons');
  const completed = count(db, "SELECT COUNT(*) AS n FROM events WHERE type = 'import.completed'");
  const imports = count(db, 'SELECT COUNT(*) AS n FROM imports');
  if (weapons === input.baseWeapons && completed === 0 && imports === 0) {
    return { problems: input.report.done ? ['the import said it was done, but none of its rows is in the database'] : [], imported: 'none' };
  }
  if (weapons === input.baseWeapons + input.importRows && completed === 1 && imports === 1) return { problems: [], imported: 'all' };
  return { problems: [`a partial import: ${weapons - input.baseWeapons} of ${input.importRows} rows, ${completed} import.completed, ${imports} imports`], imported: null };
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A name written by a temp-then-rename writer: hidden, ending in .tmp. */
const isTemporary = (name: string) => name.startsWith('.') && name.endsWith('.tmp');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every file under a final name opens and verifies with the armoury's key and ends at an event of
 * this database with the same hash; every recorded snapshot's file is there byte for byte; a file
 * not recorded (at most one) is the next number, the export the kill interrupted after its rename.
 */
export function checkSnapshotFolder(db: Db, dir: string): { problems: string[]; facts: FolderFacts } {
  const problems: string[] = [];
  const facts: FolderFacts = { complete: 0, temporary: 0, orphans: 0, besideDatabase: 0 };
  const armoury = (db.prepare('SELECT code FROM armoury WHERE id = 1').get() as { code: string }).code;
  const recorded = new Map(
    (db.prepare('SELECT number, file_name, file_sha256 FROM snapshots').all() as { number: number; file_name: string; file_sha256: string }[]).map((r) => [r.file_name, r]),
  );
  const lastNumber = Math.max(0, ...[...recorded.values()].map((r) => r.number));
  const keyOf = db.prepare('SELECT public_key FROM signing_keys WHERE key_id = ?');
  const hashAt = db.prepare('SELECT hash FROM events WHERE seq = ?');
  const names = listFolder(dir);
  for (const name of names) {
    if (isTemporary(name)) {
      facts.temporary++;
      continue;
    }
    const match = new RegExp(`^${armoury}-(\\d{6})\\${SNAPSHOT_EXTENSION}$`).exec(name);
    if (!match) {
      problems.push(`unexpected file in the exports folder: ${name}`);
      continue;
    }
    const bytes = readFileSync(join(dir, name));
    try {
      const opened = openSnapshot(bytes);
      const key = keyOf.get(opened.keyId) as { public_key: string } | undefined;
      if (!key) throw new Error(`signed by unknown key ${opened.keyId}`);
      const cp = verifySnapshot(opened, key.public_key, { armoury }).checkpoint;
      const at = hashAt.get(cp.toSeq) as { hash: Buffer } | undefined;
      if (at?.hash.toString('hex') !== cp.head) throw new Error(`its head (seq ${cp.toSeq}) is not this database's event`);
      facts.complete++;
    } catch (error) {
      problems.push(`${name} is under its final name but does not verify: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const row = recorded.get(name);
    if (row) {
      if (sha256(bytes) !== row.file_sha256) problems.push(`${name} differs from the file snapshot ${row.number} recorded`);
    } else if (Number(match[1]) === lastNumber + 1) facts.orphans++;
    else problems.push(`${name} is not recorded and is not the export under way (last recorded ${lastNumber})`);
  }
  if (facts.orphans > 1) problems.push(`${facts.orphans} unrecorded snapshots`);
  for (const name of recorded.keys()) if (!names.includes(name)) problems.push(`recorded snapshot ${name} is missing from the folder`);
  return { problems, facts };
}

/**
 * Every backup under its final name decrypts and verifies (backups.inspect) and ends at an event
 * of this database with the same hash; every recorded backup (backup.made) is there byte for byte;
 * a file not recorded (at most one) is the backup the kill interrupted between its rename and its
 * record. Anything else in the folder must be a temporary file. Beside the database, a plaintext
 * copy the kill left (`.backup-….sqlite.tmp`) is counted.
 */
export async function checkBackupFolder(app: GardienApp, dir: string, passphrase: string): Promise<{ problems: string[]; facts: FolderFacts }> {
  const problems: string[] = [];
  const facts: FolderFacts = { complete: 0, temporary: 0, orphans: 0, besideDatabase: 0 };
  const db = app.store?.db;
  if (!db) return { problems: ['no database open'], facts };
  facts.besideDatabase = listFolder(app.options.dataDir).filter((n) => isTemporary(n)).length;
  const recorded = new Map((db.prepare('SELECT file_name, sha256 FROM backups WHERE folder = ?').all(dir) as { file_name: string; sha256: string }[]).map((r) => [r.file_name, r.sha256]));
  const hashAt = db.prepare('SELECT hash FROM events WHERE seq = ?');
  const names = listFolder(dir);
  for (const name of names) {
    if (isTemporary(name)) {
      facts.temporary++;
      continue;
    }
    if (!name.endsWith(BACKUP_EXTENSION)) {
      problems.push(`unexpected file in the backup folder: ${name}`);
      continue;
    }
    const path = join(dir, name);
    app.grantBackupPaths([path]);
    const r = await app.router.call('backups.inspect', { path, passphrase });
    if (!r.ok) {
      problems.push(`${name} is under its final name but does not verify: ${JSON.stringify(r.error)}`);
      continue;
    }
    const contents = r.value as { headSeq: number; headHash: string };
    const at = hashAt.get(contents.headSeq) as { hash: Buffer } | undefined;
    if (at?.hash.toString('hex') !== contents.headHash) {
      problems.push(`${name}: its head (seq ${contents.headSeq}) is not this database's event`);
      continue;
    }
    facts.complete++;
    const sha = recorded.get(name);
    if (sha === undefined) facts.orphans++;
    else if (sha !== sha256(readFileSync(path))) problems.push(`${name} differs from the file backup.made recorded`);
  }
  if (facts.orphans > 1) problems.push(`${facts.orphans} unrecorded backups`);
  for (const name of recorded.keys()) if (!names.includes(name)) problems.push(`recorded backup ${name} is missing from the folder`);
  return { problems, facts };
}
