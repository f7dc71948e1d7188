import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/contract/audit';
import type { Language } from '../../../shared/domain/enums';
import { formatDateTime } from '../../i18n/format';

/** Labels of the audit view (`audit:`), times through Intl in the user's language. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const a = (key: string, params?: Record<string, unknown>) => t(`audit:${key}`, params ?? {});
  return {
    t: a,
    lang,
    dateTime: (iso: string) => formatDateTime(iso, lang),
    /** What happened: the event in words, or a failed sign-in with its reason and place. */
    what: (r: AuditRow) => (r.kind === 'failed_login' ? a('failed') : a(`event.${r.type}`)),
    /** The reason a failed sign-in gives, or a session ended by the 12-hour limit. */
    reason: (r: AuditRow) => {
      if (r.kind === 'failed_login') return `${a(`reason.${r.reason}`)} ${a(`place.${r.place}`)}`;
      return r.reason === 'expired' ? a('reason.expired') : '';
    },
  };
}

export type AuditLabels = ReturnType<typeof makeLabels>;
