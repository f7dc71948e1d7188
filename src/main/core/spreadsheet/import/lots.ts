import { ammoOptionalText, ammoText, lotFields, quantity, type LotFields } from '../../../../shared/domain/ammunition';
import { normalizeKey } from '../../../../shared/domain/normalize';
import { pastDate } from '../../../../shared/domain/weapon';
import type { Coded } from '../../../../shared/result';
import { issuesToFields, z } from '../../../../shared/validation';
import type { At } from '../../ammunition/events';
import { allStores, type StoreRecord } from '../../ammunition/stores';
import type { Statements } from '../../db/statements';

/** The receipt half of a lot row, as ammo.receiveNewLot takes it, the store named by its code or name. */
const receipt = z.object({
  store: ammoText(1, 120),
  bay: ammoOptionalText(40),
  quantity,
  date: pastDate,
  source: ammoText(2, 120),
  document: ammoOptionalText(120),
});

/** A valid lot row: what receiveNewLot appends, and the store's code for the preview. */
export interface LotRow {
  lot: LotFields;
  place: At;
  quantity: number;
  date: string;
  source: string;
  document: string;
  storeCode: string;
}

/** The armoury's stores by normalized code and by normalized name (a register names them either way). */
export class StoreNames {
  private readonly byKey = new Map<string, StoreRecord>();

  constructor(s: Statements) {
    const stores = allStores(s);
    // Names first, then codes: a code wins when one store's name is another's code.
    for (const store of stores) this.byKey.set(normalizeKey(store.name), store);
    for (const store of stores) this.byKey.set(normalizeKey(store.code), store);
  }

  find(text: string): StoreRecord | undefined {
    return this.byKey.get(normalizeKey(text));
  }
}

/** The bay as the store spells it ('' for none), or null when the store has no such bay. */
function bayOf(store: StoreRecord, bay: string): string | null {
  if (bay === '') return '';
  const key = normalizeKey(bay);
  return store.bays.find((b) => normalizeKey(b) === key) ?? null;
}

/** Parses a converted lot row: the lot's fields, the receipt's, then the store and bay against the stores table. */
export function parseLotRow(input: Record<string, unknown>, stores: StoreNames): { value: LotRow } | { fields: Record<string, Coded> } {
  const lot = lotFields.safeParse(input);
  const rest = receipt.safeParse(input);
  const fields: Record<string, Coded> = {
    ...(lot.success ? {} : issuesToFields(lot.error.issues)),
    ...(rest.success ? {} : issuesToFields(rest.error.issues)),
  };
  if (rest.success) {
    const store = stores.find(rest.data.store);
    if (!store) fields.store = { code: 'store_not_found', params: { value: rest.data.store } };
    else {
      const bay = bayOf(store, rest.data.bay);
      if (bay === null) fields.bay = { code: 'bay_not_found', params: { store: store.code, bay: rest.data.bay } };
      else if (lot.success && Object.keys(fields).length === 0) {
        const { quantity: q, date, source, document } = rest.data;
        return { value: { lot: lot.data, place: { storeId: store.id, bay }, quantity: q, date, source, document, storeCode: store.code } };
      }
    }
  }
  return { fields };
}

/** The field a store's refusal of a receipt lands on: the mixing rules on the group, the licence on the quantity. */
export function refusalField(code: string): string {
  if (code === 'incompatible_groups' || code === 'compatibility_override_required') return 'compatibilityGroup';
  if (code === 'neq_limit_exceeded') return 'quantity';
  if (code === 'store_not_found') return 'store';
  if (code === 'bay_not_found') return 'bay';
  return '_';
}

/** A lot row's values as text, as they will be recorded (the store by its code). */
export function lotText(v: LotRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v.lot)) out[k] = value === null ? '' : String(value);
  return { ...out, store: v.storeCode, bay: v.place.bay, quantity: String(v.quantity), date: v.date, source: v.source, document: v.document };
}
