import type { Cell } from '../read/table';
import { foldText } from './fold';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);
const isoOf = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/**
 * A number as a person reads it: no exponent, no binary noise. Excel shows 15 significant
 * digits, so 1.1 stored as 1.1000000000000001 comes back as "1.1".
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(15));
  const plain = String(rounded);
  return plain.includes('e') ? rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : plain;
}

/** A Date's calendar day. exceljs gives dates as UTC midnight, so the UTC parts are the cell's day. */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** One apostrophe before = + - @ tab or CR is how CSV exports (Gardien's too) stop a formula: not data. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/**
 * A cell as text: strings trimmed at both ends only (inner spacing is the user's and the schema
 * cleans it), numbers plainly, dates as ISO days. An XLSX number cell has already lost any
 * leading zero ("007" typed into a number cell is 7): only text cells keep them.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim().replace(NEUTRALISED, '');
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return dateText(cell);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The ISO day, or null for a day that does not exist (31/02, 29/02 of a common year) or a year outside 1000-9999. */
function validDay(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}

/** Two-digit years: up to this year's two digits is this century, the rest the last one. */
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length !== 2) return y;
  return y <= new Date().getFullYear() % 100 ? 2000 + y : 1900 + y;
}

/**
 * A number such as 1998 in a date column is a year typed alone, not serial 1998 (a day of 1905
 * that no register of today's weapons holds): it is not a date.
 */
const isYear = (n: number) => Number.isInteger(n) && n >= 1850 && n <= 2100;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Excel's 1900 date system counts 1900-02-29, a day that never was (Lotus's bug kept for
 * compatibility): serials from 61 on are one day ahead of a plain count, 60 is that phantom day.
 */
function excelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 100_000 || isYear(serial)) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  return dateText(new Date(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole) * DAY_MS));
}

// Time parts after a day ("12/03/2020 00:00", "2020-03-12T00:00:00") are ignored.
const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const DMY_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:\s.*)?$/;

/**
 * A date cell as 'YYYY-MM-DD': dd/mm/yyyy (also with '-' or '.', one-digit day or month, two-digit
 * year), yyyy-mm-dd or yyyy/mm/dd, a Date from XLSX, or an Excel serial number. Day first always:
 * French and West African registers never write month first.
 */
export function parseDate(cell: Cell): string | null {
  if (cell === null || typeof cell === 'boolean') return null;
  // A date cell far outside the calendar (a serial of millions formatted as a date) is not a day either.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : validDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') return excelSerial(cell);
  const text = cell.trim();
  const iso = ISO_DAY.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DMY_DAY.exec(text);
  if (dmy) return validDay(fullYear(dmy[3] ?? ''), Number(dmy[2]), Number(dmy[1]));
  return null;
}

// \s covers the no-break space (French Excel's thousands separator) and the narrow and thin ones.
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;
const SPACE_GROUPED = /^[+-]?[1-9]\d{0,2}( \d{3})+([.,]\d+)?$/;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
// Thousands groups; a first group of 0 ("0,010") is a decimal, never a thousand.
const COMMA_GROUPS = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;
const DOT_GROUPS = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;
const groups = (mark: string) => (mark === ',' ? COMMA_GROUPS : DOT_GROUPS);

/** "1234.5" once the thousands separators are gone and the decimal mark is a dot, or null. */
function plainNumber(text: string, integer: boolean): string | null {
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both marks: the last one is the decimal mark ("1.234,5", "1,234.5").
    const [thousands, decimal] = comma > dot ? ['.', ','] : [',', '.'];
    const whole = text.slice(0, Math.max(comma, dot));
    if (whole.includes(decimal) || !groups(thousands).test(whole)) return null;
    return `${whole.split(thousands).join('')}.${text.slice(Math.max(comma, dot) + 1)}`;
  }
  const mark = comma >= 0 ? ',' : dot >= 0 ? '.' : '';
  if (mark === '') return text;
  const grouped = groups(mark).test(text);
  // Several marks can only separate thousands. A single one does where a count is expected
  // ("1.000" rounds); elsewhere it is the decimal mark ("0,010" kg, "1.5", "1,250" kg).
  if (text.indexOf(mark) !== text.lastIndexOf(mark)) return grouped ? text.split(mark).join('') : null;
  if (integer && grouped) return text.split(mark).join('');
  return mark === ',' ? text.replace(',', '.') : text;
}

/**
 * A number written the French or the English way: "1 234,5" (with ordinary or no-break spaces),
 * "1.234,5", "1,234.5", "0,010", "12". With `integer`, "1.000" and "1,000" are a thousand.
 */
export function parseNumber(cell: Cell, integer = false): number | null {
  // Finite or null: 1.7976931348623157e308 rounds to Infinity at 15 digits, 400 digits of text parse to it.
  if (typeof cell === 'number') return finiteOrNull(Number.isFinite(cell) ? Number(cell.toPrecision(15)) : Number.NaN);
  if (typeof cell !== 'string') return null;
  let text = cell.trim();
  if (text === '') return null;
  if (HAS_SPACE.test(text)) {
    const spaced = text.replace(SPACES, ' ');
    if (!SPACE_GROUPED.test(spaced)) return null;
    text = spaced.replace(/ /g, '');
  }
  const plain = plainNumber(text, integer);
  return plain !== null && PLAIN.test(plain) ? finiteOrNull(Number(plain)) : null;
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', 'x', 'vrai', 'true', '1']);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

/** oui/non, yes/no, vrai/faux, true/false, 1/0, and a cross (x, ✓) for yes; anything else null. */
export function parseBoolean(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (typeof cell !== 'string') return null;
  const trimmed = cell.trim();
  if (trimmed === '✓' || trimmed === '✔' || trimmed === '☑') return true;
  // Most cells are already plain words: fold (slow) only the others ("Oui.", "NON ").
  const lower = trimmed.toLowerCase();
  const word = TRUE_WORDS.has(lower) || FALSE_WORDS.has(lower) ? lower : foldText(trimmed);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
}

/**
 * What registers write for "not known" or "nothing" in a cell that should hold a date, a number
 * or a code: such a cell counts as empty (an optional field stays empty, a required one is
 * reported as required) rather than as a value nobody can map.
 */
const BLANK_WORDS = new Set(['', 'inconnu', 'inconnue', 'unknown', 'nd', 'n d', 'n a', 'neant', 'non connu', 'non connue', 'non renseigne', 'sans objet', 'nil', 'none']);

/** Longer than any blank word, even padded: no need to fold it. */
const BLANK_MAX = 24;
const blankMemo = new Map<string, boolean>();

export function meansBlank(text: string): boolean {
  if (text === '') return true;
  if (text.length > BLANK_MAX) return false;
  let blank = blankMemo.get(text);
  if (blank === undefined) {
    blank = BLANK_WORDS.has(foldText(text));
    // Dates and numbers make many distinct short texts: keep the memo bounded.
    if (blankMemo.size >= 20_000) blankMemo.clear();
    blankMemo.set(text, blank);
  }
  return blank;
}
