import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SNAPSHOT_EXTENSION, type SnapshotSummary } from '../../../shared/domain/snapshot';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { decodeEvent, GENESIS_PREV } from '../journal/event';
import type { Store } from '../store';
import { FORMAT, formatCheckpoint, trustedCommentOf, type Checkpoint } from './checkpoint';
import { fileSha256, fsyncFolder } from './files';
import { loadSigningKey } from './keys';
import { signPrehashed } from './minisign';
import type { SnapshotExported } from './project';
import { ENTRY } from './rejection';
import { lotRows, weaponRows, writeEvents, writeLines } from './export-entries';
import { lotLine, weaponLine } from './state';
import { formatSums } from './sums';
import { SnapshotTooLarge, ZipFileWriter, type WrittenEntry } from './zip-write';

export interface ExportOptions {
  /** A full snapshot (from seq 1) rather than the events since the last export. The first export is always full. */
  full?: boolean;
  /** The folder to write `<ARMOURY>-<NNNNNN>.gsnap` into… */
  dir?: string;
  /** …or the exact file to write. */
  outPath?: string;
  /** The snapshot's created time (default: the store's clock). */
  now?: Date;
  /** Who exports (default: the lowest-id active manager, for the CLI). */
  actor?: number;
  /** Called between batches; a throw aborts the export and leaves nothing behind. */
  onProgress?: (done: number, total: number) => void;
  /** Events per batch between progress calls and pauses for the event loop. */
  batch?: number;
}

/** What the next export will cover, for a progress total before it starts. */
export function exportPlan(store: Store, full: boolean): { fromSeq: number; toSeq: number; total: number } {
  return plan(store.db, full);
}

function plan(db: Db, full: boolean) {
  const head = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number };
  const last = db.prepare('SELECT to_seq FROM snapshots ORDER BY number DESC LIMIT 1').get() as { to_seq: number } | undefined;
  const fromSeq = full || !last ? 1 : last.to_seq + 1;
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { fromSeq, toSeq: head.seq, total: Math.max(0, head.seq - fromSeq + 1) + count('weapons') + count('lots') };
}

interface Basis {
  checkpoint: Checkpoint;
  number: number;
}

/**
 * Writes a signed snapshot (docs/snapshot-format.md) and records snapshot.exported. Reads through
 * a second, read-only connection inside one read transaction, so the file is the journal and the
 * register exactly at to-seq even while the app keeps writing between batches. The file is
 * written under a temporary name in the destination folder, fsynced, renamed and the folder
 * fsynced; on any failure the temporary file is removed and nothing exists under the final name.
 */
export async function exportSnapshot(store: Store, options: ExportOptions = {}): Promise<SnapshotSummary> {
  const now = options.now ?? store.clock();
  const kind = store.s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: string } | undefined;
  if (kind?.kind !== 'armoury') throw new AppError('wrong_database_kind', 'only an armoury exports snapshots');
  const { key, info } = loadSigningKey(store);
  const reader = openReader(store);
  let tmp: string | null = null;
  let fd: number | null = null;
  try {
    const basis = readBasis(reader, options.full ?? false, now, info.keyId);
    const cp = basis.checkpoint;
    const fileName = `${cp.armoury}-${String(basis.number).padStart(6, '0')}${SNAPSHOT_EXTENSION}`;
    const finalPath = options.outPath ?? join(options.dir ?? '.', fileName);
    tmp = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
    fd = openSync(tmp, 'wx', 0o644);
    const total = cp.toSeq - cp.fromSeq + 1 + cp.weapons + cp.lots;
    const progress = { done: 0, total, report: options.onProgress ?? (() => undefined) };
    const zip = new ZipFileWriter(fd, now);

    const checkpointText = Buffer.from(formatCheckpoint(cp), 'utf8');
    const written: WrittenEntry[] = [zip.add(ENTRY.checkpoint, checkpointText)];
    written.push(await writeEvents(reader, zip, cp, progress, options.batch ?? 20_000));
    written.push(await writeLines(zip, ENTRY.weapons, weaponRows(reader), weaponLine, cp.weapons, progress));
    written.push(await writeLines(zip, ENTRY.lots, lotRows(reader), lotLine, cp.lots, progress));
    closeReader(reader);

    const sums = Buffer.from(formatSums(written.map((w) => ({ sha256: w.sha256, name: w.name }))), 'utf8');
    zip.add(ENTRY.sums, sums);
    zip.add(ENTRY.signature, Buffer.from(signPrehashed(sums, key, trustedCommentOf(cp)), 'utf8'));
    const size = zip.finish();
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    const sha = fileSha256(tmp);
    const data: SnapshotExported = {
      number: basis.number, full: cp.full, fromSeq: cp.fromSeq, toSeq: cp.toSeq, head: cp.head, weapons: cp.weapons, lots: cp.lots,
      keyId: cp.keyId, fileName: basename(finalPath), fileSha256: sha, size, checkpointSha256: sha256Hex(checkpointText),
    };
    record(store, data, options.actor, tmp, finalPath);
    tmp = null;
    const { checkpointSha256: _, ...summary } = data;
    return { ...summary, events: cp.toSeq - cp.fromSeq + 1, at: cp.created };
  } catch (error) {
    if (fd !== null) closeSync(fd);
    if (tmp !== null) rmSync(tmp, { force: true });
    throw asAppError(error);
  } finally {
    closeReader(reader);
  }
}

function openReader(store: Store): Db {
  const path = store.db.name;
  if (store.db.memory || !path) throw new AppError('export_failed', 'an in-memory database cannot be exported', { params: { detail: 'in-memory database' } });
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  reader.exec('BEGIN');
  return reader;
}

function closeReader(reader: Db): void {
  if (!reader.open) return;
  if (reader.inTransaction) reader.exec('ROLLBACK');
  reader.close();
}

/** Everything the checkpoint says, read in the reader's transaction (the first read fixes its view). */
function readBasis(db: Db, wantFull: boolean, now: Date, keyId: string): Basis {
  const armoury = db.prepare('SELECT code, name, agency, region, kind FROM armoury WHERE id = 1').get() as
    | { code: string; name: string; agency: string | null; region: string; kind: string }
    | undefined;
  if (armoury?.kind !== 'armoury') throw new AppError('wrong_database_kind', 'only an armoury exports snapshots');
  const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
  if (!head) throw new AppError('export_failed', 'the journal is empty', { params: { detail: 'empty journal' } });
  const last = db.prepare('SELECT number, seq, to_seq, head FROM snapshots ORDER BY number DESC LIMIT 1').get() as
    | { number: number; seq: number; to_seq: number; head: string }
    | undefined;
  const current = db.prepare("SELECT key_id FROM signing_keys WHERE state = 'current'").get() as { key_id: string } | undefined;
  if (current?.key_id !== keyId) throw new AppError('import_running', 'the signing key changed while the export started');
  const full = wantFull || !last;
  const fromSeq = full ? 1 : (last as { to_seq: number }).to_seq + 1;
  let previousCheckpoint: string | null = null;
  if (last) {
    const body = (db.prepare('SELECT body FROM events WHERE seq = ?').get(last.seq) as { body: Buffer } | undefined)?.body;
    const data = body ? (decodeEvent(body).data as Partial<SnapshotExported>) : {};
    if (typeof data.checkpointSha256 !== 'string') throw new Error(`snapshot ${last.number}: its event does not name its checkpoint`);
    previousCheckpoint = data.checkpointSha256;
  }
  const next = db.prepare("SELECT public_key, created_seq FROM signing_keys WHERE state = 'next'").get() as
    | { public_key: string; created_seq: number }
    | undefined;
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const firstPrev = full ? GENESIS_PREV : (last as { head: string }).head;
  const checkpoint: Checkpoint = {
    format: FORMAT,
    armoury: armoury.code,
    name: armoury.name,
    agency: armoury.agency ?? '',
    region: armoury.region,
    snapshot: (last?.number ?? 0) + 1,
    full,
    fromSeq,
    toSeq: head.seq,
    head: head.hash.toString('hex'),
    firstPrev,
    previousCheckpoint,
    created: now.toISOString(),
    keyId,
    // Announced by the file that carries its rotation event; it signs from the next file on.
    nextKey: next && next.created_seq >= fromSeq && next.created_seq <= head.seq ? next.public_key : null,
    weapons: count('weapons'),
    lots: count('lots'),
  };
  return { checkpoint, number: checkpoint.snapshot };
}

/**
 * Puts the file in place and records snapshot.exported in one journal write: under its write lock
 * a second exporter (another Gardien on the same file) cannot take the same number, and if the
 * journal refuses the event the renamed file is removed again.
 */
function record(store: Store, data: SnapshotExported, actor: number | undefined, tmp: string, path: string): void {
  let renamed = false;
  try {
    store.journal.write(() => {
      const last = store.s.sql('SELECT MAX(number) AS n FROM snapshots').get() as { n: number | null };
      if ((last.n ?? 0) !== data.number - 1) throw new AppError('import_running', `snapshot ${data.number} was exported meanwhile by another Gardien`);
      const by = actor ?? firstManager(store);
      renameSync(tmp, path);
      renamed = true;
      fsyncFolder(dirname(path));
      store.journal.append<SnapshotExported>({ type: 'snapshot.exported', actor: by, data });
    });
  } catch (error) {
    rmSync(renamed ? path : tmp, { force: true });
    throw error;
  }
}

function firstManager(store: Store): number {
  const row = store.s.sql("SELECT id FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  if (!row) throw new AppError('export_failed', 'no active manager to record the export', { params: { detail: 'no active manager' } });
  return row.id;
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** File system failures (full disk, read-only stick, missing folder) become a typed, translated error. */
function asAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof SnapshotTooLarge) return new AppError('snapshot_too_large', error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new AppError('export_failed', error.message, { params: { detail: code } });
  }
  return error;
}
