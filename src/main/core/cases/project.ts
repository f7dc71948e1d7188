import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import { changeBalance, changeOutstanding } from '../ammunition/balances';
import type { CaseClosed, CaseOpened, CaseUpdated } from './events';
import { caseFacts } from './facts';

interface Concerns {
  weapon_id: number | null;
  lot_id: number | null;
  quantity: number;
  voucher_id: number | null;
  officer_id: number | null;
}

function subjectOf(s: Statements, caseId: number, seq: number): Concerns {
  const row = s.sql('SELECT weapon_id, lot_id, quantity, voucher_id, officer_id FROM cases WHERE id = ?').get(caseId) as Concerns | undefined;
  if (!row) throw new Error(`event ${seq} names unknown case ${caseId}`);
  return row;
}

/**
 * Rounds issued on a voucher were left in the lot's outstanding quantity by the return; whatever
 * the outcome they leave it now, and returned ones go back into stock at the place the event names.
 * (Rounds cases without a voucher carry no stock effect: a stock check adjusts the balance itself.)
 */
function settleRounds(s: Statements, c: Concerns, d: CaseClosed, seq: number): void {
  if (c.lot_id === null || c.voucher_id === null) return;
  if (d.outcome === 'returned') {
    if (!d.place) throw new Error(`case ${d.caseId} returned rounds without a place`);
    changeBalance(s, c.lot_id, d.place, d.place.condition, c.quantity);
  }
  changeOutstanding(s, c.lot_id, -c.quantity);
  s.sql('UPDATE lots SET updated_seq = ? WHERE id = ?').run(seq, c.lot_id);
}

/**
 * case.* events -> cases (and custody_out.case_id for a weapon not returned; balances and
 * lot_outstanding for rounds settled by a closing); refs "c:<caseId>" and what the case is about.
 */
export function projectCases(s: Statements, e: StoredEvent): boolean {
  if (!e.type.startsWith('case.')) return false;
  switch (e.type) {
    case 'case.opened': {
      const d = e.data as CaseOpened;
      const f = caseFacts(s, e.seq, d);
      s.sql(
        `INSERT INTO cases (id, source, subject, weapon_id, lot_id, quantity, voucher_id, handover_id, officer_id, owner,
          deadline, status, explanation, outcome, opened_at, closed_at, approver, updated_seq,
          check_id, code, store_id, bay, book, counted, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', '', ?, '', NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        e.seq, d.source, d.subject, d.weaponId ?? null, d.lotId ?? null, d.quantity, d.voucherId ?? null, d.handoverId ?? null,
        d.officerId ?? null, d.owner, d.deadline, e.at, e.seq, f.checkId, f.code, f.storeId, f.bay, f.book, f.counted, f.note,
      );
      if (d.source === 'custody' && d.subject === 'weapon' && d.weaponId !== undefined) {
        s.sql('UPDATE custody_out SET case_id = ? WHERE weapon_id = ?').run(e.seq, d.weaponId);
      }
      addRef(s, `c:${e.seq}`, e.seq);
      if (d.weaponId !== undefined) addRef(s, `w:${d.weaponId}`, e.seq);
      if (d.lotId !== undefined) addRef(s, `l:${d.lotId}`, e.seq);
      if (d.voucherId !== undefined) addRef(s, `v:${d.voucherId}`, e.seq);
      if (d.officerId !== undefined) addRef(s, `o:${d.officerId}`, e.seq);
      return true;
    }
    case 'case.updated': {
      const d = e.data as CaseUpdated;
      subjectOf(s, d.caseId, e.seq);
      if (d.explanation !== undefined) s.sql('UPDATE cases SET explanation = ? WHERE id = ?').run(d.explanation, d.caseId);
      if (d.owner !== undefined) s.sql('UPDATE cases SET owner = ? WHERE id = ?').run(d.owner, d.caseId);
      s.sql('UPDATE cases SET updated_seq = ? WHERE id = ?').run(e.seq, d.caseId);
      addRef(s, `c:${d.caseId}`, e.seq);
      return true;
    }
    case 'case.closed': {
      const d = e.data as CaseClosed;
      const c = subjectOf(s, d.caseId, e.seq);
      s.sql(
        "UPDATE cases SET status = 'closed', outcome = ?, explanation = ?, closed_at = ?, approver = ?, updated_seq = ? WHERE id = ?",
      ).run(d.outcome, d.explanation, e.at, e.approver ?? null, e.seq, d.caseId);
      settleRounds(s, c, d, e.seq);
      addRef(s, `c:${d.caseId}`, e.seq);
      if (c.weapon_id !== null) addRef(s, `w:${c.weapon_id}`, e.seq);
      if (c.lot_id !== null) addRef(s, `l:${c.lot_id}`, e.seq);
      if (d.place) addRef(s, `s:${d.place.storeId}`, e.seq);
      if (c.voucher_id !== null) addRef(s, `v:${c.voucher_id}`, e.seq);
      if (c.officer_id !== null) addRef(s, `o:${c.officer_id}`, e.seq);
      return true;
    }
    default:
      return false;
  }
}
