import type { Language } from '../../shared/domain/enums';

/** Intl formatters, cached per language: dates, numbers and quantities always go through these. */
const numberCache = new Map<string, Intl.NumberFormat>();
const dateCache = new Map<string, Intl.DateTimeFormat>();

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatNumber(value: number, lang: Language): string {
  let f = numberCache.get(lang);
  if (!f) numberCache.set(lang, (f = new Intl.NumberFormat(LOCALES[lang])));
  return f.format(value);
}

function dateFormatter(lang: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
    dateCache.set(key, f);
  }
  return f;
}

/** An ISO timestamp (journal `at`) in the user's language and local time. */
export function formatDateTime(iso: string, lang: Language): string {
  return dateFormatter(lang, true).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) without shifting it through a time zone. */
export function formatDate(isoDate: string, lang: Language): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dateFormatter(lang, false).format(new Date(y, m - 1, d));
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** Country names from Intl in the user's language (no list of 249 names to translate by hand). */
export function countryName(code: string, lang: Language): string {
  if (!code) return '';
  let f = regionNames.get(lang);
  if (!f) regionNames.set(lang, (f = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' })));
  return f.of(code) ?? code;
}
