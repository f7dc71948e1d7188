import { caseFacts } from '../cases/facts';
import type { CaseOpened } from '../cases/events';
import { decodeEvent } from '../journal/event';
import type { Db } from './open';
import { Statements } from './statements';

/**
 * Schema 5: a case's facts as columns instead of an English note. A stock check case names its
 * check (check_id), the unknown code counted (code), or the lot place (store_id, bay) with the
 * book and the count; `note` is the free text of its case.opened. The defaults keep older rows
 * valid until the backfill below fills them from their events.
 */
export const schemaV5 = /* sql */ `
ALTER TABLE cases ADD COLUMN check_id INTEGER REFERENCES stock_checks (id);
ALTER TABLE cases ADD COLUMN code     TEXT    NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN store_id INTEGER REFERENCES stores (id);
ALTER TABLE cases ADD COLUMN bay      TEXT    NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN book     INTEGER;
ALTER TABLE cases ADD COLUMN counted  INTEGER;
ALTER TABLE cases ADD COLUMN note     TEXT    NOT NULL DEFAULT '';
CREATE INDEX cases_by_check ON cases (check_id) WHERE check_id IS NOT NULL;
`;

/**
 * Fills the new columns of every existing case from its case.opened (a case's id is that event's
 * seq) with the projector's own function, so that a replay of the journal rebuilds the same rows.
 */
export function backfillCaseFacts(db: Db): void {
  const s = new Statements(db);
  const update = s.sql('UPDATE cases SET check_id = ?, code = ?, store_id = ?, bay = ?, book = ?, counted = ?, note = ? WHERE id = ?');
  const rows = s.sql("SELECT e.seq, e.body FROM cases c JOIN events e ON e.seq = c.id WHERE e.type = 'case.opened' ORDER BY e.seq").all() as {
    seq: number;
    body: Buffer;
  }[];
  for (const row of rows) {
    const f = caseFacts(s, row.seq, decodeEvent(row.body).data as CaseOpened);
    update.run(f.checkId, f.code, f.storeId, f.bay, f.book, f.counted, f.note, row.seq);
  }
}
