/**
 * A look at an XLSX's ZIP directory before streaming it: the streaming unzip reads local headers
 * front to back and cannot tell a truncated or encrypted file from a short one, so the central
 * directory at the end is checked first. Returns why the file is not a readable workbook, or null.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export function zipProblem(bytes: Buffer): string | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) return 'not a ZIP file';
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return 'no ZIP directory (truncated?)';
  const entries = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64 (markers at their maximum): too rare in workbooks under 200 MB to check by hand.
  if (entries === 0xffff || offset === 0xffffffff) return null;
  if (offset + size > eocd) return 'ZIP directory out of range (truncated?)';
  const names = new Set<string>();
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) return 'damaged ZIP directory';
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) return `encrypted entry ${name}`;
    if (method !== 0 && method !== 8) return `unsupported compression in ${name}`;
    if (local + 30 > offset || bytes.readUInt32LE(local) !== LOCAL) return `damaged entry ${name}`;
    names.add(name);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (!names.has('xl/workbook.xml')) return 'no workbook part (not an XLSX)';
  if (![...names].some((name) => WORKSHEET.test(name))) return 'no worksheet';
  return null;
}

/** The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes, at the very end. */
function findEndOfDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  return -1;
}

/** Parts exceljs's streaming reader must have read before any worksheet (see workbookPartsFirst). */
const FIRST_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The same ZIP with the workbook's own parts moved before the worksheets. exceljs's streaming
 * reader needs the workbook part (sheet names, hidden tabs) and the shared strings before a sheet,
 * but writers order entries as they like (exceljs's own writer puts the workbook after the sheets,
 * and not always in the same order): its reader then failed on `model.sheets`, now and then. The
 * streaming unzip reads local records front to back and stops at the central directory, so only
 * the local records move; any doubt about the layout leaves the bytes as they are.
 */
export function workbookPartsFirst(bytes: Buffer): Buffer {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return bytes;
  const entries = bytes.readUInt16LE(eocd + 10);
  const directory = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directory === 0xffffffff || directory > eocd) return bytes;
  const records: { name: string; start: number }[] = [];
  let at = directory;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) return bytes;
    const nameLength = bytes.readUInt16LE(at + 28);
    records.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), start: bytes.readUInt32LE(at + 42) });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  records.sort((a, b) => a.start - b.start);
  if (records[0]?.start !== 0) return bytes;
  const spans = records.map((r, i) => ({ name: r.name, start: r.start, end: records[i + 1]?.start ?? directory }));
  if (spans.some((s) => s.end <= s.start)) return bytes;
  const rank = (name: string) => {
    const i = FIRST_PARTS.indexOf(name);
    return i < 0 ? FIRST_PARTS.length : i;
  };
  const ordered = [...spans].sort((a, b) => rank(a.name) - rank(b.name) || a.start - b.start);
  if (ordered.every((s, i) => s === spans[i])) return bytes;
  return Buffer.concat([...ordered.map((s) => bytes.subarray(s.start, s.end)), bytes.subarray(directory)]);
}

/** Whether the ZIP directory lists `name` (false when the directory cannot be read). */
export function hasEntry(bytes: Buffer, name: string): boolean {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return false;
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries && at + 46 <= eocd && bytes.readUInt32LE(at) === CENTRAL; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) return true;
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return false;
}

