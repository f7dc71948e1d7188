import type { Coded } from '../../shared/result';

/** English for the field codes of src/shared/validation.ts (the UI translates the same codes). */
export function describeCoded(c: Coded, choices?: readonly string[]): string {
  const p = c.params ?? {};
  switch (c.code) {
    case 'required':
      return 'is required';
    case 'too_short':
      return `needs at least ${p.min} characters`;
    case 'too_long':
      return `allows at most ${p.max} characters`;
    case 'too_small':
      return `must be at least ${p.min}`;
    case 'too_big':
      return `must be at most ${p.max}`;
    case 'not_in_list':
      return choices ? `must be one of: ${choices.join(', ')}` : 'is not an allowed value';
    case 'code_chars':
      return 'may hold only letters A-Z, digits and "-"';
    case 'username_chars':
      return 'may hold only letters, digits, ".", "_" and "-"';
    case 'passwords_differ':
      return 'the two passwords differ';
    default:
      return `is invalid (${c.code})`;
  }
}

/**
 * Field errors as lines naming the option the user typed: "--agency "army": must be one of ...".
 * `options` maps a schema path ("armoury.code") to its option and allowed values.
 */
export function fieldErrorLines(
  fields: Record<string, Coded>,
  options: Record<string, { option: string; value: string | undefined; choices?: readonly string[] }>,
): string[] {
  return Object.entries(fields).map(([path, coded]) => {
    const o = options[path];
    if (!o) return `${path} ${describeCoded(coded)}`;
    const shown = o.value === undefined || o.option === 'password' ? '' : ` "${o.value}"`;
    return `${o.option}${shown} ${describeCoded(coded, o.choices)} (field ${path})`;
  });
}
