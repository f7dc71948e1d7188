import { WEAPON_CONDITIONS, type WeaponStatus } from '../../../shared/domain/enums';
import type { Statement } from 'better-sqlite3';
import type { Statements } from '../db/statements';
import { statusAfter } from '../register/transitions';
import { SnapshotRejection } from '../snapshot/read';
import type { IncomingEvent, IncomingWeapon } from './ingest';

/**
 * The cross-check of a file's state/weapons.ndjson against its events and the national register
 * (docs/snapshot-format.md, "The state against the events"). The register's rows for an armoury are its
 * register at the last accepted seq (each accepted file passed this check, and a file without
 * state is accepted only when none of its new events changes a weapon), so the state at to-seq
 * must be exactly those rows plus what the new events did to them: the same ids plus the new
 * registrations, each weapon's identity as registered with its corrections applied, its status
 * as its events leave it, and its updatedSeq the last event that changed it.
 *
 * Which events change a weapon's row, and how, mirrors the armoury's projections
 * (register/project.ts, custody/project.ts); the status rules are register/transitions.ts itself.
 */

/** State fields set by the registration and changed only by weapon.corrected. */
const IDENTITY = [
  'nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'agency', 'countryOfManufacture', 'yearOfManufacture', 'registeredAt',
] as const;
type IdentityField = (typeof IDENTITY)[number];

/** A weapon of the national register before the file: its identity (IDENTITY order), then id, status, updatedSeq (raw rows: cheaper to read). */
type PreviousWeapon = unknown[];
const ID = IDENTITY.length;
const STATUS = ID + 1;
const UPDATED = ID + 2;

type Step =
  | { kind: 'correct'; field: string; to: unknown }
  | { kind: 'lifecycle'; type: string; condition: unknown }
  | { kind: 'custody'; status: WeaponStatus; condition?: unknown };

interface Track {
  /** The identity its registration in this file gave it (IDENTITY order), or null for a weapon the register already holds. */
  registered: unknown[] | null;
  /** Its condition at registration (not in the state: the register never knows it). */
  condition: unknown;
  steps: Step[];
  /** The seq of the last event that changed the row (its updatedSeq). */
  last: number;
  seen: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function mismatch(detail: string): never {
  throw new SnapshotRejection('state_mismatch', detail);
}

/** What the file's new events (seq above the register's last) do to the armoury's weapons, fed event by event. */
export class WeaponLedger {
  private readonly tracks = new Map<number, Track>();
  /** The first new event that changes a weapon: a file without state must have none. */
  first: { seq: number; type: string; weaponId: number } | null = null;

  observe(e: Pick<IncomingEvent, 'seq' | 'type' | 'at' | 'data'>): void {
    const data = isObject(e.data) ? e.data : {};
    if (e.type === 'weapon.registered' || e.type === 'weapon.transferred_in') {
      if (this.tracks.has(e.seq)) mismatch(`an event before seq ${e.seq} changes weapon ${e.seq} before its registration`);
      const t = this.touch(e, e.seq);
      // Only what the state repeats is kept, not the event's whole data: a full file registers every weapon.
      t.registered = IDENTITY.map((f) => (f === 'registeredAt' ? e.at : data[f]));
      t.condition = data.condition;
      return;
    }
    if (e.type.startsWith('weapon.')) {
      // Every other weapon.* event names the weapon it changes (the armoury's projection refuses any other).
      if (!isId(data.weaponId)) mismatch(`seq ${e.seq} (${e.type}) names no weapon`);
      const step: Step =
        e.type === 'weapon.corrected' ? { kind: 'correct', field: String(data.field), to: data.to } : { kind: 'lifecycle', type: e.type, condition: data.condition };
      this.touch(e, data.weaponId).steps.push(step);
      return;
    }
    if (e.type === 'custody.issued' || e.type === 'custody.returned') {
      for (const w of list(data.weapons)) {
        if (!isObject(w) || !isId(w.weaponId)) continue;
        // custody/project.ts: an issue sets issued (checkout) or assigned; a return sets the shelf status by the condition handed in.
        const step: Step =
          e.type === 'custody.issued'
            ? { kind: 'custody', status: data.kind === 'checkout' ? 'issued' : 'assigned' }
            : { kind: 'custody', status: w.condition === 'unserviceable' ? 'unserviceable' : 'in_store', condition: w.condition };
        this.touch(e, w.weaponId).steps.push(step);
      }
    }
  }

  private touch(e: { seq: number; type: string }, id: number): Track {
    let t = this.tracks.get(id);
    if (!t) {
      t = { registered: null, condition: null, steps: [], last: e.seq, seen: false };
      this.tracks.set(id, t);
    }
    t.last = e.seq;
    this.first ??= { seq: e.seq, type: e.type, weaponId: id };
    return t;
  }

  get(id: number): Track | undefined {
    return this.tracks.get(id);
  }

  /** A weapon the events change that the state never showed: registered in the file, or never registered at all. */
  unseen(): { id: number; track: Track } | null {
    for (const [id, track] of this.tracks) if (!track.seen) return { id, track };
    return null;
  }
}

const CONDITIONS: readonly unknown[] = WEAPON_CONDITIONS;

/**
 * The statuses a weapon can have after `steps`, from `status` (known) and `condition` (null when
 * the register does not know it: it is not in the state). When a step's result depends on an
 * unknown condition, every condition is tried: the set is then wider, never wrong.
 */
function statusesAfter(status: string, condition: unknown, steps: readonly Step[]): Set<string> {
  let statuses = new Set([status]);
  let conditions: readonly unknown[] | null = condition === null ? null : [condition];
  for (const step of steps) {
    if (step.kind === 'correct') {
      if (step.field === 'condition') conditions = [step.to];
    } else if (step.kind === 'custody') {
      statuses = new Set([step.status]);
      if (step.condition !== undefined) conditions = [step.condition];
    } else {
      // register/project.ts: the status follows `data.condition ?? the weapon's condition`.
      const tried = step.condition !== undefined && step.condition !== null ? [step.condition] : (conditions ?? CONDITIONS);
      const next = new Set<string>();
      for (const s of statuses) for (const c of tried) next.add(statusAfter(step.type, s as WeaponStatus, c as string));
      statuses = next;
      if (step.condition !== undefined) conditions = [step.condition];
    }
  }
  return statuses;
}

const show = (v: unknown): string => JSON.stringify(v) ?? 'nothing';

/** One state line against what the register and the events say of that weapon. */
function checkWeapon(w: IncomingWeapon, before: PreviousWeapon | null, track: Track | undefined): void {
  const registered = track?.registered ?? null;
  if (!before && !registered) {
    mismatch(`weapon ${w.id} is in state/weapons.ndjson but was never registered (no weapon.registered or weapon.transferred_in at seq ${w.id})`);
  }
  const steps = track?.steps ?? [];
  const got = w as unknown as Record<IdentityField, unknown>;
  IDENTITY.forEach((field, i) => {
    let expected = before ? before[i] : registered?.[i];
    for (const step of steps) if (step.kind === 'correct' && step.field === field) expected = step.to;
    if (got[field] !== expected) {
      mismatch(`weapon ${w.id}: ${field} is ${show(got[field])} in state/weapons.ndjson, ${show(expected)} by its registration and corrections`);
    }
  });
  if (!track) {
    // Nothing in the file changed it: it is as the register holds it.
    for (const [field, i] of [['status', STATUS], ['updatedSeq', UPDATED]] as const) {
      if (before && w[field] !== before[i]) {
        mismatch(`weapon ${w.id}: ${field} is ${show(w[field])} in state/weapons.ndjson, ${show(before[i])} in the register, and no new event changes it`);
      }
    }
    return;
  }
  track.seen = true;
  // A registration sets in_store (register/project.ts); a weapon already held starts from the register's status.
  const start = before ? String(before[STATUS]) : 'in_store';
  if (steps.length > 0 || w.status !== start) {
    const statuses = statusesAfter(start, before ? null : track.condition, steps);
    if (!statuses.has(w.status)) {
      mismatch(`weapon ${w.id}: status is ${show(w.status)} in state/weapons.ndjson, ${[...statuses].map(show).join(' or ')} after its events`);
    }
  }
  if (w.updatedSeq !== track.last) mismatch(`weapon ${w.id}: updatedSeq is ${w.updatedSeq} in state/weapons.ndjson, seq ${track.last} is the last event that changes it`);
}

const PAGE = 512;

/**
 * Checks the state line by line as the rows are replaced (ingest.ts replaceWeapons): each line
 * (ids increasing, as the reader checked) against the armoury's row of the national register with
 * that id and against the ledger. The register's rows are read by id, a page at a time, and each
 * page is deleted once read, before any line at or beyond its ids is written: the rows are never
 * all in memory, and a line just written is never taken for a row the register held.
 */
export class StateCheck {
  private readonly page: Statement;
  private readonly drop: Statement;
  private rows: PreviousWeapon[] = [];
  private at = 0;
  private after = 0;
  private done = false;

  constructor(
    s: Statements,
    private readonly armoury: string,
    private readonly ledger: WeaponLedger,
  ) {
    // The identity's columns in IDENTITY order, then id, status, updated_seq.
    this.page = s
      .sql(
        `SELECT national_code, serial, manufacturer, model, type, calibre, agency, country, year, registered_at, id, status, updated_seq
         FROM national_weapons WHERE armoury = ? AND id > ? ORDER BY id LIMIT ${PAGE}`,
      )
      .raw(true);
    this.drop = s.sql('DELETE FROM national_weapons WHERE armoury = ? AND id > ? AND id <= ?');
  }

  /** The register's next row not yet compared (fetching the next page when this one is used up). */
  private peek(): PreviousWeapon | null {
    if (this.at >= this.rows.length && !this.done) {
      this.rows = this.page.all(this.armoury, this.after) as PreviousWeapon[];
      this.at = 0;
      this.done = this.rows.length < PAGE;
      const last = (this.rows.at(-1)?.[ID] as number | undefined) ?? this.after;
      // Read, then removed: the state's lines take their place.
      if (this.rows.length > 0) this.drop.run(this.armoury, this.after, last);
      this.after = last;
    }
    return this.rows[this.at] ?? null;
  }

  /** One state line, before it is written (its row, if the register held one, is then read and gone). */
  line(w: IncomingWeapon): void {
    const p = this.peek();
    if (p && (p[ID] as number) < w.id) dropped(p);
    const before = p?.[ID] === w.id ? p : null;
    if (before) this.at++;
    checkWeapon(w, before, this.ledger.get(w.id));
  }

  /** After the last line: no row of the register and no weapon the events change may be left out. */
  end(): void {
    const p = this.peek();
    if (p) dropped(p);
    const left = this.ledger.unseen();
    if (left?.track.registered) mismatch(`weapon ${left.id}, registered at seq ${left.id}, is not in state/weapons.ndjson`);
    if (left) mismatch(`seq ${left.track.last} changes weapon ${left.id}, which is neither in the register nor registered in the file`);
  }
}

function dropped(w: PreviousWeapon): never {
  mismatch(`weapon ${String(w[ID])} (national code ${show(w[0])}) is in the register but not in state/weapons.ndjson (a weapon is never removed)`);
}
