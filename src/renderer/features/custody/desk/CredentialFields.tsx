import { get, type FieldError, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { DeskField } from './DeskField';
import { NAV } from './keyboard';
import { useDeskLabels } from './labels';

/**
 * A second person's own username and password (a countersignature, or a manager's override of an
 * authorisation, with a reason). Browsers must not fill these from the first person's saved login.
 */
export function CredentialFields<V extends FieldValues>(props: {
  form: UseFormReturn<V>;
  /** Form path of the credentials: `countersigner` or `override`. */
  name: 'countersigner' | 'override';
  title: string;
  note: string;
  withReason?: boolean;
}) {
  const labels = useDeskLabels();
  const { register, formState } = props.form;
  const path = (field: string) => `${props.name}.${field}` as Path<V>;
  const error = (field: string) => get(formState.errors, `${props.name}.${field}`) as FieldError | undefined;
  const id = (field: string) => `issue-${props.name}-${field}`;
  return (
    <fieldset className={`desk-section desk-credentials desk-credentials--${props.name}`} data-testid={`issue-${props.name}`}>
      <legend>{props.title}</legend>
      <p className="desk-muted">{props.note}</p>
      <div className="desk-grid">
        <DeskField id={id('username')} label={labels.t('credentials.username')} error={error('username')} required>
          <input id={id('username')} type="text" autoComplete="off" spellCheck={false} aria-invalid={!!error('username')} {...register(path('username'))} {...NAV} />
        </DeskField>
        <DeskField id={id('password')} label={labels.t('credentials.password')} error={error('password')} required>
          <input id={id('password')} type="password" autoComplete="new-password" aria-invalid={!!error('password')} {...register(path('password'))} {...NAV} />
        </DeskField>
        {props.withReason ? (
          <DeskField id={id('reason')} label={labels.t('credentials.reason')} error={error('reason')} required className="desk-grid__wide">
            <input id={id('reason')} type="text" autoComplete="off" aria-invalid={!!error('reason')} {...register(path('reason'))} {...NAV} />
          </DeskField>
        ) : null}
      </div>
    </fieldset>
  );
}
