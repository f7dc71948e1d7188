import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldError, type UseFormReturn } from 'react-hook-form';
import { contract } from '../../../shared/contract';
import type { BackupSettings, BackupStatus } from '../../../shared/domain/backup';
import type { AppErrorShape } from '../../../shared/result';
import type { z } from '../../../shared/validation';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';
import { useBackupLabels } from './labels';

const schema = contract['backups.configure'].input;
type Form = UseFormReturn<z.input<typeof schema>>;

const values = (s: BackupSettings) => ({ daily: s.daily, onClose: s.onClose, keep: s.keep, warnAfterDays: s.warnAfterDays });

/** When backups are made (daily, on close), how many are kept, and when the dashboards warn. */
export function ScheduleForm(props: { status: BackupStatus; onSaved: (status: BackupStatus) => void }) {
  const { t } = useBackupLabels();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: values(props.status.settings) });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    setSaved(false);
    setError(null);
    const r = await call('backups.configure', { daily: input.daily, onClose: input.onClose, keep: input.keep, warnAfterDays: input.warnAfterDays });
    if (!r.ok) {
      if (!applyServerErrors(form.setError, r.error)) setError(r.error);
      return;
    }
    form.reset(values(r.value.settings));
    setSaved(true);
    props.onSaved(r.value);
  });

  return (
    <form className="backup-block" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="backup-schedule-title" data-testid="backup-schedule">
      <h3 id="backup-schedule-title">{t('schedule.title')}</h3>
      <div className="form backup-ticks">
        <Tick form={form} name="daily" label={t('schedule.daily')} hint={t('schedule.dailyHint')} />
        <Tick form={form} name="onClose" label={t('schedule.onClose')} hint={t('schedule.onCloseHint')} />
      </div>
      <div className="form form--inline">
        <NumberField form={form} name="keep" label={t('schedule.keep')} hint={t('schedule.keepHint')} />
        <NumberField form={form} name="warnAfterDays" label={t('schedule.warnAfterDays')} hint={t('schedule.warnAfterHint')} />
      </div>
      <div className="form__actions">
        <BusyButton busy={isSubmitting} testId="backup-schedule-save">
          {t('schedule.save')}
        </BusyButton>
        {saved ? (
          <span className="hint" role="status" data-testid="backup-schedule-saved">
            {t('schedule.saved')}
          </span>
        ) : null}
      </div>
      <ErrorBanner error={error} />
    </form>
  );
}

function Tick(props: { form: Form; name: 'daily' | 'onClose'; label: string; hint: string }) {
  const id = `backup-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="backup-tick">
        <input id={id} type="checkbox" aria-describedby={`${id}-hint`} data-testid={id} {...props.form.register(props.name)} />
        {props.label}
      </label>
      <small className="field__hint" id={`${id}-hint`}>
        {props.hint}
      </small>
    </div>
  );
}

function NumberField(props: { form: Form; name: 'keep' | 'warnAfterDays'; label: string; hint: string }) {
  const id = `backup-${props.name}`;
  return (
    <Field id={id} label={props.label} hint={props.hint} error={props.form.formState.errors[props.name] as FieldError | undefined} required>
      <input id={id} type="number" min={1} max={365} inputMode="numeric" {...props.form.register(props.name)} />
    </Field>
  );
}
