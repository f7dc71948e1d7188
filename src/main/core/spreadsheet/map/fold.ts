/**
 * The comparison form of a header or a value: registers are typed by hand, so "Eaux & Forêts",
 * "EAUX ET FORETS" and "eaux-et-forêts" must be the same words. Lower case, accents and
 * ligatures gone, '&' read as "et", every run of punctuation or space one space.
 */
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/&/g, ' et ')
    .replace(NOT_WORD, ' ')
    .trim();
}
