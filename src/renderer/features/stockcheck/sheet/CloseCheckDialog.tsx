import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import type { CheckReport, CheckRow } from '../../../../shared/contract/stockcheck';
import type { AppErrorShape } from '../../../../shared/result';
import { useSession } from '../../../app/navigation';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyServerErrors } from '../../../components/errors';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { useCheckLabels } from '../labels';

/** What is typed here; the check comes from the screen. */
const schema = contract['stockchecks.close'].input.pick({ witness: true, note: true });
type Values = { witness: { username: string; password: string }; note: string };

/**
 * Closing a check: the counter is the signed-in account, the witness signs with their own
 * account in the same dialog. Core then compares the count with the book as it stood at the
 * start, opens a case per difference and returns the inventory report.
 */
export function CloseCheckDialog(props: {
  check: CheckRow;
  totals: { weapons: [number, number]; lots: [number, number]; unknown: number };
  onClose: () => void;
  onDone: (report: CheckReport) => void;
}) {
  const labels = useCheckLabels();
  const session = useSession();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema) as never, defaultValues: { witness: { username: '', password: '' }, note: '' } });
  const errors = form.formState.errors;
  const busy = form.formState.isSubmitting;
  const { weapons, lots } = props.totals;
  const left = weapons[1] - weapons[0] + (lots[1] - lots[0]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const r = await call('stockchecks.close', { checkId: props.check.id, witness: values.witness, note: values.note });
    if (r.ok) return props.onDone(r.value);
    if (r.error.code.startsWith('approver_')) {
      form.setValue('witness.password', '');
      form.setFocus('witness.password');
    }
    const onForm = Object.keys(r.error.fields ?? {}).some((path) => path.startsWith('witness.') || path === 'note');
    if (onForm) applyServerErrors(form.setError, r.error);
    if (!onForm || r.error.kind !== 'validation') setFailure(r.error);
  });

  return (
    <Dialog title={labels.t('close.title', { id: props.check.id })} onClose={props.onClose} testId="close-check-dialog" className="reg-dialog sc-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('close.intro', { date: labels.dateTime(props.check.startedAt) })}</p>
        <dl className="facts" data-testid="close-summary">
          <dt>{labels.t('sheet.counter.weapons')}</dt>
          <dd>{labels.progress(weapons[0], weapons[1])}</dd>
          <dt>{labels.t('sheet.counter.lots')}</dt>
          <dd>{labels.progress(lots[0], lots[1])}</dd>
          <dt>{labels.t('sheet.counter.unknown')}</dt>
          <dd>{labels.number(props.totals.unknown)}</dd>
        </dl>
        {left > 0 ? (
          <p className="sc-warning" role="note" data-testid="close-uncounted">
            {labels.t('close.uncounted', { count: left, n: labels.number(left) })}
          </p>
        ) : null}
        <p className="sc-counter" data-testid="close-counter">
          <strong>{labels.t('close.counter')}</strong> {labels.t('common.actor', { name: session.fullName, username: session.username })}
        </p>
        <fieldset className="reg-approver" data-testid="close-witness">
          <legend>{labels.t('close.witness')}</legend>
          <p className="reg-approver__note">{labels.t('close.witnessNote')}</p>
          <Field id="witness-username" label={labels.t('close.witnessUsername')} error={errors.witness?.username as FieldError | undefined} required>
            <input id="witness-username" type="text" autoComplete="off" spellCheck={false} autoFocus aria-invalid={!!errors.witness?.username} {...form.register('witness.username')} />
          </Field>
          <Field id="witness-password" label={labels.t('close.witnessPassword')} error={errors.witness?.password as FieldError | undefined} required>
            <input id="witness-password" type="password" autoComplete="new-password" aria-invalid={!!errors.witness?.password} {...form.register('witness.password')} />
          </Field>
        </fieldset>
        <Field id="close-note" label={labels.t('field.note')} error={errors.note as FieldError | undefined}>
          <textarea id="close-note" rows={2} maxLength={500} {...form.register('note')} />
        </Field>
        <ErrorBanner error={failure} testId="close-error" />
        <div className="reg-dialog__actions">
          <button type="submit" className="reg-button reg-button--primary" disabled={busy} aria-busy={busy} data-testid="close-submit">
            {labels.t('close.submit')}
          </button>
          <button type="button" className="reg-button" onClick={props.onClose}>
            {labels.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
