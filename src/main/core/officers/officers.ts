import type { OfficerFields, OfficerStatus } from '../../../shared/domain/custody';
import type { WeaponType } from '../../../shared/domain/enums';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type {
  AuthorisationWithdrawn, OfficerAuthorised, OfficerRegistered, OfficerStatusChanged, OfficerUpdated,
} from '../custody/events';

/** Service numbers are unique once normalized; `exceptId` lets an officer keep their own. */
function assertServiceNumberFree(s: Statements, serviceNumber: string, exceptId = 0): void {
  const taken = s.sql('SELECT id FROM officers WHERE service_number_key = ? AND id <> ?').get(normalizeKey(serviceNumber), exceptId) as
    | { id: number }
    | undefined;
  if (taken) {
    const params = { value: serviceNumber, officerId: taken.id };
    throw new AppError('service_number_taken', `service number ${serviceNumber} is already registered (officer ${taken.id})`, {
      params, fields: { serviceNumber: { code: 'service_number_taken', params } },
    });
  }
}

function assertOfficer(s: Statements, id: number): void {
  if (s.sql('SELECT 1 FROM officers WHERE id = ?').get(id) === undefined) {
    throw new AppError('officer_not_found', `no officer ${id}`, { params: { id }, fields: { id: { code: 'officer_not_found' } } });
  }
}

/** Registers an officer; the id is the seq of officer.registered. Officers are never deleted. */
export function registerOfficer(store: Store, actor: number, fields: OfficerFields): number {
  return store.journal.write(() => appendOfficerRegistration(store, actor, fields));
}

/**
 * One officer.registered inside the caller's write (a spreadsheet import); `extra` joins the data
 * (the row's source); `check` false skips the lookup the caller has just made against this very
 * register (the unique index would still refuse a taken number).
 */
export function appendOfficerRegistration(store: Store, actor: number, fields: OfficerFields, extra: object = {}, check = true): number {
  if (check) assertServiceNumberFree(store.s, fields.serviceNumber);
  const data: OfficerRegistered = { ...fields, ...extra };
  return store.journal.append({ type: 'officer.registered', actor, data }).seq;
}

export function updateOfficer(store: Store, actor: number, officerId: number, fields: OfficerFields): void {
  store.journal.write(() => {
    assertOfficer(store.s, officerId);
    assertServiceNumberFree(store.s, fields.serviceNumber, officerId);
    const data: OfficerUpdated = { officerId, ...fields };
    store.journal.append({ type: 'officer.updated', actor, data });
  });
}

export function setOfficerStatus(store: Store, actor: number, officerId: number, status: OfficerStatus, reason: string): void {
  store.journal.write(() => {
    assertOfficer(store.s, officerId);
    const data: OfficerStatusChanged = { officerId, status, reason };
    store.journal.append({ type: 'officer.status_changed', actor, data });
  });
}

/** Grants or renews the authorisation for a weapon type (it replaces any earlier one for that type). */
export function authoriseOfficer(store: Store, actor: number, data: OfficerAuthorised): void {
  store.journal.write(() => {
    assertOfficer(store.s, data.officerId);
    store.journal.append({ type: 'officer.authorised', actor, data: { ...data } });
  });
}

export function withdrawAuthorisation(store: Store, actor: number, officerId: number, weaponType: WeaponType, reason: string): void {
  store.journal.write(() => {
    assertOfficer(store.s, officerId);
    const held = store.s.sql('SELECT 1 FROM officer_authorisations WHERE officer_id = ? AND weapon_type = ?').get(officerId, weaponType);
    if (held === undefined) {
      throw new AppError('authorisation_not_found', `officer ${officerId} holds no ${weaponType} authorisation`, {
        params: { weaponType }, fields: { weaponType: { code: 'authorisation_not_found' } },
      });
    }
    const data: AuthorisationWithdrawn = { officerId, weaponType, reason };
    store.journal.append({ type: 'officer.authorisation_withdrawn', actor, data });
  });
}
