import type { UseFormReturn } from 'react-hook-form';
import { useErrorText } from '../../../components/errors';
import type { errorAt } from '../FormDialog';
import { useAmmoLabels } from '../labels';
import type { Values } from './specs';

/** Increase or decrease, chosen on purpose: an adjustment's sign is never a default. */
export function DirectionField(props: { form: UseFormReturn<Values>; error: ReturnType<typeof errorAt> }) {
  const labels = useAmmoLabels();
  const errorText = useErrorText();
  return (
    <fieldset className={`ammo-direction${props.error ? ' field--error' : ''}`} aria-invalid={!!props.error}>
      <legend>
        {labels.field('direction')}
        <span aria-hidden="true"> *</span>
      </legend>
      {(['increase', 'decrease'] as const).map((d) => (
        <label key={d}>
          <input type="radio" value={d} {...props.form.register('direction')} data-testid={`direction-${d}`} />
          {labels.t(`direction.${d}`)}
        </label>
      ))}
      {props.error ? (
        <small className="field__error" role="alert">
          {errorText.field(props.error.message)}
        </small>
      ) : null}
    </fieldset>
  );
}
