import { createHash } from 'node:crypto';
import { keyIdHex, signPrehashed, type SigningKey } from '../../../../src/main/core/snapshot/minisign';
import { entriesOf, writeZip, type RawEntry } from './zip';

/** The snapshot's names, in the order Gardien writes them (docs/snapshot-format.md). */
export const NAMES = {
  checkpoint: 'checkpoint.txt',
  events: 'events.ndjson',
  weapons: 'state/weapons.ndjson',
  lots: 'state/lots.ndjson',
  sums: 'SHA256SUMS',
  signature: 'SHA256SUMS.minisig',
} as const;
export const CONTENT = [NAMES.checkpoint, NAMES.events, NAMES.weapons, NAMES.lots] as const;
export const ALL_NAMES: readonly string[] = [...CONTENT, NAMES.sums, NAMES.signature];

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
export const GENESIS = '0'.repeat(64);

/** checkpoint.txt as ordered "key: value" pairs. */
export type CheckpointPairs = [string, string][];

export function parseCheckpointPairs(text: string): CheckpointPairs {
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const i = line.indexOf(': ');
      return [line.slice(0, i), line.slice(i + 2)] as [string, string];
    });
}

export function checkpointText(pairs: CheckpointPairs): string {
  return pairs.map(([k, v]) => `${k}: ${v}\n`).join('');
}

export function getField(pairs: CheckpointPairs, key: string): string {
  const pair = pairs.find(([k]) => k === key);
  if (!pair) throw new Error(`checkpoint has no ${key}`);
  return pair[1];
}

/** A copy with `changes` applied (a null value removes the key). */
export function withFields(pairs: CheckpointPairs, changes: Record<string, string | null>): CheckpointPairs {
  const out: CheckpointPairs = [];
  for (const [k, v] of pairs) {
    const c = changes[k];
    if (c === null) continue;
    out.push([k, c ?? v]);
  }
  return out;
}

export function trustedComment(pairs: CheckpointPairs): string {
  const f = (k: string) => getField(pairs, k);
  return `gardien-snapshot armoury=${f('armoury')} snapshot=${f('snapshot')} to-seq=${f('to-seq')} head=${f('head')}`;
}

export function sumsText(files: readonly { name: string; data: Buffer }[]): string {
  return files.map((f) => `${sha256(f.data)}  ${f.name}\n`).join('');
}

/** The lines of an ndjson buffer (each "\n"-terminated; Gardien leaves no partial last line). */
export function lines(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  while (start < data.length) {
    const nl = data.indexOf(0x0a, start);
    const end = nl === -1 ? data.length : nl;
    out.push(data.subarray(start, end));
    start = end + 1;
  }
  return out;
}

export const joinLines = (list: readonly Buffer[]): Buffer => Buffer.concat(list.flatMap((l) => [l, Buffer.from('\n')]));

/** A real snapshot taken apart: what every generator starts from. */
export interface Base {
  label: string;
  file: Buffer;
  entries: Map<string, Buffer>;
  checkpoint: CheckpointPairs;
  events: Buffer[];
  armoury: string;
  number: number;
  fromSeq: number;
  toSeq: number;
  keyId: string;
}

export function parseBase(label: string, file: Buffer): Base {
  const entries = entriesOf(file);
  const get = (name: string) => entries.get(name) ?? Buffer.alloc(0);
  const checkpoint = parseCheckpointPairs(get(NAMES.checkpoint).toString('utf8'));
  return {
    label, file, entries, checkpoint, events: lines(get(NAMES.events)),
    armoury: getField(checkpoint, 'armoury'), number: Number(getField(checkpoint, 'snapshot')),
    fromSeq: Number(getField(checkpoint, 'from-seq')), toSeq: Number(getField(checkpoint, 'to-seq')), keyId: getField(checkpoint, 'key-id'),
  };
}

/** What a variant writes into the archive: content files in order, then how the tail is made. */
export interface Assembly {
  files: { name: string; data: Buffer }[];
  key: SigningKey;
  comment: string;
  /** Sums text other than the one computed over `files`. */
  sums?: Buffer;
  /** A signature text other than the one made over the sums. */
  signature?: Buffer;
  /** Entries to add after the signature, or changes to the writer's per-entry knobs by name. */
  extra?: RawEntry[];
  knobs?: Record<string, Partial<RawEntry>>;
}

export function sign(sums: Buffer, key: SigningKey, comment: string): Buffer {
  return Buffer.from(signPrehashed(sums, key, comment), 'utf8');
}

/** Builds the archive: SHA256SUMS over the content files, signed, then zipped. */
export function assemble(a: Assembly): Buffer {
  const sums = a.sums ?? Buffer.from(sumsText(a.files), 'utf8');
  const signature = a.signature ?? sign(sums, a.key, a.comment);
  const all: RawEntry[] = [...a.files, { name: NAMES.sums, data: sums }, { name: NAMES.signature, data: signature }, ...(a.extra ?? [])];
  return writeZip(all.map((e) => ({ ...e, ...(a.knobs?.[typeof e.name === 'string' ? e.name : ''] ?? {}) })));
}

/** The content files of a base with some replaced (null drops one). */
export function contentOf(base: Base, replace: Partial<Record<string, Buffer | null>> = {}): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  for (const name of CONTENT) {
    const r = replace[name];
    if (r === null) continue;
    const data = r ?? base.entries.get(name);
    if (data) out.push({ name, data });
  }
  return out;
}

/** An event body as an object, key order kept (JSON.stringify of it gives the journal's bytes back). */
export type EventObject = Record<string, unknown> & { seq: number; prev: string };

export function parseEvent(body: Buffer): EventObject {
  return JSON.parse(body.toString('utf8')) as EventObject;
}

/** Re-encodes events with seq from `fromSeq` and each prev the hash of the previous body: a chain that links. */
export function rechain(events: readonly EventObject[], fromSeq: number, firstPrev: string): { bodies: Buffer[]; head: string } {
  let prev = firstPrev;
  const bodies: Buffer[] = [];
  events.forEach((e, i) => {
    const body = Buffer.from(JSON.stringify({ ...e, seq: fromSeq + i, prev }), 'utf8');
    bodies.push(body);
    prev = sha256(body);
  });
  return { bodies, head: prev };
}

export interface Resign {
  base: Base;
  key: SigningKey;
  /** Event bodies for events.ndjson (default: the base's). */
  bodies?: Buffer[];
  fields?: Record<string, string | null>;
  /** Content replacements by name (null drops a file). */
  replace?: Partial<Record<string, Buffer | null>>;
  comment?: string;
}

/**
 * A consistent snapshot built from a base with the given events and fields, signed by `key`: the
 * checkpoint's to-seq, head and key-id follow the events and key unless `fields` says otherwise.
 */
export function resign(r: Resign): Buffer {
  const bodies = r.bodies ?? r.base.events;
  const last = bodies.at(-1);
  const first = bodies[0];
  const auto: Record<string, string> = { 'key-id': keyIdHex(r.key.keyId) };
  if (last && first) {
    auto['to-seq'] = String(parseEvent(last).seq);
    auto['from-seq'] = String(parseEvent(first).seq);
    auto.head = sha256(last);
    auto['first-prev'] = parseEvent(first).prev;
  }
  const pairs = withFields(r.base.checkpoint, { ...auto, ...(r.fields ?? {}) });
  const checkpoint = Buffer.from(checkpointText(pairs), 'utf8');
  const files = contentOf(r.base, { [NAMES.checkpoint]: checkpoint, [NAMES.events]: joinLines(bodies), ...(r.replace ?? {}) });
  return assemble({ files, key: r.key, comment: r.comment ?? trustedComment(pairs) });
}
