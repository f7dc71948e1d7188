import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import type { AppErrorShape, Coded } from '../../shared/result';

/** The one error type core throws on purpose; the router turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number> | undefined;
  readonly fields: Record<string, Coded> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { params?: Record<string, string | number>; fields?: Record<string, Coded> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = extra.params;
    this.fields = extra.fields;
  }

  toShape(): AppErrorShape {
    return {
      kind: ERROR_CODES[this.code],
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** A database written by a newer Gardien: never touched, never "repaired". */
export class DatabaseFromFutureError extends AppError {
  constructor(readonly found: number, readonly supported: number) {
    super('database_from_future', `database schema ${found} is newer than this app supports (${supported})`, {
      params: { found, supported },
    });
  }
}

export class DatabaseCorruptError extends AppError {
  constructor(readonly detail: string) {
    super('database_corrupt', `database failed its integrity check: ${detail}`, { params: { detail } });
  }
}
