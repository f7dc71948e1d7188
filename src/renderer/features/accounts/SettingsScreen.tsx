import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { JournalHead } from '../../../shared/contract/app';
import type { AppErrorShape } from '../../../shared/result';
import { canManage, useAppStatus, useSession } from '../../app/navigation';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useLanguage } from '../../components/useLanguage';
import { formatNumber } from '../../i18n/format';
import { call } from '../../lib/client';

const schema = contract['settings.update'].input;

/** Groups of 8 hex digits: easier to read aloud and compare with a printout. */
const groupHash = (hash: string) => hash.match(/.{1,8}/g)?.join(' ') ?? hash;

/** The armoury's identity, its settings (managers edit, others read) and the record's fingerprint. */
export function SettingsScreen(props: { onChange: () => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const language = useLanguage();
  const session = useSession();
  const { armoury } = useAppStatus();
  const [head, setHead] = useState<JournalHead | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const manager = canManage(session);

  const form = useForm({ resolver: zodResolver(schema), defaultValues: { idleLockMinutes: session.idleLockMinutes } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    void call('journal.head', {}).then((r) => (r.ok ? setHead(r.value) : setError(r.error)));
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    setError(null);
    const r = await call('settings.update', values);
    if (!r.ok) {
      if (!applyServerErrors(form.setError, r.error)) setError(r.error);
      return;
    }
    form.reset({ idleLockMinutes: r.value.idleLockMinutes });
    setSaved(true);
    await props.onChange();
  });

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <ErrorBanner error={error} />

      <section className="panel" aria-labelledby="settings-armoury">
        <h2 id="settings-armoury">{t('settings.armoury')}</h2>
        {armoury ? (
          <dl className="facts">
            <dt>{t('setup:create.code')}</dt>
            <dd className="code">{armoury.code}</dd>
            <dt>{t('setup:create.name')}</dt>
            <dd>{armoury.name}</dd>
            <dt>{t('setup:create.agency')}</dt>
            <dd>{t(`enums:agency.${armoury.agency}`)}</dd>
            <dt>{t('setup:create.region')}</dt>
            <dd>{armoury.region}</dd>
            <dt>{t('setup:create.language')}</dt>
            <dd>{t(`enums:language.${armoury.language}`)}</dd>
          </dl>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="settings-lock">
        <h2 id="settings-lock">{t('settings.lock')}</h2>
        <p className="hint">{t('settings.lockIntro')}</p>
        {manager ? (
          <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
            <Field id="settings-idle" label={t('settings.idleLockMinutes')} hint={t('settings.idleLockHint')} error={errors.idleLockMinutes as FieldError | undefined} required>
              <input id="settings-idle" type="number" min={1} max={240} inputMode="numeric" {...form.register('idleLockMinutes')} />
            </Field>
            <BusyButton busy={isSubmitting} testId="settings-save">
              {t('common:save')}
            </BusyButton>
            {saved ? (
              <span className="hint" role="status" data-testid="settings-saved">
                {t('settings.saved')}
              </span>
            ) : null}
          </form>
        ) : (
          <p data-testid="settings-idle-readonly">
            {t('settings.idleLockValue', { count: session.idleLockMinutes })} <span className="hint">{t('settings.managersOnly')}</span>
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="settings-fingerprint">
        <h2 id="settings-fingerprint">{t('settings.fingerprint')}</h2>
        <p className="hint">{t('settings.fingerprintIntro')}</p>
        {head ? (
          <dl className="facts" data-testid="journal-head">
            <dt>{t('settings.events')}</dt>
            <dd data-testid="journal-seq">{formatNumber(head.seq, language)}</dd>
            <dt>{t('settings.hash')}</dt>
            <dd className="code hash" data-testid="journal-hash">
              {groupHash(head.hash)}
            </dd>
          </dl>
        ) : null}
      </section>
    </section>
  );
}
