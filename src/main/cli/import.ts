import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../../shared/domain/enums';
import { IMPORT_KINDS, type ColumnMapping, type ImportCheck, type ImportKind, type RowError } from '../../shared/domain/spreadsheet';
import { AppError } from '../core/errors';
import { translator } from '../core/i18n';
import { columnLetter } from '../core/spreadsheet/map/convert';
import { checkImport } from '../core/spreadsheet/import/check';
import { errorMessage, fieldLabel } from '../core/spreadsheet/import/error-report';
import { inspectTable } from '../core/spreadsheet/import/inspect';
import { headersOf } from '../core/spreadsheet/import/rows';
import { runImport } from '../core/spreadsheet/import/run';
import type { ImportEnv } from '../core/spreadsheet/import/validate';
import { readSpreadsheet } from '../core/spreadsheet/read/open';
import type { SpreadsheetTable } from '../core/spreadsheet/read/table';
import { Store } from '../core/store';
import { existingDatabasePath } from './args';
import type { Command } from './command';
import { CliError, EXIT_FAILURE, EXIT_OK, UsageError } from './errors';
import { bytes, duration, int, pairs } from './format';
import { readMappingFile } from './import-mapping';
import { Progress } from './progress';

const NAME = 'import';

const USAGE = `Usage: npm run cli -- import --db FILE --kind weapons|officers|lots REGISTER [options]

Imports a register kept in a spreadsheet (REGISTER: .csv, .txt or .xlsx) into the armoury: one
registration per valid row (weapons, officers) or one receipt per row (ammunition lots, with the
stores' licence and compatibility rules), all in one transaction with the import's record, so an
import refused, failed or interrupted leaves the database as it was.

Options:
  --mapping FILE   Which column fills which field, as JSON. Either the app's form, columns by
                   index from 0: {"headerRow": 0, "columns": {"serial": 2}, "constants":
                   {"agency": "police"}, "values": {"type": {"PM": "submachine_gun"}}}, or columns
                   by their header text: {"columns": {"serial": "N° de série"}}. Without it, the
                   mapping saved by the last import of a file with the same headers is used, else
                   the one detected from the headers.
  --skip-invalid   Import the valid rows and skip the invalid ones (without it, any invalid row
                   refuses the whole import).
  --user USERNAME  Whose name the import is recorded in (an active manager or storekeeper);
                   default: the first active manager.

Prints the file's encoding, separator and header row, the mapping, the counts and, when rows
have errors, the first of them and the error report: a CSV in the armoury's language written
next to REGISTER (in the current folder when that folder cannot be written).
Exit code 0 when imported, 1 when refused (invalid rows without --skip-invalid, unreadable file,
bad mapping), 2 for a wrong command line.`;

/** Row errors printed on the terminal; the report has them all. */
const ERRORS_PRINTED = 20;

interface Parsed {
  db: string;
  kind: ImportKind;
  file: string;
  mapping: string | undefined;
  skipInvalid: boolean;
  user: string | undefined;
}

function parse(argv: string[]): Parsed | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        db: { type: 'string' }, kind: { type: 'string' }, mapping: { type: 'string' }, 'skip-invalid': { type: 'boolean' },
        user: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error), NAME);
  }
  const v = parsed.values;
  if (v.help) return null;
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one REGISTER file', NAME);
  const kind = v.kind;
  if (kind === undefined) throw new UsageError('missing --kind', NAME);
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')} (got "${kind}")`, NAME);
  const db = existingDatabasePath(NAME, { db: v.db });
  const file = resolve(parsed.positionals[0] ?? '');
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`not a file: ${file}`);
  const mapping = v.mapping === undefined ? undefined : resolve(v.mapping);
  if (mapping !== undefined && (!existsSync(mapping) || !statSync(mapping).isFile())) throw new CliError(`mapping file not found: ${mapping}`);
  return { db, kind: kind as ImportKind, file, mapping, skipInvalid: v['skip-invalid'] === true, user: v.user };
}

/** The account the import is recorded in: --user (active, allowed to write), else the first active manager. */
function actorOf(store: Store, username: string | undefined): { id: number; name: string } {
  if (username === undefined) {
    const row = store.s.sql("SELECT id, username FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as
      | { id: number; username: string }
      | undefined;
    if (!row) throw new CliError('the database has no active manager');
    return { id: row.id, name: row.username };
  }
  const row = store.s.sql('SELECT id, username, role, active FROM users WHERE username_key = ?').get(username.trim().toUpperCase()) as
    | { id: number; username: string; role: string; active: number }
    | undefined;
  if (!row) throw new CliError(`no account "${username}"`);
  if (row.active !== 1) throw new CliError(`the account "${username}" is disabled`);
  if (row.role === 'auditor') throw new CliError(`the account "${username}" is an auditor's: read-only`);
  return { id: row.id, name: row.username };
}

/** Next to the register when that folder can be written, else the current folder. */
function reportFolder(file: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
    return dirname(file);
  } catch {
    return process.cwd();
  }
}

function describeFile(t: SpreadsheetTable, headerRow: number, headers: readonly string[]): [string, string][] {
  const format = t.format === 'csv' ? `CSV, ${t.encoding ?? '?'}, separator ${t.separator === '\t' ? 'tab' : `"${t.separator ?? '?'}"`}` : 'XLSX (first worksheet)';
  const header = headerRow < 0 ? 'none (columns named by letter)' : `line ${t.lines[headerRow] ?? headerRow + 1}: ${headers.filter((h) => h !== '').join(' | ')}`;
  return [['File', `${t.fileName} (${bytes(t.size)}, ${format})`], ['SHA-256', t.fileSha256], ['Header row', header]];
}

function describeMapping(m: ColumnMapping, headers: readonly string[]): string[] {
  const lines = Object.entries(m.columns)
    .sort(([, a], [, b]) => a - b)
    .map(([field, i]) => `  ${field.padEnd(26)} <- column ${columnLetter(i)}${headers[i] ? ` "${headers[i]}"` : ''}`);
  for (const [field, value] of Object.entries(m.constants)) if (m.columns[field] === undefined) lines.push(`  ${field.padEnd(26)} =  "${value}" (every row)`);
  for (const [field, values] of Object.entries(m.values)) {
    for (const [from, to] of Object.entries(values)) lines.push(`  ${field.padEnd(26)} "${from}" read as "${to}"`);
  }
  return lines;
}

function errorLine(e: RowError, kind: ImportKind): string {
  const t = translator('en');
  const where = e.column ? `line ${e.line}, column ${e.column}${e.header ? ` (${e.header})` : ''}` : `line ${e.line}`;
  const value = e.value ? ` [${JSON.stringify(e.value)}]` : '';
  return `  ${where}: ${fieldLabel(t, kind, e.field)}: ${errorMessage(t, e)}${value}`;
}

function printCheck(check: ImportCheck, kind: ImportKind, reportPath: string | null): void {
  console.log(
    pairs([
      ['Rows', int(check.rows)],
      ['Valid', int(check.valid)],
      ['Invalid', `${int(check.invalid)}${check.duplicatesInFile + check.duplicatesInRegister > 0 ? ` (duplicates: ${int(check.duplicatesInFile)} in the file, ${int(check.duplicatesInRegister)} already in the register)` : ''}`],
    ]),
  );
  if (check.errorCount > 0) {
    console.log(`\nErrors (${int(check.errorCount)}${check.errorCount > ERRORS_PRINTED ? `, the first ${ERRORS_PRINTED}` : ''}):`);
    for (const e of check.errors.slice(0, ERRORS_PRINTED)) console.log(errorLine(e, kind));
    console.log(`\nError report  ${reportPath ?? '(not written)'}`);
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (!args) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const started = performance.now();
  const store = Store.open(args.db);
  const progress = new Progress('reading');
  try {
    const armoury = store.s.sql('SELECT kind, language FROM armoury WHERE id = 1').get() as { kind: string; language: Language } | undefined;
    if (!armoury) throw new CliError(`${args.db} holds no armoury yet: create it first`);
    if (armoury.kind !== 'armoury') throw new CliError(`${args.db} is the national commission's register: imports go into an armoury`);
    const actor = actorOf(store, args.user);
    const table = await readSpreadsheet(args.file, { onProgress: (done, total) => progress.update(done, total, 'reading') });
    progress.end();
    const shape = inspectTable(store.s, table, args.kind);
    const mapping = args.mapping ? readMappingFile(args.mapping, shape.mapping.headerRow, (row) => headersOf(table, row)) : shape.mapping;
    const source = args.mapping ? `from ${basename(args.mapping)}` : shape.savedMapping ? 'saved by the last import of a file with these headers' : 'detected from the headers';
    const headers = headersOf(table, mapping.headerRow);
    console.log(pairs([...describeFile(table, mapping.headerRow, headers), ['Mapping', source], ['Recorded as', actor.name]]));
    console.log(describeMapping(mapping, headers).join('\n'));
    console.log('');
    const dir = reportFolder(args.file);
    const env: ImportEnv = {
      store, actor: actor.id, language: armoury.language, now: new Date(),
      step: (done, item) => progress.update(done, shape.rows, item ?? 'checking'), isCancelled: () => false,
    };
    const check = await checkImport(env, table, args.kind, mapping, dir);
    progress.end();
    printCheck(check, args.kind, check.errorReport ? join(dir, check.errorReport) : null);
    if (check.invalid > 0 && !args.skipInvalid) {
      console.log('\nNothing imported: correct the rows, or run again with --skip-invalid to import the valid ones.');
      return EXIT_FAILURE;
    }
    // The check's report already lists every row the run skips (the run reuses its validation).
    const result = await runImport(env, table, args.kind, mapping, args.skipInvalid, null);
    progress.end();
    console.log('');
    console.log(
      pairs([
        ['Imported', int(result.imported)],
        ['Skipped', `${int(result.skipped)}${result.skipped > check.invalid ? ` (${int(result.skipped - check.invalid)} refused while recording: the register changed meanwhile)` : ''}`],
        ['Import', `no. ${result.importId} (journal seq)`],
        ['Time', duration(performance.now() - started)],
      ]),
    );
    return EXIT_OK;
  } catch (error) {
    progress.end();
    if (error instanceof AppError && error.code === 'import_mapping_invalid' && error.fields) {
      const t = translator('en');
      console.error('error: the mapping does not fit the file:');
      for (const [field, coded] of Object.entries(error.fields)) console.error(`  ${field}: ${errorMessage(t, coded)}`);
      return EXIT_FAILURE;
    }
    if (error instanceof AppError && error.code.startsWith('spreadsheet_')) {
      console.error(`error: ${translator('en')(`errors:${error.code}`, { ...error.params })} [${error.code}]`);
      return EXIT_FAILURE;
    }
    throw error;
  } finally {
    store.close();
  }
}

export const importCommand: Command = { name: NAME, summary: 'import weapons, officers or ammunition lots from a CSV or XLSX register', usage: USAGE, run };
