import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { AppStatus } from '../../../shared/contract/app';
import type { AppErrorShape, Coded } from '../../../shared/result';
import { PublicFrame } from '../../app/PublicFrame';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';
import { DemoAccounts } from './DemoAccounts';

const schema = contract['auth.login'].input;

/** Sign in to the open armoury. Wrong credentials get one message that does not say which was wrong. */
export function LoginScreen(props: { status: AppStatus; notice?: Coded | null; onDone: () => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { username: '', password: '' } });

  const submit = handleSubmit(async (values) => {
    setError(null);
    const r = await call('auth.login', values);
    if (r.ok) return props.onDone();
    setError(r.error);
    setValue('password', '');
    setFocus('password');
  });

  const { status } = props;
  const demo = status.database === 'demo';
  return (
    <PublicFrame title={t('login.title')} testId="login" wide={demo}>
      <p className="lead" data-testid="login-armoury">
        <strong>{status.armoury?.name}</strong> <span className="code">{status.armoury?.code}</span>
        {demo ? <span className="badge badge--demo">{t('app:demoBadge')}</span> : null}
      </p>
      {props.notice && !error ? <ErrorBanner error={props.notice} testId="login-notice" /> : null}
      <div className={demo ? 'split' : undefined}>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="login-username" label={t('field.username')} error={errors.username} required>
            <input id="login-username" autoFocus autoComplete="username" spellCheck={false} {...register('username')} />
          </Field>
          <Field id="login-password" label={t('field.password')} error={errors.password} required>
            <input id="login-password" type="password" autoComplete="current-password" {...register('password')} />
          </Field>
          <ErrorBanner error={error} testId="login-error" />
          <div className="form__actions">
            <BusyButton busy={isSubmitting} busyLabel={t('login.busy')} testId="login-submit">
              {t('login.submit')}
            </BusyButton>
          </div>
        </form>
        {demo ? (
          <DemoAccounts
            accounts={status.demoAccounts}
            onUse={(a) => {
              setValue('username', a.username);
              setValue('password', a.password);
              setFocus('password');
            }}
            onLeave={props.onDone}
          />
        ) : null}
      </div>
    </PublicFrame>
  );
}
