import type { FieldError } from 'react-hook-form';
import type { OfficerRow } from '../../../../shared/contract/custody';
import { OFFICER_STATUSES } from '../../../../shared/domain/custody';
import { WEAPON_TYPES, type WeaponType } from '../../../../shared/domain/enums';
import { localToday } from '../../../../shared/domain/weapon';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { DialogFooter } from '../../register/dossier/DialogFooter';
import { useOfficerLabels } from './labels';
import { useOpForm, type FormValues } from './useOpForm';

interface Props {
  officer: OfficerRow;
  onClose: () => void;
  onDone: (officer: OfficerRow) => void;
}

const fieldError = (errors: Record<string, unknown>, name: string) => errors[name] as FieldError | undefined;

/** A year from today: the usual length of a carry authorisation, changed as needed. */
function inAYear(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return localToday(d);
}

/** Managers only: suspends an officer, records that they left, or makes them active again, with a reason. */
export function StatusDialog(props: Props) {
  const labels = useOfficerLabels();
  const next = OFFICER_STATUSES.find((s) => s !== props.officer.status) ?? 'active';
  const { form, submit, failure } = useOpForm('officers.setStatus', { id: props.officer.id, status: next, reason: '' }, props.onDone);
  const { register, formState } = form;
  const errors = formState.errors as Record<string, unknown>;
  return (
    <Dialog className="reg-dialog" title={labels.t('status.title')} onClose={props.onClose} testId="officer-status-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('status.intro', { name: props.officer.name, status: labels.status(props.officer.status) })}</p>
        <Field id="off-status" label={labels.t('status.new')} error={fieldError(errors, 'status')} required>
          <select id="off-status" autoFocus {...register('status')}>
            {OFFICER_STATUSES.filter((s) => s !== props.officer.status).map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="off-status-reason" label={labels.t('field.reason')} error={fieldError(errors, 'reason')} required>
          <textarea id="off-status-reason" rows={3} aria-invalid={!!fieldError(errors, 'reason')} {...register('reason')} />
        </Field>
        <DialogFooter failure={failure} busy={formState.isSubmitting} submit={labels.t('status.submit')} cancel={labels.t('common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}

/** Managers only: grants (or renews) the authorisation to carry one type of weapon until a date. */
export function AuthoriseDialog(props: Props & { weaponType?: WeaponType }) {
  const labels = useOfficerLabels();
  const defaults: FormValues = { id: props.officer.id, weaponType: props.weaponType ?? '', expires: inAYear(), reference: '' };
  const { form, submit, failure } = useOpForm('officers.authorise', defaults, props.onDone);
  const { register, formState } = form;
  const errors = formState.errors as Record<string, unknown>;
  return (
    <Dialog className="reg-dialog" title={labels.t('authorise.title')} onClose={props.onClose} testId="authorise-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('authorise.intro', { name: props.officer.name })}</p>
        <Field id="auth-type" label={labels.t('field.weaponType')} error={fieldError(errors, 'weaponType')} required>
          <select id="auth-type" autoFocus aria-invalid={!!fieldError(errors, 'weaponType')} {...register('weaponType')}>
            <option value="">{labels.t('form.choose')}</option>
            {WEAPON_TYPES.map((w) => (
              <option key={w} value={w}>
                {labels.weaponType(w)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="auth-expires" label={labels.t('field.expires')} error={fieldError(errors, 'expires')} required>
          <input id="auth-expires" type="date" min={localToday()} aria-invalid={!!fieldError(errors, 'expires')} {...register('expires')} />
        </Field>
        <Field id="auth-reference" label={labels.t('field.reference')} hint={labels.t('authorise.referenceHint')} error={fieldError(errors, 'reference')} required>
          <input id="auth-reference" type="text" autoComplete="off" aria-invalid={!!fieldError(errors, 'reference')} {...register('reference')} />
        </Field>
        <DialogFooter failure={failure} busy={formState.isSubmitting} submit={labels.t('authorise.submit')} cancel={labels.t('common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}

/** Managers only: withdraws an authorisation before it expires, with a reason. */
export function WithdrawDialog(props: Props & { weaponType: WeaponType }) {
  const labels = useOfficerLabels();
  const { form, submit, failure } = useOpForm('officers.withdrawAuthorisation', { id: props.officer.id, weaponType: props.weaponType, reason: '' }, props.onDone);
  const { register, formState } = form;
  const errors = formState.errors as Record<string, unknown>;
  return (
    <Dialog className="reg-dialog" title={labels.t('withdraw.title')} onClose={props.onClose} testId="withdraw-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t('withdraw.intro', { name: props.officer.name, type: labels.weaponType(props.weaponType) })}</p>
        <Field id="withdraw-reason" label={labels.t('field.reason')} error={fieldError(errors, 'reason') ?? fieldError(errors, 'weaponType')} required>
          <textarea id="withdraw-reason" rows={3} autoFocus aria-invalid={!!fieldError(errors, 'reason')} {...register('reason')} />
        </Field>
        <DialogFooter failure={failure} busy={formState.isSubmitting} danger submit={labels.t('withdraw.submit')} cancel={labels.t('common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}
