import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

type Name = 'username' | 'fullName' | 'password' | 'passwordConfirm';

/** The first manager's account, the same for an armoury and for the commission. */
export function ManagerFields(props: {
  legend: string;
  intro: string;
  fields: Record<Name, UseFormRegisterReturn>;
  errors: Partial<Record<Name, FieldError>> | undefined;
}) {
  const { t } = useTranslation('accounts');
  const m = props.errors;
  return (
    <fieldset className="form__group">
      <legend>{props.legend}</legend>
      <p className="hint">{props.intro}</p>
      <div className="form__grid">
        <Field id="manager-username" label={t('field.username')} hint={t('field.usernameHint')} error={m?.username} required>
          <input id="manager-username" autoComplete="off" spellCheck={false} {...props.fields.username} />
        </Field>
        <Field id="manager-fullName" label={t('field.fullName')} error={m?.fullName} required>
          <input id="manager-fullName" autoComplete="off" {...props.fields.fullName} />
        </Field>
        <Field id="manager-password" label={t('field.password')} hint={t('field.passwordHint')} error={m?.password} required>
          <input id="manager-password" type="password" autoComplete="new-password" {...props.fields.password} />
        </Field>
        <Field id="manager-passwordConfirm" label={t('field.passwordConfirm')} error={m?.passwordConfirm} required>
          <input id="manager-passwordConfirm" type="password" autoComplete="new-password" {...props.fields.passwordConfirm} />
        </Field>
      </div>
    </fieldset>
  );
}
