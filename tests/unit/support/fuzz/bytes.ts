import fc from 'fast-check';

/**
 * Byte-level damage to a valid file: what a failing USB stick, a cut download or a hostile editor
 * does. Each edit is applied in order; offsets wrap around the current length.
 */
export type ByteEdit =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'remove'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'append'; bytes: Uint8Array };

export function applyEdits(base: Uint8Array, edits: readonly ByteEdit[]): Buffer {
  let b = Buffer.from(base);
  for (const e of edits) {
    const at = b.length === 0 ? 0 : ('at' in e ? e.at % b.length : 0);
    if (e.op === 'flip') {
      if (b.length > 0) b[at] = (b[at] ?? 0) ^ (1 << e.bit);
    } else if (e.op === 'set') {
      if (b.length > 0) b[at] = e.value;
    } else if (e.op === 'insert') b = Buffer.concat([b.subarray(0, at), e.bytes, b.subarray(at)]);
    else if (e.op === 'remove') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.length)]);
    else if (e.op === 'truncate') b = b.subarray(0, at);
    else b = Buffer.concat([b, e.bytes]);
  }
  return b;
}

const offset = fc.nat({ max: 0x7fffffff });

/** One to four edits; flips and sets (which keep the length) are the most common. */
export const byteEdits: fc.Arbitrary<ByteEdit[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: offset, bit: fc.integer({ min: 0, max: 7 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: offset, value: fc.constantFrom(0x00, 0xff, 0x0a, 0x22, 0x3b, 0x50, 0x4b) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: offset, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: offset, length: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: offset }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
  ),
  { minLength: 1, maxLength: 4 },
);

/** Random bytes, sometimes dressed with a familiar start (a ZIP, a BOM, a UTF-16 BOM, a SQLite header). */
export const junkBytes: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom('', 'PK\x03\x04', '\xef\xbb\xbf', '\xff\xfe', '\xfe\xff', 'SQLite format 3\x00', 'PK\x05\x06'),
    fc.uint8Array({ maxLength: 2_048 }),
  )
  .map(([start, rest]) => Buffer.concat([Buffer.from(start, 'latin1'), rest]));
