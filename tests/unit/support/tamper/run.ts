import { importSnapshot } from '../../../../src/main/core/commission/import';
import { openSnapshot, verifySnapshot } from '../../../../src/main/core/snapshot/read';
import type { Store } from '../../../../src/main/core/store';
import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import type { Expected } from './expect-archive';
import { Rng } from './rng';
import { NAMES, sha256, type Base } from './snapshot';
import type { World } from './world';

/** One tampered file and the verdict its construction implies. */
export interface Variant {
  what: string;
  bytes: Buffer;
  expected: Expected;
  /** For an inert change: the snapshot it must read as, and the public key to read it with. */
  same?: { base: Base; publicKey: string };
}

export type Generator = (w: World, r: Rng) => Variant;

/** A class of variants: how many per run (at TAMPER_SCALE=1) and how each is made. */
export interface VariantClass {
  name: string;
  count: number;
  make: Generator;
}

export interface Failure {
  index: number;
  cls: string;
  what: string;
  expected: string;
  got: string;
}

export interface Tally {
  seed: number;
  total: number;
  byClass: Map<string, { rejected: number; inert: number }>;
  byReason: Map<string, number>;
  failures: Failure[];
  ms: number;
}

/** TAMPER_SCALE (default 1) shrinks or grows every class; TAMPER_ONLY=3,17 runs those indices only. */
export function scale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TAMPER_SCALE;
  const n = raw ? Number(raw) : 1;
  if (!(n > 0 && n <= 10)) throw new Error(`TAMPER_SCALE must be in (0, 10] (got "${raw}")`);
  return n;
}

function only(env: NodeJS.ProcessEnv = process.env): Set<number> | null {
  const raw = env.TAMPER_ONLY;
  return raw ? new Set(raw.split(',').map((s) => Number(s.trim()))) : null;
}

/** The plan's index ranges: variant i belongs to the class whose range holds it. */
export function planned(classes: readonly VariantClass[], factor = scale()): { cls: VariantClass; from: number; to: number }[] {
  let at = 0;
  return classes.map((cls) => {
    const n = Math.max(1, Math.round(cls.count * factor));
    const range = { cls, from: at, to: at + n };
    at += n;
    return range;
  });
}

/**
 * What the register holds besides its log: any change here from a rejected file is a failure.
 * Row counts of the imported tables, and every armoury's and key's registry state.
 */
export function registerDigest(store: Store): string {
  const one = (sql: string) => JSON.stringify(store.db.prepare(sql).all());
  return [
    one('SELECT COUNT(*) FROM national_events'),
    one('SELECT COUNT(*) FROM national_weapon_events'),
    one('SELECT COUNT(*) FROM national_weapons'),
    one('SELECT COUNT(*) FROM national_search'),
    one('SELECT code, last_number, last_seq, last_head, last_checkpoint, weapons FROM national_armouries ORDER BY code'),
    one('SELECT key_id, armoury, state FROM national_keys ORDER BY key_id'),
  ].join('|');
}

const describe = (e: Expected): string => ('reason' in e ? e.reason : `unchanged snapshot (${e.inert})`);

/**
 * Runs every planned variant through the real import (openSnapshot, the registry, verifySnapshot,
 * the register's checks, the journal). A rejected variant must carry the expected reason and
 * write exactly one event, its snapshot.rejected, and nothing else. An inert change is read by
 * the reader and must give back the very snapshot it was made from.
 */
export async function runVariants(w: World, classes: readonly VariantClass[], seed: number): Promise<Tally> {
  const store = w.commission.store;
  const actor = w.commission.app.session?.userId ?? 1;
  const digest = registerDigest(store);
  const wanted = only();
  // Every variant and the importer's detail, for a reproduction (TAMPER_ONLY) or TAMPER_VERBOSE=1.
  const verbose = wanted !== null || process.env.TAMPER_VERBOSE === '1';
  const tally: Tally = { seed, total: 0, byClass: new Map(), byReason: new Map(), failures: [], ms: 0 };
  const started = performance.now();
  const lastSeq = store.db.prepare('SELECT MAX(seq) AS seq FROM events').pluck();
  const after = store.db.prepare('SELECT type, body FROM events WHERE seq > ? ORDER BY seq');
  for (const { cls, from, to } of planned(classes)) {
    const counts = { rejected: 0, inert: 0 };
    tally.byClass.set(cls.name, counts);
    for (let index = from; index < to; index++) {
      if (wanted && !wanted.has(index)) continue;
      const fail = (what: string, expected: string, got: string) => tally.failures.push({ index, cls: cls.name, what, expected, got });
      let v: Variant;
      try {
        v = cls.make(w, Rng.forVariant(seed, index));
      } catch (error) {
        fail('(generation)', '-', `generator threw: ${(error as Error).stack ?? String(error)}`);
        continue;
      }
      tally.total++;
      if ('inert' in v.expected) {
        counts.inert++;
        const got = readBack(v);
        if (got !== 'same') fail(v.what, describe(v.expected), got);
        continue;
      }
      counts.rejected++;
      const expected = v.expected.reason;
      tally.byReason.set(expected, (tally.byReason.get(expected) ?? 0) + 1);
      const before = lastSeq.get() as number;
      let got: string;
      try {
        const r = await importSnapshot(store, `variant-${index}.gsnap`, v.bytes, actor);
        got = r.outcome === 'rejected' ? (r.reason ?? 'rejected without reason') : r.outcome;
        if (verbose) console.log(`#${index} [${cls.name}] ${v.what} -> ${got}: ${r.detail}`);
        if (r.outcome === 'rejected' && r.reason !== expected) got += ` (${r.detail})`;
      } catch (error) {
        got = `threw ${(error as Error).stack ?? String(error)}`;
      }
      if (got !== expected) fail(v.what, expected, got);
      const written = after.all(before) as { type: string; body: Buffer }[];
      const logged = written.map((e) => JSON.parse(e.body.toString('utf8')) as { data: { reason?: RejectionReason; fileSha256?: string } });
      const logOk = written.length === 1 && written[0]?.type === 'snapshot.rejected' && logged[0]?.data.reason === expected && logged[0]?.data.fileSha256 === sha256(v.bytes);
      if (!logOk) fail(v.what, `one snapshot.rejected event (${expected})`, `${written.length} events: ${written.map((e) => e.type).join(', ')}`);
      if (registerDigest(store) !== digest) {
        fail(v.what, 'register unchanged', 'the register changed');
        return { ...tally, ms: performance.now() - started };
      }
    }
  }
  return { ...tally, ms: performance.now() - started };
}

/** An inert change must read back as its base: same checkpoint, same events, same sums. */
function readBack(v: Variant): string {
  if (!v.same) return 'inert variant without its base';
  try {
    const got = verifySnapshot(openSnapshot(v.bytes), v.same.publicKey);
    const base = v.same.base;
    const same = got.checkpointSha256 === sha256(base.entries.get(NAMES.checkpoint) ?? Buffer.alloc(0)) && got.eventCount === base.events.length;
    return same ? 'same' : 'a different snapshot';
  } catch (error) {
    return `rejected: ${(error as Error).message}`;
  }
}

export function tallyLine(label: string, t: Tally): string {
  const classes = [...t.byClass].map(([name, c]) => `${name} ${c.rejected}${c.inert ? `+${c.inert} inert` : ''}`).join(', ');
  return `${label}: seed ${t.seed}, ${t.total} variants in ${(t.ms / 1000).toFixed(1)} s (${classes}); failures ${t.failures.length}`;
}

export function failureReport(label: string, t: Tally, file: string): string {
  const shown = t.failures.slice(0, 15).map(
    (f) => `  #${f.index} [${f.cls}] ${f.what}\n     expected ${f.expected}, got ${f.got.slice(0, 400)}\n     reproduce: TAMPER_SEED=${t.seed} TAMPER_ONLY=${f.index} npx vitest run ${file}`,
  );
  return `${label}: ${t.failures.length} of ${t.total} variants failed (seed ${t.seed})\n${shown.join('\n')}`;
}
