import type { FieldErrors } from 'react-hook-form';
import type { CheckRow } from '../../../../shared/contract/stockcheck';
import { CHECK_SCOPES, SPOT_MAX } from '../../../../shared/domain/stockcheck';
import { Field } from '../../../components/Field';
import { errorAt, FormDialog } from '../../ammunition/FormDialog';
import { storeOptionText } from '../../ammunition/PlaceFields';
import { useAmmoLabels } from '../../ammunition/labels';
import { storeIdOf, useAmmoForm } from '../../ammunition/useAmmoForm';
import { useStores } from '../../ammunition/useStores';
import { useCheckLabels } from '../labels';

/** How many items a spot check draws unless the counter asks for another number (at most SPOT_MAX). */
export const SPOT_DEFAULT = Math.min(20, SPOT_MAX);

type Values = { scope: string; storeId: string; spotSize: string; note: string };

/**
 * Starts a check: what it covers (everything, weapons, ammunition, one store, or a spot check of N
 * items the app draws at random) and a note. The book it will be compared with is fixed now.
 */
export function StartCheckDialog(props: { onClose: () => void; onDone: (row: CheckRow) => void }) {
  const labels = useCheckLabels();
  const ammo = useAmmoLabels();
  const { stores } = useStores();
  const { form, submit, failure } = useAmmoForm<Values, 'stockchecks.start'>({
    op: 'stockchecks.start',
    toInput: (v) => ({
      scope: v.scope,
      storeId: v.scope === 'store' ? storeIdOf(v.storeId) : undefined,
      spotSize: v.scope === 'spot' ? (v.spotSize.trim() === '' ? undefined : Number(v.spotSize)) : undefined,
      note: v.note,
    }),
    defaults: { scope: 'full', storeId: '', spotSize: String(SPOT_DEFAULT), note: '' },
    onDone: props.onDone,
  });
  const { register, watch } = form;
  const errors = form.formState.errors as FieldErrors;
  const scope = watch('scope');
  const scopeError = errorAt(errors, 'scope');
  return (
    <FormDialog
      title={labels.t('start.title')}
      intro={labels.t('start.intro')}
      form={form}
      onSubmit={(e) => void submit(e)}
      onClose={props.onClose}
      failure={failure}
      submitLabel={labels.t('start.submit')}
      testId="start-check-dialog"
      wide
    >
      <fieldset className={`sc-scopes${scopeError ? ' field--error' : ''}`} data-testid="start-scope">
        <legend>{labels.t('field.scope')}</legend>
        {CHECK_SCOPES.map((s, i) => (
          <label key={s} className="sc-scope">
            <input type="radio" value={s} autoFocus={i === 0} {...register('scope')} data-testid={`scope-${s}`} />
            <span>
              <strong>{labels.scopeName(s)}</strong>
              <small className="sc-sub">{labels.t(`scopeHint.${s}`, { max: labels.number(SPOT_MAX) })}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {scope === 'store' ? (
        <Field id="start-store" label={labels.t('field.store')} error={errorAt(errors, 'storeId')} required>
          <select id="start-store" aria-invalid={!!errorAt(errors, 'storeId')} disabled={stores === null} {...register('storeId')}>
            <option value="">{ammo.t('action.choose')}</option>
            {(stores ?? []).map((st) => (
              <option key={st.id} value={String(st.id)}>
                {storeOptionText(ammo, st)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {scope === 'spot' ? (
        <Field
          id="start-spot"
          label={labels.t('field.spotSize')}
          hint={labels.t('start.spotHint', { max: labels.number(SPOT_MAX) })}
          error={errorAt(errors, 'spotSize')}
          required
        >
          <input id="start-spot" type="number" min={1} max={SPOT_MAX} inputMode="numeric" aria-invalid={!!errorAt(errors, 'spotSize')} {...register('spotSize')} />
        </Field>
      ) : null}
      <Field id="start-note" label={labels.t('field.note')} error={errorAt(errors, 'note')}>
        <textarea id="start-note" rows={2} maxLength={500} {...register('note')} />
      </Field>
    </FormDialog>
  );
}
