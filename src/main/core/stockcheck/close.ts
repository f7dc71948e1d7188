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
 * code and per lot place whose count differs, each naming the check and its facts (code, place,
 * book, count). Unexpected weapons open no case: they are on the shelves, and the report lists them.
 */
export function appendClose(store: Store, actor: number, witness: number, now: Date, checkId: number, note: string): void {
  store.journal.write(() => {
    const s = store.s;
    openCheck(s, checkId);
    const missing = ids(s.sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0 ORDER BY weapon_id').all(checkId));
    const unexpected = ids(s.sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 0 ORDER BY weapon_id').all(checkId));
    const unknown = (s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code').all(checkId) as { code: string }[]).map((r) => r.code);
    const lots = s
      .sql(`SELECT lot_id AS lotId, store_id AS storeId, bay, book, COALESCE(counted, 0) AS counted FROM stock_check_lots
            WHERE check_id = ? AND COALESCE(counted, 0) <> book ORDER BY lot_id, store_id, bay`)
      .all(checkId) as CheckClosed['lots'];
    const data: CheckClosed = { checkId, missing, unexpected, unknown, lots, note };
    store.journal.append({ type: 'stockcheck.closed', actor, approver: witness, data });
    const source = 'stock_check';
    for (const weaponId of missing) openCase(store, actor, now, { source, subject: 'weapon', weaponId, quantity: 1, checkId });
    for (const code of unknown) openCase(store, actor, now, { source, subject: 'weapon', quantity: 1, checkId, code });
    for (const l of lots) {
      const { lotId, storeId, bay, book, counted } = l;
      openCase(store, actor, now, { source, subject: 'rounds', lotId, quantity: Math.abs(counted - book), checkId, place: { storeId, bay }, book, counted });
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
