import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../src/main/core/snapshot/keys';
import { publicKeyText, type SigningKey } from '../../src/main/core/snapshot/minisign';
import { openSnapshot, verifySnapshot } from '../../src/main/core/snapshot/read';
import { SnapshotRejection } from '../../src/main/core/snapshot/rejection';
import { REJECTION_REASONS } from '../../src/shared/domain/snapshot';
import { newStore, receiveNew } from './support/ammunition';
import { applyEdits, byteEdits, junkBytes } from './support/fuzz/bytes';
import { fuzzParams, Tally } from './support/fuzz/env';
import { mutationsOf } from './support/fuzz/mutate';
import { freshArmoury, type Harness } from './support/harness';
import { exportedFile } from './support/snapshot-tools';
import { resignAny } from './support/fuzz/resign';
import { ALL_NAMES, parseBase, parseEvent, rechain, type Base } from './support/tamper/snapshot';
import { writeZip, type RawEntry } from './support/tamper/zip';
import { weaponInput } from './support/weapons';

/**
 * Property: openSnapshot and verifySnapshot answer any bytes with a verified snapshot or a
 * SnapshotRejection whose reason is one of REJECTION_REASONS, nothing else. The shrinking
 * complement of the seeded tamper suites (snapshot-tamper-*.test.ts): byte damage, archives
 * rebuilt from shuffled, renamed, dropped and damaged entries, events and checkpoints edited and
 * re-signed with the real key, and random bytes. FUZZ_RUNS scales, FUZZ_SEED replays.
 */

let h: Harness;
let key: SigningKey;
let pub: string;
let armoury: string;
let full: Base;
let since: Base;
const tallies: Tally[] = [];

beforeAll(async () => {
  h = await freshArmoury();
  for (let i = 0; i < 3; i++) await h.ok('weapons.register', weaponInput());
  const first = await h.ok('snapshots.export', { full: false });
  for (let i = 0; i < 2; i++) await h.ok('weapons.register', weaponInput());
  await receiveNew(h, await newStore(h), 500);
  const second = await h.ok('snapshots.export', { full: false });
  full = parseBase('full', readFileSync(exportedFile(h, first.fileName)));
  since = parseBase('since-last', readFileSync(exportedFile(h, second.fileName)));
  const store = h.app.store ?? expect.fail('no store');
  key = loadSigningKey(store).key;
  pub = publicKeyText(key.publicKey, key.keyId).line;
  armoury = h.app.status().armoury?.code ?? expect.fail('no armoury code');
}, 60_000);

afterAll(() => {
  for (const t of tallies) console.log(t.line());
  h?.dispose();
});

/** Reads and verifies; "accepted" or the rejection's reason. Anything else thrown fails the property. */
function verdict(bytes: Uint8Array): string {
  try {
    verifySnapshot(openSnapshot(bytes), pub, { armoury });
    return 'accepted';
  } catch (error) {
    if (!(error instanceof SnapshotRejection)) throw new Error(`not a SnapshotRejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
    if (!(REJECTION_REASONS as readonly string[]).includes(error.reason)) throw new Error(`unknown reason ${error.reason}`, { cause: error });
    return error.reason;
  }
}

function property<T>(label: string, arb: fc.Arbitrary<T>, runs: number, bytesOf: (t: T) => Uint8Array, accept: (t: T) => boolean = () => false): void {
  const tally = new Tally(`snapshot reader, ${label}`);
  tallies.push(tally);
  try {
    fc.assert(
      fc.property(arb, (t) => {
        const v = verdict(bytesOf(t));
        tally.count(v);
        // Damage may leave a file valid only where the reader ignores bytes on purpose (see below).
        if (v === 'accepted' && !accept(t)) throw new Error('a damaged snapshot was accepted');
      }),
      fuzzParams(runs),
    );
  } finally {
    tally.finish();
  }
}

/** An event line with one to three of its values replaced, removed, retyped or stretched. */
function mutatedBody(body: Buffer, g: fc.GeneratorValue): Buffer {
  let event: unknown;
  try {
    event = parseEvent(body);
  } catch {
    return body;
  }
  const text = JSON.stringify(g(() => mutationsOf(event)), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return Buffer.from(text ?? 'null', 'utf8');
}

const base = fc.constantFrom('full', 'since');
const baseOf = (name: string): Base => (name === 'full' ? full : since);

describe('the snapshot reader', () => {
  it('accepts the two real snapshots it is fuzzed from', () => {
    expect(verdict(full.file)).toBe('accepted');
    expect(verdict(since.file)).toBe('accepted');
  });

  it('refuses byte damage with a typed reason', () => {
    // A flip can only be harmless in bytes the reader does not check: DOS times and dates of a header.
    property('byte damage', fc.tuple(base, byteEdits), 600, ([b, edits]) => applyEdits(baseOf(b).file, edits), ([b, edits]) => applyEdits(baseOf(b).file, edits).equals(baseOf(b).file) || edits.every((e) => e.op === 'flip' || e.op === 'set'));
  });

  it('refuses archives rebuilt from dropped, duplicated, renamed, reordered or damaged entries', () => {
    const entry = fc.record({
      from: fc.nat({ max: 5 }),
      name: fc.option(fc.oneof(fc.constantFrom(...ALL_NAMES, '../events.ndjson', '/checkpoint.txt', 'state\\weapons.ndjson', 'STATE/lots.ndjson', ''), fc.string({ maxLength: 20 })), { nil: undefined }),
      edits: fc.option(byteEdits, { nil: undefined }),
      // Mostly what Gardien writes, so that the other changes reach the checks behind the archive's.
      method: fc.oneof({ weight: 15, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(8, 12, 99) }),
      flags: fc.oneof({ weight: 15, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 8, 0x800) }),
    });
    property('rebuilt archives', fc.tuple(base, fc.array(entry, { maxLength: 8 })), 400, ([b, list]) => {
      const names = [...baseOf(b).entries.keys()];
      const entries: RawEntry[] = list.map((e) => {
        const name = names[e.from % names.length] ?? 'events.ndjson';
        const data = baseOf(b).entries.get(name) ?? Buffer.alloc(0);
        return { name: e.name ?? name, data: e.edits ? applyEdits(data, e.edits) : data, method: e.method, flags: e.flags };
      });
      return writeZip(entries);
    }, ([b, list]) => {
      // Rebuilt exactly as exported (same entries, order and form): accepted, rightly.
      const names = [...baseOf(b).entries.keys()];
      return list.length === names.length && list.every((e, i) => e.from % names.length === i && (e.name === undefined || e.name === names[i]) && !e.edits && e.method === 0 && e.flags === 0);
    });
  });

  it('refuses events and checkpoints edited and re-signed with the real key', () => {
    const edit = fc.record({
      line: fc.nat(),
      change: fc.oneof(
        fc.constant<'drop'>('drop'),
        fc.constant<'duplicate'>('duplicate'),
        fc.constant<'swap'>('swap'),
        fc.constant<'garble'>('garble'),
        fc.record({ mutate: fc.constant(true) }),
      ),
    });
    const field = fc.record({ key: fc.constantFrom('armoury', 'snapshot', 'from-seq', 'to-seq', 'head', 'first-prev', 'key-id', 'full', 'previous-checkpoint', 'next-key', 'x-extra'), value: fc.oneof(fc.string({ maxLength: 70 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('', '0', '-1', '1', '99999999999999999999', 'yes', 'no', 'none', '0'.repeat(64))) });
    // Signed with the real key, a consistent edit is an insider's snapshot: accepted, rightly. Only the type of the answer is checked.
    property('re-signed content', fc.tuple(base, fc.array(edit, { maxLength: 3 }), fc.boolean(), fc.option(field, { nil: undefined }), fc.gen()), 400, ([b, edits, relink, cpField, g]) => {
      const bb = baseOf(b);
      let bodies: Buffer[] = bb.events.map((x) => Buffer.from(x));
      for (const e of edits) {
        const i = bodies.length === 0 ? 0 : e.line % bodies.length;
        const body = bodies[i];
        if (!body) continue;
        if (e.change === 'drop') bodies.splice(i, 1);
        else if (e.change === 'duplicate') bodies.splice(i, 0, body);
        else if (e.change === 'swap') bodies.splice(i, 2, ...bodies.slice(i, i + 2).reverse());
        else if (e.change === 'garble') bodies[i] = Buffer.from(body.toString('utf8').slice(0, body.length >> 1));
        else bodies[i] = mutatedBody(body, g);
      }
      if (relink && bodies.length > 0) {
        try {
          const first = parseEvent(bodies[0] ?? Buffer.alloc(0));
          bodies = rechain(bodies.map((x) => parseEvent(x)), Number(first.seq), String(first.prev)).bodies;
        } catch {
          // A garbled line does not parse: keep the chain as it is.
        }
      }
      return resignAny(bb, key, bodies, cpField ? { [cpField.key]: cpField.value } : {});
    }, () => true);
  });

  it('refuses random bytes', () => {
    property('random bytes', junkBytes, 300, (b) => b);
  });
});
