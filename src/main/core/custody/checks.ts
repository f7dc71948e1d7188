import type { Settings } from '../../../shared/domain/accounts';
import type { issueInput, VoucherKind } from '../../../shared/domain/custody';
import type { WeaponStatus, WeaponType } from '../../../shared/domain/enums';
import { normalizeKey } from '../../../shared/domain/normalize';
import { localToday } from '../../../shared/domain/weapon';
import type { Coded } from '../../../shared/result';
import type { ErrorCode } from '../../../shared/errors';
import type { z } from '../../../shared/validation';
import { getLot } from '../ammunition/lots';
import { available } from '../ammunition/movements';
import { assertBay, getStore } from '../ammunition/stores';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Issued } from './events';

export type IssueParsed = z.output<typeof issueInput>;

/** The voucher a weapon is out on now (its custody_out row). */
export interface OpenLine {
  voucherId: number;
  voucherNumber: string;
  officerId: number;
  officerName: string;
  serviceNumber: string;
  kind: VoucherKind;
  expectedReturn: string;
  caseId: number | null;
}

export function openLineOf(s: Statements, weaponId: number): OpenLine | undefined {
  return s
    .sql(
      `SELECT c.voucher_id AS voucherId, v.number AS voucherNumber, o.id AS officerId, o.name AS officerName,
         o.service_number AS serviceNumber, c.kind, c.expected_return AS expectedReturn, c.case_id AS caseId
       FROM custody_out c JOIN vouchers v ON v.id = c.voucher_id JOIN officers o ON o.id = c.officer_id
       WHERE c.weapon_id = ?`,
    )
    .get(weaponId) as OpenLine | undefined;
}

interface WeaponState {
  id: number;
  nationalCode: string;
  type: WeaponType;
  status: WeaponStatus;
  condition: string;
}

/**
 * Why one weapon cannot be issued now, or null: the one rule shown by custody.check before an
 * issue and enforced by custody.issue.
 */
export function weaponRefusal(s: Statements, w: Pick<WeaponState, 'id' | 'nationalCode' | 'status' | 'condition'>): Coded | null {
  const nationalCode = w.nationalCode;
  switch (w.status) {
    case 'issued':
    case 'assigned': {
      const line = openLineOf(s, w.id);
      return { code: 'weapon_already_out', params: { nationalCode, voucherNumber: line?.voucherNumber ?? '', officer: line?.officerName ?? '' } };
    }
    case 'in_maintenance':
      return { code: 'weapon_in_maintenance', params: { nationalCode } };
    case 'lost':
    case 'stolen':
      return { code: 'weapon_lost', params: { nationalCode } };
    case 'unserviceable':
      return { code: 'weapon_not_serviceable', params: { nationalCode } };
    case 'in_store':
      return w.condition === 'serviceable' ? null : { code: 'weapon_not_serviceable', params: { nationalCode } };
    default:
      return { code: 'weapon_not_in_store', params: { nationalCode } };
  }
}

/** A refusal that lands on one input field. */
function refuse(code: ErrorCode, field: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(code, message, { ...(params ? { params } : {}), fields: { [field]: { code, ...(params ? { params } : {}) } } });
}

interface OfficerState {
  id: number;
  name: string;
  key: string;
  status: string;
}

/** What a valid issue will append, and what it still needs: a manager's override for these types. */
export interface IssuePlan {
  data: Omit<Issued, 'override'>;
  /** Weapon types the officer holds no current authorisation for. */
  uncovered: WeaponType[];
  officer: OfficerState;
}

/** Which second accounts the issue carries: given (before the passwords are checked) or confirmed (inside the write). */
export interface Signed {
  override: boolean;
  countersigner: boolean;
}

/**
 * Every check of an issue that needs no password, in the order a storekeeper fixes them: the
 * officer, the expected return, each weapon, the authorisations, each rounds line. Runs before
 * any credentials are asked for, and again inside the write.
 */
export function planIssue(s: Statements, i: IssueParsed, now: Date, settings: Settings, signed: Signed): IssuePlan {
  const officer = s
    .sql('SELECT id, name, service_number_key AS key, status FROM officers WHERE id = ?')
    .get(i.officerId) as OfficerState | undefined;
  if (!officer) throw refuse('officer_not_found', 'officerId', `no officer ${i.officerId}`);
  if (officer.status !== 'active') throw refuse('officer_not_active', 'officerId', `officer ${officer.id} is ${officer.status}`, { name: officer.name });
  if (normalizeKey(i.acknowledgement) !== officer.key) {
    throw refuse('acknowledgement_mismatch', 'acknowledgement', 'the acknowledgement is not the officer\'s service number');
  }
  const expectedReturn = i.kind === 'checkout' ? checkExpectedReturn(i.expectedReturn, now) : '';

  const weapons = checkWeapons(s, i.weapons);
  const uncovered = uncoveredTypes(s, officer.id, weapons, localToday(now));
  const first = uncovered.length > 0 ? weapons.find((w) => uncovered.includes(w.type)) : undefined;
  if (first && !signed.override) {
    throw refuse('officer_not_authorised', `weapons.${weapons.indexOf(first)}.weaponId`, `officer ${officer.id} is not authorised for ${first.type}`, {
      name: officer.name, nationalCode: first.nationalCode, weaponType: first.type,
    });
  }
  if (settings.countersignIssues && !signed.countersigner) {
    throw refuse('countersign_required', 'countersigner.username', 'this armoury requires a countersignature');
  }
  const rounds = checkRounds(s, i.rounds);
  const data: Omit<Issued, 'override'> = {
    kind: i.kind,
    officerId: officer.id,
    weapons: i.weapons.map((w) => ({ weaponId: w.weaponId, magazines: w.magazines })),
    rounds,
    duty: i.duty,
    expectedReturn,
    note: i.note,
    acknowledgement: i.acknowledgement,
  };
  return { data, uncovered, officer };
}

/** A checkout's expected return, stored as a UTC instant so that string order is time order. */
function checkExpectedReturn(value: string, now: Date): string {
  if (value === '') throw refuse('expected_return_required', 'expectedReturn', 'a checkout needs an expected return time');
  const at = new Date(value);
  if (at.getTime() <= now.getTime()) throw refuse('expected_return_past', 'expectedReturn', 'the expected return time is past');
  return at.toISOString();
}

function checkWeapons(s: Statements, list: IssueParsed['weapons']): WeaponState[] {
  const seen = new Set<number>();
  return list.map((line, index) => {
    const field = `weapons.${index}.weaponId`;
    const w = s
      .sql('SELECT id, national_code AS nationalCode, type, status, condition FROM weapons WHERE id = ?')
      .get(line.weaponId) as WeaponState | undefined;
    if (!w) throw refuse('weapon_not_found', field, `no weapon ${line.weaponId}`, { id: line.weaponId });
    if (seen.has(w.id)) throw refuse('weapon_listed_twice', field, `weapon ${w.id} is listed twice`, { nationalCode: w.nationalCode });
    seen.add(w.id);
    const refusal = weaponRefusal(s, w);
    if (refusal) throw refuse(refusal.code as ErrorCode, field, `weapon ${w.id} cannot be issued (${refusal.code})`, refusal.params);
    return w;
  });
}

/** Types among the weapons for which the officer holds no authorisation expiring today or later. */
function uncoveredTypes(s: Statements, officerId: number, weapons: WeaponState[], today: string): WeaponType[] {
  const rows = s.sql('SELECT weapon_type AS type, expires FROM officer_authorisations WHERE officer_id = ?').all(officerId) as {
    type: WeaponType;
    expires: string;
  }[];
  const current = new Set(rows.filter((r) => r.expires >= today).map((r) => r.type));
  return [...new Set(weapons.map((w) => w.type))].filter((t) => !current.has(t));
}

/**
 * Rounds lines: the same lot from the same place twice is one line (its quantities added), so the
 * voucher holds one line per lot and place and the stock check covers the whole quantity.
 */
function checkRounds(s: Statements, list: IssueParsed['rounds']): Issued['rounds'] {
  const merged = new Map<string, { index: number; line: Issued['rounds'][number] }>();
  list.forEach((r, index) => {
    const key = `${r.lotId}\n${r.storeId}\n${r.bay}`;
    const had = merged.get(key);
    if (had) had.line.quantity += r.quantity;
    else merged.set(key, { index, line: { lotId: r.lotId, storeId: r.storeId, bay: r.bay, quantity: r.quantity } });
  });
  for (const { index, line } of merged.values()) {
    const field = `rounds.${index}.quantity`;
    const lot = getLot(s, line.lotId, field);
    const store = getStore(s, line.storeId, `rounds.${index}.storeId`);
    assertBay(store, line.bay, `rounds.${index}.bay`);
    if (lot.suspended) throw refuse('lot_suspended', field, `lot ${lot.id} is suspended`, { lotId: lot.id });
    const have = available(s, lot.id, line, 'serviceable');
    if (have < line.quantity) {
      throw refuse('insufficient_quantity', field, `only ${have} available, ${line.quantity} requested`, { available: have, requested: line.quantity });
    }
  }
  return [...merged.values()].map((m) => m.line);
}
