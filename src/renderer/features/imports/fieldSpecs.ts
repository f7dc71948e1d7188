import { COMPATIBILITY_GROUPS, HAZARD_DIVISIONS, lotFields } from '../../../shared/domain/ammunition';
import { COUNTRY_CODES } from '../../../shared/domain/countries';
import { officerFields } from '../../../shared/domain/custody';
import { ACQUISITION_MODES, AGENCIES, WEAPON_CONDITIONS, WEAPON_TYPES } from '../../../shared/domain/enums';
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/domain/spreadsheet';
import { weaponFields, type WeaponField } from '../../../shared/domain/weapon';
import { FIELD_KIND } from '../register/fields';

/** How a field's value is typed by hand (a constant, a mapped unknown value) and shown in the preview. */
export type FieldInput = 'text' | 'date' | 'year' | 'integer' | 'decimal' | 'boolean' | 'coded';

/** Closed vocabularies: their codes are what gets recorded, their labels what people read. */
export type Vocabulary =
  | 'weaponType' | 'agency' | 'acquisitionMode' | 'weaponCondition' | 'country' | 'hazardDivision' | 'compatibilityGroup' | 'store';

export interface FieldSpec {
  name: string;
  input: FieldInput;
  vocabulary?: Vocabulary;
  required: boolean;
}

/** Codes of each vocabulary known without asking core (stores come from stores.list). */
export const VOCABULARY_CODES: Record<Exclude<Vocabulary, 'store'>, readonly string[]> = {
  weaponType: WEAPON_TYPES,
  agency: AGENCIES,
  acquisitionMode: ACQUISITION_MODES,
  weaponCondition: WEAPON_CONDITIONS,
  country: COUNTRY_CODES,
  hazardDivision: HAZARD_DIVISIONS,
  compatibilityGroup: COMPATIBILITY_GROUPS,
};

function weaponSpec(name: WeaponField): FieldSpec {
  const required = !weaponFields.shape[name].safeParse(undefined).success;
  switch (FIELD_KIND[name]) {
    case 'type':
      return { name, input: 'coded', vocabulary: 'weaponType', required };
    case 'agency':
      return { name, input: 'coded', vocabulary: 'agency', required };
    case 'acquisitionMode':
      return { name, input: 'coded', vocabulary: 'acquisitionMode', required };
    case 'condition':
      return { name, input: 'coded', vocabulary: 'weaponCondition', required };
    case 'country':
    case 'optionalCountry':
      return { name, input: 'coded', vocabulary: 'country', required };
    case 'date':
      return { name, input: 'date', required };
    case 'year':
      return { name, input: 'year', required };
    case 'boolean':
      return { name, input: 'boolean', required };
    default:
      return { name, input: 'text', required };
  }
}

const LOT_INPUT: Record<string, Pick<FieldSpec, 'input' | 'vocabulary'>> = {
  country: { input: 'coded', vocabulary: 'country' },
  hazardDivision: { input: 'coded', vocabulary: 'hazardDivision' },
  compatibilityGroup: { input: 'coded', vocabulary: 'compatibilityGroup' },
  store: { input: 'coded', vocabulary: 'store' },
  yearOfManufacture: { input: 'year' },
  neqPerUnitKg: { input: 'decimal' },
  roundsPerBox: { input: 'integer' },
  boxesPerCase: { input: 'integer' },
  inspectionIntervalMonths: { input: 'integer' },
  quantity: { input: 'integer' },
  lastInspection: { input: 'date' },
  nextInspection: { input: 'date' },
  shelfLifeEnd: { input: 'date' },
  date: { input: 'date' },
};

/** What a receipt needs beyond the lot record (ammo.receiveNewLot): bay and document may be empty. */
const RECEIPT_REQUIRED = new Set(['store', 'quantity', 'date', 'source']);

function lotSpec(name: string): FieldSpec {
  const shape = lotFields.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } } | undefined>;
  // A numbered lot (the only state an import records) needs its number, although the schema defaults it.
  const required = name === 'lotNumber' || RECEIPT_REQUIRED.has(name) || (shape[name] ? !shape[name].safeParse(undefined).success : false);
  return { name, input: 'text', ...LOT_INPUT[name], required };
}

function officerSpec(name: string): FieldSpec {
  return name === 'agency' ? { name, input: 'coded', vocabulary: 'agency', required: true } : { name, input: 'text', required: name in officerFields.shape };
}

const cache = new Map<ImportKind, readonly FieldSpec[]>();

/** Every field an import of this kind fills, in the mapping screen's order. */
export function fieldSpecs(kind: ImportKind): readonly FieldSpec[] {
  let specs = cache.get(kind);
  if (!specs) {
    const names = IMPORT_FIELDS[kind];
    specs = names.map((n) => (kind === 'weapons' ? weaponSpec(n as WeaponField) : kind === 'lots' ? lotSpec(n) : officerSpec(n)));
    cache.set(kind, specs);
  }
  return specs;
}

export function fieldSpec(kind: ImportKind, name: string): FieldSpec {
  return fieldSpecs(kind).find((s) => s.name === name) ?? { name, input: 'text', required: false };
}
