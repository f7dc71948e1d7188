import { ERRORS_SHOWN, type ColumnMapping, type ImportCheck, type ImportKind } from '../../../../shared/domain/spreadsheet';
import { AppError } from '../../errors';
import type { Store } from '../../store';
import type { SpreadsheetTable } from '../read/table';
import { writeErrorReport } from './error-report';
import { assertMapping } from './preview';
import { dataRowCount } from './rows';
import { validateRows, type ImportEnv, type Validation } from './validate';

/**
 * The last check's validation, for the run that follows it: while the journal head has not moved
 * the register is the one checked against, so validating the same file with the same mapping
 * again would give the same rows. One entry, dropped by the next check, a successful run or
 * the inspection of a file.
 */
let last: { store: Store; key: string; validation: Validation } | null = null;

const keyOf = (table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping) => `${table.fileSha256}\u0000${kind}\u0000${JSON.stringify(mapping)}`;

/** The check's validation when it still holds for this file, mapping and register, else null. */
export function checkedValidation(store: Store, table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping): Validation | null {
  if (!last || last.store !== store || last.key !== keyOf(table, kind, mapping)) return null;
  return last.validation.headSeq === store.journal.getHead().seq ? last.validation : null;
}

export function forgetCheckedValidation(): void {
  last = null;
}

/** A file with a header row and nothing under it has nothing to check or import. */
export function assertRows(table: SpreadsheetTable, mapping: ColumnMapping): void {
  if (dataRowCount(table, mapping.headerRow) === 0) {
    throw new AppError('spreadsheet_empty', `${table.fileName} holds no rows to import`, { params: { fileName: table.fileName } });
  }
}

/**
 * Validates every row, records nothing, and writes the error report (into `reportDir`) when a
 * row is refused. Lots are received in a transaction rolled back at the end (the store rules).
 */
export async function checkImport(
  env: ImportEnv,
  table: SpreadsheetTable,
  kind: ImportKind,
  mapping: ColumnMapping,
  reportDir: string,
): Promise<ImportCheck> {
  last = null;
  assertMapping(kind, mapping, table);
  assertRows(table, mapping);
  const validation = await validateRows(env, table, kind, mapping, true);
  last = { store: env.store, key: keyOf(table, kind, mapping), validation };
  const errorReport =
    validation.errors.length > 0 ? writeErrorReport(reportDir, table.fileName, env.now, validation.errors, kind, env.language) : null;
  return {
    rows: validation.rows,
    valid: validation.valid.length,
    invalid: validation.invalid,
    errors: validation.errors.slice(0, ERRORS_SHOWN),
    errorCount: validation.errors.length,
    duplicatesInFile: validation.duplicatesInFile,
    duplicatesInRegister: validation.duplicatesInRegister,
    errorReport,
  };
}
