import { compatibility, type CompatibilityGroup, type Licence, type StoreFields } from '../../../shared/domain/ammunition';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { BayAdded, LicenceChanged, OverrideRecorded, StoreCreated } from './events';

export interface StoreRecord {
  id: number;
  code: string;
  name: string;
  bays: string[];
  licence: Licence;
}

interface StoreRow {
  id: number;
  code: string;
  name: string;
  bays: string;
  licence: string;
}

const toRecord = (r: StoreRow): StoreRecord => ({
  id: r.id, code: r.code, name: r.name, bays: JSON.parse(r.bays) as string[], licence: JSON.parse(r.licence) as Licence,
});

export function findStore(s: Statements, id: number): StoreRecord | undefined {
  const row = s.sql('SELECT id, code, name, bays, licence FROM stores WHERE id = ?').get(id) as StoreRow | undefined;
  return row && toRecord(row);
}

export function allStores(s: Statements): StoreRecord[] {
  return (s.sql('SELECT id, code, name, bays, licence FROM stores ORDER BY code').all() as StoreRow[]).map(toRecord);
}

/** `field` is the input path the refusal lands on (place.storeId, to.storeId…). */
export function getStore(s: Statements, id: number, field = 'storeId'): StoreRecord {
  const store = findStore(s, id);
  if (!store) throw new AppError('store_not_found', `no store ${id}`, { params: { id }, fields: { [field]: { code: 'store_not_found' } } });
  return store;
}

/** A bay must be one the store declares; '' means "the store, no particular bay". */
export function assertBay(store: StoreRecord, bay: string, field: string): void {
  if (bay !== '' && !store.bays.includes(bay)) {
    throw new AppError('bay_not_found', `store ${store.code} has no bay ${bay}`, {
      params: { store: store.code, bay }, fields: { [field]: { code: 'bay_not_found' } },
    });
  }
}

/** Overrides are kept per unordered pair: (a, b) and (b, a) are one row. */
export function pairKey(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

export function hasOverride(s: Statements, storeId: number, a: string, b: string): boolean {
  return s.sql('SELECT 1 FROM store_overrides WHERE store_id = ? AND group_a = ? AND group_b = ?').get(storeId, ...pairKey(a, b)) !== undefined;
}

export function createStore(store: Store, actor: number, fields: StoreFields): number {
  return store.journal.write(() => {
    const taken = store.s.sql('SELECT id FROM stores WHERE code = ?').get(fields.code) as { id: number } | undefined;
    if (taken) {
      throw new AppError('store_code_taken', `store code ${fields.code} is already used`, {
        params: { value: fields.code }, fields: { code: { code: 'store_code_taken' } },
      });
    }
    const bays = [...new Set(fields.bays)];
    const data: StoreCreated = { code: fields.code, name: fields.name, bays, licence: fields.licence };
    return store.journal.append({ type: 'store.created', actor, data }).seq;
  });
}

export function changeLicence(store: Store, actor: number, storeId: number, licence: Licence): void {
  store.journal.write(() => {
    getStore(store.s, storeId);
    const data: LicenceChanged = { storeId, licence };
    store.journal.append({ type: 'store.licence_changed', actor, data });
  });
}

export function addBay(store: Store, actor: number, storeId: number, bay: string): void {
  store.journal.write(() => {
    const record = getStore(store.s, storeId);
    if (record.bays.includes(bay)) {
      throw new AppError('bay_exists', `store ${record.code} already has bay ${bay}`, {
        params: { store: record.code, bay }, fields: { bay: { code: 'bay_exists' } },
      });
    }
    const data: BayAdded = { storeId, bay };
    store.journal.append({ type: 'store.bay_added', actor, data });
  });
}

/** Only a conditional (C) pair can be overridden: Y needs nothing and N is never allowed. */
export function recordOverride(store: Store, actor: number, data: OverrideRecorded): void {
  store.journal.write(() => {
    getStore(store.s, data.storeId);
    const rule = compatibility(data.groupA, data.groupB);
    if (rule !== 'C') {
      throw new AppError('override_not_conditional', `${data.groupA}+${data.groupB} is ${rule}, not conditional`, {
        params: { groupA: data.groupA, groupB: data.groupB, rule }, fields: { groupB: { code: 'override_not_conditional' } },
      });
    }
    store.journal.append({ type: 'store.override_recorded', actor, data });
  });
}

export function overridesOf(s: Statements, storeId: number) {
  return s
    .sql('SELECT group_a AS groupA, group_b AS groupB, authority, reference, date FROM store_overrides WHERE store_id = ? ORDER BY group_a, group_b')
    .all(storeId) as { groupA: CompatibilityGroup; groupB: CompatibilityGroup; authority: string; reference: string; date: string }[];
}
