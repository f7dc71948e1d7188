import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import type { JournalHead } from '../../../../shared/contract/app';
import { settingsShape } from '../../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../../shared/result';
import { canManage, useAppStatus, useSession } from '../../../app/navigation';
import { BusyButton } from '../../../components/BusyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyServerErrors } from '../../../components/errors';
import { Field } from '../../../components/Field';
import { call } from '../../../lib/client';
import { BackupsPanel } from '../../backups';
import { groupHex, useCommissionLabels } from '../labels';

const schema = settingsShape.pick({ idleLockMinutes: true, transferMatchDays: true, silentArmouryDays: true });

/** The commission's identity, its alert thresholds and lock delay (managers edit), and its journal's fingerprint. */
export function CommissionSettingsScreen(props: { onChange: () => Promise<void> }) {
  const l = useCommissionLabels();
  const session = useSession();
  const { armoury } = useAppStatus();
  const manager = canManage(session);
  const [head, setHead] = useState<JournalHead | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { idleLockMinutes: session.idleLockMinutes, transferMatchDays: 30, silentArmouryDays: 45 } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    void call('journal.head', {}).then((r) => (r.ok ? setHead(r.value) : setError(r.error)));
    void call('settings.get', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      form.reset({ idleLockMinutes: r.value.idleLockMinutes, transferMatchDays: r.value.transferMatchDays, silentArmouryDays: r.value.silentArmouryDays });
      setLoaded(true);
    });
  }, [form]);

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    setError(null);
    const r = await call('settings.update', values);
    if (!r.ok) {
      if (!applyServerErrors(form.setError, r.error)) setError(r.error);
      return;
    }
    form.reset({ idleLockMinutes: r.value.idleLockMinutes, transferMatchDays: r.value.transferMatchDays, silentArmouryDays: r.value.silentArmouryDays });
    setSaved(true);
    await props.onChange();
  });

  return (
    <section className="page cm-page" aria-labelledby="cm-settings-title">
      <h1 id="cm-settings-title">{l.t('settings.title')}</h1>
      <ErrorBanner error={error} />
      <section className="panel" aria-labelledby="cm-settings-identity">
        <h2 id="cm-settings-identity">{l.t('settings.identity')}</h2>
        {armoury ? (
          <dl className="facts">
            <dt>{l.t('setup:commission.code')}</dt>
            <dd className="code">{armoury.code}</dd>
            <dt>{l.t('setup:commission.name')}</dt>
            <dd>{armoury.name}</dd>
            <dt>{l.t('setup:commission.language')}</dt>
            <dd>{l.t(`enums:language.${armoury.language}`)}</dd>
          </dl>
        ) : null}
      </section>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <section className="panel" aria-labelledby="cm-settings-alerts">
          <h2 id="cm-settings-alerts">{l.t('settings.alerts')}</h2>
          <p className="hint">{l.t('settings.alertsIntro')}</p>
          <div className="form">
            <NumberField id="cm-transfer-days" label={l.t('settings.transferMatchDays')} hint={l.t('settings.transferMatchHint')} error={errors.transferMatchDays as FieldError | undefined} input={form.register('transferMatchDays')} readOnly={!manager || !loaded} />
            <NumberField id="cm-silent-days" label={l.t('settings.silentArmouryDays')} hint={l.t('settings.silentArmouryHint')} error={errors.silentArmouryDays as FieldError | undefined} input={form.register('silentArmouryDays')} readOnly={!manager || !loaded} />
            <NumberField id="cm-idle-lock" label={l.t('accounts:settings.idleLockMinutes')} hint={l.t('accounts:settings.idleLockHint')} error={errors.idleLockMinutes as FieldError | undefined} input={form.register('idleLockMinutes')} readOnly={!manager || !loaded} max={240} />
            {manager ? (
              <div className="form__actions">
                <BusyButton busy={isSubmitting} testId="settings-save">
                  {l.t('common:save')}
                </BusyButton>
                {saved ? (
                  <span className="hint" role="status" data-testid="settings-saved">
                    {l.t('accounts:settings.saved')}
                  </span>
                ) : null}
              </div>
            ) : (
              <p className="hint">{l.t('settings.managersOnly')}</p>
            )}
          </div>
        </section>
      </form>
      <BackupsPanel />
      <section className="panel" aria-labelledby="cm-settings-journal">
        <h2 id="cm-settings-journal">{l.t('settings.journal')}</h2>
        <p className="hint">{l.t('settings.journalIntro')}</p>
        {head ? (
          <dl className="facts" data-testid="journal-head">
            <dt>{l.t('settings.events')}</dt>
            <dd data-testid="journal-seq">{l.number(head.seq)}</dd>
            <dt>{l.t('settings.hash')}</dt>
            <dd className="code hash" data-testid="journal-hash">
              {groupHex(head.hash, 8)}
            </dd>
          </dl>
        ) : null}
      </section>
    </section>
  );
}

function NumberField(props: { id: string; label: string; hint: string; error: FieldError | undefined; input: UseFormRegisterReturn; readOnly: boolean; max?: number }) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} required>
      <input id={props.id} type="number" min={1} max={props.max ?? 365} inputMode="numeric" readOnly={props.readOnly} {...props.input} />
    </Field>
  );
}
