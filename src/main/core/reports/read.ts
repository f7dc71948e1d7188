import type { JournalHead } from '../../../shared/contract/app';
import type { Statements } from '../db/statements';
import { GENESIS_PREV } from '../journal/event';
import type { Store } from '../store';

/**
 * The journal head as the file holds it (not the journal's cached head: another connection may
 * have appended). Read inside the report's own read transaction, it names exactly the events the
 * report saw.
 */
export function readHead(s: Statements): JournalHead {
  const row = s.sql('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
  return row ? { seq: row.seq, hash: row.hash.toString('hex') } : { seq: 0, hash: GENESIS_PREV };
}

/**
 * Runs a report's reads in one read transaction: in WAL mode every statement in it sees the same
 * snapshot, so the rows, totals and head printed together belong together even while another
 * window writes.
 */
export function inOneRead<T>(store: Store, fn: () => T): T {
  return store.db.inTransaction ? fn() : store.db.transaction(fn).deferred();
}
