import type { HandoverExpected, HandoverResult, HandoverRow, HandoverWeapon } from '../../../shared/contract/custody';
import { PRESENT_STATUSES } from '../../../shared/domain/custody';
import { confirmSecondPerson } from '../accounts/approver';
import { caseRow } from '../cases/queries';
import { openCase } from '../cases/open';
import type { Ctx } from '../context';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { HandoverRecorded } from './events';
import { keysHeldBy } from './keys';

const PRESENT = `w.status IN (${PRESENT_STATUSES.map((st) => `'${st}'`).join(', ')})`;
const WEAPON = `w.id, w.national_code AS nationalCode, w.serial, w.type, w.model, w.location`;
const SHELF_ORDER = 'ORDER BY w.location, w.national_code_key, w.id';

/** What the count compares with: the weapons on the shelves by the book, and the keys the outgoing account holds. */
export function expectedAtHandover(s: Statements, userId: number): HandoverExpected {
  const weapons = s.sql(`SELECT ${WEAPON} FROM weapons w WHERE ${PRESENT} ${SHELF_ORDER}`).all() as HandoverWeapon[];
  return { weapons, keys: keysHeldBy(s, userId) };
}

function weaponsByIds(s: Statements, ids: readonly number[]): HandoverWeapon[] {
  if (ids.length === 0) return [];
  return s.sql(`SELECT ${WEAPON} FROM weapons w WHERE w.id IN (SELECT value FROM json_each(?)) ${SHELF_ORDER}`).all(JSON.stringify(ids)) as HandoverWeapon[];
}

interface RawHandover {
  id: number;
  at: string;
  outgoing: number;
  out_username: string | null;
  out_full_name: string | null;
  incoming: number;
  in_username: string | null;
  in_full_name: string | null;
  expected: number;
  counted: number;
  missing: number;
  unexpected: number;
  keys: number;
  note: string;
}

const HANDOVER = `SELECT h.id, h.at, h.outgoing, ou.username AS out_username, ou.full_name AS out_full_name,
  h.incoming, iu.username AS in_username, iu.full_name AS in_full_name, h.expected, h.counted, h.missing, h.unexpected, h.keys, h.note
  FROM handovers h LEFT JOIN users ou ON ou.id = h.outgoing LEFT JOIN users iu ON iu.id = h.incoming`;

const toHandover = (r: RawHandover): HandoverRow => ({
  id: r.id,
  at: r.at,
  outgoing: { id: r.outgoing, username: r.out_username ?? '?', fullName: r.out_full_name ?? '?' },
  incoming: { id: r.incoming, username: r.in_username ?? '?', fullName: r.in_full_name ?? '?' },
  expected: r.expected,
  counted: r.counted,
  missing: r.missing,
  unexpected: r.unexpected,
  keys: r.keys,
  note: r.note,
});

/** Handovers, the latest first. */
export function listHandovers(s: Statements, limit: number): HandoverRow[] {
  return (s.sql(`${HANDOVER} ORDER BY h.id DESC LIMIT ?`).all(limit) as RawHandover[]).map(toHandover);
}

export interface HandoverInput {
  counted: number[];
  keys: number[];
  incoming: { username: string; password: string };
  note: string;
}

const unique = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Every counted id must be a weapon of the register (a scan of anything else is a mistake, not a find). */
function assertWeapons(s: Statements, counted: readonly number[]): void {
  const unknown = s
    .sql('SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM weapons) LIMIT 1')
    .get(JSON.stringify(counted)) as { id: number } | undefined;
  if (unknown) {
    throw new AppError('weapon_not_found', `no weapon ${unknown.id}`, { params: { id: unknown.id }, fields: { counted: { code: 'weapon_not_found' } } });
  }
}

/** Only the keys the outgoing account holds can pass to the incoming one. */
function assertKeysHeld(s: Statements, keys: readonly number[], holder: number): void {
  for (const id of keys) {
    const key = s.sql('SELECT code, holder FROM armoury_keys WHERE id = ?').get(id) as { code: string; holder: number | null } | undefined;
    if (!key) throw new AppError('key_not_found', `no key ${id}`, { params: { id }, fields: { keys: { code: 'key_not_found' } } });
    if (key.holder !== holder) {
      throw new AppError('key_not_held', `key ${key.code} is not held by the outgoing account`, {
        params: { code: key.code }, fields: { keys: { code: 'key_not_held', params: { code: key.code } } },
      });
    }
  }
}

/**
 * Records a shift handover: the count compared with the book at this moment, the keys passed on,
 * and one case per weapon missing. The incoming password is checked first (it may wait); the
 * comparison is made inside the write, so it is the book as the event records it.
 */
export async function recordHandover(ctx: Ctx, input: HandoverInput): Promise<HandoverResult> {
  const { store } = ctx;
  const actor = ctx.session.userId;
  const counted = unique(input.counted);
  const keys = unique(input.keys);
  // A wrong scan or key needs no password to be refused; both are checked again inside the write.
  assertWeapons(store.s, counted);
  assertKeysHeld(store.s, keys, actor);
  const incoming = await confirmSecondPerson(ctx, input.incoming, 'incoming');
  const done = appendHandover(store, actor, incoming, ctx.now, { counted, keys, note: input.note });
  const row = store.s.sql(`${HANDOVER} WHERE h.id = ?`).get(done.id) as RawHandover;
  return {
    handover: toHandover(row),
    missing: weaponsByIds(store.s, done.missing),
    unexpected: weaponsByIds(store.s, done.unexpected),
    cases: done.cases.map((id) => caseRow(store.s, id, ctx.now)),
  };
}

/**
 * Appends one handover between two accounts already confirmed, inside a write of its own or the
 * caller's (the demo): checks the count and the keys again, compares with the book as it stands,
 * and opens a case per weapon missing.
 */
export function appendHandover(
  store: Store,
  actor: number,
  incoming: number,
  now: Date,
  input: Omit<HandoverInput, 'incoming'>,
): { id: number; missing: number[]; unexpected: number[]; cases: number[] } {
  const counted = unique(input.counted);
  const keys = unique(input.keys);
  return store.journal.write(() => {
    assertWeapons(store.s, counted);
    assertKeysHeld(store.s, keys, actor);
    const json = JSON.stringify(counted);
    const expected = (store.s.sql(`SELECT COUNT(*) AS n FROM weapons w WHERE ${PRESENT}`).get() as { n: number }).n;
    const missing = (store.s
      .sql(`SELECT w.id FROM weapons w WHERE ${PRESENT} AND w.id NOT IN (SELECT value FROM json_each(?)) ORDER BY w.id`)
      .all(json) as { id: number }[]).map((r) => r.id);
    const unexpected = (store.s
      .sql(`SELECT w.id FROM weapons w WHERE w.id IN (SELECT value FROM json_each(?)) AND NOT ${PRESENT} ORDER BY w.id`)
      .all(json) as { id: number }[]).map((r) => r.id);
    const data: HandoverRecorded = { expected, counted, missing, unexpected, keys, note: input.note };
    const id = store.journal.append({ type: 'handover.recorded', actor, approver: incoming, data }).seq;
    const cases = missing.map((weaponId) => openCase(store, actor, now, { source: 'handover', subject: 'weapon', weaponId, quantity: 1, handoverId: id }));
    return { id, missing, unexpected, cases };
  });
}
