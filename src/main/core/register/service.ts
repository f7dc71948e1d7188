import type { WeaponAction } from '../../../shared/domain/lifecycle';
import { actionAllowed } from '../../../shared/domain/lifecycle';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { WeaponFields, WeaponRecord } from '../../../shared/domain/weapon';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import { toRecord } from './columns';
import { ACTION_EVENTS } from './transitions';

export function findWeapon(s: Statements, id: number): WeaponRecord | undefined {
  const row = s.sql('SELECT * FROM weapons WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return row && toRecord(row);
}

export function getWeapon(s: Statements, id: number): WeaponRecord {
  const weapon = findWeapon(s, id);
  if (!weapon) throw new AppError('weapon_not_found', `no weapon ${id}`, { params: { id } });
  return weapon;
}

type Identity = Pick<WeaponFields, 'nationalCode' | 'serial' | 'manufacturer' | 'model'>;

/**
 * The two identifiers (DOMAIN.md): the national marking code alone, and manufacturer + model +
 * serial together. Each refusal names its field and the weapon already holding it.
 */
export function assertNoDuplicate(s: Statements, w: Identity, exceptId = 0): void {
  const byCode = s.sql('SELECT id, national_code AS code FROM weapons WHERE national_code_key = ? AND id <> ?').get(
    normalizeKey(w.nationalCode), exceptId,
  ) as { id: number; code: string } | undefined;
  if (byCode) {
    const params = { weaponId: byCode.id, value: byCode.code };
    throw new AppError('duplicate_national_code', `national code already registered (weapon ${byCode.id})`, {
      params, fields: { nationalCode: { code: 'duplicate_national_code', params } },
    });
  }
  const bySerial = s.sql(
    'SELECT id, national_code AS code FROM weapons WHERE manufacturer_key = ? AND model_key = ? AND serial_key = ? AND id <> ?',
  ).get(normalizeKey(w.manufacturer), normalizeKey(w.model), normalizeKey(w.serial), exceptId) as
    | { id: number; code: string }
    | undefined;
  if (bySerial) {
    const params = { weaponId: bySerial.id, value: bySerial.code };
    throw new AppError('duplicate_serial', `serial already registered for this make and model (weapon ${bySerial.id})`, {
      params, fields: { serial: { code: 'duplicate_serial', params } },
    });
  }
}

/** Registers one weapon (or a transfer-in): one event, its projections, in one transaction. */
export function registerWeapon(store: Store, actor: number, fields: WeaponFields, type = 'weapon.registered', extra = {}): WeaponRecord {
  const id = store.journal.write(() => appendRegistration(store, actor, fields, type, extra));
  return getWeapon(store.s, id);
}

/**
 * Registers many weapons in one transaction (imports, demo, benchmarks): all or none.
 * Returns the new ids in input order.
 */
export function registerMany(store: Store, actor: number, list: readonly WeaponFields[]): number[] {
  return store.journal.write(() => list.map((fields) => appendRegistration(store, actor, fields, 'weapon.registered', {})));
}

/**
 * One weapon.registered inside the caller's write (a spreadsheet import: every row and
 * import.completed in one transaction); `extra` joins the data (the row's source). `check` false
 * skips the duplicate lookups when the caller has just made them against this very register (its
 * journal head unchanged); the unique indexes would still refuse a duplicate. Returns the id.
 */
export function appendWeaponRegistration(store: Store, actor: number, fields: WeaponFields, extra: object = {}, check = true): number {
  if (check) assertNoDuplicate(store.s, fields);
  return store.journal.append({ type: 'weapon.registered', actor, data: { ...fields, ...extra } }).seq;
}

function appendRegistration(store: Store, actor: number, fields: WeaponFields, type: string, extra: object): number {
  assertNoDuplicate(store.s, fields);
  return store.journal.append({ type, actor, data: { ...fields, ...extra } }).seq;
}

/**
 * Appends a lifecycle event to a weapon after checking it exists and that the action is allowed
 * from its current status.
 */
export function actOnWeapon(
  store: Store,
  action: WeaponAction,
  weaponId: number,
  actor: number,
  data: Record<string, unknown>,
  approver?: number,
): WeaponRecord {
  store.journal.write(() => {
    const weapon = getWeapon(store.s, weaponId);
    if (!actionAllowed(action, weapon.status)) {
      throw new AppError('status_transition', `cannot ${action} a weapon that is ${weapon.status}`, {
        params: { action, status: weapon.status },
      });
    }
    store.journal.append({
      type: ACTION_EVENTS[action],
      actor,
      ...(approver !== undefined ? { approver } : {}),
      data: { weaponId, ...data },
    });
  });
  return getWeapon(store.s, weaponId);
}
