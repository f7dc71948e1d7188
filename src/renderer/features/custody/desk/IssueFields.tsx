import type { UseFormReturn } from 'react-hook-form';
import { DeskField } from './DeskField';
import type { IssueValues } from './IssueScreen';
import { NAV } from './keyboard';
import { useDeskLabels } from './labels';

/** Checkout (back the same day at an expected time) or a long-term assignment (until withdrawn). */
export function KindField(props: { form: UseFormReturn<IssueValues> }) {
  const labels = useDeskLabels();
  return (
    <div className="desk-kind">
      <DeskField id="issue-kind" label={labels.t('issue.kindLabel')} hint={labels.t(`issue.kindHint.${props.form.watch('kind')}`)}>
        <select id="issue-kind" {...props.form.register('kind')} {...NAV} data-testid="issue-kind">
          <option value="checkout">{labels.kind('checkout')}</option>
          <option value="assignment">{labels.kind('assignment')}</option>
        </select>
      </DeskField>
    </div>
  );
}

/** Duty, when it comes back, a note, and the officer's acknowledgement (their service number again). */
export function IssueFields(props: { form: UseFormReturn<IssueValues> }) {
  const labels = useDeskLabels();
  const { register, formState, watch } = props.form;
  const errors = formState.errors;
  const checkout = watch('kind') === 'checkout';
  return (
    <fieldset className="desk-section" data-testid="issue-details">
      <legend>{labels.t('issue.details')}</legend>
      <div className="desk-grid">
        <DeskField id="issue-duty" label={labels.t('issue.duty')} error={errors.duty} required>
          <input id="issue-duty" type="text" autoComplete="off" aria-invalid={!!errors.duty} {...register('duty')} {...NAV} data-testid="issue-duty" />
        </DeskField>
        {checkout ? (
          <DeskField id="issue-expected" label={labels.t('issue.expectedReturn')} error={errors.expectedReturn} required>
            <input id="issue-expected" type="datetime-local" aria-invalid={!!errors.expectedReturn} {...register('expectedReturn')} {...NAV} data-testid="issue-expected" />
          </DeskField>
        ) : (
          <p className="desk-muted desk-assignment" data-testid="issue-assignment-note">
            {labels.t('issue.assignmentNote')}
          </p>
        )}
        <DeskField id="issue-note" label={labels.t('issue.note')} error={errors.note} className="desk-grid__wide">
          <input id="issue-note" type="text" autoComplete="off" aria-invalid={!!errors.note} {...register('note')} {...NAV} data-testid="issue-note" />
        </DeskField>
        <DeskField id="issue-ack" label={labels.t('issue.acknowledgement')} hint={labels.t('issue.acknowledgementHint')} error={errors.acknowledgement} required>
          <input
            id="issue-ack"
            className="input--code"
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={!!errors.acknowledgement}
            {...register('acknowledgement')}
            {...NAV}
            data-testid="issue-ack"
          />
        </DeskField>
      </div>
    </fieldset>
  );
}
