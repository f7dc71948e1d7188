import type { Statements } from '../db/statements';
import type { CaseOpened } from './events';

/** What a case.opened says beyond its subject: the columns schema 5 added to `cases`. */
export interface CaseFacts {
  checkId: number | null;
  code: string;
  storeId: number | null;
  bay: string;
  book: number | null;
  counted: number | null;
  note: string;
}

/**
 * The facts of a case.opened, as the projector writes them and the schema 5 migration backfills
 * them (one function, so that a replay rebuilds what the migration wrote).
 */
export function caseFacts(s: Statements, seq: number, d: CaseOpened): CaseFacts {
  if (d.source === 'stock_check' && d.checkId === undefined) return legacyStockCheckFacts(s, seq, d);
  return {
    checkId: d.checkId ?? null,
    code: d.code ?? '',
    storeId: d.place?.storeId ?? null,
    bay: d.place?.bay ?? '',
    book: d.book ?? null,
    counted: d.counted ?? null,
    note: d.note,
  };
}

interface LotDifference {
  lotId: number;
  storeId: number;
  bay: string;
  book: number;
  counted: number;
}

/**
 * A stock check case written before schema 5 had its facts only in an English note (the unknown
 * code, or "shortage: book B, counted C (STORE bay)"). Such cases were appended right after their
 * check's stockcheck.closed: one per missing weapon (weapon id order), per unknown code (code order)
 * and per lot place that differs (lot, store, bay order). A closed check never changes, so the n-th
 * case after the close reads its facts from the check's tables, the same at a replay as at the
 * migration; the generated note is dropped. A case that does not fit its rank keeps its note and
 * names no check.
 */
function legacyStockCheckFacts(s: Statements, seq: number, d: CaseOpened): CaseFacts {
  const plain: CaseFacts = { checkId: null, code: '', storeId: null, bay: '', book: null, counted: null, note: d.note };
  const check = s
    .sql("SELECT id, updated_seq AS closedSeq FROM stock_checks WHERE status = 'closed' AND updated_seq < ? ORDER BY updated_seq DESC LIMIT 1")
    .get(seq) as { id: number; closedSeq: number } | undefined;
  if (!check) return plain;
  const checkId = check.id;
  let rank = seq - check.closedSeq - 1;
  const missing = (s.sql('SELECT COUNT(*) AS n FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0').get(checkId) as { n: number }).n;
  if (rank < missing) {
    const weapon = s
      .sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0 ORDER BY weapon_id LIMIT 1 OFFSET ?')
      .get(checkId, rank) as { id: number } | undefined;
    return weapon?.id === d.weaponId ? { ...plain, checkId } : plain;
  }
  rank -= missing;
  const code = s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code LIMIT 1 OFFSET ?').get(checkId, rank) as
    | { code: string }
    | undefined;
  if (code) return d.weaponId === undefined && d.note === code.code ? { ...plain, checkId, code: code.code, note: '' } : plain;
  const unknown = (s.sql('SELECT COUNT(*) AS n FROM stock_check_unknown WHERE check_id = ?').get(checkId) as { n: number }).n;
  const lot = s
    .sql(
      `SELECT lot_id AS lotId, store_id AS storeId, bay, book, COALESCE(counted, 0) AS counted FROM stock_check_lots
       WHERE check_id = ? AND COALESCE(counted, 0) <> book ORDER BY lot_id, store_id, bay LIMIT 1 OFFSET ?`,
    )
    .get(checkId, rank - unknown) as LotDifference | undefined;
  if (!lot || lot.lotId !== d.lotId || d.quantity !== Math.abs(lot.counted - lot.book)) return plain;
  return { checkId, code: '', storeId: lot.storeId, bay: lot.bay, book: lot.book, counted: lot.counted, note: '' };
}
