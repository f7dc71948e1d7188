import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldError, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { JournalHead } from '../../../shared/contract/app';
import type { Settings } from '../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../shared/result';
import type { z } from '../../../shared/validation';
import { canManage, useAppStatus, useSession } from '../../app/navigation';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useLanguage } from '../../components/useLanguage';
import { formatNumber } from '../../i18n/format';
import { call } from '../../lib/client';
import { BackupsPanel } from '../backups';
import { SigningKeyPanel } from '../snapshots';

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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const manager = canManage(session);

  const form = useForm({ resolver: zodResolver(schema), defaultValues: { idleLockMinutes: session.idleLockMinutes } });
  const { isSubmitting } = form.formState;

  useEffect(() => {
    void call('journal.head', {}).then((r) => (r.ok ? setHead(r.value) : setError(r.error)));
    void call('settings.get', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setSettings(r.value);
      form.reset(r.value);
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
    form.reset(r.value);
    setSettings(r.value);
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

      {manager ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <section className="panel" aria-labelledby="settings-lock">
            <h2 id="settings-lock">{t('settings.lock')}</h2>
            <p className="hint">{t('settings.lockIntro')}</p>
            <div className="form form--inline">
              <NumberSetting form={form} name="idleLockMinutes" id="settings-idle" label={t('settings.idleLockMinutes')} hint={t('settings.idleLockHint')} max={240} />
            </div>
          </section>
          <section className="panel" aria-labelledby="settings-custody">
            <h2 id="settings-custody">{t('settings.custody')}</h2>
            <p className="hint">{t('settings.custodyIntro')}</p>
            <div className="form">
              <NumberSetting form={form} name="caseDeadlineHours" id="settings-case-deadline" label={t('settings.caseDeadlineHours')} hint={t('settings.caseDeadlineHint')} max={720} disabled={!settings} />
              <div className="field">
                <label htmlFor="settings-countersign" style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
                  <input
                    id="settings-countersign"
                    type="checkbox"
                    // The shared field style stretches inputs across the form; a tick box keeps its size.
                    style={{ width: '1.2rem', minHeight: 0, height: '1.2rem', margin: 0 }}
                    disabled={!settings}
                    aria-describedby="settings-countersign-hint"
                    data-testid="settings-countersign"
                    {...form.register('countersignIssues')}
                  />
                  {t('settings.countersignIssues')}
                </label>
                <small className="field__hint" id="settings-countersign-hint">
                  {t('settings.countersignHint')}
                </small>
              </div>
            </div>
          </section>
          <section className="panel" aria-labelledby="settings-checks">
            <h2 id="settings-checks">{t('settings.checks')}</h2>
            <p className="hint">{t('settings.checksIntro')}</p>
            <div className="form">
              <NumberSetting form={form} name="fullInventoryMonths" id="settings-full-months" label={t('settings.fullInventoryMonths')} hint={t('settings.fullInventoryHint')} max={24} disabled={!settings} />
              <NumberSetting form={form} name="spotCheckDays" id="settings-spot-days" label={t('settings.spotCheckDays')} hint={t('settings.spotCheckHint')} max={365} disabled={!settings} />
              <div className="form__actions">
                <BusyButton busy={isSubmitting} testId="settings-save">
                  {t('common:save')}
                </BusyButton>
                {saved ? (
                  <span className="hint" role="status" data-testid="settings-saved">
                    {t('settings.saved')}
                  </span>
                ) : null}
              </div>
            </div>
          </section>
        </form>
      ) : (
        <>
          <section className="panel" aria-labelledby="settings-lock">
            <h2 id="settings-lock">{t('settings.lock')}</h2>
            <p className="hint">{t('settings.lockIntro')}</p>
            <p data-testid="settings-idle-readonly">
              {t('settings.idleLockValue', { count: session.idleLockMinutes })} <span className="hint">{t('settings.managersOnly')}</span>
            </p>
          </section>
          <section className="panel" aria-labelledby="settings-custody">
            <h2 id="settings-custody">{t('settings.custody')}</h2>
            <p className="hint">{t('settings.custodyIntro')}</p>
            {settings ? (
              <ul data-testid="settings-custody-readonly">
                <li>{t('settings.caseDeadlineValue', { count: settings.caseDeadlineHours, n: formatNumber(settings.caseDeadlineHours, language) })}</li>
                <li>{t(settings.countersignIssues ? 'settings.countersignOn' : 'settings.countersignOff')}</li>
              </ul>
            ) : null}
            <p className="hint">{t('settings.managersOnly')}</p>
          </section>
          <section className="panel" aria-labelledby="settings-checks">
            <h2 id="settings-checks">{t('settings.checks')}</h2>
            <p className="hint">{t('settings.checksIntro')}</p>
            {settings ? (
              <ul data-testid="settings-checks-readonly">
                <li>{t('settings.fullInventoryValue', { count: settings.fullInventoryMonths, n: formatNumber(settings.fullInventoryMonths, language) })}</li>
                <li>{t('settings.spotCheckValue', { count: settings.spotCheckDays, n: formatNumber(settings.spotCheckDays, language) })}</li>
              </ul>
            ) : null}
            <p className="hint">{t('settings.managersOnly')}</p>
          </section>
        </>
      )}

      <BackupsPanel />

      <SigningKeyPanel />

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

type SettingsForm = UseFormReturn<z.input<typeof schema>>;
type NumberName = 'idleLockMinutes' | 'caseDeadlineHours' | 'fullInventoryMonths' | 'spotCheckDays';

/** A whole-number setting from 1 to `max`, with its hint and its error in place. */
function NumberSetting(props: { form: SettingsForm; name: NumberName; id: string; label: string; hint: string; max: number; disabled?: boolean }) {
  const error = props.form.formState.errors[props.name] as FieldError | undefined;
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={error} required>
      <input id={props.id} type="number" min={1} max={props.max} inputMode="numeric" disabled={props.disabled} {...props.form.register(props.name)} />
    </Field>
  );
}
