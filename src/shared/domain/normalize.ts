/**
 * Identifier normalization (DOMAIN.md): NFC, no control/format/bidi characters, trimmed, inner
 * white space collapsed, upper case. Applied before every duplicate check and every lookup, so a
 * scanner's stray CR or a pasted right-to-left mark never makes a second weapon.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** What we store and show: the user's text without invisible characters or outer spaces. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** The comparison key for serials, national codes, manufacturers and models. */
export function normalizeKey(value: string): string {
  return cleanText(value).toUpperCase();
}
