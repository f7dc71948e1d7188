import { ENTRY_ORDER, LIMITS, reject, REQUIRED_ENTRIES } from './rejection';
import { CENTRAL_SIZE, crc32, END_SIZE, EXTERNAL_ATTRS, LOCAL_SIZE, SIG, VERSION_MADE_BY } from './zip-format';

/** One entry of a snapshot archive: its name and a view of its bytes in the file (never copied, never written to disk). */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

interface Central {
  index: number;
  nameBytes: Buffer;
  name: string;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;

/**
 * Reads the archive from its end record, in the order docs/snapshot-format.md lists ("Checks"):
 * the envelope (not_a_snapshot), central records, names, sizes, compression, the local headers
 * and their layout, CRCs. Returns the entries in archive order. Throws only SnapshotRejection.
 */
export function readZip(file: Buffer): ZipEntry[] {
  if (file.length > LIMITS.fileBytes) reject('entry_too_large', `the file is ${file.length} bytes, more than ${LIMITS.fileBytes}`);
  if (file.length < END_SIZE) reject('not_a_snapshot', 'too short for a ZIP file');
  const end = file.length - END_SIZE;
  // The end record must close the file: a comment, trailing data or another file appended moves it.
  if (file.readUInt32LE(end) !== SIG.end || file.readUInt16LE(end + 20) !== 0) {
    reject('not_a_snapshot', 'no ZIP end record at the very end of the file (trailing data, a comment, or not a ZIP)');
  }
  if (end >= 20 && file.readUInt32LE(end - 20) === SIG.zip64Locator) reject('not_a_snapshot', 'ZIP64 archive');
  const disk = file.readUInt16LE(end + 4);
  const cdDisk = file.readUInt16LE(end + 6);
  const onDisk = file.readUInt16LE(end + 8);
  const total = file.readUInt16LE(end + 10);
  const cdSize = file.readUInt32LE(end + 12);
  const cdOffset = file.readUInt32LE(end + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) reject('not_a_snapshot', 'ZIP64 markers in the end record');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) reject('not_a_snapshot', 'multi-disk archive');
  if (total > LIMITS.entries) reject('entry_too_large', `${total} entries, at most ${LIMITS.entries}`);
  if (cdOffset + cdSize !== end) reject('archive_corrupt', 'the central directory does not end where the end record starts');

  const centrals = readCentralDirectory(file, cdOffset, end, total);
  checkNames(centrals);
  checkSizes(centrals, file.length);
  for (const c of centrals) {
    if (c.method !== 0) reject('entry_compressed', `${c.name} uses compression method ${c.method}; snapshot entries are stored`);
    if (c.compressedSize !== c.size) reject('archive_corrupt', `${c.name}: stored entry with a compressed size other than its size`);
  }
  const entries = readLocalEntries(file, centrals, cdOffset);
  for (const e of entries) {
    const c = centrals.find((x) => x.name === e.name);
    if (c && (crc32(e.data) >>> 0) !== c.crc) reject('archive_corrupt', `${e.name}: CRC-32 mismatch`);
  }
  return entries;
}

function readCentralDirectory(file: Buffer, start: number, end: number, total: number): Central[] {
  const out: Central[] = [];
  let p = start;
  for (let index = 0; index < total; index++) {
    if (p + CENTRAL_SIZE > end || file.readUInt32LE(p) !== SIG.central) reject('archive_corrupt', `central directory record ${index + 1} is damaged`);
    const nameLength = file.readUInt16LE(p + 28);
    const extraLength = file.readUInt16LE(p + 30);
    const commentLength = file.readUInt16LE(p + 32);
    if (p + CENTRAL_SIZE + nameLength + extraLength + commentLength > end) reject('archive_corrupt', `central directory record ${index + 1} runs past its end`);
    const c: Central = {
      index,
      nameBytes: file.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength),
      name: '',
      versionNeeded: file.readUInt16LE(p + 6),
      flags: file.readUInt16LE(p + 8),
      method: file.readUInt16LE(p + 10),
      time: file.readUInt16LE(p + 12),
      date: file.readUInt16LE(p + 14),
      crc: file.readUInt32LE(p + 16),
      compressedSize: file.readUInt32LE(p + 20),
      size: file.readUInt32LE(p + 24),
      offset: file.readUInt32LE(p + 42),
    };
    c.name = c.nameBytes.toString('latin1');
    const what = `entry ${index + 1}`;
    if (c.flags & 0x0041) reject('not_a_snapshot', `${what} is encrypted`);
    if (c.flags & 0x0008) reject('not_a_snapshot', `${what} uses a data descriptor`);
    if (c.flags !== 0) reject('not_a_snapshot', `${what} has general purpose flags 0x${c.flags.toString(16)}`);
    if (c.compressedSize === 0xffffffff || c.size === 0xffffffff || c.offset === 0xffffffff || c.versionNeeded >= 45) {
      reject('not_a_snapshot', `${what} uses ZIP64`);
    }
    if (c.versionNeeded > 20) reject('not_a_snapshot', `${what} needs ZIP version ${c.versionNeeded / 10}`);
    if (extraLength !== 0) reject('not_a_snapshot', `${what} has extra fields`);
    if (commentLength !== 0) reject('not_a_snapshot', `${what} has a comment`);
    if (file.readUInt16LE(p + 34) !== 0) reject('not_a_snapshot', `${what} starts on another disk`);
    // unzip would make a symbolic link or a directory of another type; and every byte of a Gardien
    // archive is fixed, so that no bit can change unnoticed: made by Unix 2.0, mode 0644.
    const external = file.readUInt32LE(p + 38);
    const type = (external >>> 16) & FILE_TYPE_MASK;
    if (type !== REGULAR_FILE) reject('not_a_snapshot', `${what} is not a regular file (mode ${type.toString(8)})`);
    if (file.readUInt16LE(p + 4) !== VERSION_MADE_BY || file.readUInt16LE(p + 36) !== 0 || external !== EXTERNAL_ATTRS) {
      reject('not_a_snapshot', `${what} has attributes Gardien does not write`);
    }
    out.push(c);
    p += CENTRAL_SIZE + nameLength + extraLength + commentLength;
  }
  if (p !== end) reject('archive_corrupt', 'the central directory holds more than its records');
  return out;
}

const SAFE_NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Traversal, absolute paths, backslashes, control or any character outside [A-Za-z0-9._-/] are unsafe. */
export function unsafeName(bytes: Buffer): string | null {
  const name = bytes.toString('latin1');
  if (bytes.length === 0) return 'an empty name';
  if (bytes.length > 255) return 'a name longer than 255 bytes';
  for (const b of bytes) if (b < 0x20 || b === 0x7f) return 'a control character';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'a ".." component';
  if (name.endsWith('/')) return 'a folder';
  if (!SAFE_NAME.test(name) || name.split('/').some((part) => part === '.')) return 'characters outside A-Z a-z 0-9 . _ - /';
  return null;
}

function printable(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1').slice(0, 80));
}

function checkNames(centrals: Central[]): void {
  for (const c of centrals) {
    const unsafe = unsafeName(c.nameBytes);
    if (unsafe) reject('entry_name_unsafe', `entry ${c.index + 1} ${printable(c.nameBytes)}: ${unsafe}`);
  }
  const seen = new Set<string>();
  for (const c of centrals) {
    if (seen.has(c.name)) reject('entry_duplicate', `${c.name} appears twice`);
    seen.add(c.name);
  }
  for (const c of centrals) if (!ENTRY_ORDER.includes(c.name)) reject('entry_unexpected', `${printable(c.nameBytes)} is not a snapshot file`);
  for (const name of REQUIRED_ENTRIES) if (!seen.has(name)) reject('entry_missing', `${name} is missing`);
}

function checkSizes(centrals: Central[], fileSize: number): void {
  for (const c of centrals) {
    if (c.size > fileSize || c.compressedSize > fileSize) reject('entry_too_large', `${c.name} claims ${Math.max(c.size, c.compressedSize)} bytes in a ${fileSize}-byte file`);
    const cap = LIMITS.smallEntryBytes[c.name];
    if (cap !== undefined && c.size > cap) reject('entry_too_large', `${c.name} is ${c.size} bytes, at most ${cap}`);
  }
}

/**
 * Local headers must repeat their central record and the entries must tile the file: the first at
 * offset 0, each starting where the previous one's data ends, the last ending at the central
 * directory. No gap can hide data and no two entries can share bytes.
 */
function readLocalEntries(file: Buffer, centrals: Central[], cdOffset: number): ZipEntry[] {
  const byOffset = [...centrals].sort((a, b) => a.offset - b.offset);
  if (byOffset.length > 0 && byOffset[0]?.offset !== 0) reject('not_a_snapshot', 'data before the first entry');
  let expected = 0;
  const data = new Map<Central, Buffer>();
  for (const c of byOffset) {
    if (c.offset < expected) reject('archive_corrupt', `${c.name} overlaps the previous entry`);
    if (c.offset > expected) reject('archive_corrupt', `unlisted bytes before ${c.name}`);
    const p = c.offset;
    if (p + LOCAL_SIZE > cdOffset || file.readUInt32LE(p) !== SIG.local) reject('archive_corrupt', `${c.name}: no local header at its offset`);
    const nameLength = file.readUInt16LE(p + 26);
    const agrees =
      file.readUInt16LE(p + 4) === c.versionNeeded &&
      file.readUInt16LE(p + 6) === c.flags &&
      file.readUInt16LE(p + 8) === c.method &&
      file.readUInt16LE(p + 10) === c.time &&
      file.readUInt16LE(p + 12) === c.date &&
      file.readUInt32LE(p + 14) === c.crc &&
      file.readUInt32LE(p + 18) === c.compressedSize &&
      file.readUInt32LE(p + 22) === c.size &&
      nameLength === c.nameBytes.length &&
      file.readUInt16LE(p + 28) === 0 &&
      p + LOCAL_SIZE + nameLength <= cdOffset &&
      file.subarray(p + LOCAL_SIZE, p + LOCAL_SIZE + nameLength).equals(c.nameBytes);
    if (!agrees) reject('archive_corrupt', `${c.name}: local header disagrees with the central directory`);
    const start = p + LOCAL_SIZE + nameLength;
    if (start + c.size > cdOffset) reject('archive_corrupt', `${c.name} runs into the central directory`);
    data.set(c, file.subarray(start, start + c.size));
    expected = start + c.size;
  }
  if (expected !== cdOffset) reject('archive_corrupt', 'unlisted bytes before the central directory');
  return centrals.map((c) => ({ name: c.name, data: data.get(c) as Buffer }));
}
