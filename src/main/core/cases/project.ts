import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { CaseOpened } from './events';

/** case.* events -> cases (and custody_out.case_id for a weapon not returned); refs "c:<caseId>". */
export function projectCases(s: Statements, e: StoredEvent): boolean {
  if (!e.type.startsWith('case.')) return false;
  switch (e.type) {
    case 'case.opened': {
      const d = e.data as CaseOpened;
      s.sql(
        `INSERT INTO cases (id, source, subject, weapon_id, lot_id, quantity, voucher_id, handover_id, officer_id, owner,
          deadline, status, explanation, outcome, opened_at, closed_at, approver, updated_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', '', ?, '', NULL, ?)`,
      ).run(
        e.seq, d.source, d.subject, d.weaponId ?? null, d.lotId ?? null, d.quantity, d.voucherId ?? null, d.handoverId ?? null,
        d.officerId ?? null, d.owner, d.deadline, e.at, e.seq,
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
    default:
      return false;
  }
}
