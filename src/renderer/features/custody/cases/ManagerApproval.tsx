import type { FieldError, UseFormReturn } from 'react-hook-form';
import { Field } from '../../../components/Field';
import type { FormValues } from '../officers/useOpForm';
import { useCaseLabels } from './labels';

/**
 * A manager approves in the same dialog with their own username and password (it may be the
 * signed-in manager typing theirs again). Browsers must not fill these from a saved login.
 */
export function ManagerApproval(props: { form: UseFormReturn<FormValues> }) {
  const labels = useCaseLabels();
  const { register, formState } = props.form;
  const errors = formState.errors.approver as { username?: FieldError; password?: FieldError } | undefined;
  return (
    <fieldset className="reg-approver" data-testid="approver">
      <legend>{labels.t('approval.title')}</legend>
      <p className="reg-approver__note">{labels.t('approval.note')}</p>
      <Field id="approver-username" label={labels.t('approval.username')} error={errors?.username} required>
        <input id="approver-username" type="text" autoComplete="off" spellCheck={false} aria-invalid={!!errors?.username} {...register('approver.username')} />
      </Field>
      <Field id="approver-password" label={labels.t('approval.password')} error={errors?.password} required>
        <input id="approver-password" type="password" autoComplete="new-password" aria-invalid={!!errors?.password} {...register('approver.password')} />
      </Field>
    </fieldset>
  );
}
