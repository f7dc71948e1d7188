import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../shared/result';
import { useUserLanguage } from '../../app/language';
import { PublicFrame } from '../../app/PublicFrame';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';

const schema = contract['auth.unlock'].input;

/**
 * The session was locked after inactivity: only its owner's password reopens it, on the screen it
 * showed (the screen itself is cleared meanwhile, see App.tsx); anyone else can only sign it out.
 */
export function LockScreen(props: { session: SessionInfo; onDone: () => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [leaving, setLeaving] = useState(false);
  const [error, setOpError] = useState<AppErrorShape | null>(null);
  const switchLanguage = useUserLanguage();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { password: '' } });

  const submit = handleSubmit(async (values) => {
    setOpError(null);
    const r = await call('auth.unlock', values);
    if (r.ok) return props.onDone();
    setValue('password', '');
    if (r.error.code === 'auth_bad_credentials') {
      setError('password', { type: 'server', message: JSON.stringify({ code: 'wrong_password' }) }, { shouldFocus: true });
    } else {
      setOpError(r.error);
    }
  });

  const signOut = async () => {
    setLeaving(true);
    await call('auth.logout', {});
    await props.onDone();
  };

  return (
    <PublicFrame title={t('lock.title')} testId="lock-screen" onLanguage={(l) => void switchLanguage(l)}>
      <p className="lead">{t('lock.explain', { name: props.session.fullName, username: props.session.username })}</p>
      <p className="hint">{t('lock.cleared')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="unlock-password" label={t('field.password')} error={errors.password} required>
          <input id="unlock-password" type="password" autoFocus autoComplete="current-password" {...register('password')} />
        </Field>
        <ErrorBanner error={error} />
        <div className="form__actions">
          <BusyButton busy={isSubmitting} busyLabel={t('login.busy')} testId="unlock-submit">
            {t('lock.unlock')}
          </BusyButton>
          <BusyButton type="button" className="button" busy={leaving} onClick={() => void signOut()} testId="lock-signout">
            {t('lock.signOut')}
          </BusyButton>
        </div>
      </form>
    </PublicFrame>
  );
}
