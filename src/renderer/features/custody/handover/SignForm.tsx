import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import type { HandoverResult, HandoverWeapon, KeyRow } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyServerErrors } from '../../../components/errors';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { ConfirmHandover } from './ConfirmHandover';
import { useHandoverLabels } from './labels';
import type { UnexpectedItem } from './useCount';

/** What the incoming storekeeper types here; the count and the keys come from the screen. */
const schema = contract['handover.record'].input.pick({ incoming: true, note: true });
type Values = { incoming: { username: string; password: string }; note: string };

/**
 * The end of the count: the keys handed over, the incoming storekeeper's own credentials (the
 * second signature), a note; then a confirmation that lists what is missing before anything is
 * recorded.
 */
export function SignForm(props: {
  counted: readonly number[];
  missing: readonly HandoverWeapon[];
  unexpected: readonly UnexpectedItem[];
  keys: readonly KeyRow[];
  onDone: (result: HandoverResult) => void;
}) {
  const labels = useHandoverLabels();
  const [keys, setKeys] = useState<ReadonlySet<number>>(() => new Set(props.keys.map((k) => k.id)));
  const [pending, setPending] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema) as never,
    defaultValues: { incoming: { username: '', password: '' }, note: '' },
  });
  const errors = form.formState.errors;

  const record = async () => {
    if (!pending) return;
    setBusy(true);
    setFailure(null);
    const r = await call('handover.record', { counted: [...props.counted], keys: [...keys], incoming: pending.incoming, note: pending.note });
    setBusy(false);
    setPending(null);
    if (r.ok) return props.onDone(r.value);
    if (r.error.code.startsWith('approver_')) {
      form.setValue('incoming.password', '');
      form.setFocus('incoming.password');
    }
    // Field errors about the count or the keys have no field here: they are said above the button.
    const onForm = Object.keys(r.error.fields ?? {}).some((path) => path.startsWith('incoming.') || path === 'note');
    if (onForm) applyServerErrors(form.setError, r.error);
    if (!onForm || r.error.kind !== 'validation') setFailure(r.error);
  };

  const toggleKey = (id: number, on: boolean) => {
    const next = new Set(keys);
    if (on) next.add(id);
    else next.delete(id);
    setKeys(next);
  };

  return (
    <form
      className="ho-sign"
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((values) => {
          setFailure(null);
          setPending(values);
        })(e)
      }
      aria-labelledby="ho-sign-title"
    >
      <h2 id="ho-sign-title">{labels.t('sign.title')}</h2>
      <fieldset className="ho-keys" data-testid="handover-keys">
        <legend>{labels.t('sign.keys')}</legend>
        {props.keys.length === 0 ? <p className="ho-muted">{labels.t('sign.noKeys')}</p> : null}
        {props.keys.map((k) => (
          <label key={k.id} className="ho-check">
            <input type="checkbox" checked={keys.has(k.id)} onChange={(e) => toggleKey(k.id, e.target.checked)} data-testid="handover-key" data-key={k.code} />
            <span className="code">{k.code}</span> <span>{k.opens}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="ho-incoming" data-testid="handover-incoming">
        <legend>{labels.t('sign.incoming')}</legend>
        <p className="ho-muted">{labels.t('sign.incomingNote')}</p>
        <Field id="incoming-username" label={labels.t('sign.username')} error={errors.incoming?.username as FieldError | undefined} required>
          <input id="incoming-username" type="text" autoComplete="off" spellCheck={false} aria-invalid={!!errors.incoming?.username} {...form.register('incoming.username')} />
        </Field>
        <Field id="incoming-password" label={labels.t('sign.password')} error={errors.incoming?.password as FieldError | undefined} required>
          <input id="incoming-password" type="password" autoComplete="new-password" aria-invalid={!!errors.incoming?.password} {...form.register('incoming.password')} />
        </Field>
      </fieldset>
      <Field id="handover-note" label={labels.t('sign.note')} error={errors.note as FieldError | undefined}>
        <textarea id="handover-note" rows={2} maxLength={500} {...form.register('note')} />
      </Field>
      <ErrorBanner error={failure} testId="handover-error" />
      <div className="reg-form__actions">
        <button type="submit" className="reg-button reg-button--primary" data-testid="handover-submit">
          {labels.t('sign.submit')}
        </button>
      </div>
      {pending ? (
        <ConfirmHandover
          missing={props.missing}
          unexpected={props.unexpected}
          keys={props.keys.filter((k) => keys.has(k.id))}
          incoming={pending.incoming.username}
          busy={busy}
          onConfirm={() => void record()}
          onClose={() => setPending(null)}
        />
      ) : null}
    </form>
  );
}
