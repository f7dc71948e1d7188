import type { Language } from '../../../shared/domain/enums';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface Month {
  year: number;
  month: number;
}

/** The month before the one `now` falls in (local time): the return people print first. */
export function previousMonth(now = new Date()): Month {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return { year: d.getFullYear(), month: d.getMonth() + 1 };
}

export function currentMonth(now = new Date()): Month {
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** Months are compared as year * 12 + month. */
export const monthIndex = (m: Month) => m.year * 12 + m.month;

/** "March" / "mars": the month's name alone, for a select. */
export function monthName(month: number, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long' }).format(new Date(2000, month - 1, 1));
}

/** "March 2025" / "mars 2025": the period in words. */
export function periodText(m: Month, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric' }).format(new Date(m.year, m.month - 1, 1));
}

/** An instant as a long date in local time ("1 March 2025"). */
export function longDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date(iso));
}

/** The last day of a period given as [from, to): the instant just before `to`. */
export const lastInstant = (to: string) => new Date(Date.parse(to) - 1).toISOString();
