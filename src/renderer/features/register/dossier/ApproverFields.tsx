import type { FieldError, UseFormReturn } from 'react-hook-form';
import { Field } from '../../../components/Field';
import { useLabels } from '../labels';
import type { DialogValues } from './useActionForm';

/**
 * The two-person rule in the same dialog: a second account types its own username and password.
 * Browsers must not fill these from the first person's saved login.
 */
export function ApproverFields(props: { form: UseFormReturn<DialogValues> }) {
  const labels = useLabels();
  const { register, formState } = props.form;
  const errors = formState.errors.approver as { username?: FieldError; password?: FieldError } | undefined;
  return (
    <fieldset className="reg-approver" data-testid="approver">
      <legend>{labels.t('register:approver.title')}</legend>
      <p className="reg-approver__note">{labels.t('register:approver.note')}</p>
      <Field id="approver-username" label={labels.t('register:approver.username')} error={errors?.username} required>
        <input id="approver-username" type="text" autoComplete="off" spellCheck={false} aria-invalid={!!errors?.username} {...register('approver.username')} />
      </Field>
      <Field id="approver-password" label={labels.t('register:approver.password')} error={errors?.password} required>
        <input id="approver-password" type="password" autoComplete="new-password" aria-invalid={!!errors?.password} {...register('approver.password')} />
      </Field>
    </fieldset>
  );
}
