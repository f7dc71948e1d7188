import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRef } from '../../../../shared/contract/register';
import type { Language } from '../../../../shared/domain/enums';
import { formatDateTime, formatNumber } from '../../../i18n/format';

const shortCache = new Map<Language, Intl.DateTimeFormat>();

/** "21/11/2026 14:06": what a register's narrow date columns hold. */
function shortDateTime(iso: string, lang: Language): string {
  let f = shortCache.get(lang);
  if (!f) shortCache.set(lang, (f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' })));
  return f.format(new Date(iso));
}

/**
 * Labels for the weapons-out register, the shift handover and the key register: their own
 * `handover:` namespace, weapon types from the register's, dates and numbers through Intl.
 */
export function useHandoverLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const h = (key: string, params?: Record<string, unknown>) => t(`handover:${key}`, params ?? {});
  return {
    t: h,
    lang,
    number: (n: number) => formatNumber(n, lang),
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
    shortDateTime: (iso: string) => (iso ? shortDateTime(iso, lang) : '—'),
    weaponType: (code: string) => t(`register:type.${code}`),
    status: (code: string) => t(`register:status.${code}`),
    role: (code: string) => t(`enums:role.${code}`),
    actor: (a: ActorRef | null) => (a ? h('common.actor', { name: a.fullName, username: a.username }) : '—'),
    /** "12 weapons", with the plural each language uses. */
    weapons: (n: number) => h('common.weapons', { count: n, n: formatNumber(n, lang) }),
  };
}
export type HandoverLabels = ReturnType<typeof makeLabels>;
