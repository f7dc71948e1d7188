import { isoDate } from '../domain/weapon';
import {
  columnMapping, IMPORT_KINDS, type ExportResult, type ImportCheck, type ImportPreview, type ImportRecord, type ImportResult,
  type SpreadsheetShape,
} from '../domain/spreadsheet';
import { OFFICER_STATUSES } from '../domain/custody';
import { z } from '../validation';
import { op } from './define';
import { registerQuery } from './register';

const empty = z.object({}).strict();
const id = z.number().int().positive();
const kind = z.enum(IMPORT_KINDS);
/** A path the shell's open dialog granted (core refuses any other). */
const path = z.string().min(1).max(4096);
const file = { path, kind };
const mapped = z.object({ ...file, mapping: columnMapping });

/** The filters each screen shows, without paging: an export holds every row they select. */
export const exportQuery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weapons'), query: registerQuery.omit({ offset: true, limit: true }).prefault({}) }),
  z.object({
    kind: z.literal('officers'),
    query: z.object({ search: z.string().max(60).default(''), status: z.enum(OFFICER_STATUSES).optional() }).prefault({}),
  }),
  z.object({
    kind: z.literal('lots'),
    query: z
      .object({
        search: z.string().max(60).default(''),
        storeId: id.optional(),
        dueOnly: z.boolean().default(false),
        suspendedOnly: z.boolean().default(false),
      })
      .prefault({}),
  }),
  z.object({
    kind: z.literal('movements'),
    query: z.object({ lotId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).prefault({}),
  }),
  z.object({
    kind: z.literal('issues'),
    query: z.object({ officerId: id.optional(), openOnly: z.boolean().default(false) }).prefault({}),
  }),
]);
export type ExportQuery = z.output<typeof exportQuery>;

export const spreadsheetOps = {
  /** Reads the file, detects encoding, separator and header row, and proposes a mapping. */
  'imports.inspect': op<SpreadsheetShape>()('write', z.object(file).strict()),
  /** The first rows as they would be recorded, and the coded values no vocabulary word matched. */
  'imports.preview': op<ImportPreview>()('write', mapped.strict()),
  /** Validates every row (a job: jobs.progress, imports.cancel); writes the error report, records nothing. */
  'imports.check': op<ImportCheck>()('write', mapped.strict()),
  /**
   * Validates again and records every valid row in one transaction, with import.completed; refused
   * while rows are invalid unless skipInvalid. Cancelled or failed, nothing is recorded.
   */
  'imports.run': op<ImportResult>()('write', mapped.extend({ skipInvalid: z.boolean().default(false) }).strict()),
  'imports.cancel': op<{ cancelled: boolean }>()('write', empty),
  'imports.list': op<ImportRecord[]>()('read', empty),
  /** Writes the rows the screen's filters select into the exports folder (saveExport copies them out). */
  'exports.spreadsheet': op<ExportResult>()(
    'read',
    z.intersection(exportQuery, z.object({ format: z.enum(['csv', 'xlsx']) })),
  ),
};
