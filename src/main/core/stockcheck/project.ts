import { PRESENT_STATUSES } from '../../../shared/domain/custody';
import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { CheckClosed, CheckCounted, CheckStarted } from './events';

export const PRESENT_SQL = `status IN (${PRESENT_STATUSES.map((st) => `'${st}'`).join(', ')})`;

/** Every lot and place on hand, all conditions together (a count does not see conditions). */
const PLACES = 'SELECT lot_id, store_id, bay, SUM(quantity) AS book FROM ammo_balances';

/**
 * The sheet of a check as the book stands at its stockcheck.started: copied from the projections
 * in the same transaction, so a replay (which reaches the same state at that seq) copies the same.
 */
function fillSheet(s: Statements, id: number, d: CheckStarted): void {
  const weapons = `INSERT INTO stock_check_weapons (check_id, weapon_id, book, counted) SELECT ?, id, 1, 0 FROM weapons WHERE ${PRESENT_SQL}`;
  const lots = (where: string) =>
    `INSERT INTO stock_check_lots (check_id, lot_id, store_id, bay, book, counted)
     SELECT ?, lot_id, store_id, bay, book, NULL FROM (${PLACES} ${where} GROUP BY lot_id, store_id, bay)`;
  switch (d.scope) {
    case 'full':
      s.sql(weapons).run(id);
      s.sql(lots('')).run(id);
      return;
    case 'weapons':
      s.sql(weapons).run(id);
      return;
    case 'ammunition':
      s.sql(lots('')).run(id);
      return;
    case 'store':
      s.sql(lots('WHERE store_id = ?')).run(id, d.storeId ?? null);
      return;
    case 'spot': {
      const spot = d.spot ?? { weapons: [], lots: [] };
      s.sql(`${weapons} AND id IN (SELECT value FROM json_each(?))`).run(id, JSON.stringify(spot.weapons));
      for (const p of spot.lots) {
        s.sql(`${lots('WHERE lot_id = ? AND store_id = ? AND bay = ?')}`).run(id, p.lotId, p.storeId, p.bay);
      }
      return;
    }
  }
}

/** stockcheck.* events -> stock_checks, stock_check_weapons, stock_check_lots, stock_check_unknown; refs "x:<checkId>". */
export function projectStockChecks(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'stockcheck.started': {
      const d = e.data as CheckStarted;
      s.sql(
        `INSERT INTO stock_checks (id, scope, store_id, status, counter, witness, started_at, closed_at, note, close_note, updated_seq)
         VALUES (?, ?, ?, 'open', ?, NULL, ?, '', ?, '', ?)`,
      ).run(e.seq, d.scope, d.storeId ?? null, e.actor, e.at, d.note, e.seq);
      fillSheet(s, e.seq, d);
      addRef(s, `x:${e.seq}`, e.seq);
      if (d.storeId !== undefined) addRef(s, `s:${d.storeId}`, e.seq);
      return true;
    }
    case 'stockcheck.counted': {
      const d = e.data as CheckCounted;
      // a weapon not on the sheet is added as found without being on the book (unexpected)
      const weapon = s.sql(
        `INSERT INTO stock_check_weapons (check_id, weapon_id, book, counted) VALUES (?, ?, 0, 1)
         ON CONFLICT (check_id, weapon_id) DO UPDATE SET counted = 1`,
      );
      for (const weaponId of d.weapons) weapon.run(d.checkId, weaponId);
      const unknown = s.sql('INSERT OR IGNORE INTO stock_check_unknown (check_id, code) VALUES (?, ?)');
      for (const code of d.unknown) unknown.run(d.checkId, code);
      const lot = s.sql(
        `INSERT INTO stock_check_lots (check_id, lot_id, store_id, bay, book, counted) VALUES (?, ?, ?, ?, 0, ?)
         ON CONFLICT (check_id, lot_id, store_id, bay) DO UPDATE SET counted = excluded.counted`,
      );
      for (const l of d.lots) lot.run(d.checkId, l.lotId, l.storeId, l.bay, l.quantity);
      s.sql('UPDATE stock_checks SET updated_seq = ? WHERE id = ?').run(e.seq, d.checkId);
      addRef(s, `x:${d.checkId}`, e.seq);
      return true;
    }
    case 'stockcheck.closed': {
      const d = e.data as CheckClosed;
      if (e.approver === undefined) throw new Error(`stock check close ${e.seq} has no witness`);
      s.sql("UPDATE stock_checks SET status = 'closed', witness = ?, closed_at = ?, close_note = ?, updated_seq = ? WHERE id = ?").run(
        e.approver, e.at, d.note, e.seq, d.checkId,
      );
      addRef(s, `x:${d.checkId}`, e.seq);
      for (const weaponId of [...d.missing, ...d.unexpected]) addRef(s, `w:${weaponId}`, e.seq);
      for (const l of d.lots) addRef(s, `l:${l.lotId}`, e.seq);
      return true;
    }
    default:
      return false;
  }
}
