import { weaponFields, type WeaponField, type WeaponFieldsInput } from '../../../shared/domain/weapon';

/** How each field of the firearm record is entered and shown. */
export type FieldKind =
  | 'text' | 'longtext' | 'type' | 'agency' | 'country' | 'optionalCountry' | 'year' | 'date'
  | 'acquisitionMode' | 'condition' | 'boolean';

export const FIELD_KIND: Record<WeaponField, FieldKind> = {
  nationalCode: 'text',
  serial: 'text',
  manufacturer: 'text',
  model: 'text',
  countryOfManufacture: 'country',
  yearOfManufacture: 'year',
  type: 'type',
  calibre: 'text',
  markingLocation: 'text',
  agency: 'agency',
  location: 'text',
  acquisitionDate: 'date',
  acquisitionMode: 'acquisitionMode',
  acquisitionSource: 'text',
  acquisitionDocument: 'text',
  condition: 'condition',
  importCountry: 'optionalCountry',
  importYear: 'year',
  importer: 'text',
  otherMarks: 'longtext',
  marksIllegible: 'boolean',
  markingDate: 'date',
  markingOperator: 'text',
  markingMachine: 'text',
  notes: 'longtext',
};

export type SectionId = 'identification' | 'marking' | 'acquisition' | 'holding' | 'otherMarks';

/** The record grouped as the paper register groups it; the form and the dossier share this. */
export const SECTIONS: readonly { id: SectionId; fields: readonly WeaponField[]; optional?: boolean }[] = [
  { id: 'identification', fields: ['nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'countryOfManufacture', 'yearOfManufacture'] },
  { id: 'marking', fields: ['markingLocation', 'markingDate', 'markingOperator', 'markingMachine'] },
  { id: 'acquisition', fields: ['acquisitionDate', 'acquisitionMode', 'acquisitionSource', 'acquisitionDocument'] },
  { id: 'holding', fields: ['agency', 'location', 'condition', 'notes'] },
  { id: 'otherMarks', fields: ['importCountry', 'importYear', 'importer', 'otherMarks', 'marksIllegible'], optional: true },
];

/** Fields with a short help line under them in the registration form. */
export const HINTED: readonly WeaponField[] = ['nationalCode', 'serial', 'markingLocation', 'yearOfManufacture', 'location', 'acquisitionDocument', 'otherMarks'];

/** Required = the schema refuses "nothing"; derived so the stars follow the schema. */
export function isRequired(field: WeaponField): boolean {
  return !weaponFields.shape[field].safeParse(undefined).success;
}

/** What an empty registration form holds (every input controlled from the start). */
export function emptyWeapon(agency: WeaponFieldsInput['agency'] | undefined): WeaponFieldsInput {
  return {
    nationalCode: '', serial: '', manufacturer: '', model: '',
    countryOfManufacture: '' as WeaponFieldsInput['countryOfManufacture'],
    yearOfManufacture: '', type: '' as WeaponFieldsInput['type'], calibre: '', markingLocation: '',
    agency: agency ?? ('' as WeaponFieldsInput['agency']), location: '', acquisitionDate: '',
    acquisitionMode: '' as WeaponFieldsInput['acquisitionMode'], acquisitionSource: '', acquisitionDocument: '',
    condition: 'serviceable', importCountry: '', importYear: '', importer: '', otherMarks: '',
    marksIllegible: false, markingDate: '', markingOperator: '', markingMachine: '', notes: '',
  };
}

/** Today as YYYY-MM-DD in local time: the default for event dates and the `max` of date inputs. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
