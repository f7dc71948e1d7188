import { useEffect, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import type { CaseRow } from '../../../../shared/contract/custody';
import type { UserRow } from '../../../../shared/domain/accounts';
import { canManage, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { useOpForm } from '../officers/useOpForm';
import { useCaseLabels } from './labels';

/** Accounts a case may be given to: active ones, and whoever holds it now. */
function owners(users: UserRow[], current: number): UserRow[] {
  return users.filter((u) => u.active || u.id === current);
}

/**
 * While a case is open its explanation is written as the investigation goes, and a manager (who
 * may read the accounts) can hand it to another owner. Other roles keep the owner as it is.
 */
export function CaseUpdateForm(props: { row: CaseRow; onDone: (row: CaseRow) => void }) {
  const labels = useCaseLabels();
  const session = useSession();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const manage = canManage(session);
  useEffect(() => {
    if (!manage) return;
    void call('users.list', {}).then((r) => r.ok && setUsers(r.value));
  }, [manage]);

  const defaults = { id: props.row.id, explanation: props.row.explanation, ...(manage ? { ownerId: props.row.owner.id } : {}) };
  // The owner is sent only when it changes: keeping a disabled account as owner is not a new choice.
  const { form, submit, failure } = useOpForm('cases.update', defaults, props.onDone, ({ ownerId, ...rest }) =>
    ownerId === undefined || ownerId === props.row.owner.id ? rest : { ...rest, ownerId },
  );
  const { register, formState } = form;
  const error = (name: string) => formState.errors[name] as FieldError | undefined;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="custody-form" aria-labelledby="case-update-title" data-testid="case-update">
      <h2 id="case-update-title">{labels.t('update.title')}</h2>
      <Field id="case-explanation" label={labels.t('field.explanation')} hint={labels.t('update.explanationHint')} error={error('explanation')}>
        <textarea id="case-explanation" rows={4} aria-invalid={!!error('explanation')} {...register('explanation')} />
      </Field>
      {manage && users ? (
        <Field id="case-owner" label={labels.t('field.owner')} error={error('ownerId')}>
          <select id="case-owner" aria-invalid={!!error('ownerId')} {...register('ownerId', { setValueAs: (v: unknown) => (v === '' || v === undefined ? undefined : Number(v)) })}>
            {owners(users, props.row.owner.id).map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.fullName} (${u.username}) · ${labels.role(u.role)}`}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <p className="custody-muted">{labels.t('update.owner', { name: props.row.owner.fullName, username: props.row.owner.username })}</p>
      )}
      <ErrorBanner error={failure} testId="case-update-error" />
      <div className="reg-form__actions">
        <button type="submit" className="reg-button" disabled={formState.isSubmitting} data-testid="case-save">
          {labels.t('update.submit')}
        </button>
      </div>
    </form>
  );
}
