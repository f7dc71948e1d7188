import { crc32 } from 'node:zlib';

/**
 * The small subset of ZIP (APPNOTE 6.3) a snapshot uses: stored entries, sizes and CRC in the
 * local header (no data descriptor), no ZIP64, no extra fields, no comments. Anything else is
 * refused by the reader, so the writer and the reader share these layouts.
 */
export const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64Locator: 0x07064b50 } as const;
export const LOCAL_SIZE = 30;
export const CENTRAL_SIZE = 46;
export const END_SIZE = 22;
/** 1.0: enough to extract a stored entry. */
export const VERSION_NEEDED = 10;
/** Made by Unix (3), spec 2.0: lets unzip apply the regular-file mode below. */
export const VERSION_MADE_BY = (3 << 8) | 20;
/** A regular file, rw-r--r--, in the upper half as Unix zips write it. */
export const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0;
/** Offset of the CRC in the local header: crc, compressed size and size follow, patched after the data. */
export const LOCAL_CRC_OFFSET = 14;

export { crc32 };

/** MS-DOS date and time of `at` (UTC), as ZIP headers hold them; clamped to 1980, the format's epoch. */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = at.getUTCFullYear();
  if (!(year >= 1980 && year <= 2107)) return { time: 0, date: (1 << 5) | 1 }; // 1980-01-01 00:00
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return { time, date };
}

export interface HeaderFields {
  name: Buffer;
  crc: number;
  size: number;
  time: number;
  date: number;
  /** Tests only: what a foreign or hostile writer might put there. */
  method?: number;
  flags?: number;
  extra?: Buffer;
  versionNeeded?: number;
}

export function localHeader(f: HeaderFields): Buffer {
  const extra = f.extra ?? Buffer.alloc(0);
  const b = Buffer.alloc(LOCAL_SIZE + f.name.length + extra.length);
  b.writeUInt32LE(SIG.local, 0);
  b.writeUInt16LE(f.versionNeeded ?? VERSION_NEEDED, 4);
  b.writeUInt16LE(f.flags ?? 0, 6);
  b.writeUInt16LE(f.method ?? 0, 8);
  b.writeUInt16LE(f.time, 10);
  b.writeUInt16LE(f.date, 12);
  b.writeUInt32LE(f.crc >>> 0, 14);
  b.writeUInt32LE(f.size, 18);
  b.writeUInt32LE(f.size, 22);
  b.writeUInt16LE(f.name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  f.name.copy(b, LOCAL_SIZE);
  extra.copy(b, LOCAL_SIZE + f.name.length);
  return b;
}

export function centralHeader(f: HeaderFields & { offset: number; externalAttrs?: number }): Buffer {
  const extra = f.extra ?? Buffer.alloc(0);
  const b = Buffer.alloc(CENTRAL_SIZE + f.name.length + extra.length);
  b.writeUInt32LE(SIG.central, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(f.versionNeeded ?? VERSION_NEEDED, 6);
  b.writeUInt16LE(f.flags ?? 0, 8);
  b.writeUInt16LE(f.method ?? 0, 10);
  b.writeUInt16LE(f.time, 12);
  b.writeUInt16LE(f.date, 14);
  b.writeUInt32LE(f.crc >>> 0, 16);
  b.writeUInt32LE(f.size, 20);
  b.writeUInt32LE(f.size, 24);
  b.writeUInt16LE(f.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment
  b.writeUInt16LE(0, 34); // disk
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(f.externalAttrs ?? EXTERNAL_ATTRS, 38);
  b.writeUInt32LE(f.offset, 42);
  f.name.copy(b, CENTRAL_SIZE);
  extra.copy(b, CENTRAL_SIZE + f.name.length);
  return b;
}

export function endRecord(entries: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(END_SIZE);
  b.writeUInt32LE(SIG.end, 0);
  b.writeUInt16LE(0, 4);
  b.writeUInt16LE(0, 6);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  b.writeUInt16LE(0, 20);
  return b;
}
