import { AGENCIES } from '../../../shared/domain/enums';
import { parsePublicKey } from './minisign';
import { reject } from './rejection';

/** checkpoint.txt, parsed. docs/snapshot-format.md describes every field. */
export interface Checkpoint {
  format: typeof FORMAT;
  armoury: string;
  name: string;
  agency: string;
  region: string;
  /** 1, 2, 3… per armoury. */
  snapshot: number;
  full: boolean;
  fromSeq: number;
  /** The journal size when the snapshot was made: the seq of its last event. */
  toSeq: number;
  head: string;
  /** prev of event fromSeq: 64 zeros for a full snapshot, else the head of the previous one. */
  firstPrev: string;
  /** SHA-256 of the previous snapshot's checkpoint.txt; null for the first. */
  previousCheckpoint: string | null;
  created: string;
  /** minisign key id of the signing key (16 upper-case hex digits). */
  keyId: string;
  /** A new public key line this snapshot announces (rotation), or null. */
  nextKey: string | null;
  weapons: number;
  lots: number;
}

export const FORMAT = 'gardien-snapshot 1';

/** The keys of checkpoint.txt, in their fixed order; next-key is the only optional one. */
const KEYS = [
  'format', 'armoury', 'name', 'agency', 'region', 'snapshot', 'full', 'from-seq', 'to-seq', 'head', 'first-prev',
  'previous-checkpoint', 'created', 'key-id', 'next-key', 'weapons', 'lots',
] as const;
type Key = (typeof KEYS)[number];

const HEX64 = /^[0-9a-f]{64}$/;
const COUNT = /^(0|[1-9][0-9]{0,15})$/;
const ARMOURY_CODE = /^[A-Z0-9-]{2,20}$/;
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function formatCheckpoint(c: Checkpoint): string {
  const values: Record<Key, string | null> = {
    format: c.format,
    armoury: c.armoury,
    name: c.name,
    agency: c.agency,
    region: c.region,
    snapshot: String(c.snapshot),
    full: c.full ? 'yes' : 'no',
    'from-seq': String(c.fromSeq),
    'to-seq': String(c.toSeq),
    head: c.head,
    'first-prev': c.firstPrev,
    'previous-checkpoint': c.previousCheckpoint ?? 'none',
    created: c.created,
    'key-id': c.keyId,
    'next-key': c.nextKey,
    weapons: String(c.weapons),
    lots: String(c.lots),
  };
  let text = '';
  for (const key of KEYS) {
    const value = values[key];
    if (value === null) continue;
    // Identity fields come from the armoury's own forms; a line break would forge a field.
    if (CONTROL.test(value)) throw new Error(`checkpoint ${key} holds a control character`);
    text += `${key}: ${value}\n`;
  }
  return text;
}

/** The minisign trusted comment: signed with the sums, it binds the file to its armoury, number, size and head. */
export function trustedCommentOf(c: Pick<Checkpoint, 'armoury' | 'snapshot' | 'toSeq' | 'head'>): string {
  return `gardien-snapshot armoury=${c.armoury} snapshot=${c.snapshot} to-seq=${c.toSeq} head=${c.head}`;
}

export interface TrustedClaim {
  armoury: string;
  snapshot: number;
  toSeq: number;
  head: string;
}

/** Parses a trusted comment written by trustedCommentOf; null when it is anything else. */
export function parseTrustedComment(text: string): TrustedClaim | null {
  const m = /^gardien-snapshot armoury=([A-Z0-9-]{2,20}) snapshot=([1-9][0-9]{0,15}) to-seq=([1-9][0-9]{0,15}) head=([0-9a-f]{64})$/.exec(text);
  if (!m) return null;
  const [, armoury = '', snapshot = '', toSeq = '', head = ''] = m;
  const n = Number(snapshot);
  const size = Number(toSeq);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(size)) return null;
  return { armoury, snapshot: n, toSeq: size, head };
}

/** Parses checkpoint.txt strictly (every key once, in order, nothing else); malformed_checkpoint otherwise. */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = (detail: string): never => reject('malformed_checkpoint', detail);
  if (!text.endsWith('\n')) bad('checkpoint.txt must end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  const values = new Map<Key, string>();
  let k = 0;
  for (const [i, line] of lines.entries()) {
    const sep = line.indexOf(': ');
    const key = sep > 0 ? line.slice(0, sep) : line;
    const value = sep > 0 ? line.slice(sep + 2) : '';
    if (sep <= 0) bad(`line ${i + 1} is not "key: value"`);
    if (CONTROL.test(value)) bad(`line ${i + 1} (${key}) holds a control character`);
    // Keys come in the fixed order: skip the optional next-key when absent.
    if (KEYS[k] === 'next-key' && key !== 'next-key') k++;
    if (KEYS[k] !== key) bad(`line ${i + 1}: expected "${KEYS[k] ?? '(end)'}", found "${key.slice(0, 40)}"`);
    values.set(key as Key, value);
    k++;
  }
  if (k < KEYS.length) bad(`missing "${KEYS[k] ?? ''}"`);
  const get = (key: Key): string => values.get(key) ?? '';
  const count = (key: Key, min: number): number => {
    const v = get(key);
    const n = Number(v);
    if (!COUNT.test(v) || !Number.isSafeInteger(n) || n < min) bad(`${key} "${v.slice(0, 40)}" is not a whole number from ${min}`);
    return n;
  };
  const hex = (key: Key): string => {
    const v = get(key);
    if (!HEX64.test(v)) bad(`${key} is not 64 lower-case hex digits`);
    return v;
  };
  if (get('format') !== FORMAT) bad(`format "${get('format').slice(0, 40)}" is not "${FORMAT}"`);
  if (!ARMOURY_CODE.test(get('armoury'))) bad('armoury is not an armoury code');
  // An armoury's name and agency are required at its setup: empty or unknown means someone else wrote the file.
  if (get('name') === '') bad('name is empty');
  if (!(AGENCIES as readonly string[]).includes(get('agency'))) bad(`agency "${get('agency').slice(0, 40)}" is not an agency`);
  if (get('full') !== 'yes' && get('full') !== 'no') bad('full is neither yes nor no');
  const previous = get('previous-checkpoint');
  if (previous !== 'none' && !HEX64.test(previous)) bad('previous-checkpoint is neither "none" nor 64 lower-case hex digits');
  const created = get('created');
  if (!CREATED.test(created) || Number.isNaN(Date.parse(created))) bad('created is not an ISO 8601 UTC time');
  if (!/^[0-9A-F]{16}$/.test(get('key-id'))) bad('key-id is not 16 upper-case hex digits');
  const nextKey = values.get('next-key') ?? null;
  if (nextKey !== null && parsePublicKey(nextKey) === null) bad('next-key is not a minisign public key line');
  const fromSeq = count('from-seq', 1);
  const toSeq = count('to-seq', 1);
  if (toSeq < fromSeq) bad(`to-seq ${toSeq} is before from-seq ${fromSeq}`);
  return {
    format: FORMAT,
    armoury: get('armoury'),
    name: get('name'),
    agency: get('agency'),
    region: get('region'),
    snapshot: count('snapshot', 1),
    full: get('full') === 'yes',
    fromSeq,
    toSeq,
    head: hex('head'),
    firstPrev: hex('first-prev'),
    previousCheckpoint: previous === 'none' ? null : previous,
    created,
    keyId: get('key-id'),
    nextKey,
    weapons: count('weapons', 0),
    lots: count('lots', 0),
  };
}
