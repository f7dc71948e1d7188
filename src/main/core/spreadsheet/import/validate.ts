import type { Language } from '../../../../shared/domain/enums';
import type { ColumnMapping, ImportKind, RowError } from '../../../../shared/domain/spreadsheet';
import { today } from '../../ammunition/dates';
import { AppError } from '../../errors';
import { breathe } from '../../jobs';
import type { Store } from '../../store';
import { makeConverter } from '../map/convert';
import type { Cell, SpreadsheetTable } from '../read/table';
import { FileKeys, RegisterKeys, rowKeys } from './duplicates';
import { rulesFor, type KindRules, type RowValue } from './kinds';
import { refusalField } from './lots';
import { ErrorPlacer, firstDataRow, headersOf } from './rows';

/** Who imports, in which language, and how the job reports progress and hears a cancel. */
export interface ImportEnv {
  store: Store;
  actor: number;
  language: Language;
  now: Date;
  step: (done: number, item?: string) => void;
  isCancelled: () => boolean;
}

/** Rows per batch between two breaths (progress answered, cancel heard). */
export const BATCH = 2000;

export interface ValidRow {
  /** Index in table.rows. */
  index: number;
  line: number;
  value: RowValue;
}

export interface Validation {
  rows: number;
  valid: ValidRow[];
  invalid: number;
  /** Every error, by line. */
  errors: RowError[];
  duplicatesInFile: number;
  duplicatesInRegister: number;
  /** The journal head when validation began: the write checks the register again only if it moved. */
  headSeq: number;
}

export interface CheckedRow {
  input: Record<string, unknown>;
  value: RowValue | null;
  errors: RowError[];
  inFile: boolean;
  inRegister: boolean;
}

/** Converts and checks one row after another: conversion, the record's schema, duplicates in the file and in the register. */
export class RowChecker {
  readonly rules: KindRules;
  readonly placer: ErrorPlacer;
  private readonly convert: ReturnType<typeof makeConverter>;
  private readonly fileKeys = new FileKeys();
  private readonly register: RegisterKeys;

  constructor(
    store: Store,
    readonly kind: ImportKind,
    mapping: ColumnMapping,
    headers: string[],
    rows: number,
  ) {
    this.rules = rulesFor(kind, store.s);
    this.placer = new ErrorPlacer(mapping, headers);
    this.convert = makeConverter(kind, mapping, headers);
    this.register = new RegisterKeys(store.s, kind, rows);
  }

  check(cells: readonly Cell[], line: number): CheckedRow {
    const { input, errors } = this.convert(cells as Cell[], line);
    const parsed = this.rules.parse(input);
    if ('fields' in parsed) {
      // A cell the conversion already refused is not reported a second time as missing.
      const flagged = new Set(errors.map((e) => e.field));
      for (const [field, coded] of Object.entries(parsed.fields)) if (!flagged.has(field)) errors.push(this.placer.at(line, cells, field, coded));
    }
    let inFile = false;
    let inRegister = false;
    for (const key of 'value' in parsed ? rowKeys(this.kind, parsed.value, true) : rowKeys(this.kind, input)) {
      const first = this.fileKeys.seen(key, line);
      if (first !== undefined) {
        inFile = true;
        errors.push(this.placer.at(line, cells, key.field, { code: 'duplicate_in_file', params: { line: first } }));
      }
      const taken = this.register.taken(key);
      if (taken) {
        inRegister = true;
        errors.push(this.placer.at(line, cells, key.field, taken));
      }
    }
    return { input, value: 'value' in parsed && errors.length === 0 ? parsed.value : null, errors, inFile, inRegister };
  }
}

const byLine = (a: RowError, b: RowError) => a.line - b.line;

/**
 * Validates every data row, in batches that let the event loop answer the progress poll and a
 * cancel (AppError import_cancelled: nothing has been written). With `dryRun`, lots are also
 * received one after the other in a transaction rolled back at the end, so that a store's licence
 * or mixing rule refuses rows here, before the import, as it would in it.
 */
export async function validateRows(env: ImportEnv, table: SpreadsheetTable, kind: ImportKind, mapping: ColumnMapping, dryRun: boolean): Promise<Validation> {
  const headSeq = env.store.journal.getHead().seq;
  const start = firstDataRow(mapping.headerRow);
  const total = Math.max(0, table.rows.length - start);
  const checker = new RowChecker(env.store, kind, mapping, headersOf(table, mapping.headerRow), total);
  const out: Validation = { rows: total, valid: [], invalid: 0, errors: [], duplicatesInFile: 0, duplicatesInRegister: 0, headSeq };
  for (let i = start; i < table.rows.length; i++) {
    const line = table.lines[i] ?? i + 1;
    const row = checker.check(table.rows[i] ?? [], line);
    if (row.inFile) out.duplicatesInFile++;
    if (row.inRegister) out.duplicatesInRegister++;
    if (row.value) out.valid.push({ index: i, line, value: row.value });
    else {
      out.invalid++;
      for (const e of row.errors) out.errors.push(e);
    }
    if ((i - start + 1) % BATCH === 0) {
      env.step(i - start + 1, 'validating');
      await breathe();
      if (env.isCancelled()) throw cancelled();
    }
  }
  if (dryRun && kind === 'lots' && out.valid.length > 0) {
    const refused = dryRunReceipts(env, table, checker, out.valid);
    if (refused.length > 0) {
      const lines = new Set(refused.map((e) => e.line));
      out.valid = out.valid.filter((r) => !lines.has(r.line));
      out.invalid += lines.size;
      out.errors.push(...refused);
      out.errors.sort(byLine);
    }
  }
  env.step(total, 'validating');
  return out;
}

export function cancelled(): AppError {
  return new AppError('import_cancelled', 'the import was cancelled: nothing was recorded');
}

/** The row errors of a refusal thrown while recording a row (a duplicate, a store's rule). */
export function refusalErrors(error: AppError, placer: ErrorPlacer, line: number, cells: readonly Cell[]): RowError[] {
  if (error.fields && Object.keys(error.fields).length > 0) {
    return Object.entries(error.fields).map(([field, coded]) => placer.at(line, cells, field.replace(/^place\./, '').replace(/^storeId$/, 'store'), coded));
  }
  return [placer.at(line, cells, refusalField(error.code), { code: error.code, ...(error.params ? { params: error.params } : {}) })];
}

class DryRun extends Error {}

/** Receives each valid lot row in one transaction that is then rolled back: the refusals, as row errors. */
function dryRunReceipts(env: ImportEnv, table: SpreadsheetTable, checker: RowChecker, valid: readonly ValidRow[]): RowError[] {
  const refused: RowError[] = [];
  const day = today(env.now);
  const source = { fileName: table.fileName, fileSha256: table.fileSha256, line: 0 };
  try {
    env.store.journal.write(() => {
      for (const row of valid) {
        try {
          checker.rules.append(env.store, env.actor, row.value, { ...source, line: row.line }, day);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push(...refusalErrors(error, checker.placer, row.line, table.rows[row.index] ?? []));
        }
      }
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return refused;
}
