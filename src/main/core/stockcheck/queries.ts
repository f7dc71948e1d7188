import type { CheckReport, CheckRow, CountSheet, ReportLot, SheetLot, SheetWeapon } from '../../../shared/contract/stockcheck';
import type { CheckScope } from '../../../shared/domain/stockcheck';
import { checkCaseRows } from '../cases/queries';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';

interface RawCheck {
  id: number;
  scope: CheckScope;
  store_id: number | null;
  store_code: string | null;
  status: 'open' | 'closed';
  started_at: string;
  closed_at: string;
  counter: number;
  counter_username: string | null;
  counter_full_name: string | null;
  witness: number | null;
  witness_username: string | null;
  witness_full_name: string | null;
  weapons: number;
  weapons_counted: number;
  lots: number;
  lots_counted: number;
  note: string;
}

const CHECK = `SELECT c.id, c.scope, c.store_id, st.code AS store_code, c.status, c.started_at, c.closed_at,
  c.counter, cu.username AS counter_username, cu.full_name AS counter_full_name,
  c.witness, wu.username AS witness_username, wu.full_name AS witness_full_name, c.note,
  (SELECT COUNT(*) FROM stock_check_weapons x WHERE x.check_id = c.id) AS weapons,
  (SELECT COUNT(*) FROM stock_check_weapons x WHERE x.check_id = c.id AND x.counted = 1) AS weapons_counted,
  (SELECT COUNT(*) FROM stock_check_lots x WHERE x.check_id = c.id) AS lots,
  (SELECT COUNT(*) FROM stock_check_lots x WHERE x.check_id = c.id AND x.counted IS NOT NULL) AS lots_counted
  FROM stock_checks c LEFT JOIN stores st ON st.id = c.store_id
  LEFT JOIN users cu ON cu.id = c.counter LEFT JOIN users wu ON wu.id = c.witness`;

const toCheck = (r: RawCheck): CheckRow => ({
  id: r.id,
  scope: r.scope,
  storeId: r.store_id,
  storeCode: r.store_code ?? '',
  status: r.status,
  startedAt: r.started_at,
  closedAt: r.closed_at,
  counter: { id: r.counter, username: r.counter_username ?? '?', fullName: r.counter_full_name ?? '?' },
  witness: r.witness !== null ? { id: r.witness, username: r.witness_username ?? '?', fullName: r.witness_full_name ?? '?' } : null,
  weapons: r.weapons,
  weaponsCounted: r.weapons_counted,
  lots: r.lots,
  lotsCounted: r.lots_counted,
  note: r.note,
});

function rawCheck(s: Statements, id: number): RawCheck {
  const row = s.sql(`${CHECK} WHERE c.id = ?`).get(id) as RawCheck | undefined;
  if (!row) throw new AppError('check_not_found', `no stock check ${id}`, { params: { id } });
  return row;
}

export const checkRow = (s: Statements, id: number): CheckRow => toCheck(rawCheck(s, id));

/** Stock checks, the newest first. */
export const listChecks = (s: Statements): CheckRow[] => (s.sql(`${CHECK} ORDER BY c.id DESC LIMIT 500`).all() as RawCheck[]).map(toCheck);

/** The check, which must still be open (counting and closing). */
export function openCheck(s: Statements, id: number): CheckRow {
  const check = checkRow(s, id);
  if (check.status !== 'open') throw new AppError('check_closed', `stock check ${id} is closed`, { params: { id } });
  return check;
}

const WEAPON = `SELECT w.id, w.national_code AS nationalCode, w.serial, w.type, w.manufacturer, w.model, w.calibre, w.location, x.counted
  FROM stock_check_weapons x JOIN weapons w ON w.id = x.weapon_id WHERE x.check_id = ?`;
const SHELF_ORDER = 'ORDER BY w.location, w.national_code_key, w.id';

const toWeapon = (r: Omit<SheetWeapon, 'counted'> & { counted: number }): SheetWeapon => ({ ...r, counted: r.counted === 1 });
const weapons = (s: Statements, id: number, where = ''): SheetWeapon[] =>
  (s.sql(`${WEAPON} ${where} ${SHELF_ORDER}`).all(id) as (Omit<SheetWeapon, 'counted'> & { counted: number })[]).map(toWeapon);

const LOT = `SELECT x.lot_id AS lotId, l.lot_number AS lotNumber, l.nature, l.calibre, x.store_id AS storeId, st.code AS storeCode,
  x.bay, l.rounds_per_box AS roundsPerBox, l.boxes_per_case AS boxesPerCase, x.counted, x.book
  FROM stock_check_lots x JOIN lots l ON l.id = x.lot_id JOIN stores st ON st.id = x.store_id
  WHERE x.check_id = ? ORDER BY st.code, x.bay, l.lot_number, x.lot_id`;

const unknownCodes = (s: Statements, id: number): string[] =>
  (s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code').all(id) as { code: string }[]).map((r) => r.code);

/** The blind count sheet: what to count and what was counted; the book never leaves this function. */
export function countSheet(s: Statements, id: number): CountSheet {
  const check = checkRow(s, id);
  const lots = (s.sql(LOT).all(id) as (SheetLot & { book: number })[]).map(({ book, ...lot }): SheetLot => {
    void book;
    return lot;
  });
  return { check, weapons: weapons(s, id), lots, unknown: unknownCodes(s, id) };
}

/** The inventory report of a closed check, with the cases its closing opened. */
export function checkReport(store: Store, id: number, now: Date): CheckReport {
  const s = store.s;
  const raw = rawCheck(s, id);
  if (raw.status !== 'closed') throw new AppError('check_open', `stock check ${id} is still open`, { params: { id } });
  const missing = weapons(s, id, 'AND x.book = 1 AND x.counted = 0');
  const unexpected = weapons(s, id, 'AND x.book = 0');
  const unknown = unknownCodes(s, id);
  const lots = (s.sql(LOT).all(id) as (SheetLot & { book: number })[]).map((l): ReportLot => {
    const counted = l.counted ?? 0;
    return { lotId: l.lotId, lotNumber: l.lotNumber, nature: l.nature, storeCode: l.storeCode, bay: l.bay, book: l.book, counted, difference: counted - l.book };
  });
  const lotsDifferent = lots.filter((l) => l.difference !== 0).length;
  const weaponsBook = (s.sql('SELECT COUNT(*) AS n FROM stock_check_weapons WHERE check_id = ? AND book = 1').get(id) as { n: number }).n;
  return {
    check: toCheck(raw),
    missing,
    unexpected,
    unknown,
    lots,
    totals: {
      weaponsBook,
      weaponsCounted: raw.weapons_counted,
      weaponsMissing: missing.length,
      weaponsUnexpected: unexpected.length,
      unknown: unknown.length,
      lotsBook: lots.filter((l) => l.book > 0).length,
      lotsDifferent,
    },
    cases: checkCaseRows(s, id, now),
    head: { ...store.journal.getHead() },
  };
}
