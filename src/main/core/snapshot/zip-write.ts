import { createHash, type Hash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { LIMITS } from './rejection';
import { centralHeader, crc32, dosDateTime, endRecord, LOCAL_CRC_OFFSET, localHeader, type HeaderFields } from './zip-format';

/** One entry for the in-memory writer; the optional fields let tests write what Gardien never does. */
export interface ZipEntryInput {
  name: string;
  data: Uint8Array;
  method?: number;
  flags?: number;
  extra?: Buffer;
  /** A CRC other than the data's. */
  crc?: number;
  versionNeeded?: number;
  externalAttrs?: number;
  /** A name in the local header other than the central directory's. */
  localName?: string;
}

/**
 * A whole snapshot archive in memory, laid out exactly as the exporter writes it to disk. For
 * tests (re-zipping modified entries) and small files; the exporter streams with ZipFileWriter.
 */
export function writeSnapshotZip(entries: readonly ZipEntryInput[], options: { at?: Date } = {}): Buffer {
  const { time, date } = dosDateTime(options.at ?? new Date(Date.UTC(2020, 0, 1)));
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const fields: HeaderFields = {
      name: Buffer.from(e.name, 'utf8'), crc: e.crc ?? crc32(data), size: data.length, time, date,
      ...(e.method !== undefined ? { method: e.method } : {}),
      ...(e.flags !== undefined ? { flags: e.flags } : {}),
      ...(e.extra !== undefined ? { extra: e.extra } : {}),
      ...(e.versionNeeded !== undefined ? { versionNeeded: e.versionNeeded } : {}),
    };
    const local = localHeader({ ...fields, name: Buffer.from(e.localName ?? e.name, 'utf8') });
    central.push(centralHeader({ ...fields, offset, ...(e.externalAttrs !== undefined ? { externalAttrs: e.externalAttrs } : {}) }));
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...parts, cd, endRecord(entries.length, cd.length, offset)]);
}

/** What the writer learnt about one entry while writing it. */
export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

const FLUSH_BYTES = 1024 * 1024;

/**
 * Streams a snapshot archive into an open file: each entry's local header is written with a zero
 * CRC and sizes, the data follows in buffered writes (CRC-32 and SHA-256 computed on the way),
 * then the header's CRC and sizes are patched with a positional write. No data descriptors, so
 * the result is the same bytes writeSnapshotZip would build.
 */
export class ZipFileWriter {
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly central: Buffer[] = [];
  private readonly time: number;
  private readonly date: number;
  private entry: { name: Buffer; offset: number; crc: number; size: number; hash: Hash } | null = null;

  constructor(
    private readonly fd: number,
    at: Date,
    private readonly maxBytes: number = LIMITS.fileBytes,
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(at));
  }

  begin(name: string): void {
    if (this.entry) throw new Error(`zip: entry ${this.entry.name.toString()} is still open`);
    const nameBytes = Buffer.from(name, 'utf8');
    this.entry = { name: nameBytes, offset: this.offset, crc: 0, size: 0, hash: createHash('sha256') };
    this.put(localHeader({ name: nameBytes, crc: 0, size: 0, time: this.time, date: this.date }));
  }

  write(chunk: Buffer): void {
    const e = this.entry;
    if (!e) throw new Error('zip: no entry is open');
    e.crc = crc32(chunk, e.crc);
    e.hash.update(chunk);
    e.size += chunk.length;
    this.put(chunk);
  }

  end(): WrittenEntry {
    const e = this.entry;
    if (!e) throw new Error('zip: no entry is open');
    this.flush();
    const patch = Buffer.alloc(12);
    patch.writeUInt32LE(e.crc >>> 0, 0);
    patch.writeUInt32LE(e.size, 4);
    patch.writeUInt32LE(e.size, 8);
    writeAll(this.fd, patch, e.offset + LOCAL_CRC_OFFSET);
    this.central.push(centralHeader({ name: e.name, crc: e.crc, size: e.size, time: this.time, date: this.date, offset: e.offset }));
    this.entry = null;
    return { name: e.name.toString('utf8'), size: e.size, sha256: e.hash.digest('hex') };
  }

  add(name: string, data: Buffer): WrittenEntry {
    this.begin(name);
    this.write(data);
    return this.end();
  }

  /** Writes the central directory and the end record; returns the archive's size. */
  finish(): number {
    if (this.entry) throw new Error('zip: an entry is still open');
    const cd = Buffer.concat(this.central);
    const cdOffset = this.offset;
    this.put(cd);
    this.put(endRecord(this.central.length, cd.length, cdOffset));
    this.flush();
    return this.offset;
  }

  private put(chunk: Buffer): void {
    // The reader refuses more (and ZIP without ZIP64 cannot say more than 4 GiB).
    if (this.offset + chunk.length > this.maxBytes) throw new SnapshotTooLarge(this.maxBytes);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.offset += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    writeAll(this.fd, data, this.offset - this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

export class SnapshotTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the snapshot would exceed ${limit} bytes`);
    this.name = 'SnapshotTooLarge';
  }
}

/** writeSync may write less than asked: loop until all of it is on its way to the disk. */
function writeAll(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}
