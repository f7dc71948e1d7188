import type { WeaponStatus } from '../../../shared/domain/enums';
import { changeBalance, changeOutstanding } from '../ammunition/balances';
import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import { setWeaponStatus } from '../register/project';
import type { Issued, Returned } from './events';
import { closeVoucherIfDone } from './lines';

/** A voucher's number: the UTC year it was issued and its id, e.g. 2026-000412. */
export function voucherNumber(at: string, id: number): string {
  return `${new Date(at).getUTCFullYear()}-${String(id).padStart(6, '0')}`;
}

function statusOf(s: Statements, weaponId: number): WeaponStatus {
  const row = s.sql('SELECT status FROM weapons WHERE id = ?').get(weaponId) as { status: WeaponStatus } | undefined;
  if (!row) throw new Error(`custody event names unknown weapon ${weaponId}`);
  return row.status;
}

function projectIssued(s: Statements, e: StoredEvent<Issued>): Set<string> {
  const d = e.data;
  const magazines = d.weapons.reduce((n, w) => n + w.magazines, 0);
  s.sql(
    `INSERT INTO vouchers (id, number, kind, officer_id, duty, expected_return, issued_at, issuer, countersigner, override_by,
      override_reason, acknowledgement, note, magazines, magazines_returned, reference, settled_seq, closed_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', NULL, NULL)`,
  ).run(
    e.seq, voucherNumber(e.at, e.seq), d.kind, d.officerId, d.duty, d.expectedReturn, e.at, e.actor, e.approver ?? null,
    d.override?.by ?? null, d.override?.reason ?? '', d.acknowledgement, d.note, magazines,
  );
  const refs = new Set([`v:${e.seq}`, `o:${d.officerId}`]);
  const to: WeaponStatus = d.kind === 'checkout' ? 'issued' : 'assigned';
  for (const w of d.weapons) {
    s.sql("INSERT INTO voucher_weapons (voucher_id, weapon_id, magazines, outcome, condition, returned_seq) VALUES (?, ?, ?, 'out', '', NULL)")
      .run(e.seq, w.weaponId, w.magazines);
    s.sql('INSERT INTO custody_out (weapon_id, voucher_id, officer_id, kind, expected_return, case_id) VALUES (?, ?, ?, ?, ?, NULL)')
      .run(w.weaponId, e.seq, d.officerId, d.kind, d.expectedReturn);
    setWeaponStatus(s, w.weaponId, statusOf(s, w.weaponId), to);
    s.sql('UPDATE weapons SET updated_seq = ? WHERE id = ?').run(e.seq, w.weaponId);
    refs.add(`w:${w.weaponId}`);
  }
  for (const r of d.rounds) {
    s.sql('INSERT INTO voucher_rounds (voucher_id, lot_id, store_id, bay, issued, returned, expended, unaccounted) VALUES (?, ?, ?, ?, ?, 0, 0, 0)')
      .run(e.seq, r.lotId, r.storeId, r.bay, r.quantity);
    // exactly as ammo.issued: serviceable stock leaves the place and is outstanding until accounted for
    changeBalance(s, r.lotId, r, 'serviceable', -r.quantity);
    changeOutstanding(s, r.lotId, r.quantity);
    s.sql('UPDATE lots SET updated_seq = ? WHERE id = ?').run(e.seq, r.lotId);
    refs.add(`l:${r.lotId}`).add(`s:${r.storeId}`);
  }
  return refs;
}

function projectReturned(s: Statements, e: StoredEvent<Returned>): Set<string> {
  const d = e.data;
  const v = s.sql('SELECT officer_id AS officerId FROM vouchers WHERE id = ?').get(d.voucherId) as { officerId: number } | undefined;
  if (!v) throw new Error(`event ${e.seq} names unknown voucher ${d.voucherId}`);
  const refs = new Set([`v:${d.voucherId}`, `o:${v.officerId}`]);
  if (d.settles) {
    s.sql('UPDATE vouchers SET settled_seq = ?, magazines_returned = ?, reference = ? WHERE id = ?').run(e.seq, d.magazinesReturned, d.reference, d.voucherId);
  }
  for (const w of d.weapons) {
    s.sql("UPDATE voucher_weapons SET outcome = 'returned', condition = ?, returned_seq = ? WHERE voucher_id = ? AND weapon_id = ?")
      .run(w.condition, e.seq, d.voucherId, w.weaponId);
    s.sql('DELETE FROM custody_out WHERE weapon_id = ?').run(w.weaponId);
    s.sql('UPDATE weapons SET condition = ?, updated_seq = ? WHERE id = ?').run(w.condition, e.seq, w.weaponId);
    setWeaponStatus(s, w.weaponId, statusOf(s, w.weaponId), w.condition === 'unserviceable' ? 'unserviceable' : 'in_store');
    refs.add(`w:${w.weaponId}`);
  }
  for (const weaponId of d.notReturned) {
    // still out with the officer: the case opened with this return keeps it on the weapons-out register
    s.sql("UPDATE voucher_weapons SET outcome = 'missing' WHERE voucher_id = ? AND weapon_id = ?").run(d.voucherId, weaponId);
    refs.add(`w:${weaponId}`);
  }
  for (const r of d.rounds) {
    s.sql('UPDATE voucher_rounds SET returned = ?, expended = ?, unaccounted = ? WHERE voucher_id = ? AND lot_id = ? AND store_id = ? AND bay = ?')
      .run(r.returned, r.expended, r.unaccounted, d.voucherId, r.lotId, r.storeId, r.bay);
    // returned and expended rounds are accounted for; unaccounted ones stay outstanding until their case closes
    if (r.returned + r.expended > 0) changeOutstanding(s, r.lotId, -(r.returned + r.expended));
    if (r.returned > 0) changeBalance(s, r.lotId, r, r.condition, r.returned);
    s.sql('UPDATE lots SET updated_seq = ? WHERE id = ?').run(e.seq, r.lotId);
    refs.add(`l:${r.lotId}`).add(`s:${r.storeId}`);
  }
  closeVoucherIfDone(s, d.voucherId, e.seq);
  return refs;
}

/** custody.* events -> vouchers, voucher_weapons, voucher_rounds, custody_out, weapon statuses, ammunition balances. */
export function projectCustody(s: Statements, e: StoredEvent): boolean {
  let refs: Set<string>;
  switch (e.type) {
    case 'custody.issued':
      refs = projectIssued(s, e as StoredEvent<Issued>);
      break;
    case 'custody.returned':
      refs = projectReturned(s, e as StoredEvent<Returned>);
      break;
    default:
      return false;
  }
  for (const ref of refs) addRef(s, ref, e.seq);
  return true;
}
