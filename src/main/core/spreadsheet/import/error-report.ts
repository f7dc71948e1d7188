import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/domain/enums';
import type { ImportKind, RowError } from '../../../../shared/domain/spreadsheet';
import { csvCell, writeFileAtomic } from '../../files';
import { translator } from '../../i18n';

/** Receipt fields whose label on the ammunition screens has another key than the field's name. */
const LOT_LABELS: Record<string, string> = { date: 'receiptDate', source: 'supplier' };

/** The field's label as the forms show it; '_' (a whole-row problem) is "Whole row". */
export function fieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  if (field === '_' || field === '') return t('sheets:report.row');
  if (kind === 'weapons') return t(`register:field.${field}`);
  if (kind === 'officers') return t(`officers:field.${field}`);
  return t(`ammunition:field.${LOT_LABELS[field] ?? field}`);
}

/**
 * The message of a row error: the field message, or the operation's message for a refusal that
 * only has one (a store's licence or compatibility rule), else "not valid".
 */
export function errorMessage(t: TFunction, e: { code: string; params?: Record<string, string | number> | undefined }): string {
  return t([`fieldErrors:${e.code}`, `errors:${e.code}`, 'fieldErrors:invalid'], { ...e.params });
}

/**
 * The error report as people open it in Excel: UTF-8 with a byte order mark, ';' in French (the
 * list separator of French Excel) and ',' in English, CRLF, every cell quoted and formula-like
 * cells neutralised (a register's value such as "=1+1" or "-12" must not run).
 */
export function errorReportCsv(errors: readonly RowError[], kind: ImportKind, language: Language): string {
  const t = translator(language);
  const separator = language === 'fr' ? ';' : ',';
  const head = ['line', 'column', 'header', 'field', 'error', 'value'].map((k) => csvCell(t(`sheets:report.${k}`)));
  const lines = [head.join(separator)];
  for (const e of errors) {
    lines.push([e.line, e.column, e.header, fieldLabel(t, kind, e.field), errorMessage(t, e), e.value].map(csvCell).join(separator));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `<file base>-errors-<yyyymmdd-hhmmss>.csv`, the base cut down to plain letters, digits, dots and dashes. */
export function reportName(fileName: string, now: Date): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 60);
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${base || 'import'}-errors-${stamp}.csv`;
}

/** Writes the report into `dir` (temp name, fsync, rename) and returns its name. */
export function writeErrorReport(dir: string, fileName: string, now: Date, errors: readonly RowError[], kind: ImportKind, language: Language): string {
  const name = reportName(fileName, now);
  writeFileAtomic(dir, name, errorReportCsv(errors, kind, language));
  return name;
}
