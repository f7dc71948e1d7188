import { z } from 'zod';
import type { Coded } from './result';

/**
 * One error map for core and forms: every zod issue becomes a stable code (translated by the UI as
 * `fieldErrors.<code>`) with its limits as params. The message carries it as JSON so that
 * react-hook-form's zodResolver and the core router read the same thing.
 */
export function issueToCoded(issue: {
  code: string;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  message?: string;
}): Coded {
  const missing = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      return { code: missing ? 'required' : 'invalid' };
    case 'too_small':
      if (missing) return { code: 'required' };
      return typeof issue.input === 'string'
        ? { code: 'too_short', params: { min: Number(issue.minimum) } }
        : { code: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return typeof issue.input === 'string'
        ? { code: 'too_long', params: { max: Number(issue.maximum) } }
        : { code: 'too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: missing ? 'required' : 'not_in_list' };
    case 'invalid_format':
      return { code: missing ? 'required' : 'invalid_format' };
    case 'custom':
      return { code: issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

export function encodeCoded(c: Coded): string {
  return JSON.stringify(c);
}

export function decodeCoded(message: string | undefined): Coded {
  if (!message) return { code: 'invalid' };
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && typeof (parsed as Coded).code === 'string') return parsed as Coded;
  } catch {
    // a plain message from elsewhere: fall through
  }
  return { code: /^[a-z_]+$/.test(message) ? message : 'invalid' };
}

z.config({ customError: (issue) => encodeCoded(issueToCoded(issue as Parameters<typeof issueToCoded>[0])) });

/** Zod issues -> {field path: coded error}; the first issue per field wins. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, Coded> {
  const fields: Record<string, Coded> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= decodeCoded(issue.message);
  }
  return fields;
}

export { z };
