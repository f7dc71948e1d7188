import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';

/**
 * Labels of the personnel register (`officers:`), with the vocabularies it borrows: weapon types
 * from the register, agencies from the shell. Dates and numbers through Intl in the user's language.
 */
export function useOfficerLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  return {
    t: (key: string, params?: Record<string, unknown>) => t(`officers:${key}`, params ?? {}),
    lang,
    status: (code: string) => t(`officers:statuses.${code}`),
    weaponType: (code: string) => t(`register:type.${code}`),
    agency: (code: string) => t(`enums:agency.${code}`),
    number: (n: number) => formatNumber(n, lang),
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
  };
}
export type OfficerLabels = ReturnType<typeof makeLabels>;
