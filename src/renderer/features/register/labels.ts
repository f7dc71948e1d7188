import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import type { WeaponField } from '../../../shared/domain/weapon';
import { countryName, formatDate, formatNumber } from '../../i18n/format';
import { FIELD_KIND } from './fields';

/**
 * Translated labels for the register's closed vocabularies. Codes stay stable English words in the
 * data; everything shown goes through `register:` (or `enums:agency.` owned by the shell).
 */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'fr';
  return useMemo(() => makeLabels(t, lang), [t, lang]);
}

function makeLabels(t: TFunction, lang: Language) {
  return {
    t,
    lang,
    field: (name: string) => t(`register:field.${name}`),
    type: (code: string) => t(`register:type.${code}`),
    status: (code: string) => t(`register:status.${code}`),
    condition: (code: string) => t(`register:condition.${code}`),
    acquisitionMode: (code: string) => t(`register:acquisitionMode.${code}`),
    method: (code: string) => t(`register:destructionMethod.${code}`),
    agency: (code: string) => t(`enums:agency.${code}`),
    country: (code: string) => countryName(code, lang),
    number: (n: number) => formatNumber(n, lang),
    date: (iso: string) => formatDate(iso, lang),
  };
}
export type Labels = ReturnType<typeof makeLabels>;

/** A weapon field's value as a person reads it: enum labels, country names, dates; empty is a dash. */
export function fieldValueText(labels: Labels, field: WeaponField | string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const kind = FIELD_KIND[field as WeaponField];
  const s = String(value);
  switch (kind) {
    case 'type':
      return labels.type(s);
    case 'agency':
      return labels.agency(s);
    case 'acquisitionMode':
      return labels.acquisitionMode(s);
    case 'condition':
      return labels.condition(s);
    case 'country':
    case 'optionalCountry':
      return `${labels.country(s)} (${s})`;
    case 'date':
      return labels.date(s);
    case 'boolean':
      return labels.t(value === true ? 'register:common.yes' : 'register:common.no');
    default:
      return s;
  }
}
