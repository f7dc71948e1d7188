import Database from 'better-sqlite3';
import { AppError, DatabaseFromFutureError } from '../core/errors';

/** Exit codes: 0 ok, 1 failure (or problems found), 2 the command line itself is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line: printed with a pointer to the usage text, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An expected failure (existing armoury, missing file): one line, no stack, exit 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * One clear line for the failures a user can meet and fix. Anything else is a bug: its stack is
 * printed only with GARDIEN_DEBUG=1 so that a storekeeper is not shown a wall of frames.
 */
export function describeError(error: unknown): { line: string; expected: boolean } {
  if (error instanceof DatabaseFromFutureError) {
    return {
      line: `${error.message}: open it with a newer Gardien (the file was not changed)`,
      expected: true,
    };
  }
  if (error instanceof AppError) return { line: `${error.message} [${error.code}]`, expected: true };
  if (error instanceof CliError) return { line: error.message, expected: true };
  if (error instanceof Database.SqliteError) return { line: `${sqliteHint(error.code, error.message)} [${error.code}]`, expected: true };
  if (error instanceof Error && /^database not found: /.test(error.message)) return { line: error.message, expected: true };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { line: error.message, expected: true };
  return { line: error instanceof Error ? error.message : String(error), expected: false };
}

function sqliteHint(code: string, message: string): string {
  if (code === 'SQLITE_NOTADB') return `not an SQLite database (${message})`;
  if (code === 'SQLITE_CANTOPEN') return `cannot open the database file (${message})`;
  if (code === 'SQLITE_BUSY') return `the database is busy: is Gardien using it? (${message})`;
  return message;
}
