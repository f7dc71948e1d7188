import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FieldSpec } from './fieldSpecs';
import { useImportLabels } from './labels';
import type { Option, Options } from './useOptions';

type Binding =
  /** Inside the mapping form (react-hook-form). */
  | { registration: UseFormRegisterReturn; value?: never; onChange?: never }
  /** A controlled choice outside a form (an unknown value's code). */
  | { registration?: never; value: string; onChange: (value: string) => void };

/**
 * A value typed or picked for a field: a list for coded fields (type, agency, country, division…)
 * and yes/no, a date picker for dates, a text box otherwise. Empty means "nothing chosen".
 */
export function ValueInput(props: { id: string; label: string; spec: FieldSpec; options: Options; testId: string } & Binding) {
  const l = useImportLabels();
  const { spec } = props;
  const bind = props.registration ?? { value: props.value, onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value) };
  const common = { id: props.id, 'aria-label': props.label, 'data-testid': props.testId, ...bind };
  if (spec.vocabulary || spec.input === 'boolean') {
    const options: Option[] = spec.vocabulary
      ? (props.options[spec.vocabulary] ?? [])
      : [
          { value: 'true', label: l.t('value.yes') },
          { value: 'false', label: l.t('value.no') },
        ];
    return (
      <select className="imp-value" {...common}>
        <option value="">{l.t('value.none')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (spec.input === 'date') return <input className="imp-value" type="date" {...common} />;
  const numeric = spec.input === 'integer' || spec.input === 'year' ? 'numeric' : spec.input === 'decimal' ? 'decimal' : undefined;
  return <input className="imp-value" type="text" maxLength={200} inputMode={numeric} placeholder={l.t('value.placeholder')} {...common} />;
}
