import type { i18n as I18n } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/enums';
import type { AppErrorShape, Coded } from '../../../../shared/result';
import { decodeCoded } from '../../../../shared/validation';
import { formatDate, formatNumber } from '../../../i18n/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Figures through Intl, dates in the user's language, a weapon type by its name. */
function formatParams(i18n: I18n, lang: Language, params: Coded['params']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'number') out[k] = formatNumber(v, lang);
    else if (ISO_DATE.test(v)) out[k] = formatDate(v, lang);
    else if (k === 'weaponType' && i18n.exists(`register:type.${v}`)) out[k] = i18n.t(`register:type.${v}`);
    else out[k] = v;
  }
  return out;
}

/**
 * Core's refusals at the counter in the user's language. A code core puts on a field (a weapon
 * already out on `weapons.0.weaponId`) may only have an operation message: use it then.
 */
export function useDeskErrors() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  const text = (c: Coded) => {
    const params = formatParams(i18n, lang, c.params);
    if (i18n.exists(`errors:${c.code}`)) return t(`errors:${c.code}`, params);
    return t(`fieldErrors:${i18n.exists(`fieldErrors:${c.code}`) ? c.code : 'invalid'}`, params);
  };
  return {
    operation: (e: AppErrorShape | Coded) => text(e),
    field: (message: string | undefined) => {
      const c = decodeCoded(message);
      const params = formatParams(i18n, lang, c.params);
      if (i18n.exists(`fieldErrors:${c.code}`)) return t(`fieldErrors:${c.code}`, params);
      return text(c);
    },
    /** Core's field errors onto the form; true if any landed. */
    applyFields: <T extends FieldValues>(setError: UseFormSetError<T>, error: AppErrorShape): boolean => {
      const fields = Object.entries(error.fields ?? {});
      for (const [path, coded] of fields) setError(path as Path<T>, { type: 'server', message: JSON.stringify(coded) });
      return fields.length > 0;
    },
  };
}
