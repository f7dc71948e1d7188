import { expectRawFlip, regionOf, regions } from './expect-archive';
import type { Rng } from './rng';
import type { Variant, VariantClass } from './run';
import type { Base } from './snapshot';
import type { World } from './world';
import { END_FIXED, END_SIG, layoutOf, writeZip, type RawEntry } from './zip';

/** The valid, not yet imported snapshots whose bytes the archive variants damage (and the key that reads them). */
function validBase(w: World, r: Rng): { base: Base; publicKey: string } {
  const pick = r.pick(['alpha', 'delta'] as const);
  return pick === 'alpha'
    ? { base: w.bases.alpha2, publicKey: w.armouries.alpha.currentKey().publicKey }
    : { base: w.bases.delta3, publicKey: w.armouries.delta.currentKey().publicKey };
}

/** One bit of one byte, the byte drawn from a region drawn uniformly (so small headers get as many flips as large data). */
function rawFlip(w: World, r: Rng): Variant {
  const { base, publicKey } = validBase(w, r);
  const layout = layoutOf(base.file);
  const region = r.pick(regions(layout));
  const offset = r.int(region.start, region.end - 1);
  const bit = r.int(0, 7);
  const bytes = Buffer.from(base.file);
  bytes[offset] = (bytes[offset] ?? 0) ^ (1 << bit);
  const where = regionOf(layout, offset);
  return {
    what: `${base.label}: bit ${bit} of byte ${offset} (${region.name} +${where.at})`,
    bytes,
    expected: expectRawFlip(layout, bytes, offset),
    same: { base, publicKey },
  };
}

/** The file cut short anywhere: the end record no longer closes it. */
function truncatedFile(w: World, r: Rng): Variant {
  const { base } = validBase(w, r);
  for (;;) {
    const length = r.chance(0.2) ? r.int(0, END_FIXED + 10) : r.int(0, base.file.length - 1);
    const bytes = Buffer.from(base.file.subarray(0, length));
    // A cut that happens to end on something shaped like an end record would be another case.
    if (length >= END_FIXED && bytes.readUInt32LE(length - END_FIXED) === END_SIG) continue;
    return { what: `${base.label}: first ${length} of ${base.file.length} bytes`, bytes, expected: { reason: 'not_a_snapshot' } };
  }
}

function trailingData(w: World, r: Rng): Variant {
  const { base } = validBase(w, r);
  const kind = r.pick(['random', 'second copy', 'zeros'] as const);
  const tail = kind === 'random' ? r.bytes(r.int(1, 200)) : kind === 'zeros' ? Buffer.alloc(r.int(1, 64)) : base.file;
  const bytes = Buffer.concat([base.file, tail]);
  // A copy of the archive appended does end in a valid end record, whose offsets point at the wrong bytes.
  const reason = kind === 'second copy' ? 'archive_corrupt' : 'not_a_snapshot';
  return { what: `${base.label}: ${tail.length} bytes (${kind}) appended`, bytes, expected: { reason } };
}

function prependedData(w: World, r: Rng): Variant {
  const { base } = validBase(w, r);
  const head = r.bytes(r.int(1, 300));
  // The end record still closes the file, but its central directory offset no longer meets it.
  return { what: `${base.label}: ${head.length} random bytes prepended`, bytes: Buffer.concat([head, base.file]), expected: { reason: 'archive_corrupt' } };
}

function notAZip(_w: World, r: Rng): Variant {
  const kind = r.pick(['random', 'empty', 'text', 'pdf', 'sqlite'] as const);
  const bytes =
    kind === 'random' ? r.bytes(r.int(1, 4000))
    : kind === 'empty' ? Buffer.alloc(0)
    : kind === 'text' ? Buffer.from('checkpoint.txt\nevents.ndjson\n'.repeat(r.int(1, 20)))
    : kind === 'pdf' ? Buffer.from(`%PDF-1.7\n${'x'.repeat(r.int(0, 500))}\n%%EOF\n`)
    : Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(r.int(0, 4000))]);
  return { what: `not a ZIP (${kind}, ${bytes.length} bytes)`, bytes, expected: { reason: 'not_a_snapshot' } };
}

/** The base's entries, ready for the writer with one knob turned. */
function rewritten(base: Base, change: (entries: RawEntry[], r: Rng) => string, r: Rng): { entries: RawEntry[]; what: string } {
  const entries: RawEntry[] = [...base.entries].map(([name, data]) => ({ name, data }));
  const what = change(entries, r);
  return { entries, what };
}

const pickEntry = (entries: RawEntry[], r: Rng): RawEntry => r.pick(entries);

/** Envelope features Gardien never writes, each refused as "not a snapshot" (docs/snapshot-format.md, Checks). */
function foreignEnvelope(w: World, r: Rng): Variant {
  const { base } = validBase(w, r);
  const kind = r.pick(['encrypted', 'strong encryption', 'data descriptor', 'unknown flag', 'extra field', 'entry comment', 'archive comment', 'symbolic link', 'directory mode', 'zip64 version', 'multi-disk', 'zip64 count'] as const);
  const { entries, what } = rewritten(base, (list, rr) => {
    const e = pickEntry(list, rr);
    const name = String(e.name);
    switch (kind) {
      case 'encrypted': e.flags = 0x0001; break;
      case 'strong encryption': e.flags = 0x0041; break;
      case 'data descriptor': e.flags = 0x0008; break;
      case 'unknown flag': e.flags = 1 << rr.pick([1, 2, 4, 5, 7, 9, 10, 12, 13, 14, 15]); break;
      case 'extra field': e.extra = Buffer.from([0x55, 0x54, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]); break;
      case 'entry comment': e.comment = Buffer.from('commentaire'); break;
      case 'symbolic link': e.externalAttrs = (0o120777 << 16) >>> 0; break;
      case 'directory mode': e.externalAttrs = (0o040755 << 16) >>> 0; break;
      case 'zip64 version': e.versionNeeded = 45; break;
      default: break;
    }
    return `${kind} on ${name}`;
  }, r);
  const bytes = writeZip(entries, kind === 'archive comment' ? { comment: Buffer.from('archive comment') } : {});
  const end = bytes.length - END_FIXED;
  if (kind === 'multi-disk') bytes.writeUInt16LE(1, end + 4);
  if (kind === 'zip64 count') {
    bytes.writeUInt16LE(0xffff, end + 8);
    bytes.writeUInt16LE(0xffff, end + 10);
  }
  return { what: `${base.label}: ${what}`, bytes, expected: { reason: 'not_a_snapshot' } };
}

/** Headers that disagree with each other or with the data: archive_corrupt. */
function inconsistentHeaders(w: World, r: Rng): Variant {
  const { base } = validBase(w, r);
  const kind = r.pick(['wrong CRC', 'local name differs', 'unlisted gap'] as const);
  const list: RawEntry[] = [...base.entries].map(([name, data]) => ({ name, data }));
  const i = r.int(0, list.length - 1);
  const e = list[i] as RawEntry;
  if (kind === 'wrong CRC') e.crc = r.int(0, 0xffffffff);
  if (kind === 'local name differs') e.localName = r.pick(['x.txt', 'events.ndjson.bak', `${String(e.name)}x`]);
  let bytes = writeZip(list);
  if (kind === 'unlisted gap') {
    // Bytes slipped in before entry i, every offset after them moved along: no record lists them.
    const layout = layoutOf(bytes);
    const at = i === 0 ? (layout.entries[1]?.local ?? 0) : (layout.entries[i]?.local ?? 0);
    const gap = r.bytes(r.int(1, 40));
    const moved = Buffer.concat([bytes.subarray(0, at), gap, bytes.subarray(at)]);
    for (const x of layout.entries) if (x.local >= at) moved.writeUInt32LE(x.local + gap.length, x.central + gap.length + 42);
    const end = moved.length - END_FIXED;
    moved.writeUInt32LE(layout.cdOffset + gap.length, end + 16);
    bytes = moved;
  }
  return { what: `${base.label}: ${kind} (${String(e.name)})`, bytes, expected: { reason: 'archive_corrupt' } };
}

export const ARCHIVE_CLASSES: VariantClass[] = [
  { name: 'raw bit flip', count: 4200, make: rawFlip },
  { name: 'truncated file', count: 250, make: truncatedFile },
  { name: 'trailing data', count: 120, make: trailingData },
  { name: 'prepended data', count: 80, make: prependedData },
  { name: 'not a zip', count: 60, make: notAZip },
  { name: 'foreign envelope', count: 240, make: foreignEnvelope },
  { name: 'inconsistent headers', count: 150, make: inconsistentHeaders },
];
