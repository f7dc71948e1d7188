import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import type { Rng } from './rng';
import type { Variant, VariantClass } from './run';
import { checkpointText, contentOf, NAMES, parseEvent, sumsText, trustedComment, withFields, joinLines, sign, type Base } from './snapshot';
import type { World } from './world';
import { writeZip, type RawEntry } from './zip';

/** Names the format refuses, whatever else the archive holds (docs/snapshot-format.md, "Entry names"). */
export const UNSAFE_NAMES: readonly (string | Buffer)[] = [
  '../x', '/abs', 'a\\b', 'state/../../x', 'x\0y', 'events.ndjson\0.txt', 'C:/x', 'c:checkpoint.txt', './checkpoint.txt', 'state//weapons.ndjson',
  'state/', '..', '.', '', 'state/./lots.ndjson', '../../../../etc/passwd', '/etc/cron.d/gardien', '\\\\server\\share\\x', 'x\ty', 'bell\u0007',
  'events.ndjson ', '~/x', 'a'.repeat(256), 'checkpoint.txt/', Buffer.from('événements.ndjson', 'utf8'), Buffer.from([0x65, 0x76, 0xff, 0x2e, 0x74]),
  'state\\weapons.ndjson', 'x\ny', 'x\u007f',
];

/** Well-formed names outside the allowlist. */
export const EXTRA_NAMES: readonly string[] = [
  'README.txt', 'state/extra.ndjson', 'events.ndjson.bak', 'Checkpoint.txt', 'state/weapons.ndjson.1', 'SHA256SUMS.sig', 'sha256sums', 'state',
  'events-2.ndjson', '__MACOSX/._events.ndjson', 'state/lots.ndjson.orig', 'SHA256SUMS.minisig.old', 'keys/minisign.key',
];

const alphaBase = (w: World): Base => w.bases.alpha2;

function entriesOf(base: Base): RawEntry[] {
  return [...base.entries].map(([name, data]) => ({ name, data }));
}

function insertAt<T>(list: T[], r: Rng, item: T): void {
  list.splice(r.int(0, list.length), 0, item);
}

/** An unsafe name, added as one more entry or given to one of the six. */
function unsafeName(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const entries = entriesOf(base);
  const name = r.pick(UNSAFE_NAMES);
  const shown = JSON.stringify(Buffer.isBuffer(name) ? name.toString('latin1') : name).slice(0, 60);
  let what: string;
  if (r.chance(0.5)) {
    insertAt(entries, r, { name, data: Buffer.from('{"x":1}\n') });
    what = `entry ${shown} added`;
  } else {
    const e = r.pick(entries);
    what = `${String(e.name)} renamed ${shown}`;
    e.name = name;
  }
  return { what: `${base.label}: ${what}`, bytes: writeZip(entries), expected: { reason: 'entry_name_unsafe' } };
}

/** A file outside the allowlist: alone, or listed in SHA256SUMS and signed with the armoury's real key. */
function extraFile(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const name = r.pick(EXTRA_NAMES);
  const data = Buffer.from(r.pick(['{"x":1}\n', 'notes\n', '']));
  if (r.chance(0.5)) {
    const entries = entriesOf(base);
    insertAt(entries, r, { name, data });
    return { what: `${base.label}: extra ${name}`, bytes: writeZip(entries), expected: { reason: 'entry_unexpected' } };
  }
  const files = [...contentOf(base), { name, data }];
  const sums = Buffer.from(sumsText(files), 'utf8');
  const entries: RawEntry[] = [...files, { name: NAMES.sums, data: sums }, { name: NAMES.signature, data: sign(sums, w.keys.alpha, trustedComment(base.checkpoint)) }];
  return { what: `${base.label}: extra ${name}, listed and signed`, bytes: writeZip(entries), expected: { reason: 'entry_unexpected' } };
}

function duplicateEntry(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const entries = entriesOf(base);
  const copy = { ...r.pick(entries) };
  if (r.chance(0.5)) copy.data = Buffer.concat([copy.data, Buffer.from('\n')]);
  insertAt(entries, r, copy);
  return { what: `${base.label}: ${String(copy.name)} twice`, bytes: writeZip(entries), expected: { reason: 'entry_duplicate' } };
}

/** One of the six dropped: a required entry is missing at once; a state file is missing from what SHA256SUMS lists. */
function missingEntry(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const drop = r.pick([NAMES.checkpoint, NAMES.events, NAMES.sums, NAMES.signature, NAMES.weapons, NAMES.lots]);
  const entries = entriesOf(base).filter((e) => e.name !== drop);
  if (r.chance(0.5) && drop !== NAMES.sums && drop !== NAMES.signature && drop !== NAMES.weapons && drop !== NAMES.lots) {
    // Re-signed without it: the sums and the signature are right, the archive still lacks a required file.
    const files = contentOf(base, { [drop]: null });
    const sums = Buffer.from(sumsText(files), 'utf8');
    const signed: RawEntry[] = [...files, { name: NAMES.sums, data: sums }, { name: NAMES.signature, data: sign(sums, w.keys.alpha, trustedComment(base.checkpoint)) }];
    return { what: `${base.label}: ${drop} dropped, re-signed`, bytes: writeZip(signed), expected: { reason: 'entry_missing' } };
  }
  return { what: `${base.label}: ${drop} dropped`, bytes: writeZip(entries), expected: { reason: 'entry_missing' } };
}

function tooManyEntries(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const entries = entriesOf(base);
  const extra = r.int(11, 30);
  for (let i = 0; i < extra; i++) entries.push({ name: `state/part-${i}.ndjson`, data: Buffer.from('{}\n') });
  return { what: `${base.label}: ${entries.length} entries`, bytes: writeZip(entries), expected: { reason: 'entry_too_large' } };
}

const MiB = 1024 * 1024;

/** Entries beyond the caps, signed with the real key so that size is the only fault. */
function oversized(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const key = w.keys.alpha;
  const kind = r.pick(['checkpoint over 64 KiB', 'event line over 1 MiB', 'weapon line over 1 MiB', 'signature over 16 KiB', 'claimed size beyond the file'] as const);
  if (kind === 'claimed size beyond the file') {
    const entries = entriesOf(base);
    const e = r.pick(entries);
    e.claimedSize = base.file.length + r.int(1, 0x7fffffff - base.file.length);
    return { what: `${base.label}: ${String(e.name)} claims ${e.claimedSize} bytes`, bytes: writeZip(entries), expected: { reason: 'entry_too_large' } };
  }
  if (kind === 'signature over 16 KiB') {
    const sums = base.entries.get(NAMES.sums) ?? Buffer.alloc(0);
    const sig = sign(sums, key, trustedComment(base.checkpoint)).toString('utf8').replace('untrusted comment: ', `untrusted comment: ${'x'.repeat(r.int(17, 40) * 1024)}`);
    const entries = entriesOf(base).map((e) => (e.name === NAMES.signature ? { ...e, data: Buffer.from(sig) } : e));
    return { what: `${base.label}: ${kind}`, bytes: writeZip(entries), expected: { reason: 'entry_too_large' } };
  }
  let replace: Record<string, Buffer>;
  let pairs = base.checkpoint;
  if (kind === 'checkpoint over 64 KiB') {
    pairs = withFields(base.checkpoint, { name: 'Armurerie '.repeat(r.int(6600, 8000)) });
    replace = { [NAMES.checkpoint]: Buffer.from(checkpointText(pairs)) };
  } else if (kind === 'event line over 1 MiB') {
    const bodies = [...base.events];
    const i = r.int(0, bodies.length - 1);
    const e = parseEvent(bodies[i] as Buffer);
    bodies[i] = Buffer.from(JSON.stringify({ ...e, data: { note: 'é'.repeat(MiB / 2 + r.int(1, 1000)) } }));
    replace = { [NAMES.events]: joinLines(bodies) };
  } else {
    const weapons = base.entries.get(NAMES.weapons) ?? Buffer.alloc(0);
    const line = JSON.stringify({ id: 1, notes: 'x'.repeat(MiB + r.int(1, 1000)) });
    replace = { [NAMES.weapons]: Buffer.concat([weapons, Buffer.from(`${line}\n`)]) };
  }
  const files = contentOf(base, replace);
  const sums = Buffer.from(sumsText(files), 'utf8');
  const entries: RawEntry[] = [...files, { name: NAMES.sums, data: sums }, { name: NAMES.signature, data: sign(sums, key, trustedComment(pairs)) }];
  return { what: `${base.label}: ${kind}`, bytes: writeZip(entries), expected: { reason: 'entry_too_large' } };
}

const SMALL_CAPS: Record<string, number> = { [NAMES.checkpoint]: 64 * 1024, [NAMES.sums]: 64 * 1024, [NAMES.signature]: 16 * 1024 };

/**
 * Deflated entries: the entry's own content, or a run of one byte (ratios of 100 to 10,000:1). A
 * size the file could not hold is refused by the caps first; anything else for its compression.
 */
function compressed(w: World, r: Rng): Variant {
  const base = alphaBase(w);
  const entries = entriesOf(base);
  const e = r.pick(entries);
  const bomb = r.chance(0.6);
  if (bomb) e.data = Buffer.alloc(r.pick([2_000, 5_000, 50_000, 1_000_000, 20_000_000]), r.pick([0x41, 0x20, 0x7b]));
  e.method = 8;
  const bytes = writeZip(entries);
  const cap = SMALL_CAPS[String(e.name)];
  const tooLarge = e.data.length > bytes.length || (cap !== undefined && e.data.length > cap);
  const reason: RejectionReason = tooLarge ? 'entry_too_large' : 'entry_compressed';
  return { what: `${base.label}: ${String(e.name)} deflated${bomb ? ` (${e.data.length} bytes of one byte)` : ''}, ratio ${(e.data.length / Math.max(1, bytes.length)).toFixed(1)} of the file`, bytes, expected: { reason } };
}

export const STRUCTURE_CLASSES: VariantClass[] = [
  { name: 'unsafe name', count: 300, make: unsafeName },
  { name: 'extra file', count: 150, make: extraFile },
  { name: 'duplicate entry', count: 100, make: duplicateEntry },
  { name: 'missing entry', count: 150, make: missingEntry },
  { name: 'too many entries', count: 30, make: tooManyEntries },
  { name: 'oversized', count: 40, make: oversized },
  { name: 'compressed', count: 80, make: compressed },
];
