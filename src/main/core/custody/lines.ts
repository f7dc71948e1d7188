import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';

/**
 * Closes the voucher (at this event) once it is settled and no weapon line is out or missing any
 * more. Unsettled, it stays open even when every weapon on it was reported lost: its rounds and
 * magazines still have to be reconciled by a return.
 */
export function closeVoucherIfDone(s: Statements, voucherId: number, seq: number): void {
  const open = s.sql("SELECT 1 FROM voucher_weapons WHERE voucher_id = ? AND outcome IN ('out', 'missing') LIMIT 1").get(voucherId);
  if (!open) s.sql('UPDATE vouchers SET closed_seq = ? WHERE id = ? AND closed_seq IS NULL AND settled_seq IS NOT NULL').run(seq, voucherId);
}

/**
 * Ends a weapon's open custody line (its custody_out row and voucher_weapons outcome) when the
 * weapon leaves custody other than by a return: a loss or theft report, or a case written off.
 * Closes the voucher when it was its last open line.
 */
export function closeCustodyLine(s: Statements, weaponId: number, seq: number, outcome: 'lost'): void {
  const row = s.sql('SELECT voucher_id AS voucherId FROM custody_out WHERE weapon_id = ?').get(weaponId) as { voucherId: number } | undefined;
  if (!row) return;
  s.sql('UPDATE voucher_weapons SET outcome = ?, returned_seq = ? WHERE voucher_id = ? AND weapon_id = ?').run(outcome, seq, row.voucherId, weaponId);
  s.sql('DELETE FROM custody_out WHERE weapon_id = ?').run(weaponId);
  closeVoucherIfDone(s, row.voucherId, seq);
  // the voucher's history shows how its line ended
  addRef(s, `v:${row.voucherId}`, seq);
}
