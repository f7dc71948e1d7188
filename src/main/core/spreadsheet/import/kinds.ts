import { officerFields, type OfficerFields } from '../../../../shared/domain/custody';
import type { ImportKind, ImportSource } from '../../../../shared/domain/spreadsheet';
import { weaponFields, type WeaponFields } from '../../../../shared/domain/weapon';
import type { Coded } from '../../../../shared/result';
import { issuesToFields } from '../../../../shared/validation';
import { receiveNewLot } from '../../ammunition/movements';
import type { Statements } from '../../db/statements';
import { appendOfficerRegistration } from '../../officers/officers';
import { appendWeaponRegistration } from '../../register/service';
import type { Store } from '../../store';
import { lotText, parseLotRow, StoreNames, type LotRow } from './lots';

export type RowValue = WeaponFields | OfficerFields | LotRow;

/** What an import does with one kind of row: check it against the record's schema, show it, record it. */
export interface KindRules {
  parse(input: Record<string, unknown>): { value: RowValue } | { fields: Record<string, Coded> };
  /** The recorded values as text (preview). */
  text(value: RowValue): Record<string, string>;
  /**
   * Appends the row's event inside the caller's write; returns its seq. Register duplicates are
   * checked by the caller; a lot's receipt applies the store's safety rules and may refuse.
   */
  append(store: Store, actor: number, value: RowValue, source: ImportSource, today: string): number;
}

const asText = (value: object): Record<string, string> =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

export function rulesFor(kind: ImportKind, s: Statements): KindRules {
  if (kind === 'weapons') {
    return {
      parse: (input) => {
        const r = weaponFields.safeParse(input);
        return r.success ? { value: r.data } : { fields: issuesToFields(r.error.issues) };
      },
      text: asText,
      append: (store, actor, value, source) => appendWeaponRegistration(store, actor, value as WeaponFields, { source }, false),
    };
  }
  if (kind === 'officers') {
    return {
      parse: (input) => {
        const r = officerFields.safeParse(input);
        return r.success ? { value: r.data } : { fields: issuesToFields(r.error.issues) };
      },
      text: asText,
      append: (store, actor, value, source) => appendOfficerRegistration(store, actor, value as OfficerFields, { source }, false),
    };
  }
  const stores = new StoreNames(s);
  return {
    parse: (input) => parseLotRow(input, stores),
    text: (value) => lotText(value as LotRow),
    append: (store, actor, value, source, today) => {
      const { storeCode: _code, ...receipt } = value as LotRow;
      return receiveNewLot({ store, actor, today }, { ...receipt, importSource: source }).seq;
    },
  };
}
