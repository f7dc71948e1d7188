/** The envelope every operation returns across IPC, the CLI and the test bridge. Plain JSON only. */
export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'internal';

/** A translatable message: a code from errors.ts (or a field code) plus its Intl-ready parameters. */
export interface Coded {
  code: string;
  params?: Record<string, string | number>;
}

export interface AppErrorShape extends Coded {
  kind: ErrorKind;
  /** English fallback for logs and the CLI; the UI always translates `code`. */
  message: string;
  /** Field path (dot-joined) -> what is wrong with it; lands on form fields. */
  fields?: Record<string, Coded>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
