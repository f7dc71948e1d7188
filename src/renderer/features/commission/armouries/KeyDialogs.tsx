import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import type { NationalArmoury, RegistryKey } from '../../../../shared/contract/commission';
import type { AppErrorShape } from '../../../../shared/result';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyServerErrors } from '../../../components/errors';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';

const enrolSchema = contract['commission.enrol'].input;
const revokeSchema = contract['commission.revokeKey'].input.pick({ reason: true });
const acceptSchema = contract['commission.acceptRotation'].input.pick({ fingerprint: true });

function Actions(props: { busy: boolean; disabled?: boolean; danger?: boolean; onClose: () => void; children: ReactNode }) {
  const l = useCommissionLabels();
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={props.onClose} disabled={props.busy}>
        {l.t('common:cancel')}
      </button>
      <button
        type="submit"
        className={props.danger ? 'button button--danger' : 'button button--primary'}
        disabled={props.busy || props.disabled === true}
        aria-busy={props.busy}
        data-testid="dialog-submit"
      >
        {props.busy ? <span className="spinner" aria-hidden="true" /> : null}
        {props.children}
      </button>
    </div>
  );
}

/** The fingerprint as typed from paper: spaces and case do not matter, the field says so. */
function FingerprintField(props: { error: FieldError | undefined; input: UseFormRegisterReturn; autoFocus?: boolean }) {
  const l = useCommissionLabels();
  return (
    <Field id="key-fingerprint" label={l.t('keys.fingerprint')} hint={l.t('keys.fingerprintHint')} error={props.error} required>
      <input id="key-fingerprint" className="input--code" autoComplete="off" spellCheck={false} autoFocus={props.autoFocus ?? false} {...props.input} />
    </Field>
  );
}

/** Enrolment from the armoury's key registration certificate: its public key, and the fingerprint typed from paper. */
export function EnrolDialog(props: { onClose: () => void; onDone: (armoury: NationalArmoury) => void }) {
  const l = useCommissionLabels();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(enrolSchema), defaultValues: { armoury: '', name: '', publicKey: '', fingerprint: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await call('commission.enrol', values);
    if (r.ok) return props.onDone(r.value);
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={l.t('enrol.title')} onClose={props.onClose} testId="enrol-dialog" className="dialog cm-dialog--wide">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{l.t('enrol.intro')}</p>
        <Field id="enrol-armoury" label={l.t('enrol.code')} hint={l.t('enrol.codeHint')} error={errors.armoury} required>
          <input id="enrol-armoury" className="input--code" autoFocus autoComplete="off" spellCheck={false} {...form.register('armoury')} />
        </Field>
        <Field id="enrol-name" label={l.t('enrol.name')} error={errors.name} required>
          <input id="enrol-name" autoComplete="off" {...form.register('name')} />
        </Field>
        <Field id="enrol-publicKey" label={l.t('enrol.publicKey')} hint={l.t('enrol.publicKeyHint')} error={errors.publicKey} required>
          <textarea id="enrol-publicKey" className="cm-key-text" rows={3} spellCheck={false} {...form.register('publicKey')} />
        </Field>
        <FingerprintField error={errors.fingerprint} input={form.register('fingerprint')} />
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose}>
          {l.t('enrol.submit')}
        </Actions>
      </form>
    </Dialog>
  );
}

/** Revoking a key: every snapshot it signs is refused from now on; a reason is kept in the journal. */
export function RevokeKeyDialog(props: { armoury: NationalArmoury; k: RegistryKey; onClose: () => void; onDone: () => void }) {
  const l = useCommissionLabels();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const form = useForm({ resolver: zodResolver(revokeSchema), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await call('commission.revokeKey', { keyId: props.k.keyId, reason: values.reason });
    if (r.ok) return props.onDone();
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={l.t('revoke.title', { keyId: props.k.keyId, code: props.armoury.code })} onClose={props.onClose} testId="revoke-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{l.t('revoke.intro', { code: props.armoury.code, name: props.armoury.name })}</p>
        <Field id="revoke-reason" label={l.t('revoke.reason')} hint={l.t('revoke.reasonHint')} error={errors.reason} required>
          <textarea id="revoke-reason" rows={2} autoFocus {...form.register('reason')} />
        </Field>
        <label className="cm-check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="revoke-confirm" />
          {l.t('revoke.confirm')}
        </label>
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} disabled={!confirmed} danger onClose={props.onClose}>
          {l.t('revoke.submit')}
        </Actions>
      </form>
    </Dialog>
  );
}

/** Accepting a rotation: the announced key becomes the armoury's key once its fingerprint matches the new certificate. */
export function AcceptRotationDialog(props: { armoury: NationalArmoury; k: RegistryKey; onClose: () => void; onDone: () => void }) {
  const l = useCommissionLabels();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(acceptSchema), defaultValues: { fingerprint: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await call('commission.acceptRotation', { keyId: props.k.keyId, fingerprint: values.fingerprint });
    if (r.ok) return props.onDone();
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={l.t('accept.title', { code: props.armoury.code })} onClose={props.onClose} testId="accept-dialog" className="dialog cm-dialog--wide">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{l.t('accept.intro', { code: props.armoury.code, name: props.armoury.name })}</p>
        <dl className="facts">
          <dt>{l.t('accept.keyId')}</dt>
          <dd className="code">{props.k.keyId}</dd>
          <dt>{l.t('accept.announced')}</dt>
          <dd>{l.dateTime(props.k.since)}</dd>
          <dt>{l.t('accept.publicKey')}</dt>
          <dd className="code cm-break">{props.k.publicKey}</dd>
        </dl>
        <FingerprintField error={errors.fingerprint} input={form.register('fingerprint')} autoFocus />
        <p className="hint">{l.t('accept.after')}</p>
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose}>
          {l.t('accept.submit')}
        </Actions>
      </form>
    </Dialog>
  );
}

