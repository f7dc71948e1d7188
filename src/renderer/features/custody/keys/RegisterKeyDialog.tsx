import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import type { KeyRow } from '../../../../shared/contract/custody';
import type { UserRow } from '../../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../../shared/result';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyServerErrors } from '../../../components/errors';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { useHandoverLabels } from '../handover/labels';

const schema = contract['keys.register'].input;
/** The select gives text; '' stays missing so the form says "required". */
type Values = { code: string; opens: string; holderId: string };

/** A manager registers a key: its code, what it opens, who holds it now (an active account). */
export function RegisterKeyDialog(props: { onClose: () => void; onDone: (key: KeyRow) => void }) {
  const labels = useHandoverLabels();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema) as never,
    defaultValues: { code: '', opens: '', holderId: '' },
  });
  const errors = form.formState.errors;

  useEffect(() => {
    void call('users.list', {}).then((r) => (r.ok ? setUsers(r.value.filter((u) => u.active)) : setFailure(r.error)));
  }, []);

  // The resolver sees the holder as a number; the select keeps its text.
  const holderField = form.register('holderId', { setValueAs: (v: unknown) => (v === '' || v === undefined ? undefined : Number(v)) });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const input = values as unknown as { code: string; opens: string; holderId: number };
    const r = await call('keys.register', input);
    if (r.ok) return props.onDone(r.value);
    if (!applyServerErrors(form.setError, r.error) || r.error.kind !== 'validation') setFailure(r.error);
  });

  return (
    <Dialog title={labels.t('keys.registerTitle')} onClose={props.onClose} testId="key-dialog" className="reg-dialog">
      <form className="reg-dialog__form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id="key-code" label={labels.t('keys.code')} hint={labels.t('keys.codeHint')} error={errors.code as FieldError | undefined} required>
          <input id="key-code" type="text" autoComplete="off" spellCheck={false} aria-invalid={!!errors.code} {...form.register('code')} />
        </Field>
        <Field id="key-opens" label={labels.t('keys.opens')} hint={labels.t('keys.opensHint')} error={errors.opens as FieldError | undefined} required>
          <input id="key-opens" type="text" autoComplete="off" aria-invalid={!!errors.opens} {...form.register('opens')} />
        </Field>
        <Field id="key-holder" label={labels.t('keys.holder')} error={errors.holderId as FieldError | undefined} required>
          <select id="key-holder" aria-invalid={!!errors.holderId} {...holderField}>
            <option value="">{labels.t('common.choose')}</option>
            {(users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {labels.t('keys.userOption', { name: u.fullName, username: u.username, role: labels.role(u.role) })}
              </option>
            ))}
          </select>
        </Field>
        <ErrorBanner error={failure} testId="key-error" />
        <div className="reg-dialog__actions">
          <button type="submit" className="reg-button reg-button--primary" disabled={form.formState.isSubmitting} data-testid="key-submit">
            {labels.t('keys.submit')}
          </button>
          <button type="button" className="reg-button" onClick={props.onClose}>
            {labels.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
