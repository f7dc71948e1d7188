import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRow } from '../../../shared/contract/stockcheck';
import type { ActorRef } from '../../../shared/contract/register';
import type { CheckScope } from '../../../shared/domain/stockcheck';
import type { Language } from '../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

/**
 * Labels of the stock check screens and printouts (`stockcheck:`), weapon types from the
 * register's, rounds from the ammunition's; dates and numbers through Intl in the user's language.
 */
export function useCheckLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const s = (key: string, params?: Record<string, unknown>) => t(`stockcheck:${key}`, params ?? {});
  const number = (n: number) => formatNumber(n, lang);
  return {
    t: s,
    lang,
    number,
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
    scopeName: (scope: CheckScope) => s(`scope.${scope}`),
    /** What a check covers, in a few words: "Full inventory", "Store MAG-1". */
    scope: (c: Pick<CheckRow, 'scope' | 'storeCode'>) => (c.scope === 'store' ? s('scopeOf.store', { store: c.storeCode }) : s(`scopeOf.${c.scope}`)),
    checkNumber: (id: number) => s('number', { id }),
    actor: (a: ActorRef | null) => (a ? s('common.actor', { name: a.fullName, username: a.username }) : '—'),
    weaponType: (code: string) => t(`register:type.${code}`),
    rounds: (n: number) => t('ammunition:qty.rounds', { count: n, n: number(n) }),
    /** Counted so far out of what the sheet holds: "12 / 40". */
    progress: (counted: number, total: number) => s('common.progress', { counted: number(counted), total: number(total) }),
    /** A difference with its sign: "+20", "−150", "0". */
    signed: (n: number) => (n > 0 ? `+${number(n)}` : n < 0 ? `−${number(-n)}` : number(0)),
  };
}
export type CheckLabels = ReturnType<typeof makeLabels>;
