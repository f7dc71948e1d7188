import type { CheckRow, CountSheet } from '../../../shared/contract/stockcheck';
import { findLot } from '../ammunition/lots';
import { getStore } from '../ammunition/stores';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { CheckCounted } from './events';
import { countSheet, openCheck } from './queries';

export type CountBatch = Omit<CheckCounted, 'checkId'>;

/** Every weapon id counted must be in the register: a code that matches none is counted as unknown. */
function assertWeapons(s: Statements, ids: readonly number[]): void {
  const bad = s
    .sql('SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM weapons) LIMIT 1')
    .get(JSON.stringify(ids)) as { id: number } | undefined;
  if (bad) throw new AppError('weapon_not_found', `no weapon ${bad.id}`, { params: { id: bad.id }, fields: { weapons: { code: 'weapon_not_found' } } });
}

/**
 * A lot place not on the sheet is a find (book 0) when the check covers every place of that store
 * (full, ammunition, or a store check of that store). A spot check counts only what it drew, and a
 * weapons check no ammunition: there it is refused, so a slip of the pen is not taken for a find.
 */
function placeOutsideScope(check: CheckRow, storeId: number): boolean {
  switch (check.scope) {
    case 'full':
    case 'ammunition':
      return false;
    case 'store':
      return check.storeId !== storeId;
    case 'spot':
    case 'weapons':
      return true;
  }
}

function assertLots(s: Statements, check: CheckRow, lots: CountBatch['lots']): void {
  lots.forEach((l, i) => {
    if (!findLot(s, l.lotId)) {
      throw new AppError('lot_not_found', `no lot ${l.lotId}`, { params: { id: l.lotId }, fields: { [`lots.${i}.lotId`]: { code: 'lot_not_found' } } });
    }
    getStore(s, l.storeId, `lots.${i}.storeId`);
    const onSheet = s
      .sql('SELECT 1 FROM stock_check_lots WHERE check_id = ? AND lot_id = ? AND store_id = ? AND bay = ?')
      .get(check.id, l.lotId, l.storeId, l.bay);
    if (!onSheet && placeOutsideScope(check, l.storeId)) {
      throw new AppError('lot_not_on_sheet', `lot ${l.lotId} at ${l.storeId}/${l.bay} is not on check ${check.id}`, {
        params: { id: l.lotId }, fields: { [`lots.${i}.lotId`]: { code: 'lot_not_on_sheet' } },
      });
    }
  });
}

/** Records one batch of counting on an open check and returns the (blind) sheet. */
export function recordCount(store: Store, actor: number, checkId: number, batch: CountBatch): CountSheet {
  store.journal.write(() => {
    const s = store.s;
    const check = openCheck(s, checkId);
    const weapons = [...new Set(batch.weapons)].sort((a, b) => a - b);
    const unknown = [...new Set(batch.unknown)];
    assertWeapons(s, weapons);
    assertLots(s, check, batch.lots);
    const data: CheckCounted = { checkId, weapons, unknown, lots: batch.lots };
    store.journal.append({ type: 'stockcheck.counted', actor, data });
  });
  return countSheet(store.s, checkId);
}
