import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { Agency } from '../../../../shared/domain/enums';
import type { AppErrorShape } from '../../../../shared/result';
import { useAppStatus, useNavigate } from '../../../app/navigation';
import { Field } from '../../../components/Field';
import { applyServerErrors, useErrorText } from '../../../components/errors';
import { call } from '../../../lib/client';
import { emptyWeapon } from '../fields';
import { useLabels } from '../labels';
import { registerFormSchema, transferFormSchema, type WeaponFormOutput, type WeaponFormValues } from './schemas';
import { WeaponFormSections } from './WeaponFormSections';

type Mode = 'register' | 'transferIn';

const registerResolver = zodResolver(registerFormSchema) as unknown as Resolver<WeaponFormValues, unknown, WeaponFormOutput>;
const transferResolver = zodResolver(transferFormSchema);

/**
 * Registration of a weapon: a new acquisition, or an arrival from another armoury on a transfer
 * document. Core refuses duplicates on either identifier; the refusal lands on the field with a
 * way to the weapon that already holds it.
 */
export function NewWeaponScreen() {
  const labels = useLabels();
  const errors = useErrorText();
  const navigate = useNavigate();
  // The armoury's own agency is the likely owner: a default, never a lock.
  const armouryAgency = useAppStatus().armoury?.agency as Agency | undefined;
  const [mode, setMode] = useState<Mode>('register');
  const modeRef = useRef(mode);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const form = useForm<WeaponFormValues, unknown, WeaponFormOutput>({
    // The resolver follows the chosen mode without remounting the form (typed values are kept).
    resolver: (values, ctx, options) => (modeRef.current === 'transferIn' ? transferResolver : registerResolver)(values, ctx, options),
    defaultValues: { ...emptyWeapon(armouryAgency), transferId: '', fromArmoury: '', document: '' },
  });
  const { register, handleSubmit, formState, setValue, setError } = form;

  const switchMode = (next: Mode) => {
    setMode(next);
    modeRef.current = next;
    setValue('acquisitionMode', next === 'transferIn' ? 'transfer_in' : ('' as WeaponFormValues['acquisitionMode']));
  };

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const { transferId: _id, fromArmoury: _from, document: _doc, ...fields } = values;
    const r = mode === 'transferIn' ? await call('weapons.transferIn', values) : await call('weapons.register', fields);
    if (r.ok) return navigate({ name: 'weapon', id: r.value.id });
    if (!applyServerErrors(setError, r.error)) setFailure(r.error);
  });

  const transferField = (name: 'transferId' | 'fromArmoury' | 'document', required: boolean) => {
    const error = formState.errors[name];
    return (
      <Field id={`w-${name}`} label={labels.t(`register:form.${name}`)} error={error} required={required}>
        <input id={`w-${name}`} type="text" autoComplete="off" aria-invalid={!!error} {...register(name)} />
      </Field>
    );
  };

  return (
    <section className="reg-screen reg-form" aria-labelledby="reg-new-title">
      <header className="reg-header">
        <button type="button" className="reg-link" onClick={() => navigate({ name: 'register' })}>
          {labels.t('register:common.backToRegister')}
        </button>
        <h1 id="reg-new-title">{labels.t(mode === 'transferIn' ? 'register:form.titleTransferIn' : 'register:form.title')}</h1>
      </header>
      <div className="reg-modes" role="radiogroup" aria-label={labels.t('register:form.mode')}>
        {(['register', 'transferIn'] as const).map((m) => (
          <label key={m} className="reg-mode">
            <input type="radio" name="reg-mode" checked={mode === m} onChange={() => switchMode(m)} />
            {labels.t(`register:form.mode_${m}`)}
          </label>
        ))}
      </div>
      <p className="reg-required-note">{labels.t('register:form.requiredNote')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {mode === 'transferIn' ? (
          <fieldset className="reg-form__section">
            <legend>{labels.t('register:section.transferDocument')}</legend>
            <div className="reg-form__grid">
              {transferField('transferId', true)}
              {transferField('fromArmoury', true)}
              {transferField('document', false)}
            </div>
          </fieldset>
        ) : null}
        <WeaponFormSections register={register} errors={formState.errors} hidden={mode === 'transferIn' ? ['acquisitionMode'] : []} />
        {failure ? (
          <p role="alert" className="reg-error">
            {errors.operation(failure)}
          </p>
        ) : null}
        <div className="reg-form__actions">
          <button type="submit" className="reg-button reg-button--primary" disabled={formState.isSubmitting}>
            {labels.t(mode === 'transferIn' ? 'register:form.submitTransferIn' : 'register:form.submit')}
          </button>
          <button type="button" className="reg-button" onClick={() => navigate({ name: 'register' })}>
            {labels.t('register:common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
