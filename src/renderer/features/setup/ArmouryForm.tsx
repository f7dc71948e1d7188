import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { AGENCIES, LANGUAGES } from '../../../shared/domain/enums';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useLanguage } from '../../components/useLanguage';
import { call } from '../../lib/client';
import { ManagerFields } from './ManagerFields';

const schema = contract['app.setup'].input;

/** The armoury's identity and its first manager, checked by the same schema core uses. */
export function ArmouryForm(props: { onBack: () => void; onDone: () => Promise<void> }) {
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
      armoury: { code: '', name: '', region: '', language },
      manager: { username: '', fullName: '', password: '', passwordConfirm: '' },
    },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    const r = await call('app.setup', values);
    if (r.ok) return props.onDone();
    if (!applyServerErrors(setFieldError, r.error)) setError(r.error);
  });

  const a = errors.armoury;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form__group">
        <legend>{t('create.armouryLegend')}</legend>
        <div className="form__grid">
          <Field id="armoury-code" label={t('create.code')} hint={t('create.codeHint')} error={a?.code} required>
            <input id="armoury-code" autoFocus autoComplete="off" className="input--code" {...register('armoury.code')} />
          </Field>
          <Field id="armoury-name" label={t('create.name')} hint={t('create.nameHint')} error={a?.name} required>
            <input id="armoury-name" autoComplete="off" {...register('armoury.name')} />
          </Field>
          <Field id="armoury-agency" label={t('create.agency')} error={a?.agency} required>
            <select id="armoury-agency" {...register('armoury.agency')}>
              <option value="">{t('common:choose')}</option>
              {AGENCIES.map((code) => (
                <option key={code} value={code}>
                  {t(`enums:agency.${code}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="armoury-region" label={t('create.region')} error={a?.region} required>
            <input id="armoury-region" autoComplete="off" {...register('armoury.region')} />
          </Field>
          <Field id="armoury-language" label={t('create.language')} hint={t('create.languageHint')} error={a?.language} required>
            <select id="armoury-language" {...register('armoury.language')}>
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
        legend={t('create.managerLegend')}
        intro={t('create.managerIntro')}
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
        <BusyButton busy={isSubmitting} busyLabel={t('create.busy')} testId="setup-submit">
          {t('create.submit')}
        </BusyButton>
      </div>
    </form>
  );
}
