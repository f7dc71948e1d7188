import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import { ALL_NAMES } from './snapshot';
import { CENTRAL_FIXED, END_FIXED, LOCAL_FIXED, ZIP64_LOCATOR_SIG, type Layout } from './zip';

/**
 * What the reader must say of one flipped bit in a real archive, from the ZIP layout and the
 * format's rules (docs/snapshot-format.md, "Checks"), never from running the reader. "inert"
 * marks a change no rule may see (minisign's untrusted comment): the snapshot is unchanged.
 */
export type Expected = { reason: RejectionReason } | { inert: string };

/** Names the format refuses as unsafe: empty, over 255 bytes, control characters, backslash, absolute, drive, "." or ".." parts, other characters. */
export function unsafeNameRule(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes.length > 255) return true;
  const name = bytes.toString('latin1');
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return true; // control characters, backslash, NUL, anything non-ASCII
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((part) => part === '' || part === '.' || part === '..');
}

/** The reason for an archive whose only anomaly is its names (checked before sizes and contents). */
export function nameReason(names: readonly Buffer[]): RejectionReason | null {
  if (names.some(unsafeNameRule)) return 'entry_name_unsafe';
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.toString('latin1'))) return 'entry_duplicate';
    seen.add(n.toString('latin1'));
  }
  if (names.some((n) => !ALL_NAMES.includes(n.toString('latin1')))) return 'entry_unexpected';
  return null;
}

const SMALL_CAPS: Record<string, number> = { 'checkpoint.txt': 64 * 1024, SHA256SUMS: 64 * 1024, 'SHA256SUMS.minisig': 16 * 1024 };

export type Region = 'local' | 'data' | 'central' | 'name' | 'end';

/** Where byte `offset` lies: region, entry index and offset inside the record. */
export function regionOf(layout: Layout, offset: number): { region: Region; entry: number; at: number } {
  if (offset >= layout.end) return { region: 'end', entry: -1, at: offset - layout.end };
  for (const [i, e] of layout.entries.entries()) {
    if (offset >= e.local && offset < e.data) return { region: 'local', entry: i, at: offset - e.local };
    if (offset >= e.data && offset < e.data + e.size) return { region: 'data', entry: i, at: offset - e.data };
    const c = e.central;
    if (offset >= c && offset < c + CENTRAL_FIXED) return { region: 'central', entry: i, at: offset - c };
    if (offset >= c + CENTRAL_FIXED && offset < c + CENTRAL_FIXED + e.nameLength) return { region: 'name', entry: i, at: offset - c - CENTRAL_FIXED };
  }
  throw new Error(`offset ${offset} is in no region`);
}

/** The expected verdict for the archive `flipped`, which is `layout`'s file with one bit of byte `offset` inverted. */
export function expectRawFlip(layout: Layout, flipped: Buffer, offset: number): Expected {
  // The end record is found at a fixed place; a ZIP64 locator just before it is refused first.
  if (layout.end >= 20 && flipped.readUInt32LE(layout.end - 20) === ZIP64_LOCATOR_SIG) return { reason: 'not_a_snapshot' };
  const { region, entry, at } = regionOf(layout, offset);
  const e = layout.entries[entry];
  switch (region) {
    case 'data': // CRC-32 detects every single-bit error
    case 'local': // the local header must repeat the central record exactly (and its name)
      return { reason: 'archive_corrupt' };
    case 'end':
      return endRecord(at);
    case 'name': {
      const names = layout.entries.map((x) => Buffer.from(flipped.subarray(x.central + CENTRAL_FIXED, x.central + CENTRAL_FIXED + x.nameLength)));
      return { reason: nameReason(names) ?? 'archive_corrupt' };
    }
    case 'central':
      if (!e) throw new Error('no entry');
      return centralRecord(layout, flipped, entry, at);
  }
}

function endRecord(at: number): Expected {
  if (at < 12) return { reason: 'not_a_snapshot' }; // signature, disk numbers, entry counts (this disk vs total)
  if (at < 20) return { reason: 'archive_corrupt' }; // central directory size or offset: it no longer ends at the end record
  if (at < END_FIXED) return { reason: 'not_a_snapshot' }; // a comment length: the end record no longer closes the file
  throw new Error('past the end record');
}

function centralRecord(layout: Layout, flipped: Buffer, index: number, at: number): Expected {
  const e = layout.entries[index];
  if (!e) throw new Error('no entry');
  const p = e.central;
  const u16 = (o: number) => flipped.readUInt16LE(p + o);
  const u32 = (o: number) => flipped.readUInt32LE(p + o);
  const runsPast = () => p + CENTRAL_FIXED + u16(28) + u16(30) + u16(32) > layout.end;
  if (at < 4) return { reason: 'archive_corrupt' }; // signature
  // Every byte of a Gardien record is fixed: made by Unix 2.0, flags 0, attributes 0 and 0100644.
  if (at < 6) return { reason: 'not_a_snapshot' }; // version made by
  if (at < 8) {
    const v = u16(6);
    return { reason: v > 20 ? 'not_a_snapshot' : 'archive_corrupt' }; // ZIP64 or a later version; else the local header disagrees
  }
  if (at < 10) return { reason: 'not_a_snapshot' }; // general purpose flags
  if (at < 12) return { reason: 'entry_compressed' };
  if (at < 20) return { reason: 'archive_corrupt' }; // time, date, CRC: the local header disagrees
  if (at < 28) {
    const compressed = u32(20);
    const size = u32(24);
    const cap = SMALL_CAPS[e.name];
    if (compressed > layout.length || size > layout.length || (cap !== undefined && size > cap)) return { reason: 'entry_too_large' };
    return { reason: 'archive_corrupt' }; // a stored entry's two sizes differ
  }
  if (at < 30) return { reason: 'archive_corrupt' }; // name length: the records no longer tile the directory
  if (at < 34) return { reason: runsPast() ? 'archive_corrupt' : 'not_a_snapshot' }; // extra field or comment
  if (at < 42) return { reason: 'not_a_snapshot' }; // disk number start, internal and external attributes
  // The local header offset: the first entry must start the file; any other move leaves a gap or an overlap.
  return { reason: index === 0 && e.local === 0 ? 'not_a_snapshot' : 'archive_corrupt' };
}

/** Every region of the archive as [start, end) byte ranges, for stratified sampling. */
export function regions(layout: Layout): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (const e of layout.entries) {
    out.push({ name: `${e.name}: local header`, start: e.local, end: e.local + LOCAL_FIXED });
    out.push({ name: `${e.name}: local name`, start: e.local + LOCAL_FIXED, end: e.data });
    out.push({ name: `${e.name}: data`, start: e.data, end: e.data + e.size });
    out.push({ name: `${e.name}: central record`, start: e.central, end: e.central + CENTRAL_FIXED });
    out.push({ name: `${e.name}: central name`, start: e.central + CENTRAL_FIXED, end: e.central + CENTRAL_FIXED + e.nameLength });
  }
  out.push({ name: 'end record', start: layout.end, end: layout.end + END_FIXED });
  return out.filter((r) => r.end > r.start);
}
