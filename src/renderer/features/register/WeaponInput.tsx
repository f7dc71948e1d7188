import { useMemo } from 'react';
import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { COUNTRY_CODES } from '../../../shared/domain/countries';
import { ACQUISITION_MODES, AGENCIES, WEAPON_CONDITIONS, WEAPON_TYPES } from '../../../shared/domain/enums';
import type { FieldKind } from './fields';
import { today } from './fields';
import { useLabels, type Labels } from './labels';

interface Option {
  value: string;
  label: string;
}

/** The options of a select-like field kind, in the user's language (countries sorted by name). */
export function useOptions(kind: FieldKind): Option[] | null {
  const labels = useLabels();
  return useMemo(() => optionsFor(kind, labels), [kind, labels]);
}

function optionsFor(kind: FieldKind, l: Labels): Option[] | null {
  switch (kind) {
    case 'type':
      return WEAPON_TYPES.map((v) => ({ value: v, label: l.type(v) }));
    case 'agency':
      return AGENCIES.map((v) => ({ value: v, label: l.agency(v) }));
    case 'acquisitionMode':
      return ACQUISITION_MODES.map((v) => ({ value: v, label: l.acquisitionMode(v) }));
    case 'condition':
      return WEAPON_CONDITIONS.map((v) => ({ value: v, label: l.condition(v) }));
    case 'country':
    case 'optionalCountry': {
      const collator = new Intl.Collator(l.lang);
      return COUNTRY_CODES.map((v) => ({ value: v, label: l.country(v) })).sort((a, b) => collator.compare(a.label, b.label));
    }
    default:
      return null;
  }
}

/**
 * One control for a field of the firearm record, whatever form it sits in (registration, correction).
 * Select kinds start with an empty "choose" option so nothing is chosen by accident.
 */
export function WeaponInput<T extends FieldValues>(props: {
  id: string;
  name: Path<T>;
  kind: FieldKind;
  register: UseFormRegister<T>;
  invalid: boolean;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useLabels();
  const options = useOptions(props.kind);
  const common = {
    id: props.id,
    'aria-invalid': props.invalid,
    'aria-describedby': props.invalid ? `${props.id}-error` : undefined,
    'aria-required': props.required,
    autoFocus: props.autoFocus,
    ...props.register(props.name),
  };
  if (options) {
    const emptyLabel = props.kind === 'optionalCountry' ? t('register:form.none') : t('register:form.choose');
    return (
      <select {...common}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  switch (props.kind) {
    case 'longtext':
      return <textarea rows={2} {...common} />;
    case 'date':
      return <input type="date" max={today()} {...common} />;
    case 'year':
      return <input type="text" inputMode="numeric" maxLength={4} className="reg-input--year" placeholder={t('register:form.yearUnknown')} {...common} />;
    case 'boolean':
      return <input type="checkbox" {...common} />;
    default:
      return <input type="text" autoComplete="off" spellCheck={false} {...common} />;
  }
}
