import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape, Coded } from '../../shared/result';
import { decodeCoded } from '../../shared/validation';

/**
 * Turns coded errors into the user's language: `errors:<code>` for operation errors,
 * `fieldErrors:<code>` for a field. Core never sends prose to show.
 */
export function useErrorText() {
  const { t } = useTranslation();
  return {
    operation: (e: AppErrorShape | Coded) => t(`errors:${e.code}`, { ...(e.params ?? {}) }),
    field: (c: Coded | string | undefined) => {
      const coded = typeof c === 'string' || c === undefined ? decodeCoded(c) : c;
      return t(`fieldErrors:${coded.code}`, { ...(coded.params ?? {}) });
    },
  };
}

/** Puts a core validation/conflict error's field errors on the form's fields; returns true if any landed. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: AppErrorShape): boolean {
  const fields = Object.entries(error.fields ?? {});
  for (const [path, coded] of fields) {
    setError(path as Path<T>, { type: 'server', message: JSON.stringify(coded) });
  }
  return fields.length > 0;
}
