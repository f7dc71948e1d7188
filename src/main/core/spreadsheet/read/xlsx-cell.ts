import type { Cell } from './table';

/**
 * An exceljs cell value as a table Cell. Formulas give their cached result (never the formula
 * text: the sheet showed the result, and a formula must never reach the register), rich text and
 * hyperlinks their plain text, errors (#N/A, #REF!) and empty cells null.
 */
export function cellOf(value: unknown, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return cellOf(value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join(''), undefined, date1904);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    // exceljs turns a date-formatted plain number into a Date, but leaves a formula's result a serial number.
    if (typeof result === 'number' && isDateFormat(numFmt)) return excelDate(result, date1904);
    return cellOf(result, undefined, date1904);
  }
  if ('text' in value) return cellOf(value.text, undefined, date1904);
  return null;
}

/** Same test as exceljs's own: a format showing days, months, years or times, outside quoted literals and [colours]. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day as exceljs gives dates: the sheet's date and time as UTC fields. */
function excelDate(serial: number, date1904: boolean): Date | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? null : date;
}
