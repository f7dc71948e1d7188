import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../shared/contract/custody';
import type { Language } from '../../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';

const MINUTE = 60_000;

/**
 * Labels of the discrepancy cases and of the custody dashboard (`cases:`): sources, subjects,
 * outcomes, quantities, and how late something is, through Intl in the user's language.
 */
export function useCaseLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const c = (key: string, params?: Record<string, unknown>) => t(`cases:${key}`, params ?? {});
  const number = (n: number) => formatNumber(n, lang);
  return {
    t: c,
    lang,
    number,
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
    source: (code: string) => c(`source.${code}`),
    subject: (code: string) => c(`subject.${code}`),
    outcome: (code: string) => (code ? c(`outcome.${code}`) : '—'),
    status: (code: string) => c(`status.${code}`),
    weaponType: (code: string) => t(`register:type.${code}`),
    role: (code: string) => t(`enums:role.${code}`),
    /** What is unaccounted for: the weapon (or the unknown code counted), so many rounds of a lot, or so many magazines. */
    what: (row: CaseRow): string => {
      if (row.subject === 'weapon') return row.weapon ? row.weapon.nationalCode : row.code ? c('qty.unknownCode', { code: row.code }) : c('subject.weapon');
      if (row.subject === 'rounds') {
        const rounds = c('qty.rounds', { count: row.quantity, n: number(row.quantity) });
        return row.lot ? c('qty.ofLot', { quantity: rounds, lot: row.lot.lotNumber }) : rounds;
      }
      return c('qty.magazines', { count: row.quantity, n: number(row.quantity) });
    },
    /** How long past a deadline or an expected return: "3 h 20 min", "2 d 4 h". */
    late: (ms: number): string => {
      const minutes = Math.max(0, Math.floor(ms / MINUTE));
      const d = Math.floor(minutes / 1440);
      const h = Math.floor((minutes % 1440) / 60);
      const m = minutes % 60;
      if (d > 0) return c('late.days', { d: number(d), h: number(h) });
      if (h > 0) return c('late.hours', { h: number(h), m: number(m) });
      return c('late.minutes', { m: number(m) });
    },
  };
}
export type CaseLabels = ReturnType<typeof makeLabels>;
