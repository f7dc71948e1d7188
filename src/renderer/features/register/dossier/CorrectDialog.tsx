import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import { CORRECTABLE_FIELDS } from '../../../../shared/contract/register';
import { weaponFields, type WeaponField, type WeaponRecord } from '../../../../shared/domain/weapon';
import { encodeCoded, issuesToFields } from '../../../../shared/validation';
import { Field } from '../../../components/Field';
import { FIELD_KIND, SECTIONS } from '../fields';
import { fieldValueText, useLabels } from '../labels';
import { WeaponInput } from '../WeaponInput';
import { Dialog } from '../../../components/Dialog';
import { DialogFooter } from './DialogFooter';
import { useActionForm, type DialogValues } from './useActionForm';

/** Correctable fields in the order of the record's sections. */
const FIELDS = SECTIONS.flatMap((s) => s.fields).filter((f): f is (typeof CORRECTABLE_FIELDS)[number] =>
  (CORRECTABLE_FIELDS as readonly string[]).includes(f),
);

const baseResolver = zodResolver(contract['weapons.correct'].input) as unknown as Resolver<DialogValues>;

/** The contract's schema, plus the new value checked by that field's own rule (as core will). */
const resolver: Resolver<DialogValues> = async (values, ctx, options) => {
  const result = await baseResolver(values, ctx, options);
  const field = values.field as WeaponField;
  const rule = weaponFields.shape[field] as { safeParse: (v: unknown) => { success: boolean; error?: { issues: never[] } } } | undefined;
  const parsed = rule?.safeParse(values.value);
  if (!parsed || parsed.success) return result;
  const coded = issuesToFields(parsed.error?.issues ?? [])._ ?? { code: 'invalid' };
  const errors: FieldErrors<DialogValues> = Object.assign({}, result.errors);
  errors.value = { type: 'custom', message: encodeCoded(coded) };
  return { values: {}, errors };
};

/** What a form control holds for a stored value (years and empty values as text). */
function toInput(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A correction is a new event: field, new value, reason. The old value stays in the history,
 * and the event names the one it corrects.
 */
export function CorrectDialog(props: { weapon: WeaponRecord; onClose: () => void; onDone: () => void }) {
  const labels = useLabels();
  const first = FIELDS[0] as WeaponField;
  const { form, submit, failure } = useActionForm(
    'weapons.correct',
    resolver,
    { weaponId: props.weapon.id, field: first, value: toInput(props.weapon[first]), reason: '' },
    props.onDone,
  );
  const { register, formState, watch, setValue, clearErrors } = form;
  const field = watch('field') as WeaponField;
  // A new field starts from its current value: the user changes what is wrong in it.
  useEffect(() => {
    setValue('value', toInput(props.weapon[field]));
    clearErrors('value');
  }, [field, props.weapon, setValue, clearErrors]);

  const valueError = formState.errors.value as FieldError | undefined;
  const reasonError = formState.errors.reason as FieldError | undefined;
  return (
    <Dialog className="reg-dialog" title={labels.t('register:action.correct')} onClose={props.onClose} testId="dialog-correct">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('register:actionIntro.correct', { code: props.weapon.nationalCode })}</p>
        <Field id="corr-field" label={labels.t('register:correction.field')} required>
          <select id="corr-field" autoFocus {...register('field')}>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {labels.field(f)}
              </option>
            ))}
          </select>
        </Field>
        <p className="reg-correction__current">
          {labels.t('register:correction.current')} <strong data-testid="correction-current">{fieldValueText(labels, field, props.weapon[field])}</strong>
        </p>
        <Field id="corr-value" label={labels.t('register:correction.value')} error={valueError}>
          <WeaponInput key={field} id="corr-value" name="value" kind={FIELD_KIND[field]} register={register} invalid={!!valueError} />
        </Field>
        <Field id="corr-reason" label={labels.t('register:correction.reason')} error={reasonError} required>
          <textarea id="corr-reason" rows={3} aria-invalid={!!reasonError} {...register('reason')} />
        </Field>
        <DialogFooter failure={failure} busy={formState.isSubmitting} submit={labels.t('register:dialog.submit')} cancel={labels.t('register:common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}
