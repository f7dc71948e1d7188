import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

/** Words every printout shares (`print:` namespace) and Intl formatting in the chosen language. */
export function usePrintLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  return {
    t: (key: string, params?: Record<string, unknown>) => t(`print:${key}`, params ?? {}),
    lang,
    number: (n: number) => formatNumber(n, lang),
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
  };
}

export type PrintLabels = ReturnType<typeof makeLabels>;
