import type { FormEvent, ReactNode } from 'react';
import { get, type FieldError, type FieldErrors, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { AppErrorShape } from '../../../shared/result';
import { Dialog } from '../../components/Dialog';
import { ApproverFields } from '../register/dossier/ApproverFields';
import type { DialogValues } from '../register/dossier/useActionForm';
import { useAmmoErrors } from './errors';
import { useAmmoLabels } from './labels';

/** The first error found at any of these paths (a picker shows the errors of every path it fills). */
export function errorAt(errors: FieldErrors, ...paths: string[]): FieldError | undefined {
  for (const p of paths) {
    const e = get(errors, p) as (FieldError & Record<string, unknown>) | undefined;
    if (e && typeof e.message === 'string') return e;
  }
  return undefined;
}

/**
 * The frame of every ammunition dialog: title, one line saying what it does, the fields, the
 * second person when the rule asks for one, core's refusal in words, and the buttons.
 */
export function FormDialog<V extends FieldValues>(props: {
  title: string;
  intro?: ReactNode;
  form: UseFormReturn<V>;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  failure: AppErrorShape | null;
  twoPerson?: boolean;
  submitLabel?: string;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const labels = useAmmoLabels();
  const errors = useAmmoErrors();
  const busy = props.form.formState.isSubmitting;
  return (
    <Dialog className={`reg-dialog ammo-dialog${props.wide ? ' ammo-dialog--wide' : ''}`} title={props.title} onClose={props.onClose} testId={props.testId}>
      <form onSubmit={props.onSubmit} noValidate className="reg-dialog__form">
        {props.intro ? <p className="reg-dialog__intro">{props.intro}</p> : null}
        {props.children}
        {props.twoPerson ? <ApproverFields form={props.form as unknown as UseFormReturn<DialogValues>} /> : null}
        {props.failure ? (
          <p role="alert" className="reg-error ammo-refusal" data-testid="dialog-error" data-code={props.failure.code}>
            {errors.operation(props.failure)}
          </p>
        ) : null}
        <div className="reg-dialog__actions">
          <button type="submit" className={`reg-button reg-button--primary${props.twoPerson ? ' reg-button--danger' : ''}`} disabled={busy} aria-busy={busy}>
            {props.submitLabel ?? labels.t(props.twoPerson ? 'action.confirmTwoPerson' : 'action.submit')}
          </button>
          <button type="button" className="reg-button" onClick={props.onClose}>
            {labels.t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
