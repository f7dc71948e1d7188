import { ERROR_CODES, type ErrorCode } from '../../../../src/shared/errors';
import type { AppErrorShape, ErrorKind, Result } from '../../../../src/shared/result';

const KINDS: readonly ErrorKind[] = ['validation', 'not_found', 'conflict', 'forbidden', 'internal'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not plain JSON (what the IPC and the e2e bridge carry), or null when it is. */
export function notPlainJson(value: unknown, at = 'value', depth = 0): string | null {
  if (depth > 64) return `${at}: nested deeper than 64`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${at}: ${String(value)}`;
  if (value === undefined) return null; // dropped by JSON, harmless in a property
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = notPlainJson(value[i], `${at}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${at}: a ${(value as object).constructor?.name ?? 'foreign object'}`;
    for (const [k, v] of Object.entries(value)) {
      const bad = notPlainJson(v, `${at}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  return `${at}: a ${typeof value}`;
}

/** Why `r` is not a Result envelope with a known code of the right kind, or null when it is one. */
export function notAResult(r: unknown): string | null {
  if (!isRecord(r)) return `not an object: ${typeof r}`;
  if (r.ok === true) return 'value' in r ? null : 'ok without value';
  if (r.ok !== false) return `ok is ${String(r.ok)}`;
  const e = r.error;
  if (!isRecord(e)) return 'failure without error';
  if (typeof e.code !== 'string' || !(e.code in ERROR_CODES)) return `unknown code ${String(e.code)}`;
  if (!KINDS.includes(e.kind as ErrorKind)) return `unknown kind ${String(e.kind)}`;
  if (ERROR_CODES[e.code as ErrorCode] !== e.kind) return `code ${e.code} has kind ${ERROR_CODES[e.code as ErrorCode]}, not ${String(e.kind)}`;
  if (typeof e.message !== 'string') return 'error without message';
  if (e.fields !== undefined) {
    if (!isRecord(e.fields)) return 'fields is not an object';
    for (const [k, f] of Object.entries(e.fields)) if (!isRecord(f) || typeof f.code !== 'string') return `field ${k} has no code`;
  }
  return notPlainJson(e, 'error');
}

/** "ok" or "kind/code", to tally outcomes. */
export function outcome(r: Result<unknown>): string {
  return r.ok ? 'ok' : `${r.error.kind}/${r.error.code}`;
}

export type { AppErrorShape };
