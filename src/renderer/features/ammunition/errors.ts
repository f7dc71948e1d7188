import type { i18n as I18n } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import type { AppErrorShape, Coded } from '../../../shared/result';
import { formatDate } from '../../i18n/format';
import { formatDecimal } from './labels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Params whose values are codes with a label of their own (a condition, a purpose). */
const CODED_PARAMS: Record<string, string> = { condition: 'condition', from: 'condition', to: 'condition', purpose: 'purpose' };

/**
 * Core's refusals carry figures (present, incoming, limit, available): they are shown through Intl
 * and dates (an expiry) in the user's language, unless the message itself formats them (`{{limit, number}}`).
 */
function formatParams(i18n: I18n, lang: Language, ns: string, key: string, params: Coded['params']): Record<string, unknown> {
  const template = String(i18n.getResource(lang, ns, key) ?? '');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const selfFormatted = new RegExp(`\\{\\{\\s*${k}\\s*,`).test(template);
    // Kilograms below 1 need their grams; larger figures read better with three decimals at most.
    if (typeof v === 'number' && !selfFormatted) out[k] = formatDecimal(v, lang, Math.abs(v) < 1 ? 6 : 3);
    else if (typeof v === 'string' && ISO_DATE.test(v)) out[k] = formatDate(v, lang);
    else if (typeof v === 'string' && CODED_PARAMS[k] && i18n.exists(`ammunition:${CODED_PARAMS[k]}.${v}`)) out[k] = i18n.t(`ammunition:${CODED_PARAMS[k]}.${v}`);
    else out[k] = v;
  }
  return out;
}

/** Operation errors and warnings of the ammunition screens, translated with their figures. */
export function useAmmoErrors() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  const params = (ns: string, key: string, p: Coded['params']) => formatParams(i18n, lang, ns, key, p);
  return {
    operation: (e: AppErrorShape | Coded) => t(`errors:${e.code}`, params('errors', e.code, e.params)),
    /** A warning that came with a success (near the licence limit, licence expired…). */
    warning: (c: Coded) => {
      const key = `warning.${c.code}`;
      if (i18n.exists(`ammunition:${key}`)) return t(`ammunition:${key}`, params('ammunition', key, c.params));
      if (i18n.exists(`errors:${c.code}`)) return t(`errors:${c.code}`, params('errors', c.code, c.params));
      return t('ammunition:warning.other', { code: c.code });
    },
    /** Core's field errors onto the form, their figures formatted the same way; true if any landed. */
    applyFields: <T extends FieldValues>(setError: UseFormSetError<T>, error: AppErrorShape, rename: (path: string) => string = (p) => p): boolean => {
      const fields = Object.entries(error.fields ?? {});
      for (const [path, coded] of fields) {
        const formatted = { code: coded.code, params: params('fieldErrors', coded.code, coded.params) };
        setError(rename(path) as Path<T>, { type: 'server', message: JSON.stringify(formatted) });
      }
      return fields.length > 0;
    },
  };
}
