import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotRow } from '../../../shared/contract/ammunition';
import { splitQuantity } from '../../../shared/domain/ammunition';
import type { Language } from '../../../shared/domain/enums';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const decimalCache = new Map<string, Intl.NumberFormat>();

/** Kilograms need more digits than counts: one 9 mm round holds a fraction of a gram. */
export function formatDecimal(value: number, lang: Language, maxDigits = 3): string {
  const key = `${lang}:${maxDigits}`;
  let f = decimalCache.get(key);
  if (!f) decimalCache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxDigits })));
  return f.format(value);
}

/** What quantities are packed in: rounds per box, boxes per case. */
export interface Packaging {
  roundsPerBox: number;
  boxesPerCase: number;
}

/**
 * Translated labels for the ammunition screens. Codes (conditions, divisions, groups) stay stable
 * in the data; what people read goes through `ammunition:` and Intl in their language.
 */
export function useAmmoLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const a = (key: string, params?: Record<string, unknown>) => t(`ammunition:${key}`, params ?? {});
  const number = (n: number) => formatNumber(n, lang);
  const rounds = (n: number) => a('qty.rounds', { count: n, n: number(n) });
  return {
    t: a,
    lang,
    number,
    kg: (n: number, digits = 3) => a('unit.kg', { value: formatDecimal(n, lang, digits) }),
    date: (iso: string) => (iso ? formatDate(iso, lang) : '—'),
    dateTime: (iso: string) => formatDateTime(iso, lang),
    condition: (code: string) => a(`condition.${code}`),
    field: (name: string) => a(`field.${name}`),
    rounds,
    /** "2 cases, 3 boxes, 10 rounds" (parts at zero left out); null when packing says nothing more. */
    packages: (n: number, p: Packaging): string | null => {
      if (p.roundsPerBox <= 1 && p.boxesPerCase <= 1) return null;
      const s = splitQuantity(Math.abs(n), p.roundsPerBox, p.boxesPerCase);
      if (!s.cases && !s.boxes) return null;
      const parts: string[] = [];
      if (s.cases) parts.push(a('qty.cases', { count: s.cases, n: number(s.cases) }));
      if (s.boxes) parts.push(a('qty.boxes', { count: s.boxes, n: number(s.boxes) }));
      if (s.rounds) parts.push(rounds(s.rounds));
      return parts.join(a('qty.separator'));
    },
    /** A lot as people name it: its number, or what is known about it. */
    lotName: (lot: Pick<LotRow, 'lotState' | 'lotNumber'>) => (lot.lotState === 'numbered' || lot.lotNumber ? lot.lotNumber : a(`lotState.${lot.lotState}`)),
  };
}
export type AmmoLabels = ReturnType<typeof makeLabels>;

/** Today as YYYY-MM-DD in local time: default event date and `max` of date inputs. */
export function today(): string {
  return isoOf(new Date());
}

export function isoOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A calendar date plus whole months (the next inspection from the last one). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d || !Number.isFinite(months)) return '';
  return isoOf(new Date(y, m - 1 + months, d));
}
