import type { WeaponField, WeaponFields, WeaponRecord, WeaponRow } from '../../../shared/domain/weapon';

/** Contract field name -> weapons column. */
export const FIELD_COLUMNS: Record<WeaponField, string> = {
  nationalCode: 'national_code',
  serial: 'serial',
  manufacturer: 'manufacturer',
  model: 'model',
  countryOfManufacture: 'country',
  yearOfManufacture: 'year',
  type: 'type',
  calibre: 'calibre',
  markingLocation: 'marking_location',
  agency: 'agency',
  location: 'location',
  acquisitionDate: 'acquisition_date',
  acquisitionMode: 'acquisition_mode',
  acquisitionSource: 'acquisition_source',
  acquisitionDocument: 'acquisition_document',
  condition: 'condition',
  importCountry: 'import_country',
  importYear: 'import_year',
  importer: 'importer',
  otherMarks: 'other_marks',
  marksIllegible: 'marks_illegible',
  markingDate: 'marking_date',
  markingOperator: 'marking_operator',
  markingMachine: 'marking_machine',
  notes: 'notes',
};

/** Identifier fields have a normalized `_key` twin used for duplicates and lookups. */
export const KEYED_FIELDS: readonly WeaponField[] = ['nationalCode', 'serial', 'manufacturer', 'model'];

export const ROW_COLUMNS =
  'id, national_code AS nationalCode, serial, manufacturer, model, type, calibre, agency, location, status, condition';

type DbRecord = Record<string, unknown>;

export function toRecord(row: DbRecord): WeaponRecord {
  const out: Record<string, unknown> = {
    id: row.id,
    status: row.status,
    registeredAt: row.registered_at,
    updatedSeq: row.updated_seq,
  };
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) out[field] = row[column];
  out.marksIllegible = row.marks_illegible === 1;
  return out as unknown as WeaponRecord;
}

export type { WeaponFields, WeaponRow };
