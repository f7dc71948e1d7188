import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { LANGUAGES } from '../../../shared/domain/enums';
import type { AppErrorShape } from '../../../shared/result';
import { useUserLanguage } from '../../app/language';
import { useSession } from '../../app/navigation';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useLanguage } from '../../components/useLanguage';
import { call } from '../../lib/client';
import { useRoleLabel } from '../../components/useRoleLabel';

const schema = contract['auth.changePassword'].input;

/** The signed-in user's own account: who they are, their language, their password. */
export function AccountScreen(_props: { onChange: () => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const roleLabel = useRoleLabel();
  const session = useSession();
  const language = useLanguage();
  const switchLanguage = useUserLanguage();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { current: '', next: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setChanged(false);
    const r = await call('auth.changePassword', values);
    if (r.ok) {
      form.reset();
      setChanged(true);
    } else if (!applyServerErrors(form.setError, r.error)) {
      setError(r.error);
    }
  });

  return (
    <section className="page" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <section className="panel" aria-labelledby="account-who">
        <h2 id="account-who">{t('account.identity')}</h2>
        <dl className="facts">
          <dt>{t('field.username')}</dt>
          <dd className="code">{session.username}</dd>
          <dt>{t('field.fullName')}</dt>
          <dd>{session.fullName}</dd>
          <dt>{t('field.role')}</dt>
          <dd>{roleLabel(session.role)}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="account-language">
        <h2 id="account-language">{t('account.language')}</h2>
        <p className="hint">{t('account.languageIntro')}</p>
        <div className="field">
          <label htmlFor="account-language-select">{t('account.languageLabel')}</label>
          <select id="account-language-select" value={language} onChange={(e) => void switchLanguage(e.target.value === 'en' ? 'en' : 'fr')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`common:endonym.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.password')}</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="password-current" label={t('field.currentPassword')} error={errors.current} required>
            <input id="password-current" type="password" autoComplete="current-password" {...form.register('current')} />
          </Field>
          <Field id="password-next" label={t('field.newPassword')} hint={t('field.passwordHint')} error={errors.next} required>
            <input id="password-next" type="password" autoComplete="new-password" {...form.register('next')} />
          </Field>
          <Field id="password-confirm" label={t('field.passwordConfirm')} error={errors.confirm} required>
            <input id="password-confirm" type="password" autoComplete="new-password" {...form.register('confirm')} />
          </Field>
          <ErrorBanner error={error} />
          {changed ? (
            <p className="banner banner--ok" role="status" data-testid="password-changed">
              {t('account.passwordChanged')}
            </p>
          ) : null}
          <div className="form__actions">
            <BusyButton busy={isSubmitting} testId="password-submit">
              {t('account.passwordSubmit')}
            </BusyButton>
          </div>
        </form>
      </section>
    </section>
  );
}
