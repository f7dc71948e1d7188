import { openCase } from '../../../src/main/core/cases/open';
import { schemaV3 } from '../../../src/main/core/db/schema-v3';
import type { Db } from '../../../src/main/core/db/open';
import type { CheckClosed } from '../../../src/main/core/stockcheck/events';
import type { Harness } from './harness';

/**
 * Closes an open check the way release 4 did (before schema 5): the same stockcheck.closed, then
 * its cases with no checkId and their facts only in an English note (the unknown code, or
 * "shortage: book B, counted C (STORE bay)"). The witness is account 1 (the first manager).
 */
export function legacyClose(h: Harness, checkId: number): void {
  const store = h.app.store;
  const session = h.app.session;
  if (!store || !session) throw new Error('open an armoury and sign in first');
  const s = store.s;
  const now = h.clock.now();
  store.journal.write(() => {
    const ids = (sql: string) => (s.sql(sql).all(checkId) as { id: number }[]).map((r) => r.id);
    const missing = ids('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0 ORDER BY weapon_id');
    const unexpected = ids('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 0 ORDER BY weapon_id');
    const unknown = (s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code').all(checkId) as { code: string }[]).map((r) => r.code);
    const lots = s
      .sql(`SELECT x.lot_id AS lotId, x.store_id AS storeId, x.bay, x.book, COALESCE(x.counted, 0) AS counted, st.code AS storeCode
            FROM stock_check_lots x JOIN stores st ON st.id = x.store_id
            WHERE x.check_id = ? AND COALESCE(x.counted, 0) <> x.book ORDER BY x.lot_id, x.store_id, x.bay`)
      .all(checkId) as (CheckClosed['lots'][number] & { storeCode: string })[];
    const data: CheckClosed = { checkId, missing, unexpected, unknown, lots: lots.map(({ storeCode, ...l }) => (void storeCode, l)), note: '' };
    store.journal.append({ type: 'stockcheck.closed', actor: session.userId, approver: 1, data });
    const actor = session.userId;
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

/** The cases table and its indexes as schema 3 created them (schema 4 left them alone). */
function casesV3(): { table: string; indexes: string } {
  const start = schemaV3.indexOf('CREATE TABLE cases (');
  const indexes = schemaV3.indexOf('CREATE INDEX cases_by_status', start);
  const end = schemaV3.indexOf('CREATE TABLE', indexes);
  return { table: schemaV3.slice(start, indexes), indexes: schemaV3.slice(indexes, end) };
}

/**
 * Turns a closed database of the latest schema back into schema 4: the cases table without the
 * columns schema 5 added (rebuilt, as SQLite does not drop a column that references another
 * table), user_version 4. The journal is untouched, so the file is what release 4 would have left.
 */
export function downgradeToV4(db: Db): void {
  const v3 = casesV3();
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    const columns = (db.prepare("SELECT name FROM pragma_table_info('cases')").all() as { name: string }[]).map((c) => c.name);
    const v4 = columns.slice(0, columns.indexOf('check_id')).join(', ');
    db.exec(v3.table.replace('CREATE TABLE cases (', 'CREATE TABLE cases_v4 ('));
    db.exec(`INSERT INTO cases_v4 (${v4}) SELECT ${v4} FROM cases`);
    db.exec('DROP TABLE cases');
    db.exec('ALTER TABLE cases_v4 RENAME TO cases');
    db.exec(v3.indexes);
    db.pragma('user_version = 4');
  })();
  db.pragma('foreign_keys = ON');
}
