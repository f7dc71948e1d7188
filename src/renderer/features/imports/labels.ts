import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import type { ImportKind, RowError } from '../../../shared/domain/spreadsheet';
import { countryName, formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { formatDecimal } from '../ammunition/labels';
import { fieldSpec, type Vocabulary } from './fieldSpecs';

/** Where each kind's field labels already live: the mapping screen reuses the registers' own words. */
const FIELD_NS: Record<ImportKind, string> = { weapons: 'register', officers: 'officers', lots: 'ammunition' };
/** Lot import fields whose receipt-form label has another key (`date` alone would read "Date"). */
const LOT_LABEL_KEY: Record<string, string> = { date: 'receiptDate', source: 'supplier' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Labels of the import wizard and the export menu (`imports:`), with the registers' vocabularies. */
export function useImportLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  const number = (n: number) => formatNumber(n, lang);
  const code = (vocabulary: Vocabulary, value: string): string => {
    switch (vocabulary) {
      case 'weaponType':
        return t(`register:type.${value}`);
      case 'agency':
        return t(`enums:agency.${value}`);
      case 'acquisitionMode':
        return t(`register:acquisitionMode.${value}`);
      case 'weaponCondition':
        return t(`register:condition.${value}`);
      case 'country':
        return `${countryName(value, lang)} (${value})`;
      default:
        // Divisions, groups and store codes are read as they are written on the boxes and doors.
        return value;
    }
  };
  const field = (kind: ImportKind, name: string) => t(`${FIELD_NS[kind]}:field.${kind === 'lots' ? (LOT_LABEL_KEY[name] ?? name) : name}`);
  return {
    t: (key: string, params?: Record<string, unknown>) => t(`imports:${key}`, params ?? {}),
    lang,
    number,
    date: (iso: string) => formatDate(iso, lang),
    dateTime: (iso: string) => formatDateTime(iso, lang),
    field,
    code,
    /** Bytes as people read a file's size: octets and Ko in French, bytes and KB in English. */
    size: (bytes: number) => {
      if (bytes < 1024) return t('imports:size.bytes', { count: bytes, n: number(bytes) });
      if (bytes < 1024 * 1024) return t('imports:size.kb', { n: formatDecimal(bytes / 1024, lang, 1) });
      return t('imports:size.mb', { n: formatDecimal(bytes / (1024 * 1024), lang, 1) });
    },
    /** A value as it will be recorded (codes, ISO dates, numbers as text), in the reader's words. */
    value: (kind: ImportKind, name: string, raw: string): string => {
      if (raw === '') return '—';
      const spec = fieldSpec(kind, name);
      if (spec.vocabulary) return code(spec.vocabulary, raw);
      if (spec.input === 'date' && ISO_DATE.test(raw)) return formatDate(raw, lang);
      if (spec.input === 'boolean') return t(raw === 'true' ? 'register:common.yes' : raw === 'false' ? 'register:common.no' : raw);
      if ((spec.input === 'integer' || spec.input === 'decimal') && raw.trim() !== '' && Number.isFinite(Number(raw))) {
        return formatDecimal(Number(raw), lang, 6);
      }
      return raw;
    },
    /** "Line 14, column C (N° de série)": where a problem is, as the spreadsheet shows it. */
    where: (e: RowError) => {
      if (!e.column) return t('imports:error.line', { line: e.line });
      if (!e.header) return t('imports:error.cell', { line: e.line, column: e.column });
      return t('imports:error.cellHeader', { line: e.line, column: e.column, header: e.header });
    },
    /**
     * The problem in the user's language: a field error, or a refusal core gives for a whole row
     * (a lot's receipt refused by the store's safety rules), as the error report words it.
     */
    problem: (e: RowError) => t([`fieldErrors:${e.code}`, `errors:${e.code}`, 'fieldErrors:invalid'], { ...e.params }),
  };
}
export type ImportLabels = ReturnType<typeof makeLabels>;
