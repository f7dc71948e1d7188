import { keyIdHex, type SigningKey } from '../../../../src/main/core/snapshot/minisign';
import { AGENCIES, WEAPON_STATUSES, WEAPON_TYPES } from '../../../../src/shared/domain/enums';
import type { RejectionReason } from '../../../../src/shared/domain/snapshot';
import type { Rng } from './rng';
import type { Variant, VariantClass } from './run';
import {
  checkpointText, contentOf, GENESIS, getField, joinLines, lines, NAMES, parseEvent, rechain, resign, sha256, assemble, trustedComment, withFields,
  type Base, type EventObject,
} from './snapshot';
import { claimOf, keyVerdict, registerVerdict } from './verdicts';
import type { World } from './world';

/**
 * Forgeries and history attacks: files that are well-formed and correctly signed by some key, so
 * only the registry (which keys, whose, in what state) or the register (what was imported
 * before) can refuse them. Each generator states the reason it aims at; the world's model of the
 * register must agree, or the generator itself is wrong (it throws).
 */

const iso = (t: number) => new Date(t).toISOString();

/** A small edit to one event, re-linked after it by the caller. */
function editEvent(e: EventObject, r: Rng): { event: EventObject; what: string } {
  const kind = r.pick(['time', 'actor', 'data'] as const);
  if (kind === 'time') return { event: { ...e, at: iso(Date.parse(String(e.at)) - r.int(1, 86_400) * 1000) }, what: 'time moved back' };
  if (kind === 'actor') return { event: { ...e, actor: (e.actor as number) + 1 }, what: 'actor changed' };
  const data = JSON.parse(JSON.stringify(e.data ?? {})) as Record<string, unknown>;
  const key = Object.keys(data).find((k) => typeof data[k] === 'string');
  if (key) data[key] = `${String(data[key])}X`;
  else data.note = 'ajouté';
  return { event: { ...e, data }, what: key ? `data.${key} edited` : 'data extended' };
}

interface Made {
  what: string;
  bytes: Buffer;
  claimed: ReturnType<typeof claimOf>;
}

interface InsiderFile {
  journal: Buffer[];
  fromSeq: number;
  number: number;
  previousCheckpoint: string | null;
  key: SigningKey;
  weapons?: Buffer;
  lots?: Buffer;
  created?: string;
}

/** A snapshot of `journal` (whole bodies, seq 1..n) from `fromSeq`, as an insider with the database and a key makes it. */
function insiderFile(base: Base, f: InsiderFile): { bytes: Buffer; claimed: ReturnType<typeof claimOf> } {
  const bodies = f.journal.slice(f.fromSeq - 1);
  const weapons = f.weapons ?? base.entries.get(NAMES.weapons) ?? Buffer.alloc(0);
  const lots = f.lots ?? base.entries.get(NAMES.lots) ?? Buffer.alloc(0);
  const pairs = withFields(base.checkpoint, {
    snapshot: String(f.number), full: f.fromSeq === 1 ? 'yes' : 'no', 'from-seq': String(f.fromSeq), 'to-seq': String(f.journal.length),
    head: sha256(f.journal.at(-1) ?? Buffer.alloc(0)), 'first-prev': f.fromSeq === 1 ? GENESIS : sha256(f.journal[f.fromSeq - 2] ?? Buffer.alloc(0)),
    'previous-checkpoint': f.previousCheckpoint ?? 'none', 'key-id': keyIdHex(f.key.keyId), created: f.created ?? getField(base.checkpoint, 'created'),
    weapons: String(lines(weapons).length), lots: String(lines(lots).length),
  });
  const files = contentOf(base, { [NAMES.checkpoint]: Buffer.from(checkpointText(pairs)), [NAMES.events]: joinLines(bodies), [NAMES.weapons]: weapons, [NAMES.lots]: lots });
  const bytes = assemble({ files, key: f.key, comment: trustedComment(pairs) });
  return { bytes, claimed: claimOf(pairs, bodies, bytes) };
}

/** State lines kept and renumbered after events were removed from the journal (an insider hiding them keeps the file consistent). */
function remapState(data: Buffer, removed: ReadonlySet<number>, lastSeq: number): Buffer {
  const shift = (seq: number) => seq - [...removed].filter((d) => d <= seq).length;
  const out: Buffer[] = [];
  for (const line of lines(data)) {
    const o = JSON.parse(line.toString()) as Record<string, unknown>;
    const id = o.id as number;
    if (removed.has(id) || id > lastSeq) continue;
    const moved: Record<string, unknown> = { ...o, id: shift(id) };
    if (typeof o.updatedSeq === 'number') moved.updatedSeq = Math.max(1, Math.min(shift(o.updatedSeq), lastSeq));
    out.push(Buffer.from(JSON.stringify(moved)));
  }
  return joinLines(out);
}

/** ALPHA's register state as the world imported it: snapshot 1, its last seq and checkpoint. */
function alphaRegister(w: World): { lastSeq: number; lastNumber: number; lastCheckpoint: string } {
  const a = w.register.armouries.get(w.bases.alpha1.armoury);
  if (!a || a.lastNumber === null || a.lastCheckpoint === null) throw new Error('ALPHA has no accepted snapshot in the model');
  return { lastSeq: a.lastSeq, lastNumber: a.lastNumber, lastCheckpoint: a.lastCheckpoint };
}

/** The next number and its predecessor's checkpoint (what a diligent insider writes), or a later number. */
function numbering(w: World, r: Rng): { number: number; previousCheckpoint: string } {
  const reg = alphaRegister(w);
  return r.chance(0.6)
    ? { number: reg.lastNumber + 1, previousCheckpoint: reg.lastCheckpoint }
    : { number: reg.lastNumber + r.int(2, 9), previousCheckpoint: sha256(r.bytes(16)) };
}

/** The insider's attacks on ALPHA's imported history, each with the reason it must get. */
function insider(w: World, r: Rng): Made & { aim: RejectionReason } {
  const base = w.bases.alpha2;
  const key = w.keys.alpha;
  const reg = alphaRegister(w);
  const journal = w.alphaJournal;
  const objects = journal.map(parseEvent);
  const kind = r.pick(['rewrite', 'delete', 'reorder', 'truncate', 'skip ahead', 'first-prev', 'previous checkpoint'] as const);
  const n = numbering(w, r);
  const made = (what: string, file: InsiderFile, aim: RejectionReason): Made & { aim: RejectionReason } => ({ what, aim, ...insiderFile(base, file) });
  switch (kind) {
    case 'rewrite': {
      const k = r.int(1, reg.lastSeq);
      const { event, what } = editEvent(objects[k - 1] as EventObject, r);
      const edited = [...objects];
      edited[k - 1] = event;
      const { bodies } = rechain(edited, 1, GENESIS);
      const fromSeq = r.chance(0.5) ? 1 : r.int(2, k);
      return made(`imported seq ${k} rewritten (${what}), re-chained, from seq ${fromSeq}, number ${n.number}`, { journal: bodies, fromSeq, ...n, key }, 'history_rewritten');
    }
    case 'delete': {
      const count = r.int(1, 9);
      const removed = new Set<number>();
      while (removed.size < count) removed.add(r.int(1, r.chance(0.7) ? reg.lastSeq : journal.length));
      if (![...removed].some((d) => d <= reg.lastSeq)) removed.add(r.int(1, reg.lastSeq));
      const kept = objects.filter((e) => !removed.has(e.seq));
      const { bodies } = rechain(kept, 1, GENESIS);
      const weapons = remapState(base.entries.get(NAMES.weapons) ?? Buffer.alloc(0), removed, bodies.length);
      const lots = remapState(base.entries.get(NAMES.lots) ?? Buffer.alloc(0), removed, bodies.length);
      // Fewer events than the register holds is truncation, whatever else changed.
      const aim = bodies.length < reg.lastSeq ? 'truncated' : 'history_rewritten';
      return made(`seqs ${[...removed].sort((a, b) => a - b).join(',')} deleted, renumbered, re-chained, number ${n.number}`, { journal: bodies, fromSeq: 1, ...n, key, weapons, lots }, aim);
    }
    case 'reorder': {
      let k1 = 0;
      let k2 = 0;
      // Two events that differ once their seq and prev are set aside (swapping twins changes nothing).
      do {
        k1 = r.int(1, reg.lastSeq);
        k2 = r.int(k1 + 1, journal.length);
      } while (JSON.stringify({ ...objects[k1 - 1], seq: 0, prev: '' }) === JSON.stringify({ ...objects[k2 - 1], seq: 0, prev: '' }));
      const swapped = objects.map((e, i) => (i === k1 - 1 ? (objects[k2 - 1] as EventObject) : i === k2 - 1 ? (objects[k1 - 1] as EventObject) : e));
      const { bodies } = rechain(swapped, 1, GENESIS);
      return made(`seqs ${k1} and ${k2} swapped, renumbered, re-chained, number ${n.number}`, { journal: bodies, fromSeq: 1, ...n, key }, 'history_rewritten');
    }
    case 'truncate': {
      const t = r.int(1, reg.lastSeq - 1);
      const body = journal.slice(0, t);
      const weapons = remapState(base.entries.get(NAMES.weapons) ?? Buffer.alloc(0), new Set(), t);
      const lots = remapState(base.entries.get(NAMES.lots) ?? Buffer.alloc(0), new Set(), t);
      return made(`journal cut to seq ${t} (register holds ${reg.lastSeq}), number ${n.number}`, { journal: body, fromSeq: r.int(1, t), ...n, key, weapons, lots }, 'truncated');
    }
    case 'skip ahead': {
      const fromSeq = r.int(reg.lastSeq + 2, journal.length);
      return made(`since-last file from seq ${fromSeq} (register holds ${reg.lastSeq})`, { journal, fromSeq, ...n, key }, 'seq_gap');
    }
    case 'first-prev': {
      // A since-last file whose events link to a head the register never had.
      const forged = Buffer.from(JSON.stringify({ ...objects[reg.lastSeq - 1], at: iso(Date.parse(String(objects[reg.lastSeq - 1]?.at)) - 1000) }));
      const { bodies } = rechain(objects.slice(reg.lastSeq), reg.lastSeq + 1, sha256(forged));
      const fake = [...journal.slice(0, reg.lastSeq - 1), forged, ...bodies];
      return made(`since-last file linked to a forged seq ${reg.lastSeq}`, { journal: fake, fromSeq: reg.lastSeq + 1, ...n, key }, 'history_rewritten');
    }
    case 'previous checkpoint': {
      const reg2 = alphaRegister(w);
      return made('true events, previous-checkpoint not the imported one', { journal, fromSeq: r.chance(0.5) ? 1 : reg2.lastSeq + 1, number: reg2.lastNumber + 1, previousCheckpoint: sha256(r.bytes(8)), key }, 'history_rewritten');
    }
  }
}

/** Older states presented again: re-signed with the real key, or a never-imported older file. */
function replay(w: World, r: Rng): Made & { aim: RejectionReason } {
  const kind = r.pick(['alpha 1 re-dated', 'alpha today as number 1', 'bravo 1 re-dated', 'bravo 1 as it was'] as const);
  const created = iso(w.clock.t + r.int(1, 1000) * 60_000);
  if (kind === 'bravo 1 as it was') {
    const b = w.bases.bravo1;
    return { what: kind, aim: 'replayed', bytes: b.file, claimed: claimOf(b.checkpoint, b.events, b.file) };
  }
  if (kind === 'alpha today as number 1') {
    const made = insiderFile(w.bases.alpha2, { journal: w.alphaJournal, fromSeq: 1, number: 1, previousCheckpoint: null, key: w.keys.alpha, created });
    return { what: kind, aim: 'replayed', ...made };
  }
  const base = kind === 'alpha 1 re-dated' ? w.bases.alpha1 : w.bases.bravo1;
  const key = kind === 'alpha 1 re-dated' ? w.keys.alpha : w.keys.bravo;
  const pairs = withFields(base.checkpoint, { created });
  const bytes = resign({ base, key, fields: { created } });
  return { what: kind, aim: 'replayed', bytes, claimed: claimOf(pairs, base.events, bytes) };
}

type StateLine = Record<string, unknown> & { id: number; updatedSeq: number };

/** A different value of a state field that still has the documented form (so only the cross-check can tell). */
function otherValue(field: string, v: unknown, r: Rng): unknown {
  switch (field) {
    case 'type': return r.pick(WEAPON_TYPES.filter((t) => t !== v));
    case 'agency': return r.pick(AGENCIES.filter((a) => a !== v));
    case 'status': return r.pick(WEAPON_STATUSES.filter((s) => s !== v));
    case 'yearOfManufacture': return typeof v === 'number' ? v + r.int(1, 9) : 1990;
    case 'registeredAt': return iso(Date.parse(String(v)) - r.int(1, 86_400) * 1000);
    default: return r.chance(0.5) ? `${String(v)}X` : String(v).slice(0, -1);
  }
}

/**
 * An insider with the real key who keeps every event true (so the register's history checks
 * pass) and the counts consistent, but edits the state the national register's rows come from:
 * a weapon hidden, altered or invented. Only the importer's cross-check can refuse it.
 */
function insiderState(w: World, r: Rng): Variant {
  const base = w.bases.alpha2;
  const reg = alphaRegister(w);
  const state = lines(base.entries.get(NAMES.weapons) ?? Buffer.alloc(0)).map((l) => JSON.parse(l.toString('utf8')) as StateLine);
  const registered = new Set(base.events.map(parseEvent).filter((e) => e.type === 'weapon.registered' || e.type === 'weapon.transferred_in').map((e) => e.seq));
  const held = state.filter((x) => x.id <= reg.lastSeq);
  const added = state.filter((x) => registered.has(x.id));
  const kind = r.pick(['weapon dropped', 'new weapon dropped', 'identity altered', 'weapon invented', 'status changed', 'updatedSeq changed'] as const);
  let out = [...state];
  let what: string;
  switch (kind) {
    case 'weapon dropped':
    case 'new weapon dropped': {
      const gone = r.pick(kind === 'weapon dropped' ? held : added);
      out = state.filter((x) => x.id !== gone.id);
      what = `${kind === 'weapon dropped' ? 'imported' : 'new'} weapon ${gone.id} dropped, count fixed`;
      break;
    }
    case 'identity altered': {
      const victim = r.pick(state);
      const field = r.pick(['serial', 'serial', 'nationalCode', 'manufacturer', 'model', 'type', 'calibre', 'agency', 'countryOfManufacture', 'yearOfManufacture', 'registeredAt']);
      out = state.map((x) => (x === victim ? { ...x, [field]: otherValue(field, x[field], r) } : x));
      what = `weapon ${victim.id}: ${field === 'serial' ? 'serial altered' : `${field} altered`}`;
      break;
    }
    case 'weapon invented': {
      const ids = new Set(state.map((x) => x.id));
      let id = r.int(1, base.toSeq);
      while (ids.has(id) || registered.has(id)) id = r.int(1, base.toSeq);
      const model = r.pick(state);
      const ghost: StateLine = { ...model, id, nationalCode: `ML-PN-G${id}`, serial: `GHOST-${r.int(1, 9999)}`, status: 'in_store', updatedSeq: id };
      out = [...state, ghost].sort((x, y) => x.id - y.id);
      what = `weapon ${id} never registered added, count fixed`;
      break;
    }
    case 'status changed': {
      const victim = r.pick(state);
      const status = otherValue('status', victim.status, r);
      out = state.map((x) => (x === victim ? { ...x, status } : x));
      what = `weapon ${victim.id}: status ${String(victim.status)} -> ${String(status)}`;
      break;
    }
    case 'updatedSeq changed': {
      const victim = r.pick(state);
      let seq = victim.updatedSeq;
      while (seq === victim.updatedSeq) seq = r.int(victim.id, base.toSeq);
      out = state.map((x) => (x === victim ? { ...x, updatedSeq: seq } : x));
      what = `weapon ${victim.id}: updatedSeq ${victim.updatedSeq} -> ${seq}`;
      break;
    }
  }
  const weapons = joinLines(out.map((x) => Buffer.from(JSON.stringify(x))));
  const bytes = resign({ base, key: w.keys.alpha, replace: { [NAMES.weapons]: weapons }, fields: { weapons: String(out.length) } });
  const model = registerVerdict(w.register, claimOf(base.checkpoint, base.events, bytes));
  if (model !== 'accepted') throw new Error(`generator: the state edit (${what}) must pass the history checks, the register model says ${model}`);
  return { what: `insider with the real key, true events, state edited: ${what}`, bytes, expected: { reason: 'state_mismatch' } };
}

function checked(w: World, m: Made & { aim: RejectionReason }, label: string): Variant {
  const model = registerVerdict(w.register, m.claimed);
  if (model !== m.aim) throw new Error(`generator: ${m.what} aims at ${m.aim}, the register model says ${model}`);
  return { what: `${label}: ${m.what}`, bytes: m.bytes, expected: { reason: m.aim } };
}

/**
 * A forged file: real events of some armoury (edited or not, re-chained), signed by a key that
 * must not be trusted for it. The reason follows from the key's state and the armoury claimed.
 */
function forgery(w: World, r: Rng): Variant {
  const { keys, bases } = w;
  const choices = [
    { label: 'unknown key', key: keys.unknown, base: bases.alpha2 },
    { label: 'unknown key, armoury never enrolled', key: keys.unknown, base: bases.echo1 },
    { label: "BRAVO's key on ALPHA's file", key: keys.bravo, base: bases.alpha2 },
    { label: "DELTA's key on ALPHA's file", key: keys.deltaNew, base: bases.alpha2 },
    { label: "CHARLIE's revoked key on its own file", key: keys.charlie, base: bases.charlie2 },
    { label: "CHARLIE's revoked key on ALPHA's file", key: keys.charlie, base: bases.alpha2 },
    { label: "DELTA's retired key on its own file", key: keys.deltaOld, base: bases.delta3 },
    { label: "FOXTROT's announced key, rotation not accepted", key: keys.foxtrotNew, base: bases.foxtrot3 },
    { label: "ECHO's own key, ECHO not enrolled", key: keys.echo, base: bases.echo1 },
    { label: "ECHO's key on ALPHA's file", key: keys.echo, base: bases.alpha2 },
  ];
  const c = r.pick(choices);
  const objects = c.base.events.map(parseEvent);
  let what = 'content as exported';
  let bodies = c.base.events;
  if (r.chance(0.7)) {
    const k = r.int(0, objects.length - 1);
    const edit = editEvent(objects[k] as EventObject, r);
    objects[k] = edit.event;
    bodies = rechain(objects, c.base.fromSeq, getField(c.base.checkpoint, 'first-prev')).bodies;
    what = `seq ${c.base.fromSeq + k} ${edit.what}, re-chained`;
  }
  const bytes = resign({ base: c.base, key: c.key, bodies });
  const verdict = keyVerdict(w.register, keyIdHex(c.key.keyId), c.base.armoury);
  if (!('reason' in verdict)) throw new Error(`generator: ${c.label} is trusted by the register model`);
  return { what: `${c.label} (${c.base.label}): ${what}`, bytes, expected: verdict };
}

/** A key trusted for BRAVO signing BRAVO's identity over ALPHA's events: its own armoury, someone else's history. */
function identitySwap(w: World, r: Rng): Variant {
  const base = w.bases.alpha2;
  const bravo = w.bases.bravo2;
  const fields = { armoury: bravo.armoury, name: getField(bravo.checkpoint, 'name') };
  const bytes = resign({ base, key: w.keys.bravo, fields: r.chance(0.5) ? fields : { ...fields, snapshot: String(r.int(3, 9)) } });
  return { what: "BRAVO's key and identity over ALPHA's events", bytes, expected: { reason: 'wrong_armoury' } };
}

export const HISTORY_CLASSES: VariantClass[] = [
  { name: 'forged key', count: 500, make: forgery },
  { name: 'identity swap', count: 40, make: identitySwap },
  { name: 'insider history', count: 800, make: (w, r) => checked(w, insider(w, r), 'insider with the real key') },
  { name: 'replay', count: 160, make: (w, r) => checked(w, replay(w, r), 'replay') },
  { name: 'insider state', count: 300, make: insiderState },
];
