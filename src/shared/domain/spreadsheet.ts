import { z } from '../validation';
import { WEAPON_FIELD_NAMES } from './weapon';

/** What a spreadsheet can bring into the register: one registration event per valid row. */
export const IMPORT_KINDS = ['weapons', 'officers', 'lots'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What the screens can write out as a spreadsheet, from their current filters. */
export const EXPORT_KINDS = ['weapons', 'officers', 'lots', 'movements', 'issues'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Files the open dialog offers and the importer reads (.txt: CSVs saved by older tools). */
export const SPREADSHEET_EXTENSIONS = ['csv', 'txt', 'xlsx'] as const;

/** The officer record's fields (officerFields in custody.ts). */
export const OFFICER_IMPORT_FIELDS = ['serviceNumber', 'name', 'rank', 'unit', 'agency'] as const;

/** A lot's record (lotFields) plus its receipt into a store: what ammo.receiveNewLot takes. */
export const LOT_IMPORT_FIELDS = [
  'lotNumber', 'nature', 'calibre', 'manufacturer', 'country', 'yearOfManufacture', 'hazardDivision', 'compatibilityGroup',
  'unNumber', 'neqPerUnitKg', 'roundsPerBox', 'boxesPerCase', 'inspectionIntervalMonths', 'lastInspection', 'nextInspection',
  'shelfLifeEnd', 'store', 'bay', 'quantity', 'date', 'source', 'document',
] as const;

/** Every field an import of each kind can fill, in the order the mapping screen lists them. */
export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  weapons: WEAPON_FIELD_NAMES,
  officers: OFFICER_IMPORT_FIELDS,
  lots: LOT_IMPORT_FIELDS,
};

/** Highest column index a mapping may name (wider sheets are refused as not a register). */
export const MAX_COLUMNS = 500;

/**
 * How a file's columns become a record's fields. Saved with each import under the file's shape
 * (its header row), and offered again for the next file of the same shape.
 */
export const columnMapping = z.object({
  /** Index (0-based) of the header row among the file's rows; -1 when the file has none. */
  headerRow: z.number().int().min(-1).max(50).default(0),
  /** Field -> column index (0-based). A field absent here is not in the file. */
  columns: z.record(z.string().max(40), z.number().int().min(0).max(MAX_COLUMNS)).default({}),
  /** Field -> one value for every row, for a field the file lacks ("all these weapons are police"). */
  constants: z.record(z.string().max(40), z.string().max(200)).default({}),
  /** Field -> value as written in the file -> the value to record (an enum code for coded fields). */
  values: z.record(z.string().max(40), z.record(z.string().max(200), z.string().max(200))).default({}),
});
export type ColumnMapping = z.output<typeof columnMapping>;
export type ColumnMappingInput = z.input<typeof columnMapping>;

/** A problem with one cell (or a whole row, field '_'), by the line a spreadsheet shows. */
export interface RowError {
  /** Row number as the spreadsheet shows it (1 = the first row of the file). */
  line: number;
  /** Column letter (A, B, … AA) or '' for a field filled by a constant or a whole-row problem. */
  column: string;
  /** The column's header in the file ('' when none). */
  header: string;
  /** Record field the cell fills ('_' for the row). */
  field: string;
  /** A fieldErrors code (required, too_long, unknown_value, duplicate_in_file…). */
  code: string;
  params: Record<string, string | number>;
  /** The cell as written in the file (cut to 80 characters). */
  value: string;
}

/** A value of a coded field (type, agency, country…) that no vocabulary word matched. */
export interface UnknownValue {
  field: string;
  value: string;
  /** How many rows hold it, and the first of them. */
  count: number;
  firstLine: number;
}

/** What the importer made of a file before any mapping choice. */
export interface SpreadsheetShape {
  fileName: string;
  fileSha256: string;
  size: number;
  format: 'csv' | 'xlsx';
  /** How a CSV was decoded; null for XLSX. */
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | null;
  /** The CSV separator detected; null for XLSX. */
  separator: ';' | ',' | '\t' | null;
  /** Headers of the row chosen as header (or column letters when none), one per column. */
  headers: string[];
  /** The first rows after the header, as text, for the mapping screen. */
  samples: string[][];
  /** Rows after the header that hold anything (blank rows are skipped). */
  rows: number;
  /** The saved mapping for this shape when there is one, else what header detection found. */
  mapping: ColumnMapping;
  savedMapping: boolean;
  /** Fields the detection or the saved mapping left without a column or a constant but the record requires. */
  missingRequired: string[];
  /** When this exact file (same SHA-256) was imported before. */
  previousImport: { at: string; imported: number } | null;
}

export interface PreviewRow {
  line: number;
  /** Field -> the value as it will be recorded, as text (codes, ISO dates, numbers). */
  values: Record<string, string>;
  errors: RowError[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  unknown: UnknownValue[];
}

export interface ImportCheck {
  rows: number;
  valid: number;
  invalid: number;
  /** The first errors (at most ERRORS_SHOWN); errorCount has them all. */
  errors: RowError[];
  errorCount: number;
  duplicatesInFile: number;
  duplicatesInRegister: number;
  /** The error report (CSV) in the exports folder, when there are errors: saveExport copies it. */
  errorReport: string | null;
}

export const ERRORS_SHOWN = 500;

export interface ImportResult {
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  imported: number;
  skipped: number;
  /** Seq of the import.completed event (its id in the list of imports). */
  importId: number;
  errorReport: string | null;
}

/** A past import, from the journal (import.completed). */
export interface ImportRecord {
  id: number;
  at: string;
  actor: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  rows: number;
  imported: number;
  skipped: number;
}

/** Data of import.completed, appended after the registrations it sums up (same transaction). */
export interface ImportCompleted {
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  size: number;
  rows: number;
  imported: number;
  skipped: number;
  /** The header row's normalized text: the shape the mapping is saved under. */
  shape: string;
  mapping: ColumnMapping;
  /** First and last seq of the registrations this import appended (0 when none). */
  firstSeq: number;
  lastSeq: number;
}

/** Carried by each registration event an import appends: where the row came from. */
export interface ImportSource {
  fileName: string;
  fileSha256: string;
  line: number;
}

export interface ExportResult {
  /** Name of the file written into the exports folder (saveExport copies it). */
  fileName: string;
  rows: number;
}
