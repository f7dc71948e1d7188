import type { WeaponType } from '../../../shared/domain/enums';
import type { Statements } from '../db/statements';
import type { Issued, Returned } from '../custody/events';
import type { CaseClosed, CaseOpened } from '../cases/events';
import { AMMO_COLUMNS, AMMO_SIGNS, count, emptyTally, WEAPON_COLUMNS, WEAPON_SIGNS, type Tally } from './month';

/** What the journal holds up to the month's end: weapons by their current type, ammunition by lot. */
export interface Counted {
  byType: Map<WeaponType, Tally>;
  byLot: Map<number, Tally>;
  /** Weapons whose type a correction changed: the type they had at the month's end. */
  typeAtEnd: Map<number, WeaponType>;
}

const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');
const WEAPONS = Object.keys(WEAPON_COLUMNS);
const REGISTRATIONS = ['weapon.registered', 'weapon.transferred_in'];
const OTHER_WEAPON = WEAPONS.filter((t) => !REGISTRATIONS.includes(t));
const NEW_LOTS = ['ammo.received', 'ammo.transferred_in'];
const CUSTODY = ['custody.issued', 'custody.returned'];
const SINGLE = [...WEAPONS, ...Object.keys(AMMO_COLUMNS)];
const text = 'CAST(e.body AS TEXT)';

/**
 * Events that each move one quantity, summed by SQLite (no row crosses into JS): per event type,
 * before or within the month, and the weapon's current type (joined: a weapon's id is its
 * registration's seq) or the lot (a new lot's id is its receipt's seq) with the quantity, or the
 * adjustment's signed delta. `LIMIT -1` keeps the inner query from being flattened into the
 * GROUP BY: its rows reach the sorter as those few small values, not as whole event bodies (which
 * doubled the time at a million events).
 */
const SUMS = `SELECT type, inMonth, weaponType, lotId, COUNT(*) AS n, SUM(quantity) AS quantity FROM (
  SELECT e.type AS type, e.at >= @from AS inMonth, w.type AS weaponType,
    CASE WHEN e.type IN (${list(WEAPONS)}) THEN NULL
         WHEN e.type IN (${list(NEW_LOTS)}) THEN coalesce(json_extract(${text}, '$.data.lotId'), e.seq)
         ELSE json_extract(${text}, '$.data.lotId') END AS lotId,
    CASE WHEN e.type IN (${list(WEAPONS)}) THEN 1
         WHEN e.type = 'ammo.adjusted' THEN json_extract(${text}, '$.data.delta')
         ELSE json_extract(${text}, '$.data.quantity') END AS quantity
  FROM events e
  LEFT JOIN weapons w ON w.id = CASE WHEN e.type IN (${list(REGISTRATIONS)}) THEN e.seq
    WHEN e.type IN (${list(OTHER_WEAPON)}) THEN json_extract(${text}, '$.data.weaponId') END
  WHERE e.type IN (${list(SINGLE)}) AND e.at < @to
  LIMIT -1
) GROUP BY type, inMonth, weaponType, lotId`;

/**
 * Events read one by one, in seq order: custody events and case closings (lists of weapons and
 * rounds lines), and type corrections whenever made. Custody events before the month matter only
 * for their rounds: those without any stay in SQLite (JSON.stringify writes a non-empty array as
 * `"rounds":[{`, and a quote inside a text is escaped, so the test is exact).
 */
const ONE_BY_ONE = `SELECT e.seq, e.type, e.at >= @from AS inMonth, e.at < @to AS counted, e.body
FROM events e
WHERE (e.type IN (${list([...CUSTODY, 'case.closed'])}) AND e.at < @to
    AND NOT (e.type IN (${list(CUSTODY)}) AND e.at < @from AND instr(e.body, CAST('"rounds":[{' AS BLOB)) = 0))
  OR (e.type = 'weapon.corrected' AND json_extract(${text}, '$.data.field') = 'type')
ORDER BY e.seq`;

interface Sum {
  type: string;
  inMonth: 0 | 1;
  weaponType: WeaponType | null;
  lotId: number | null;
  n: number;
  quantity: number | null;
}

interface One {
  seq: number;
  type: string;
  inMonth: 0 | 1;
  counted: 0 | 1;
  body: Buffer;
}

const parse = <T>(body: Buffer | undefined, seq: number): T => {
  if (!body) throw new Error(`event ${seq}: no body read`);
  return (JSON.parse(body.toString('utf8')) as { data: T }).data;
};

const tallyOf = <K>(map: Map<K, Tally>, key: K): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTally()));
  return t;
};

/** Current type of a weapon named by a custody event, remembered for the rest of the pass. */
function typeReader(s: Statements): (weaponId: number) => WeaponType {
  const known = new Map<number, WeaponType>();
  return (id) => {
    let type = known.get(id);
    if (type === undefined) {
      const row = s.sql('SELECT type FROM weapons WHERE id = ?').get(id) as { type: WeaponType } | undefined;
      if (!row) throw new Error(`the journal names unknown weapon ${id}`);
      type = row.type;
      known.set(id, type);
    }
    return type;
  };
}

/** The rounds a closing puts back in stock: a rounds case of a voucher closed as returned (as the cases projection does). */
function roundsReturnedByCase(s: Statements, d: CaseClosed): { lotId: number; quantity: number } | null {
  if (d.outcome !== 'returned' || !d.place) return null;
  const row = s.sql("SELECT body FROM events WHERE seq = ? AND type = 'case.opened'").get(d.caseId) as { body: Buffer } | undefined;
  const opened = parse<CaseOpened>(row?.body, d.caseId);
  return opened.lotId !== undefined && opened.voucherId !== undefined ? { lotId: opened.lotId, quantity: opened.quantity } : null;
}

/**
 * Counts every event recorded before the month's end, in two reads of the journal (SUMS, then
 * ONE_BY_ONE): weapons by their current type, ammunition by lot.
 */
export function scanJournal(s: Statements, from: string, to: string): Counted {
  const byType = new Map<WeaponType, Tally>();
  const byLot = new Map<number, Tally>();
  for (const r of s.sql(SUMS).all({ from, to }) as Sum[]) {
    const month = r.inMonth === 1;
    const weaponColumn = WEAPON_COLUMNS[r.type];
    const ammoColumn = AMMO_COLUMNS[r.type];
    if (weaponColumn) {
      if (r.weaponType === null) throw new Error(`${r.type} events name an unknown weapon`);
      count(tallyOf(byType, r.weaponType), weaponColumn, r.n, month, WEAPON_SIGNS);
    } else if (ammoColumn) {
      if (r.lotId === null || r.quantity === null) throw new Error(`${r.type} events without a lot or quantity`);
      count(tallyOf(byLot, r.lotId), ammoColumn, r.quantity, month, AMMO_SIGNS);
    }
  }

  const firstType = new Map<number, WeaponType>();
  const typeAtEnd = new Map<number, WeaponType>();
  const typeOf = typeReader(s);
  for (const e of s.sql(ONE_BY_ONE).iterate({ from, to }) as IterableIterator<One>) {
    const month = e.inMonth === 1;
    if (e.type === 'custody.issued') {
      const d = parse<Issued>(e.body, e.seq);
      for (const r of d.rounds) count(tallyOf(byLot, r.lotId), 'issued', r.quantity, month, AMMO_SIGNS);
      if (month) for (const w of d.weapons) tallyOf(byType, typeOf(w.weaponId)).issued++;
    } else if (e.type === 'custody.returned') {
      const d = parse<Returned>(e.body, e.seq);
      for (const r of d.rounds) if (r.returned > 0) count(tallyOf(byLot, r.lotId), 'returned', r.returned, month, AMMO_SIGNS);
      if (month) for (const w of d.weapons) tallyOf(byType, typeOf(w.weaponId)).returned++;
    } else if (e.type === 'case.closed') {
      const back = roundsReturnedByCase(s, parse<CaseClosed>(e.body, e.seq));
      if (back) count(tallyOf(byLot, back.lotId), 'returned', back.quantity, month, AMMO_SIGNS);
    } else {
      const d = parse<{ weaponId: number; from: WeaponType; to: WeaponType }>(e.body, e.seq);
      // the type before any correction is the first correction's `from`
      if (!firstType.has(d.weaponId)) firstType.set(d.weaponId, d.from);
      if (e.counted === 1) typeAtEnd.set(d.weaponId, d.to);
    }
  }
  for (const [id, type] of firstType) if (!typeAtEnd.has(id)) typeAtEnd.set(id, type);
  return { byType, byLot, typeAtEnd };
}

/**
 * What one weapon contributed to the pass (its own events before the month's end, read through
 * its `w:` references), so that a weapon whose type was corrected can be counted under the type it
 * had at the month's end instead of its current one.
 */
export function weaponShare(s: Statements, weaponId: number, from: string, to: string): Tally {
  const t = emptyTally();
  const rows = s
    .sql('SELECT e.seq, e.type, e.at, e.body FROM event_refs r JOIN events e ON e.seq = r.seq WHERE r.ref = ? AND e.at < ? ORDER BY e.seq')
    .all(`w:${weaponId}`, to) as { seq: number; type: string; at: string; body: Buffer }[];
  for (const e of rows) {
    const month = e.at >= from;
    const column = WEAPON_COLUMNS[e.type];
    if (column) count(t, column, 1, month, WEAPON_SIGNS);
    else if (month && CUSTODY.includes(e.type)) {
      const d = parse<{ weapons: { weaponId: number }[] }>(e.body, e.seq);
      if (d.weapons.some((w) => w.weaponId === weaponId)) t[e.type === 'custody.issued' ? 'issued' : 'returned']++;
    }
  }
  return t;
}
