import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The tamper suite's own ZIP code, written from APPNOTE and docs/snapshot-format.md rather than
 * borrowed from the reader under test: a layout reader for the archives Gardien writes (where
 * every header, name and data byte lies, so a flipped bit can be classified) and a writer with
 * every knob a hostile archive might turn.
 */

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
export const ZIP64_LOCATOR_SIG = 0x07064b50;
export const LOCAL_FIXED = 30;
export const CENTRAL_FIXED = 46;
export const END_FIXED = 22;
/** What Gardien writes: version made by Unix 2.0, version needed 1.0, a regular rw-r--r-- file. */
export const MADE_BY = (3 << 8) | 20;
export const NEEDED = 10;
export const REGULAR_644 = (0o100644 << 16) >>> 0;

export interface EntryLayout {
  name: string;
  /** Offset of the local header, of the data, and the data's length. */
  local: number;
  nameLength: number;
  data: number;
  size: number;
  /** Offset of this entry's central directory record. */
  central: number;
}

export interface Layout {
  entries: EntryLayout[];
  cdOffset: number;
  cdSize: number;
  end: number;
  length: number;
}

/** Reads the layout of a well-formed snapshot archive (a real export); throws on anything else. */
export function layoutOf(file: Buffer): Layout {
  const end = file.length - END_FIXED;
  if (end < 0 || file.readUInt32LE(end) !== END_SIG) throw new Error('layoutOf: no end record at the end');
  const total = file.readUInt16LE(end + 10);
  const cdSize = file.readUInt32LE(end + 12);
  const cdOffset = file.readUInt32LE(end + 16);
  const entries: EntryLayout[] = [];
  let p = cdOffset;
  for (let i = 0; i < total; i++) {
    if (file.readUInt32LE(p) !== CENTRAL_SIG) throw new Error(`layoutOf: central record ${i} damaged`);
    const nameLength = file.readUInt16LE(p + 28);
    const size = file.readUInt32LE(p + 24);
    const local = file.readUInt32LE(p + 42);
    const name = file.toString('latin1', p + CENTRAL_FIXED, p + CENTRAL_FIXED + nameLength);
    if (file.readUInt32LE(local) !== LOCAL_SIG) throw new Error(`layoutOf: local header of ${name} missing`);
    entries.push({ name, local, nameLength, data: local + LOCAL_FIXED + nameLength, size, central: p });
    p += CENTRAL_FIXED + nameLength + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
  }
  return { entries, cdOffset, cdSize, end, length: file.length };
}

/** The entries of a well-formed archive, name -> bytes (copies). */
export function entriesOf(file: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of layoutOf(file).entries) out.set(e.name, Buffer.from(file.subarray(e.data, e.data + e.size)));
  return out;
}

/** One entry to write; every optional field is something Gardien never writes. */
export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** 8 = deflate the data (a compressed entry, bombs included). */
  method?: number;
  flags?: number;
  extra?: Buffer;
  crc?: number;
  /** The size the headers claim (default: the real one). */
  claimedSize?: number;
  versionNeeded?: number;
  externalAttrs?: number;
  madeBy?: number;
  localName?: string | Buffer;
  comment?: Buffer;
}

export interface ZipOptions {
  /** Bytes of an archive comment (the end record's). */
  comment?: Buffer;
  /** DOS time and date in every header. */
  time?: number;
  date?: number;
}

const bytesOf = (name: string | Buffer): Buffer => (typeof name === 'string' ? Buffer.from(name, 'utf8') : name);

/** A ZIP archive laid out as Gardien lays it out (local headers and data, central directory, end record). */
export function writeZip(entries: readonly RawEntry[], options: ZipOptions = {}): Buffer {
  const time = options.time ?? 0x6000;
  const date = options.date ?? 0x5a21;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = bytesOf(e.name);
    const localName = e.localName === undefined ? name : bytesOf(e.localName);
    const method = e.method ?? 0;
    const stored = method === 8 ? deflateRawSync(e.data, { level: 9 }) : e.data;
    const crc = e.crc ?? crc32(e.data) >>> 0;
    const size = e.claimedSize ?? e.data.length;
    const compressed = method === 0 ? size : stored.length;
    const extra = e.extra ?? Buffer.alloc(0);
    const comment = e.comment ?? Buffer.alloc(0);
    const local = Buffer.alloc(LOCAL_FIXED);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(e.versionNeeded ?? NEEDED, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const c = Buffer.alloc(CENTRAL_FIXED);
    c.writeUInt32LE(CENTRAL_SIG, 0);
    c.writeUInt16LE(e.madeBy ?? MADE_BY, 4);
    c.writeUInt16LE(e.versionNeeded ?? NEEDED, 6);
    c.writeUInt16LE(e.flags ?? 0, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(compressed, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt16LE(comment.length, 32);
    c.writeUInt32LE(e.externalAttrs ?? REGULAR_644, 38);
    c.writeUInt32LE(offset, 42);
    parts.push(local, localName, extra, stored);
    central.push(c, name, extra, comment);
    offset += LOCAL_FIXED + localName.length + extra.length + stored.length;
  }
  const cd = Buffer.concat(central);
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(END_FIXED);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment]);
}

/** An archive of plain stored entries, in the given order. */
export function zipOf(files: readonly { name: string; data: Buffer }[]): Buffer {
  return writeZip(files.map((f) => ({ name: f.name, data: f.data })));
}
