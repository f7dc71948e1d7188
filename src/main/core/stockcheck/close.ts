import type { CheckReport } from '../../../shared/contract/stockcheck';
import { confirmSecondPerson } from '../accounts/approver';
import { openCase } from '../cases/open';
import type { Ctx } from '../context';
import type { Store } from '../store';
import type { CheckClosed } from './events';
import { checkReport, openCheck } from './queries';

const ids = (rows: unknown[]) => (rows as { id: number }[]).map((r) => r.id);

/**
 * Closes an open check between two accounts already confirmed: compares the count with the book
 * copied at the start, appends stockcheck.closed, then one case per missing weapon, per unknown
 * code and per lot place whose count differs (in that order, right after the close: the report
 * finds them by seq). Unexpected weapons open no case: they are on the shelves, and the report lists them.
 */
export function appendClose(store: Store, actor: number, witness: number, now: Date, checkId: number, note: string): void {
  store.journal.write(() => {
    const s = store.s;
    openCheck(s, checkId);
    const missing = ids(s.sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0 ORDER BY weapon_id').all(checkId));
    const unexpected = ids(s.sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 0 ORDER BY weapon_id').all(checkId));
    const unknown = (s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code').all(checkId) as { code: string }[]).map((r) => r.code);
    const lots = s
      .sql(`SELECT x.lot_id AS lotId, x.store_id AS storeId, x.bay, x.book, COALESCE(x.counted, 0) AS counted, st.code AS storeCode
            FROM stock_check_lots x JOIN stores st ON st.id = x.store_id
            WHERE x.check_id = ? AND COALESCE(x.counted, 0) <> x.book ORDER BY x.lot_id, x.store_id, x.bay`)
      .all(checkId) as (CheckClosed['lots'][number] & { storeCode: string })[];
    const data: CheckClosed = {
      checkId, missing, unexpected, unknown, lots: lots.map(({ lotId, storeId, bay, book, counted }) => ({ lotId, storeId, bay, book, counted })), note,
    };
    store.journal.append({ type: 'stockcheck.closed', actor, approver: witness, data });
    for (const weaponId of missing) openCase(store, actor, now, { source: 'stock_check', subject: 'weapon', weaponId, quantity: 1 });
    for (const code of unknown) openCase(store, actor, now, { source: 'stock_check', subject: 'weapon', quantity: 1, note: code });
    for (const l of lots) {
      const kind = l.counted < l.book ? 'shortage' : 'surplus';
      openCase(store, actor, now, {
        source: 'stock_check', subject: 'rounds', lotId: l.lotId, quantity: Math.abs(l.counted - l.book),
        note: `${kind}: book ${l.book}, counted ${l.counted} (${l.storeCode} ${l.bay})`.trim(),
      });
    }
  });
}

/** The witness's password is checked first (it may wait); the comparison is made inside the write. */
export async function closeCheck(ctx: Ctx, input: { checkId: number; witness: { username: string; password: string }; note: string }): Promise<CheckReport> {
  const { store } = ctx;
  openCheck(store.s, input.checkId); // a closed or unknown check needs no password to be refused
  const witness = await confirmSecondPerson(ctx, input.witness, 'witness');
  appendClose(store, ctx.session.userId, witness, ctx.now, input.checkId, input.note);
  return checkReport(store, input.checkId, ctx.now);
}
