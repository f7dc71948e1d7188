import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRef } from '../../../../shared/contract/register';
import type { Language } from '../../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';

/**
 * Translated labels of the counter (issue, return, voucher). Codes stay stable English words in
 * the data; what people read goes through `custody:` (weapon vocabularies through `register:`).
 */
export function useDeskLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const c = (key: string, params?: Record<string, unknown>) => t(`custody:${key}`, params ?? {});
  const number = (n: number) => formatNumber(n, lang);
  return {
    t: c,
    lang,
    number,
    dateTime: (iso: string) => (iso ? formatDateTime(iso, lang) : '—'),
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    weaponType: (code: string) => t(`register:type.${code}`),
    weaponStatus: (code: string) => t(`register:status.${code}`),
    condition: (code: string) => t(`register:condition.${code}`),
    agency: (code: string) => t(`enums:agency.${code}`),
    officerStatus: (code: string) => c(`officerStatus.${code}`),
    kind: (code: string) => c(`kind.${code}`),
    outcome: (code: string) => c(`outcome.${code}`),
    rounds: (n: number) => c('qty.rounds', { count: n, n: number(n) }),
    magazines: (n: number) => c('qty.magazines', { count: n, n: number(n) }),
    weapons: (n: number) => c('qty.weapons', { count: n, n: number(n) }),
    actor: (a: ActorRef | null | undefined) => (a ? c('actor', { name: a.fullName, username: a.username }) : '—'),
  };
}
export type DeskLabels = ReturnType<typeof makeLabels>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a datetime-local input value (local time, minutes). */
export function localInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as the instant core expects (toISOString); '' when empty or not a date. */
export function instantOf(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Checkouts come back the same day: eight hours from now unless the storekeeper says otherwise. */
export const DEFAULT_CHECKOUT_HOURS = 8;
export function defaultExpectedReturn(now = new Date()): string {
  return localInputValue(new Date(now.getTime() + DEFAULT_CHECKOUT_HOURS * 3600_000));
}

/** A text field's count ('' is none). */
export function countOf(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v !== 'string' || v.trim() === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}
