import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { LANGUAGES } from '../../../shared/domain/enums';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useLanguage } from '../../components/useLanguage';
import { call } from '../../lib/client';
import { ManagerFields } from './ManagerFields';

const schema = contract['app.setupCommission'].input;

/** The national commission's identity and its first manager, checked by the same schema core uses. */
export function CommissionForm(props: { onBack: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation('setup');
  const language = useLanguage();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(schema),
    defaultValues: {
      commission: { code: '', name: '', language },
      manager: { username: '', fullName: '', password: '', passwordConfirm: '' },
    },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    const r = await call('app.setupCommission', values);
    if (r.ok) return props.onDone();
    if (!applyServerErrors(setFieldError, r.error)) setError(r.error);
  });

  const c = errors.commission;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form__group">
        <legend>{t('commission.legend')}</legend>
        <p className="hint">{t('commission.intro')}</p>
        <div className="form__grid">
          <Field id="commission-code" label={t('commission.code')} hint={t('commission.codeHint')} error={c?.code} required>
            <input id="commission-code" autoFocus autoComplete="off" className="input--code" {...register('commission.code')} />
          </Field>
          <Field id="commission-name" label={t('commission.name')} hint={t('commission.nameHint')} error={c?.name} required>
            <input id="commission-name" autoComplete="off" {...register('commission.name')} />
          </Field>
          <Field id="commission-language" label={t('commission.language')} hint={t('create.languageHint')} error={c?.language} required>
            <select id="commission-language" {...register('commission.language')}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`enums:language.${code}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>
      <ManagerFields
        legend={t('commission.managerLegend')}
        intro={t('commission.managerIntro')}
        errors={errors.manager}
        fields={{
          username: register('manager.username'),
          fullName: register('manager.fullName'),
          password: register('manager.password'),
          passwordConfirm: register('manager.passwordConfirm'),
        }}
      />
      <ErrorBanner error={error} />
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onBack} disabled={isSubmitting}>
          {t('common:back')}
        </button>
        <BusyButton busy={isSubmitting} busyLabel={t('commission.busy')} testId="setup-commission-submit">
          {t('commission.submit')}
        </BusyButton>
      </div>
    </form>
  );
}
