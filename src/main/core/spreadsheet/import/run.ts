import type { ColumnMapping, ImportCompleted, ImportKind, ImportResult, RowError } from '../../../../shared/domain/spreadsheet';
import { today } from '../../ammunition/dates';
import { AppError } from '../../errors';
import { breathe } from '../../jobs';
import { shapeOf } from '../map/headers';
import type { SpreadsheetTable } from '../read/table';
import { assertRows, checkedValidation, forgetCheckedValidation } from './check';
import { RegisterKeys, rowKeys } from './duplicates';
import { writeErrorReport } from './error-report';
import { rulesFor } from './kinds';
import { assertMapping } from './preview';
import { ErrorPlacer, headersOf } from './rows';
import { cancelled, refusalErrors, validateRows, type ImportEnv, type Validation } from './validate';

/** The result, with what the CLI prints beside it. */
export interface RunOutcome extends ImportResult {
  rows: number;
  invalid: number;
}

const hasErrors = (invalid: number) =>
  new AppError('import_has_errors', `${invalid} rows have errors: correct them or skip the invalid rows`, { params: { invalid } });

/**
 * Validates every row again (the register may have changed since the check; the check's own
 * validation is reused while the journal head has not moved), then records every valid row and
 * import.completed in ONE journal write: a refusal, a failure or a crash leaves nothing. Invalid
 * rows are refused unless `skipInvalid`; the error report (into `reportDir`, unless null) lists the skipped.
 */
export async function runImport(
  env: ImportEnv,
  table: SpreadsheetTable,
  kind: ImportKind,
  mapping: ColumnMapping,
  skipInvalid: boolean,
  reportDir: string | null,
): Promise<RunOutcome> {
  assertMapping(kind, mapping, table);
  assertRows(table, mapping);
  const validation = checkedValidation(env.store, table, kind, mapping) ?? (await validateRows(env, table, kind, mapping, false));
  if (validation.invalid > 0 && !skipInvalid) throw hasErrors(validation.invalid);
  if (validation.valid.length === 0) throw hasErrors(validation.invalid);
  if (env.isCancelled()) throw cancelled();
  // The write is one synchronous transaction: say so before it starts, and let the poll see it.
  env.step(validation.rows, 'writing');
  await breathe();
  if (env.isCancelled()) throw cancelled();
  const written = writeRows(env, table, kind, mapping, validation, skipInvalid);
  forgetCheckedValidation();
  const errors = written.refused.length > 0 ? [...validation.errors, ...written.refused].sort((a, b) => a.line - b.line) : validation.errors;
  const errorReport = errors.length > 0 && reportDir !== null ? writeErrorReport(reportDir, table.fileName, env.now, errors, kind, env.language) : null;
  return {
    kind, fileName: table.fileName, fileSha256: table.fileSha256, imported: written.imported, skipped: validation.rows - written.imported,
    importId: written.importId, errorReport, rows: validation.rows, invalid: validation.rows - written.imported,
  };
}

/** Page cache for the import's write (negative: KiB), given back afterwards; pages are allocated only as used. */
const IMPORT_CACHE_KIB = -131_072;

interface Written {
  imported: number;
  importId: number;
  refused: RowError[];
}

/**
 * The one write. When the journal moved since validation began, each row's identifiers are looked
 * up again first (in this transaction, so nothing can slip in between); a lot's receipt applies
 * the store's rules to the stock as the earlier rows of the file leave it.
 */
function writeRows(env: ImportEnv, table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping, v: Validation, skipInvalid: boolean): Written {
  const { store } = env;
  // A large import touches every index of the register: with SQLite's default 2 MiB page cache it
  // spills pages to the WAL and reads them back many times (measured: the write takes twice as long).
  const cache = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  try {
    return store.journal.write(() => appendRows(env, table, kind, mapping, v, skipInvalid));
  } finally {
    store.db.pragma(`cache_size = ${cache}`);
  }
}

function appendRows(env: ImportEnv, table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping, v: Validation, skipInvalid: boolean): Written {
  const { store, actor } = env;
  const headers = headersOf(table, mapping.headerRow);
  const placer = new ErrorPlacer(mapping, headers);
  const rules = rulesFor(kind, store.s);
  const day = today(env.now);
  const register = store.journal.getHead().seq === v.headSeq ? null : new RegisterKeys(store.s, kind, v.valid.length);
  const refused: RowError[] = [];
  let refusedRows = 0;
  let firstSeq = 0;
  let lastSeq = 0;
  let imported = 0;
  for (const row of v.valid) {
    const cells = table.rows[row.index] ?? [];
    const before = refused.length;
    if (register) {
      for (const key of rowKeys(kind, row.value, true)) {
        const taken = register.taken(key);
        if (taken) refused.push(placer.at(row.line, cells, key.field, taken));
      }
    }
    if (refused.length === before) {
      try {
        lastSeq = rules.append(store, actor, row.value, { fileName: table.fileName, fileSha256: table.fileSha256, line: row.line }, day);
        firstSeq ||= lastSeq;
        imported++;
        continue;
      } catch (error) {
        // Refusals are thrown before their row's event is appended: nothing of the row to undo.
        if (!(error instanceof AppError)) throw error;
        refused.push(...refusalErrors(error, placer, row.line, cells));
      }
    }
    refusedRows++;
  }
  if ((refusedRows > 0 && !skipInvalid) || imported === 0) throw hasErrors(v.invalid + refusedRows);
  const data: ImportCompleted = {
    kind, fileName: table.fileName, fileSha256: table.fileSha256, size: table.size, rows: v.rows, imported, skipped: v.rows - imported,
    shape: shapeOf(headers), mapping, firstSeq, lastSeq,
  };
  const importId = store.journal.append({ type: 'import.completed', actor, data }).seq;
  return { imported, importId, refused };
}
