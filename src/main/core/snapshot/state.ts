import type { NationalWeapon } from '../../../shared/contract/commission';
import { AGENCIES, WEAPON_STATUSES, WEAPON_TYPES } from '../../../shared/domain/enums';
import { reject } from './rejection';

/**
 * One line of state/weapons.ndjson: the weapon as the register held it at to-seq — the national
 * register's record without the armoury (the file's), plus the seq of the last event that
 * changed it. `id` is the seq of its registration in the armoury's journal.
 */
export interface SnapshotWeapon extends Omit<NationalWeapon, 'armoury'> {
  updatedSeq: number;
}

/** One line of state/lots.ndjson: an ammunition lot and the rounds held of it at to-seq. */
export interface SnapshotLot {
  id: number;
  lotNumber: string;
  nature: string;
  calibre: string;
  rounds: number;
}

/** The fields of each state line, in the order Gardien writes them (and the only ones allowed). */
export const WEAPON_FIELDS = [
  'id', 'nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'agency', 'status',
  'countryOfManufacture', 'yearOfManufacture', 'registeredAt', 'updatedSeq',
] as const satisfies readonly (keyof SnapshotWeapon)[];
export const LOT_FIELDS = ['id', 'lotNumber', 'nature', 'calibre', 'rounds'] as const satisfies readonly (keyof SnapshotLot)[];

/** [start, end) of each "\n"-terminated line (a last line without one is yielded too; callers refuse it). */
export function* eventLines(buf: Buffer): Generator<[number, number]> {
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    yield [start, end];
    start = end + 1;
  }
}

export interface ParsedEvent {
  v: 1;
  seq: number;
  prev: string;
  at: string;
  armoury: string;
  type: string;
  actor: number;
  approver?: number;
  data: unknown;
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

function parseObject(line: Buffer, where: string, reason: 'malformed_event' | 'state_mismatch'): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    reject(reason, `${where} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) reject(reason, `${where} is not a JSON object`);
  return value as Record<string, unknown>;
}

const positive = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;

/** An event line as the journal stores it: {v, seq, prev, at, armoury, type, actor, approver?, data}. */
export function parseEventLine(line: Buffer, where: string): ParsedEvent {
  const e = parseObject(line, where, 'malformed_event');
  const bad = (what: string): never => reject('malformed_event', `${where}: ${what}`);
  if (e.v !== 1) bad('v is not 1');
  if (!positive(e.seq)) bad('seq is not a positive whole number');
  if (typeof e.prev !== 'string' || !HEX64.test(e.prev)) bad('prev is not 64 lower-case hex digits');
  if (typeof e.at !== 'string' || !ISO.test(e.at) || Number.isNaN(Date.parse(e.at))) bad('at is not an ISO 8601 UTC time');
  if (typeof e.armoury !== 'string') bad('armoury is not text');
  if (typeof e.type !== 'string' || e.type.length > 80 || !EVENT_TYPE.test(e.type)) bad('type is not an event type');
  if (!positive(e.actor)) bad('actor is not an account id');
  if (e.approver !== undefined && !positive(e.approver)) bad('approver is not an account id');
  if (!('data' in e)) bad('data is missing');
  return e as unknown as ParsedEvent;
}

function exactFields(o: Record<string, unknown>, fields: readonly string[], where: string): void {
  const keys = Object.keys(o);
  if (keys.length !== fields.length || keys.some((k) => !fields.includes(k))) {
    reject('state_mismatch', `${where}: fields are not exactly ${fields.join(', ')}`);
  }
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= 1000;

export function parseWeaponLine(line: Buffer, where: string): SnapshotWeapon {
  const w = parseObject(line, where, 'state_mismatch');
  exactFields(w, WEAPON_FIELDS, where);
  const bad = (what: string): never => reject('state_mismatch', `${where}: ${what}`);
  if (!positive(w.id) || !positive(w.updatedSeq)) bad('id and updatedSeq must be seqs');
  for (const f of ['nationalCode', 'serial', 'manufacturer', 'model', 'calibre', 'countryOfManufacture', 'registeredAt'] as const) {
    if (!text(w[f])) bad(`${f} is not text`);
  }
  if (!(WEAPON_TYPES as readonly unknown[]).includes(w.type)) bad('type is not a weapon type');
  if (!(AGENCIES as readonly unknown[]).includes(w.agency)) bad('agency is not an agency');
  if (!(WEAPON_STATUSES as readonly unknown[]).includes(w.status)) bad('status is not a weapon status');
  if (w.yearOfManufacture !== null && !Number.isSafeInteger(w.yearOfManufacture)) bad('yearOfManufacture is neither a year nor null');
  return w as unknown as SnapshotWeapon;
}

export function parseLotLine(line: Buffer, where: string): SnapshotLot {
  const l = parseObject(line, where, 'state_mismatch');
  exactFields(l, LOT_FIELDS, where);
  const bad = (what: string): never => reject('state_mismatch', `${where}: ${what}`);
  if (!positive(l.id)) bad('id is not a seq');
  if (!text(l.lotNumber) || !text(l.nature) || !text(l.calibre)) bad('lotNumber, nature and calibre must be text');
  if (!Number.isSafeInteger(l.rounds) || (l.rounds as number) < 0) bad('rounds is not a whole number');
  return l as unknown as SnapshotLot;
}

/** The state lines as Gardien writes them: fixed key order, so the same register gives the same bytes. */
export function weaponLine(w: SnapshotWeapon): string {
  return JSON.stringify(Object.fromEntries(WEAPON_FIELDS.map((f) => [f, w[f]])));
}

export function lotLine(l: SnapshotLot): string {
  return JSON.stringify(Object.fromEntries(LOT_FIELDS.map((f) => [f, l[f]])));
}
