import type { FieldError } from 'react-hook-form';
import type { CaseDossier, CaseRow } from '../../../../shared/contract/custody';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { DialogFooter } from '../../register/dossier/DialogFooter';
import { useOpForm } from '../officers/useOpForm';
import { useCaseLabels } from './labels';
import { ManagerApproval } from './ManagerApproval';

/**
 * Closes a case with one of the outcomes that fit it, an explanation, a reference for rounds
 * fired, and a manager's approval typed in the same dialog.
 */
export function CloseCaseDialog(props: { dossier: CaseDossier; onClose: () => void; onDone: (row: CaseRow) => void }) {
  const labels = useCaseLabels();
  const c = props.dossier.case;
  const defaults = { id: c.id, outcome: '', explanation: c.explanation, reference: '', approver: { username: '', password: '' } };
  const { form, submit, failure } = useOpForm('cases.close', defaults, props.onDone);
  const { register, formState, watch } = form;
  const outcome = watch('outcome') as string;
  const error = (name: string) => formState.errors[name] as FieldError | undefined;
  return (
    <Dialog className="reg-dialog" title={labels.t('close.title', { id: c.id })} onClose={props.onClose} testId="close-case-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('close.intro', { what: labels.what(c) })}</p>
        <Field id="close-outcome" label={labels.t('field.outcome')} error={error('outcome')} required>
          <select id="close-outcome" autoFocus aria-invalid={!!error('outcome')} aria-describedby="close-effect" {...register('outcome')}>
            <option value="">{labels.t('close.choose')}</option>
            {props.dossier.outcomes.map((o) => (
              <option key={o} value={o}>
                {labels.outcome(o)}
              </option>
            ))}
          </select>
        </Field>
        <p id="close-effect" className="custody-hint" aria-live="polite" data-testid="close-effect">
          {outcome ? labels.t(`effect.${c.subject}.${outcome}`) : null}
        </p>
        <Field id="close-explanation" label={labels.t('field.explanation')} error={error('explanation')} required>
          <textarea id="close-explanation" rows={3} aria-invalid={!!error('explanation')} {...register('explanation')} />
        </Field>
        {outcome === 'expended' ? (
          <Field id="close-reference" label={labels.t('field.reference')} hint={labels.t('close.referenceHint')} error={error('reference')} required>
            <input id="close-reference" type="text" autoComplete="off" aria-invalid={!!error('reference')} {...register('reference')} />
          </Field>
        ) : null}
        <ManagerApproval form={form} />
        <DialogFooter failure={failure} busy={formState.isSubmitting} danger submit={labels.t('close.submit')} cancel={labels.t('common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}
