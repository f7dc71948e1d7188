/* The entries that grow with the armoury, streamed from the export's read connection into the archive. */
import type { Db } from '../db/open';
import { breathe } from '../jobs';
import type { Checkpoint } from './checkpoint';
import { ENTRY } from './rejection';
import type { SnapshotLot, SnapshotWeapon } from './state';
import type { WrittenEntry, ZipFileWriter } from './zip-write';

/** How far the export is, shared by the entries it streams. */
export interface Progress {
  done: number;
  total: number;
  report: (done: number, total: number) => void;
}

const NL = Buffer.from('\n');
const CHUNK = 256 * 1024;

/** Collects small buffers into ~256 KiB writes: one CRC/SHA update per chunk, not per line. */
class Chunker {
  private parts: Buffer[] = [];
  private bytes = 0;
  constructor(private readonly zip: ZipFileWriter) {}
  push(b: Buffer): void {
    this.parts.push(b);
    this.bytes += b.length;
    if (this.bytes >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.bytes === 0) return;
    this.zip.write(Buffer.concat(this.parts, this.bytes));
    this.parts = [];
    this.bytes = 0;
  }
}

/** The journal's stored bytes, streamed in seq order; a gap would be a damaged journal, not a snapshot. */
export async function writeEvents(db: Db, zip: ZipFileWriter, cp: Checkpoint, progress: Progress, batch: number): Promise<WrittenEntry> {
  zip.begin(ENTRY.events);
  const out = new Chunker(zip);
  let expected = cp.fromSeq;
  const rows = db.prepare('SELECT seq, body FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq').iterate(cp.fromSeq, cp.toSeq) as IterableIterator<{
    seq: number;
    body: Buffer;
  }>;
  for (const row of rows) {
    if (row.seq !== expected) throw new Error(`the journal skips from seq ${expected - 1} to ${row.seq}: run verify`);
    out.push(row.body);
    out.push(NL);
    expected++;
    progress.done++;
    if ((expected - cp.fromSeq) % batch === 0) {
      progress.report(progress.done, progress.total);
      await breathe();
    }
  }
  if (expected !== cp.toSeq + 1) throw new Error(`the journal ends at seq ${expected - 1}, expected ${cp.toSeq}`);
  out.flush();
  progress.report(progress.done, progress.total);
  return zip.end();
}

export async function writeLines<T>(zip: ZipFileWriter, name: string, rows: Iterable<T>, line: (row: T) => string, expected: number, progress: Progress): Promise<WrittenEntry> {
  zip.begin(name);
  const out = new Chunker(zip);
  let n = 0;
  for (const row of rows) {
    out.push(Buffer.from(`${line(row)}\n`, 'utf8'));
    progress.done++;
    if (++n % 20_000 === 0) {
      progress.report(progress.done, progress.total);
      await breathe();
    }
  }
  if (n !== expected) throw new Error(`${name}: ${n} rows, counted ${expected}`);
  out.flush();
  progress.report(progress.done, progress.total);
  return zip.end();
}

export function weaponRows(db: Db): Iterable<SnapshotWeapon> {
  return db
    .prepare(
      `SELECT id, national_code AS nationalCode, serial, manufacturer, model, type, calibre, agency, status,
              country AS countryOfManufacture, year AS yearOfManufacture, registered_at AS registeredAt, updated_seq AS updatedSeq
       FROM weapons ORDER BY id`,
    )
    .iterate() as IterableIterator<SnapshotWeapon>;
}

export function lotRows(db: Db): Iterable<SnapshotLot> {
  return db
    .prepare(
      `SELECT l.id, l.lot_number AS lotNumber, l.nature, l.calibre,
              COALESCE((SELECT SUM(b.quantity) FROM ammo_balances b WHERE b.lot_id = l.id), 0) AS rounds
       FROM lots l ORDER BY l.id`,
    )
    .iterate() as IterableIterator<SnapshotLot>;
}
