import type { ImportKind } from '../../../../shared/domain/spreadsheet';
import type { VocabularyName } from './vocabulary';

/**
 * What a cell must become for the kind's zod schema: text as written, an ISO date, a number, a
 * year (a date cell gives its year), a boolean, or a code understood through a vocabulary.
 */
export type FieldKind = 'text' | 'date' | 'number' | 'integer' | 'year' | 'boolean' | { coded: VocabularyName };

const coded = (vocabulary: VocabularyName): FieldKind => ({ coded: vocabulary });

/** Per kind, every field of IMPORT_FIELDS[kind] (same order) and how its cells are read. */
export const FIELD_KINDS: Record<ImportKind, Record<string, FieldKind>> = {
  weapons: {
    nationalCode: 'text',
    serial: 'text',
    manufacturer: 'text',
    model: 'text',
    countryOfManufacture: coded('country'),
    yearOfManufacture: 'year',
    type: coded('weaponType'),
    calibre: 'text',
    markingLocation: 'text',
    agency: coded('agency'),
    location: 'text',
    acquisitionDate: 'date',
    acquisitionMode: coded('acquisitionMode'),
    acquisitionSource: 'text',
    acquisitionDocument: 'text',
    condition: coded('weaponCondition'),
    importCountry: coded('country'),
    importYear: 'year',
    importer: 'text',
    otherMarks: 'text',
    marksIllegible: 'boolean',
    markingDate: 'date',
    markingOperator: 'text',
    markingMachine: 'text',
    notes: 'text',
  },
  officers: {
    serviceNumber: 'text',
    name: 'text',
    rank: 'text',
    unit: 'text',
    agency: coded('agency'),
  },
  lots: {
    // Text, not a number: lot numbers such as "0012-85" or "007" keep their form.
    lotNumber: 'text',
    nature: 'text',
    calibre: 'text',
    manufacturer: 'text',
    country: coded('country'),
    yearOfManufacture: 'year',
    hazardDivision: coded('hazardDivision'),
    compatibilityGroup: coded('compatibilityGroup'),
    // Text with its leading zeros ("0012"); convert.ts restores them when a spreadsheet lost them.
    unNumber: 'text',
    neqPerUnitKg: 'number',
    roundsPerBox: 'integer',
    boxesPerCase: 'integer',
    inspectionIntervalMonths: 'integer',
    lastInspection: 'date',
    nextInspection: 'date',
    shelfLifeEnd: 'date',
    store: 'text',
    bay: 'text',
    quantity: 'integer',
    date: 'date',
    source: 'text',
    document: 'text',
  },
};

/**
 * Fields the record cannot do without and that have no default: the mapping screen asks for a
 * column or a constant for each. lotNumber is required because an import always records numbered
 * lots (lotFields' refine), unless the cell says "none", "mixed" or "unknown" (convert.ts).
 */
export const REQUIRED_FIELDS: Record<ImportKind, string[]> = {
  weapons: [
    'nationalCode', 'serial', 'manufacturer', 'model', 'countryOfManufacture', 'type', 'calibre', 'markingLocation',
    'agency', 'acquisitionDate', 'acquisitionMode',
  ],
  officers: ['serviceNumber', 'name', 'rank', 'unit', 'agency'],
  lots: [
    'lotNumber', 'nature', 'calibre', 'hazardDivision', 'compatibilityGroup', 'unNumber', 'neqPerUnitKg', 'roundsPerBox',
    'boxesPerCase', 'inspectionIntervalMonths', 'store', 'quantity', 'date', 'source',
  ],
};
