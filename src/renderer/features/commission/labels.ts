import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import { formatDateTime, formatNumber } from '../../i18n/format';

/**
 * The commission's words: its own namespace, plus the register's type and status labels and the
 * shared agency labels, so a weapon reads the same at the commission as at its armoury.
 */
export function useCommissionLabels() {
  const { t, i18n } = useTranslation('commission');
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  return {
    t,
    lang,
    number: (n: number) => formatNumber(n, lang),
    dateTime: (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—'),
    type: (code: string) => t(`register:type.${code}`),
    status: (code: string) => t(`register:status.${code}`),
    agency: (code: string | null) => (code ? t(`enums:agency.${code}`) : '—'),
    reason: (code: string | null) => (code ? t(`commission:reason.${code}`) : ''),
    keyState: (state: string) => t(`commission:keyState.${state}`),
  };
}
export type CommissionLabels = ReturnType<typeof makeLabels>;

/** A hex digest in groups of 4 (fingerprints) or 8 (hashes), to read aloud or compare on paper. */
export function groupHex(hex: string, size = 4): string {
  return hex.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? hex;
}
