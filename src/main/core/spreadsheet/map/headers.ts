import enAmmunition from '../../../../../locales/en/ammunition.json';
import enOfficers from '../../../../../locales/en/officers.json';
import enRegister from '../../../../../locales/en/register.json';
import frAmmunition from '../../../../../locales/fr/ammunition.json';
import frOfficers from '../../../../../locales/fr/officers.json';
import frRegister from '../../../../../locales/fr/register.json';
import { IMPORT_FIELDS, type ColumnMapping, type ImportKind } from '../../../../shared/domain/spreadsheet';
import type { Cell } from '../read/table';
import { foldText } from './fold';
import { HEADER_SYNONYMS } from './header-synonyms';

/**
 * A header's comparison form: lower case, no accents, punctuation gone, and every way of writing
 * "number" before a word (N°, Nº, n °, #) read as "no". Also the pieces of a mapping's shape.
 */
export function normalizeHeader(text: string): string {
  return foldText(text.replace(/(^|[^\p{L}\p{N}])n\s*[°º]/giu, '$1 no ').replace(/#/g, ' no '));
}

const STOP_WORDS = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'of', 'the', 'et', 'and', 'a', 'au', 'aux', 'en', 's', 'es']);
const NUMBER_WORDS = new Set(['no', 'n', 'nos', 'num', 'numero', 'number', 'nr']);

/** Looser still: no small words, no plural s, "numéro"/"num"/"number" all "no". */
function reduce(normalized: string): string {
  const words: string[] = [];
  for (let word of normalized.split(' ')) {
    if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    if (!STOP_WORDS.has(word)) words.push(NUMBER_WORDS.has(word) ? 'no' : word);
  }
  return words.join(' ');
}

/** Gardien's own column titles (its exports write them in the user's language). */
const LABELS: Record<ImportKind, Record<string, string>[]> = {
  weapons: [enRegister.field, frRegister.field],
  officers: [enOfficers.field, frOfficers.field],
  lots: [enAmmunition.field, frAmmunition.field],
};
/** Labels of neighbouring ammunition fields that name a lot import's field on other screens. */
const LABEL_ALIASES: Record<string, string> = { supplier: 'source', receiptDate: 'date', storeCode: 'store', storeName: 'store' };

interface Match {
  field: string;
  score: number;
}
interface HeaderIndex {
  whole: Map<string, Match>;
  reduced: Map<string, Match>;
  /** Reduced words of every header that may also be found inside a longer one. */
  phrases: { words: string[]; field: string }[];
}

const LABEL_SCORE = 120;
const SYNONYM_SCORE = 100;

function buildIndex(kind: ImportKind): HeaderIndex {
  const index: HeaderIndex = { whole: new Map(), reduced: new Map(), phrases: [] };
  const put = (map: Map<string, Match>, key: string, match: Match) => {
    const had = map.get(key);
    if (key !== '' && (!had || had.score < match.score)) map.set(key, match);
  };
  const add = (header: string, field: string, score: number) => {
    const wholeOnly = header.startsWith('=');
    const normalized = normalizeHeader(wholeOnly ? header.slice(1) : header);
    put(index.whole, normalized, { field, score });
    if (wholeOnly) return;
    const reduced = reduce(normalized);
    put(index.reduced, reduced, { field, score });
    if (reduced !== '') index.phrases.push({ words: reduced.split(' '), field });
  };
  const fields = new Set(IMPORT_FIELDS[kind]);
  for (const field of fields) {
    add(field, field, LABEL_SCORE);
    add(field.replace(/([a-z])([A-Z])/g, '$1 $2'), field, LABEL_SCORE);
  }
  for (const labels of LABELS[kind]) {
    for (const [key, label] of Object.entries(labels)) {
      const field = fields.has(key) ? key : kind === 'lots' ? LABEL_ALIASES[key] : undefined;
      if (field !== undefined) add(label, field, LABEL_SCORE);
    }
  }
  for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS[kind])) for (const synonym of synonyms) add(synonym, field, SYNONYM_SCORE);
  return index;
}

const indexes = new Map<ImportKind, HeaderIndex>();
const indexFor = (kind: ImportKind): HeaderIndex => {
  let index = indexes.get(kind);
  if (!index) indexes.set(kind, (index = buildIndex(kind)));
  return index;
};

/** Where `phrase` first occurs as consecutive words of `words`, or -1. */
function positionOf(phrase: string[], words: string[]): number {
  outer: for (let at = 0; at + phrase.length <= words.length; at++) {
    for (let i = 0; i < phrase.length; i++) if (words[at + i] !== phrase[i]) continue outer;
    return at;
  }
  return -1;
}

/**
 * The field a header names, with how sure: the header as a whole (first as written, then
 * reduced), else the longest known header found inside it ("Date d'acquisition (jj/mm/aaaa)"),
 * the earliest one on a tie ("Matricule de l'agent" is a service number).
 */
export function matchHeader(header: string, kind: ImportKind): Match | null {
  const index = indexFor(kind);
  const normalized = normalizeHeader(header);
  if (normalized === '') return null;
  const whole = index.whole.get(normalized);
  if (whole) return { field: whole.field, score: 1000 + whole.score };
  const reduced = reduce(normalized);
  const loose = index.reduced.get(reduced);
  if (loose) return { field: loose.field, score: 500 + loose.score };
  const words = reduced.split(' ');
  let best: { field: string; length: number; at: number } | null = null;
  for (const phrase of index.phrases) {
    if (phrase.words.length >= words.length || (best && phrase.words.length < best.length)) continue;
    const at = positionOf(phrase.words, words);
    if (at >= 0 && (!best || phrase.words.length > best.length || at < best.at)) best = { field: phrase.field, length: phrase.words.length, at };
  }
  return best ? { field: best.field, score: 10 * best.length - best.at } : null;
}

/** Header cells are short; a long cell is a title or a note above the table. */
const MAX_HEADER_LENGTH = 80;
const SCAN_ROWS = 20;

/**
 * The header row among the first rows: the one whose cells name the most fields (a whole-header
 * match counts 1, a header found inside a longer cell ½), the first on a tie; -1 when no row names
 * at least two. Registers often carry a title line or two above their headers.
 */
export function detectHeaderRow(rows: Cell[][], kind: ImportKind): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(SCAN_ROWS, rows.length); i++) {
    const fields = new Map<string, number>();
    for (const cell of rows[i] ?? []) {
      if (typeof cell !== 'string' || cell.length > MAX_HEADER_LENGTH) continue;
      const match = matchHeader(cell, kind);
      if (match) fields.set(match.field, Math.max(fields.get(match.field) ?? 0, match.score >= 500 ? 1 : 0.5));
    }
    const score = [...fields.values()].reduce((a, b) => a + b, 0);
    if (fields.size >= 2 && score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

/**
 * Columns for the fields their headers name: the surest matches first, each column to at most one
 * field and each field to at most one column (the leftmost of equals). The caller sets headerRow.
 */
export function suggestMapping(headers: string[], kind: ImportKind): ColumnMapping {
  const candidates = headers
    .map((header, column) => ({ column, match: header.length <= MAX_HEADER_LENGTH ? matchHeader(header, kind) : null }))
    .filter((c): c is { column: number; match: Match } => c.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.column - b.column);
  const columns: Record<string, number> = {};
  for (const { column, match } of candidates) if (columns[match.field] === undefined) columns[match.field] = column;
  return { headerRow: 0, columns, constants: {}, values: {} };
}

/**
 * The key a mapping is saved under: the normalized headers joined by '|', trailing empty headers
 * left out so that a stray cell far to the right does not make a new shape.
 */
export function shapeOf(headers: string[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return normalized.join('|');
}
