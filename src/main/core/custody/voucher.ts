import type { VoucherRounds, VoucherView, VoucherWeapon } from '../../../shared/contract/custody';
import type { ActorRef } from '../../../shared/contract/register';
import type { VoucherKind } from '../../../shared/domain/custody';
import type { WeaponCondition } from '../../../shared/domain/enums';
import type { WeaponRow } from '../../../shared/domain/weapon';
import { localToday } from '../../../shared/domain/weapon';
import { caseRow } from '../cases/queries';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { decodeEvent } from '../journal/event';
import { officerRow } from '../officers/queries';
import type { Issued } from './events';

/** A weapon's register columns, from the join's `w` (ids clash with the other tables'). */
export const W_COLUMNS = `w.id, w.national_code AS nationalCode, w.serial, w.manufacturer, w.model, w.type, w.calibre, w.agency,
  w.location, w.status, w.condition`;

export function actorRef(s: Statements, id: number): ActorRef {
  const row = s.sql('SELECT id, username, full_name AS fullName FROM users WHERE id = ?').get(id) as ActorRef | undefined;
  return row ?? { id, username: '?', fullName: '?' };
}

export function issuedData(s: Statements, voucherId: number): Issued {
  const row = s.sql('SELECT body FROM events WHERE seq = ?').get(voucherId) as { body: Buffer } | undefined;
  if (!row) throw new Error(`no event ${voucherId}`);
  return decodeEvent(row.body).data as Issued;
}

const atOf = (s: Statements, seq: number | null): string =>
  seq === null ? '' : ((s.sql('SELECT at FROM events WHERE seq = ?').get(seq) as { at: string } | undefined)?.at ?? '');

interface VoucherRaw {
  id: number;
  number: string;
  kind: VoucherKind;
  officer_id: number;
  duty: string;
  expected_return: string;
  issued_at: string;
  issuer: number;
  countersigner: number | null;
  override_by: number | null;
  override_reason: string;
  acknowledgement: string;
  note: string;
  magazines: number;
  magazines_returned: number;
  reference: string;
  settled_seq: number | null;
  closed_seq: number | null;
}

export function findVoucher(s: Statements, id: number): VoucherRaw | undefined {
  return s.sql('SELECT * FROM vouchers WHERE id = ?').get(id) as VoucherRaw | undefined;
}

export function getVoucher(s: Statements, id: number, field = 'voucherId'): VoucherRaw {
  const v = findVoucher(s, id);
  if (!v) throw new AppError('voucher_not_found', `no voucher ${id}`, { params: { id }, fields: { [field]: { code: 'voucher_not_found' } } });
  return v;
}

function weaponLines(s: Statements, voucherId: number): VoucherWeapon[] {
  const rows = s
    .sql(
      `SELECT ${W_COLUMNS}, x.magazines AS lineMagazines, x.outcome, x.condition AS lineCondition, COALESCE(e.at, '') AS returnedAt
       FROM voucher_weapons x JOIN weapons w ON w.id = x.weapon_id LEFT JOIN events e ON e.seq = x.returned_seq
       WHERE x.voucher_id = ? ORDER BY w.national_code_key`,
    )
    .all(voucherId) as (WeaponRow & { lineMagazines: number; outcome: VoucherWeapon['outcome']; lineCondition: WeaponCondition | ''; returnedAt: string })[];
  return rows.map(({ lineMagazines, outcome, lineCondition, returnedAt, ...weapon }) => ({
    weapon, magazines: lineMagazines, outcome, condition: lineCondition, returnedAt,
  }));
}

function roundsLines(s: Statements, voucherId: number): VoucherRounds[] {
  return s
    .sql(
      `SELECT r.lot_id AS lotId, l.lot_number AS lotNumber, l.calibre, l.nature, r.store_id AS storeId, st.code AS storeCode, r.bay,
         r.issued, r.returned, r.expended, r.unaccounted
       FROM voucher_rounds r JOIN lots l ON l.id = r.lot_id JOIN stores st ON st.id = r.store_id
       WHERE r.voucher_id = ? ORDER BY r.lot_id, st.code, r.bay`,
    )
    .all(voucherId) as VoucherRounds[];
}

/** Every case a return of this voucher opened, oldest first. */
function voucherCases(s: Statements, voucherId: number, now: Date) {
  const ids = s.sql('SELECT id FROM cases WHERE voucher_id = ? ORDER BY id').all(voucherId) as { id: number }[];
  return ids.map((c) => caseRow(s, c.id, now));
}

/** The voucher as the issue receipt and the return screen show it. */
export function voucherView(s: Statements, id: number, now: Date, head: { seq: number; hash: string }): VoucherView {
  const v = getVoucher(s, id, 'id');
  const settled = v.settled_seq !== null;
  const closed = v.closed_seq !== null;
  const override = v.override_by !== null
    ? { by: actorRef(s, v.override_by), reason: v.override_reason, weaponTypes: issuedData(s, v.id).override?.weaponTypes ?? [] }
    : null;
  return {
    id: v.id,
    number: v.number,
    kind: v.kind,
    officer: officerRow(s, v.officer_id, localToday(now)),
    duty: v.duty,
    expectedReturn: v.expected_return,
    issuedAt: v.issued_at,
    issuer: actorRef(s, v.issuer),
    countersigner: v.countersigner !== null ? actorRef(s, v.countersigner) : null,
    override,
    acknowledgement: v.acknowledgement,
    note: v.note,
    weapons: weaponLines(s, v.id),
    rounds: roundsLines(s, v.id),
    magazines: v.magazines,
    magazinesReturned: v.magazines_returned,
    magazinesUnaccounted: settled ? v.magazines - v.magazines_returned : 0,
    reference: v.reference,
    settled,
    settledAt: atOf(s, v.settled_seq),
    closed,
    overdue: v.kind === 'checkout' && !closed && v.expected_return !== '' && v.expected_return < now.toISOString(),
    cases: voucherCases(s, v.id, now),
    head: { ...head },
  };
}
