import type { Language } from '../../../shared/domain/enums';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in the user's language ("1.4 MB", "1,4 Mo"), by Intl: no unit words to translate. */
export function formatSize(bytes: number, lang: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const f = new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 });
  return f.format(value);
}

/** The start of a hash for a table cell; the whole hash stays in the cell's title and in the summary. */
export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;
