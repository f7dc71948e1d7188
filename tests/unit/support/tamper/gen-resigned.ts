import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import { publicKeyText } from '../../../../src/main/core/snapshot/minisign';
import type { Rng } from './rng';
import type { Variant, VariantClass } from './run';
import { stateMismatch, sumsFault } from './gen-files';
import { events, hex64, original, type Ctx, type Mutation } from './mutation';
import { checkpointText, getField, joinLines, parseEvent, rechain, resign, sha256, withFields, NAMES, type CheckpointPairs, type EventObject } from './snapshot';
import type { World } from './world';

/**
 * Files the armoury's real key signed properly, each with one fault only the file's own checks
 * can find (checkpoint, events, state, sums, signature form): what an insider or a buggy writer
 * would produce. The expected reason is the fault's, by construction.
 */

/** The base's checkpoint with edited lines, signed with the real key and the base's own trusted comment. */
function withCheckpoint(c: Ctx, text: string, what: string): { what: string; bytes: Buffer } {
  return { what, bytes: resign({ base: c.base, key: c.w.keys.alpha, replace: { [NAMES.checkpoint]: Buffer.from(text, 'utf8') }, comment: original(c) }) };
}

const MALFORMED_VALUES: Record<string, readonly string[]> = {
  format: ['gardien-snapshot 2', 'gardien-snapshot', 'GARDIEN-SNAPSHOT 1'],
  armoury: ['ml-alp-01', 'M', 'ML ALP 01', 'ML-ALP-01-TOO-LONG-CODE-X'],
  name: [''],
  agency: ['', 'POLICE', 'army-navy'],
  snapshot: ['0', '02', '-1', 'two', '2.0', '1e3', ' 2'],
  full: ['oui', 'YES', 'true', ''],
  'from-seq': ['0', '-11', 'x', '011'],
  'to-seq': ['x', '0', '17.0', ''],
  head: ['ABC', 'z'.repeat(64), '0'.repeat(63)],
  'first-prev': ['0'.repeat(65), 'g'.repeat(64)],
  'previous-checkpoint': ['None', '', 'A'.repeat(64)],
  created: ['2025-03-03 08:00:00', 'yesterday', '2025-13-45T99:00:00Z', '2025-03-03T08:00:00+01:00'],
  'key-id': ['abcdef0123456789', 'ABC', 'G'.repeat(16)],
  weapons: ['-1', 'many', '1.5', ''],
  lots: ['-2', 'x'],
};

const malformedCheckpoint: Mutation = (c) => {
  const { r, base } = c;
  const pairs = base.checkpoint;
  const kind = r.pick(['value', 'drop line', 'duplicate line', 'swap lines', 'unknown key', 'CRLF', 'no final line feed', 'empty', 'BOM', 'bad next-key', 'no separator'] as const);
  const text = checkpointText(pairs);
  const i = r.int(0, pairs.length - 1);
  const list = [...pairs];
  switch (kind) {
    case 'value': {
      const key = r.pick(Object.keys(MALFORMED_VALUES));
      const value = r.pick(MALFORMED_VALUES[key] ?? []);
      return withCheckpoint(c, checkpointText(withFields(pairs, { [key]: value })), `checkpoint ${key}: ${JSON.stringify(value)}`);
    }
    case 'drop line':
      list.splice(i, 1);
      return withCheckpoint(c, checkpointText(list), `checkpoint without ${pairs[i]?.[0]}`);
    case 'duplicate line':
      list.splice(i, 0, pairs[i] as [string, string]);
      return withCheckpoint(c, checkpointText(list), `checkpoint ${pairs[i]?.[0]} twice`);
    case 'swap lines': {
      const j = i === pairs.length - 1 ? i - 1 : i + 1;
      [list[i], list[j]] = [list[j] as [string, string], list[i] as [string, string]];
      return withCheckpoint(c, checkpointText(list), `checkpoint ${pairs[i]?.[0]} and ${pairs[j]?.[0]} swapped`);
    }
    case 'unknown key':
      list.splice(i, 0, ['comment', 'ajouté']);
      return withCheckpoint(c, checkpointText(list), 'checkpoint with an unknown key');
    case 'CRLF':
      return withCheckpoint(c, text.replace(/\n/g, '\r\n'), 'checkpoint with CRLF line ends');
    case 'no final line feed':
      return withCheckpoint(c, text.slice(0, -1), 'checkpoint without its final line feed');
    case 'empty':
      return withCheckpoint(c, '', 'empty checkpoint');
    case 'BOM':
      return withCheckpoint(c, `\ufeff${text}`, 'checkpoint with a byte order mark');
    case 'bad next-key': {
      const at = list.findIndex(([k]) => k === 'weapons');
      list.splice(at, 0, ['next-key', r.pick(['RWQ', 'not a key', `Ed${'A'.repeat(54)}`])]);
      return withCheckpoint(c, checkpointText(list), 'checkpoint next-key is not a public key');
    }
    case 'no separator':
      return withCheckpoint(c, text.replace(`${pairs[i]?.[0]}: `, `${pairs[i]?.[0]}=`), `checkpoint ${pairs[i]?.[0]} without ": "`);
  }
};

/** Well-formed checkpoints that disagree with the trusted comment, the key or the events. */
const checkpointMismatch: Mutation = (c) => {
  const { r, base, w } = c;
  const key = w.keys.alpha;
  const num = (k: string) => Number(getField(base.checkpoint, k));
  const kind = r.pick([
    'snapshot', 'to-seq', 'head', 'armoury', 'comment to-seq', 'comment form', 'key-id', 'full', 'first-prev', 'from-seq', 'to-seq past events',
    'previous none', 'first not full', 'next-key without rotation', 'last event dropped', 'empty events',
  ] as const);
  const signed = (fields: Record<string, string | null>, opts: { bodies?: Buffer[]; comment?: string } = {}) =>
    resign({ base, key, fields, ...(opts.bodies ? { bodies: opts.bodies } : {}), ...(opts.comment !== undefined ? { comment: opts.comment } : {}) });
  let bytes: Buffer;
  switch (kind) {
    case 'snapshot': bytes = signed({ snapshot: String(num('snapshot') + r.int(1, 5)) }, { comment: original(c) }); break;
    case 'to-seq': bytes = signed({ 'to-seq': String(num('to-seq') + r.int(1, 5)) }, { comment: original(c) }); break;
    case 'head': bytes = signed({ head: hex64(r) }, { comment: original(c) }); break;
    case 'armoury': bytes = signed({ armoury: r.pick(['ML-BRV-01', 'ML-ALP-02', 'ML-XXX-99']) }, { comment: original(c) }); break;
    case 'comment to-seq': bytes = signed({}, { comment: original(c).replace(/to-seq=\d+/, `to-seq=${num('to-seq') + r.int(1, 9)}`) }); break;
    case 'comment form':
      bytes = signed({}, { comment: r.pick([`timestamp:${r.int(1, 2e9)}\tfile:SHA256SUMS\thashed`, original(c).replace(/ head=.*/, ''), `${original(c)} extra`, '']) });
      break;
    case 'key-id': bytes = signed({ 'key-id': r.bytes(8).toString('hex').toUpperCase() }); break;
    case 'full': bytes = signed({ full: 'yes' }); break;
    case 'first-prev': bytes = signed({ 'first-prev': hex64(r) }); break;
    case 'from-seq': bytes = signed({ 'from-seq': String(num('from-seq') + r.int(1, 3)) }); break;
    case 'to-seq past events': bytes = signed({ 'to-seq': String(num('to-seq') + r.int(1, 3)) }); break;
    case 'previous none': bytes = signed({ 'previous-checkpoint': 'none' }); break;
    case 'first not full': bytes = signed({ snapshot: '1' }); break;
    case 'next-key without rotation': {
      const pairs: CheckpointPairs = [...base.checkpoint];
      pairs.splice(pairs.findIndex(([k]) => k === 'weapons'), 0, ['next-key', publicKeyText(w.keys.unknown.publicKey, w.keys.unknown.keyId).line]);
      bytes = resign({ base, key, replace: { [NAMES.checkpoint]: Buffer.from(checkpointText(pairs)) }, comment: original(c) });
      break;
    }
    case 'last event dropped': bytes = signed({ 'to-seq': String(num('to-seq')), head: getField(base.checkpoint, 'head') }, { bodies: base.events.slice(0, -1), comment: original(c) }); break;
    case 'empty events': bytes = resign({ base, key, replace: { [NAMES.events]: Buffer.alloc(0) }, comment: original(c) }); break;
  }
  return { what: `checkpoint disagrees: ${kind}`, bytes };
};

/** One event line that is not an event of the documented shape; the lines before it are untouched. */
const malformedEvent: Mutation = (c) => {
  const { r, base } = c;
  const bodies = [...base.events];
  const i = r.int(0, bodies.length - 1);
  const line = bodies[i] as Buffer;
  const e = parseEvent(line);
  const kind = r.pick(['cut', 'not an object', 'v', 'seq', 'prev', 'at', 'armoury type', 'type', 'actor', 'approver', 'no data', 'empty line', 'no final line feed', 'BOM'] as const);
  const set = (patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...e, ...patch }));
  let events: Buffer;
  switch (kind) {
    case 'cut': bodies[i] = line.subarray(0, r.int(0, line.length - 1)); break;
    case 'not an object': bodies[i] = Buffer.from(r.pick(['[1,2]', '"event"', '42', 'null', 'true'])); break;
    case 'v': bodies[i] = set({ v: r.pick([2, 0, '1', null]) }); break;
    case 'seq': bodies[i] = set({ seq: r.pick([String(e.seq), 0, -1, e.seq + 0.5, null]) }); break;
    case 'prev': bodies[i] = set({ prev: r.pick([e.prev.toUpperCase().replace(/^[0-9]/, 'A'), e.prev.slice(1), 42]) }); break;
    case 'at': bodies[i] = set({ at: r.pick(['yesterday', '2025-03-03', 1741000000000, '2025-02-30T25:00:00.000Z']) }); break;
    case 'armoury type': bodies[i] = set({ armoury: r.pick([42, null, ['ML-ALP-01']]) }); break;
    case 'type': bodies[i] = set({ type: r.pick(['', 'Weapon Registered', 42, 'x'.repeat(81)]) }); break;
    case 'actor': bodies[i] = set({ actor: r.pick([0, -1, '1', 1.5]) }); break;
    case 'approver': bodies[i] = set({ approver: r.pick([0, 'chef', -3]) }); break;
    case 'no data': {
      const { data: _data, ...rest } = e;
      bodies[i] = Buffer.from(JSON.stringify(rest));
      break;
    }
    case 'empty line': bodies.splice(i, 0, Buffer.alloc(0)); break;
    case 'BOM': bodies[i] = Buffer.concat([Buffer.from('\ufeff'), line]); break;
    case 'no final line feed': break;
  }
  events = joinLines(bodies);
  if (kind === 'no final line feed') events = events.subarray(0, -1);
  const bytes = resign({ base, key: c.w.keys.alpha, replace: { [NAMES.events]: events }, comment: original(c) });
  return { what: `events line ${i + 1}: ${kind}`, bytes };
};

/** Event i of another armoury, the chain re-linked from there so only the armoury is wrong. */
const wrongArmoury: Mutation = (c) => {
  const { r, base } = c;
  const list = events(c);
  const i = r.int(0, list.length - 1);
  const other = r.pick(['ML-BRV-01', 'ML-ALP-02', 'ml-alp-01', 'ML-XXX-99', '']);
  list[i] = { ...(list[i] as EventObject), armoury: other };
  const { bodies } = rechain(list, base.fromSeq, getField(base.checkpoint, 'first-prev'));
  return { what: `seq ${base.fromSeq + i} of armoury ${JSON.stringify(other)}`, bytes: resign({ base, key: c.w.keys.alpha, bodies }) };
};

/** A seq missing, repeated or out of order inside the file, the prev links re-made so only the seqs are wrong. */
const seqGapInFile: Mutation = (c) => {
  const { r, base } = c;
  const list = events(c);
  const i = r.int(1, list.length - 2);
  const kind = r.pick(['removed', 'repeated', 'swapped', 'skipped'] as const);
  let objects: EventObject[];
  if (kind === 'removed') objects = list.filter((_, j) => j !== i);
  else if (kind === 'repeated') objects = [...list.slice(0, i + 1), { ...(list[i] as EventObject) }, ...list.slice(i + 1)];
  else if (kind === 'swapped') objects = list.map((e, j) => (j === i ? (list[i + 1] as EventObject) : j === i + 1 ? (list[i] as EventObject) : e));
  else objects = list.map((e, j) => (j >= i ? { ...e, seq: e.seq + 1 } : e));
  // Keep each event's own seq; re-link prev only.
  let prev = getField(base.checkpoint, 'first-prev');
  const bodies = objects.map((e) => {
    const body = Buffer.from(JSON.stringify({ ...e, prev }));
    prev = sha256(body);
    return body;
  });
  return { what: `seq ${base.fromSeq + i} ${kind} inside the file`, bytes: resign({ base, key: c.w.keys.alpha, bodies }) };
};

/** An event changed (or its prev) without re-linking what follows: the chain breaks inside the file. */
const brokenChain: Mutation = (c) => {
  const { r, base } = c;
  const bodies = [...base.events];
  const list = events(c);
  const kind = r.pick(['edited, not re-linked', 'prev replaced'] as const);
  if (kind === 'edited, not re-linked') {
    const i = r.int(0, bodies.length - 2);
    bodies[i] = Buffer.from(JSON.stringify({ ...list[i], actor: (list[i]?.actor as number) + 1 }));
    return { what: `seq ${base.fromSeq + i} ${kind}`, bytes: resign({ base, key: c.w.keys.alpha, bodies }) };
  }
  const i = r.int(1, bodies.length - 1);
  const objects = list.map((e, j) => (j === i ? { ...e, prev: i >= 2 && r.chance(0.5) ? sha256(bodies[i - 2] as Buffer) : hex64(r) } : e));
  // Everything after it linked to it, so the only broken link is its own.
  let prev = getField(base.checkpoint, 'first-prev');
  const relinked = objects.map((e, j) => {
    const body = Buffer.from(JSON.stringify(j === i ? e : { ...e, prev }));
    prev = sha256(body);
    return body;
  });
  return { what: `seq ${base.fromSeq + i} ${kind}`, bytes: resign({ base, key: c.w.keys.alpha, bodies: relinked }) };
};

function fromMutation(reason: RejectionReason | ((what: string) => RejectionReason), m: Mutation): (w: World, r: Rng) => Variant {
  return (w, r) => {
    const { what, bytes } = m({ w, r, base: w.bases.alpha2 });
    const expected = typeof reason === 'function' ? reason(what) : reason;
    return { what: `alpha2 re-signed with its real key: ${what}`, bytes, expected: { reason: expected } };
  };
}

const bracketed = (what: string): RejectionReason => (/\[([a-z_0-9]+)\]$/.exec(what)?.[1] ?? 'malformed_sums') as RejectionReason;

export const RESIGNED_CLASSES: VariantClass[] = [
  { name: 'malformed checkpoint', count: 350, make: fromMutation('malformed_checkpoint', malformedCheckpoint) },
  { name: 'checkpoint mismatch', count: 350, make: fromMutation('checkpoint_mismatch', checkpointMismatch) },
  { name: 'malformed event', count: 300, make: fromMutation('malformed_event', malformedEvent) },
  { name: 'wrong armoury', count: 100, make: fromMutation('wrong_armoury', wrongArmoury) },
  { name: 'seq gap in file', count: 150, make: fromMutation('seq_gap', seqGapInFile) },
  { name: 'broken chain', count: 150, make: fromMutation('broken_chain', brokenChain) },
  { name: 'state mismatch', count: 300, make: fromMutation('state_mismatch', stateMismatch) },
  { name: 'sums fault', count: 300, make: fromMutation(bracketed, sumsFault) },
];
