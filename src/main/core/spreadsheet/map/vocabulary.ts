import enEnums from '../../../../../locales/en/enums.json';
import enRegister from '../../../../../locales/en/register.json';
import frEnums from '../../../../../locales/fr/enums.json';
import frRegister from '../../../../../locales/fr/register.json';
import { COMPATIBILITY_GROUPS, HAZARD_DIVISIONS, LOT_STATES } from '../../../../shared/domain/ammunition';
import { COUNTRY_CODES } from '../../../../shared/domain/countries';
import { ACQUISITION_MODES, AGENCIES, LANGUAGES, WEAPON_CONDITIONS, WEAPON_TYPES } from '../../../../shared/domain/enums';
import { ALPHA3 } from './country-alpha3';
import { foldText } from './fold';
import { parseBoolean } from './values';
import { COUNTRY_WORDS, REGISTER_WORDS } from './vocabulary-words';

/** The closed lists a spreadsheet's words are matched against. */
export const VOCABULARY_NAMES = [
  'weaponType', 'agency', 'country', 'acquisitionMode', 'weaponCondition', 'hazardDivision', 'compatibilityGroup', 'lotState', 'boolean',
] as const;
export type VocabularyName = (typeof VOCABULARY_NAMES)[number];

const CODES: Record<VocabularyName, readonly string[]> = {
  weaponType: WEAPON_TYPES,
  agency: AGENCIES,
  country: COUNTRY_CODES,
  acquisitionMode: ACQUISITION_MODES,
  weaponCondition: WEAPON_CONDITIONS,
  hazardDivision: HAZARD_DIVISIONS,
  compatibilityGroup: COMPATIBILITY_GROUPS,
  lotState: LOT_STATES,
  boolean: ['true', 'false'],
};

/** The codes a vocabulary's values are recorded as, for the screen's choices. */
export function VOCABULARY_CODES(vocabulary: VocabularyName): readonly string[] {
  return CODES[vocabulary];
}

/** Gardien's own labels in both languages: what its exports write and users read on screen. */
const LABELS: Partial<Record<VocabularyName, Record<string, string>[]>> = {
  weaponType: [enRegister.type, frRegister.type],
  agency: [enEnums.agency, frEnums.agency],
  acquisitionMode: [enRegister.acquisitionMode, frRegister.acquisitionMode],
  weaponCondition: [enRegister.condition, frRegister.condition],
};

function countryWords(): Record<string, string[]> {
  const names = LANGUAGES.map((lang) => new Intl.DisplayNames([lang], { type: 'region' }));
  const words: Record<string, string[]> = {};
  for (const code of COUNTRY_CODES) {
    words[code] = [ALPHA3.get(code) ?? code, ...names.map((n) => n.of(code) ?? code), ...(COUNTRY_WORDS[code] ?? [])];
  }
  return words;
}

/**
 * Folded word -> code. Codes first (as written and folded: "assault_rifle", "assault rifle"),
 * then labels, then register words; a word already taken keeps its first code.
 */
function buildDictionary(vocabulary: VocabularyName): Map<string, string> {
  const dictionary = new Map<string, string>();
  const add = (word: string, code: string) => {
    const key = foldText(word);
    if (key !== '' && !dictionary.has(key)) dictionary.set(key, code);
  };
  for (const code of CODES[vocabulary]) add(code, code);
  for (const labels of LABELS[vocabulary] ?? []) for (const [code, label] of Object.entries(labels)) add(label, code);
  const words = vocabulary === 'country' ? countryWords() : (REGISTER_WORDS[vocabulary] ?? {});
  for (const [code, list] of Object.entries(words)) for (const word of list) add(word, code);
  return dictionary;
}

// "1.4", "1,4", "Div. 1.4", "DR 1.1", and the classification code "1.4S" (division and group).
const DIVISION = /^(?:[a-z.]+\s*)?1\s*[.,]\s*([1-6])\s*[a-hjklns]?$/i;
const GROUP = /^(?:(?:groupe?|gc|cg)\s*)?(?:1\s*[.,]\s*[1-6]\s*)?([a-hjklns])$/i;

/** Forms a word list cannot hold: the parts of a hazard classification code. */
function byPattern(vocabulary: VocabularyName, text: string): string | null {
  if (vocabulary === 'hazardDivision') {
    const m = DIVISION.exec(text);
    return m ? `1.${m[1]}` : null;
  }
  if (vocabulary === 'compatibilityGroup') return GROUP.exec(text)?.[1]?.toUpperCase() ?? null;
  return null;
}

/** Types and agencies often run on into a model or a unit: "PA MAC 50", "Gendarmerie - Brigade de Kati". */
const BY_PREFIX: ReadonlySet<VocabularyName> = new Set(['weaponType', 'agency']);

const dictionaries = new Map<VocabularyName, Map<string, string>>();
const memos = new Map<VocabularyName, Map<string, string | null>>();
/** A file has a few hundred distinct values at most; a file of junk must not grow the memo forever. */
const MEMO_MAX = 20_000;

function lookup(vocabulary: VocabularyName, text: string, dictionary: Map<string, string>): string | null {
  // Yes and no are read exactly as a boolean column reads them (values.ts).
  if (vocabulary === 'boolean') {
    const yes = parseBoolean(text);
    return yes === null ? null : String(yes);
  }
  const folded = foldText(text);
  if (folded === '') return null;
  const found = dictionary.get(folded) ?? byPattern(vocabulary, text.trim());
  if (found !== undefined && found !== null) return found;
  // "Fusil d'assaut (AK-47)", "Russie (URSS)": the words outside the brackets, then inside.
  const bracket = /^([^(]+)\(([^)]+)\)\s*$/.exec(text);
  if (bracket) {
    const inBrackets = lookup(vocabulary, bracket[1] ?? '', dictionary) ?? lookup(vocabulary, bracket[2] ?? '', dictionary);
    if (inBrackets !== null) return inBrackets;
  }
  if (BY_PREFIX.has(vocabulary)) {
    const words = folded.split(' ');
    for (let n = words.length - 1; n >= 1; n--) {
      const code = dictionary.get(words.slice(0, n).join(' '));
      if (code !== undefined) return code;
    }
  }
  return null;
}

/**
 * The code a cell's text stands for, or null: codes in any case, Gardien's labels in French and
 * English, and the words registers use, ignoring case, accents, punctuation and extra spaces.
 */
export function matchValue(vocabulary: VocabularyName, text: string): string | null {
  let memo = memos.get(vocabulary);
  if (!memo) memos.set(vocabulary, (memo = new Map()));
  const known = memo.get(text);
  if (known !== undefined) return known;
  let dictionary = dictionaries.get(vocabulary);
  if (!dictionary) dictionaries.set(vocabulary, (dictionary = buildDictionary(vocabulary)));
  const code = lookup(vocabulary, text, dictionary);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(text, code);
  return code;
}
