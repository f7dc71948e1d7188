import { useEffect, useMemo } from 'react';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { COMPATIBILITY_GROUPS, HAZARD_DIVISIONS, LOT_STATES } from '../../../../shared/domain/ammunition';
import { COUNTRY_CODES } from '../../../../shared/domain/countries';
import { Field } from '../../../components/Field';
import { countryName } from '../../../i18n/format';
import { errorAt } from '../FormDialog';
import { addMonths, today, useAmmoLabels } from '../labels';
import type { ReceiptValues } from './receiptForm';

type LotKey = keyof ReceiptValues['lot'];
type Kind = 'text' | 'number' | 'decimal' | 'date' | 'pastDate' | 'state' | 'division' | 'group' | 'country';

/** The lot record grouped as a receipt voucher groups it; hints where people hesitate. */
const SECTIONS: readonly { id: string; fields: readonly [LotKey, Kind, boolean][] }[] = [
  {
    id: 'identification',
    fields: [
      ['lotState', 'state', true], ['lotNumber', 'text', true], ['nature', 'text', true], ['calibre', 'text', true],
      ['manufacturer', 'text', false], ['country', 'country', false], ['yearOfManufacture', 'number', false],
    ],
  },
  { id: 'hazard', fields: [['hazardDivision', 'division', true], ['compatibilityGroup', 'group', true], ['unNumber', 'text', true], ['neqPerUnitKg', 'decimal', true]] },
  { id: 'packaging', fields: [['roundsPerBox', 'number', true], ['boxesPerCase', 'number', true]] },
  {
    id: 'inspection',
    fields: [['inspectionIntervalMonths', 'number', true], ['lastInspection', 'pastDate', false], ['nextInspection', 'date', false], ['shelfLifeEnd', 'date', false]],
  },
];
const HINTED: readonly LotKey[] = ['lotNumber', 'unNumber', 'neqPerUnitKg', 'roundsPerBox', 'nextInspection', 'yearOfManufacture'];
/** Divisions in numeric order for picking (the domain lists them by hazard). */
const DIVISIONS = [...HAZARD_DIVISIONS].sort();

/** Every field of a new lot (IATG 03.10). The next inspection follows the last one until typed. */
export function LotFieldsSection(props: { form: UseFormReturn<ReceiptValues> }) {
  const labels = useAmmoLabels();
  const { register, watch, setValue, getFieldState } = props.form;
  const errors = props.form.formState.errors as FieldErrors;
  const state = watch('lot.lotState');
  const last = watch('lot.lastInspection');
  const interval = watch('lot.inspectionIntervalMonths');
  useEffect(() => {
    if (getFieldState('lot.nextInspection').isDirty) return;
    const months = Number(interval);
    setValue('lot.nextInspection', last && /^\d+$/.test(String(interval)) && months > 0 ? addMonths(last, months) : '');
  }, [last, interval, getFieldState, setValue]);
  const countries = useMemo(() => {
    const collator = new Intl.Collator(labels.lang);
    return COUNTRY_CODES.map((c) => ({ c, name: countryName(c, labels.lang) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [labels.lang]);

  const control = (name: LotKey, kind: Kind, id: string, invalid: boolean, first: boolean) => {
    const common = { id, 'aria-invalid': invalid, autoFocus: first, ...register(`lot.${name}`) };
    const select = (options: readonly { value: string; label: string }[], empty: string) => (
      <select {...common}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
    switch (kind) {
      case 'state':
        return (
          <select {...common}>
            {LOT_STATES.map((s) => (
              <option key={s} value={s}>
                {labels.t(`lotStateOption.${s}`)}
              </option>
            ))}
          </select>
        );
      case 'division':
        return select(DIVISIONS.map((d) => ({ value: d, label: labels.t('lot.divisionOption', { division: d }) })), labels.t('action.choose'));
      case 'group':
        return select(COMPATIBILITY_GROUPS.map((g) => ({ value: g, label: labels.t('lot.groupOption', { group: g }) })), labels.t('action.choose'));
      case 'country':
        return select(countries.map(({ c, name }) => ({ value: c, label: name })), labels.t('lot.unknownCountry'));
      case 'date':
        return <input type="date" {...common} />;
      case 'pastDate':
        return <input type="date" max={today()} {...common} />;
      case 'number':
        return <input type="text" inputMode="numeric" autoComplete="off" {...common} />;
      case 'decimal':
        return <input type="text" inputMode="decimal" autoComplete="off" {...common} />;
      default:
        return <input type="text" autoComplete="off" spellCheck={false} {...common} />;
    }
  };

  return (
    <>
      {SECTIONS.map((section, i) => (
        <fieldset key={section.id} className="reg-form__section">
          <legend>{labels.t(`receive.section.${section.id}`)}</legend>
          <div className="reg-form__grid">
            {section.fields.map(([name, kind, required], j) => {
              const id = `lot-${name}`;
              const error = errorAt(errors, `lot.${name}`);
              const req = name === 'lotNumber' ? state === 'numbered' : required;
              return (
                <div key={name} className="reg-form__cell">
                  <Field id={id} label={labels.field(name)} error={error} required={req} {...(HINTED.includes(name) ? { hint: labels.t(`hint.${name}`) } : {})}>
                    {control(name, kind, id, !!error, i === 0 && j === 0)}
                  </Field>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
