import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

/**
 * Baselines for the snapshot figures, in the same run on the same bytes: what the export and the
 * import cannot avoid doing (hash, write; verify the chain, insert the rows), without anything
 * else the app does (checks, caps, signature, projections, indexes, search).
 */

/** SHA-256 of a file's bytes and a copy of them written to `copy` (fsynced): chunks read from the page cache. */
export function hashAndWrite(path: string, copy: string): { hashMs: number; writeMs: number; bytes: number } {
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  const input = openSync(path, 'r');
  const output = openSync(copy, 'w');
  const hash = createHash('sha256');
  let hashMs = 0;
  let writeMs = 0;
  let bytes = 0;
  try {
    for (let n: number; (n = readSync(input, chunk, 0, chunk.length, null)) > 0; ) {
      const t0 = performance.now();
      hash.update(chunk.subarray(0, n));
      const t1 = performance.now();
      for (let done = 0; done < n; ) done += writeSync(output, chunk, done, n - done);
      writeMs += performance.now() - t1;
      hashMs += t1 - t0;
      bytes += n;
    }
    const t = performance.now();
    fsyncSync(output);
    writeMs += performance.now() - t;
    hash.digest();
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return { hashMs, writeMs, bytes };
}

/** The stored entries of a snapshot archive (the layout Gardien writes), without any check. */
function entries(file: Buffer): Map<string, Buffer> {
  const end = file.length - 22;
  const total = file.readUInt16LE(end + 10);
  let p = file.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < total; i++) {
    const nameLength = file.readUInt16LE(p + 28);
    const size = file.readUInt32LE(p + 24);
    const local = file.readUInt32LE(p + 42);
    const name = file.toString('latin1', p + 46, p + 46 + nameLength);
    const data = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    out.set(name, file.subarray(data, data + size));
    p += 46 + nameLength + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
  }
  return out;
}

const field = (line: Buffer, key: string, length?: number): string => {
  const at = line.indexOf(`"${key}":"`) + key.length + 4;
  return line.toString('latin1', at, length === undefined ? line.indexOf('"', at) : at + length);
};

/**
 * Raw chain verification (SHA-256 of each event line, each prev equal to the previous hash) and
 * a plain insert of the same rows as the import's (events, weapons) into tables with only their
 * primary keys, one transaction per file, with the app's durability settings.
 */
export function rawImport(dbPath: string, files: readonly { code: string; file: string }[]): { ms: number; events: number; weapons: number } {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE raw_events (armoury TEXT NOT NULL, seq INTEGER NOT NULL, hash BLOB NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, body BLOB NOT NULL,
             PRIMARY KEY (armoury, seq)) STRICT, WITHOUT ROWID;
           CREATE TABLE raw_weapons (armoury TEXT NOT NULL, id INTEGER NOT NULL, national_code TEXT NOT NULL, serial TEXT NOT NULL, manufacturer TEXT NOT NULL,
             model TEXT NOT NULL, type TEXT NOT NULL, calibre TEXT NOT NULL, agency TEXT NOT NULL, status TEXT NOT NULL, country TEXT NOT NULL, year INTEGER,
             registered_at TEXT NOT NULL, updated_seq INTEGER NOT NULL, PRIMARY KEY (armoury, id)) STRICT;`);
  const insertEvent = db.prepare('INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?)');
  const insertWeapon = db.prepare('INSERT INTO raw_weapons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let events = 0;
  let weapons = 0;
  const started = performance.now();
  try {
    for (const { code, file } of files) {
      const parts = entries(readFileSync(file));
      const body = parts.get('events.ndjson') ?? Buffer.alloc(0);
      db.transaction(() => {
        let prev = '0'.repeat(64);
        let seq = 0;
        for (let start = 0; start < body.length; ) {
          const nl = body.indexOf(0x0a, start);
          const line = body.subarray(start, nl);
          start = nl + 1;
          if (field(line, 'prev', 64) !== prev) throw new Error(`${code}: broken chain after seq ${seq}`);
          const hash = createHash('sha256').update(line).digest();
          prev = hash.toString('hex');
          seq++;
          insertEvent.run(code, seq, hash, field(line, 'type'), field(line, 'at'), line);
          events++;
        }
        const state = parts.get('state/weapons.ndjson') ?? Buffer.alloc(0);
        for (let start = 0; start < state.length; ) {
          const nl = state.indexOf(0x0a, start);
          const w = JSON.parse(state.toString('utf8', start, nl)) as Record<string, string | number | null>;
          start = nl + 1;
          insertWeapon.run(code, w.id, w.nationalCode, w.serial, w.manufacturer, w.model, w.type, w.calibre, w.agency, w.status, w.countryOfManufacture, w.yearOfManufacture, w.registeredAt, w.updatedSeq);
          weapons++;
        }
      })();
    }
    return { ms: performance.now() - started, events, weapons };
  } finally {
    db.close();
  }
}
