import type { UseFormRegisterReturn } from 'react-hook-form';
import { WEAPON_CONDITIONS } from '../../../../shared/domain/enums';
import { NAV } from './keyboard';
import { useDeskLabels } from './labels';

/** The condition a weapon comes back in, on its line of a return (labelled for screen readers). */
export function ConditionSelect(props: { id: string; nationalCode: string; disabled: boolean; registration: UseFormRegisterReturn; testId?: string }) {
  const labels = useDeskLabels();
  return (
    <>
      <label htmlFor={`${props.id}-condition`} className="visually-hidden">
        {labels.t('return.conditionOf', { code: props.nationalCode })}
      </label>
      <select id={`${props.id}-condition`} disabled={props.disabled} {...props.registration} {...NAV} data-testid={props.testId}>
        {WEAPON_CONDITIONS.map((c) => (
          <option key={c} value={c}>
            {labels.condition(c)}
          </option>
        ))}
      </select>
    </>
  );
}
