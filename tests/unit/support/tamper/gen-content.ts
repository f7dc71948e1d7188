import type { Rng } from './rng';
import type { Variant, VariantClass } from './run';
import { ALL_NAMES, assemble, contentOf, NAMES, sign, sumsText, trustedComment, type Base } from './snapshot';
import { expectContentChange } from './verdicts';
import type { World } from './world';
import { writeZip, type RawEntry } from './zip';

/** A valid, not yet imported snapshot and the public key that reads it. */
function validBase(w: World, r: Rng): { base: Base; publicKey: string } {
  return r.chance(0.7)
    ? { base: w.bases.alpha2, publicKey: w.armouries.alpha.currentKey().publicKey }
    : { base: w.bases.delta3, publicKey: w.armouries.delta.currentKey().publicKey };
}

/** The base's archive with one entry's bytes replaced, rebuilt with correct CRCs and sizes. */
function rezip(base: Base, name: string, data: Buffer): Buffer {
  const entries: RawEntry[] = [...base.entries].map(([n, d]) => ({ name: n, data: n === name ? data : d }));
  return writeZip(entries);
}

/**
 * One bit flipped inside one file, the archive rebuilt so its CRCs are right: only the sums or
 * the signature can tell. Each of the six files gets the same share of flips.
 */
function contentFlip(w: World, r: Rng): Variant {
  const { base, publicKey } = validBase(w, r);
  const name = r.pick(ALL_NAMES.filter((n) => (base.entries.get(n)?.length ?? 0) > 0));
  const data = Buffer.from(base.entries.get(name) ?? Buffer.alloc(0));
  const offset = r.int(0, data.length - 1);
  const bit = r.int(0, 7);
  data[offset] = (data[offset] ?? 0) ^ (1 << bit);
  return {
    what: `${base.label}: ${name} byte ${offset} bit ${bit} (${JSON.stringify(String.fromCharCode(base.entries.get(name)?.[offset] ?? 0))})`,
    bytes: rezip(base, name, data),
    expected: expectContentChange(w.register, base, name, data),
    same: { base, publicKey },
  };
}

/** Byte sequences that are not UTF-8: stray continuation, bad lead, overlong, surrogate, beyond U+10FFFF, truncated sequence. */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0x80]), Buffer.from([0xbf]), Buffer.from([0xc3, 0x28]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xf5, 0x80, 0x80, 0x80]), Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]),
];

/** Inserts `bad` inside a line (never across the final line feed), so the file keeps its shape. */
function spliceInside(data: Buffer, bad: Buffer, r: Rng): Buffer {
  let at = r.int(0, Math.max(0, data.length - 1));
  // Not inside a multi-byte character: move back to the start of one.
  while (at > 0 && ((data[at] ?? 0) & 0xc0) === 0x80) at--;
  return Buffer.concat([data.subarray(0, at), bad, data.subarray(at)]);
}

/**
 * Invalid UTF-8 in each text file, then everything signed properly with the armoury's real key
 * (for the signature file itself: in its untrusted comment, which minisign does not sign).
 */
function invalidUtf8(w: World, r: Rng): Variant {
  const base = w.bases.alpha2;
  const name = r.pick(ALL_NAMES);
  const bad = r.pick(INVALID_UTF8);
  const what = `${base.label}: ${name} with ${bad.toString('hex')}`;
  if (name === NAMES.signature) {
    const sig = base.entries.get(NAMES.signature) ?? Buffer.alloc(0);
    const nl = sig.indexOf(0x0a);
    const bytes = rezip(base, name, Buffer.concat([sig.subarray(0, nl), bad, sig.subarray(nl)]));
    return { what, bytes, expected: { reason: 'invalid_utf8' } };
  }
  if (name === NAMES.sums) {
    const sums = spliceInside(Buffer.from(sumsText(contentOf(base)), 'utf8'), bad, r);
    const files = contentOf(base);
    const entries: RawEntry[] = [...files, { name: NAMES.sums, data: sums }, { name: NAMES.signature, data: sign(sums, w.keys.alpha, trustedComment(base.checkpoint)) }];
    return { what, bytes: writeZip(entries), expected: { reason: 'invalid_utf8' } };
  }
  const data = spliceInside(base.entries.get(name) ?? Buffer.alloc(0), bad, r);
  const bytes = assemble({ files: contentOf(base, { [name]: data }), key: w.keys.alpha, comment: trustedComment(base.checkpoint) });
  return { what, bytes, expected: { reason: 'invalid_utf8' } };
}

export const CONTENT_CLASSES: VariantClass[] = [
  { name: 'content bit flip', count: 2800, make: contentFlip },
  { name: 'invalid utf-8', count: 300, make: invalidUtf8 },
];
