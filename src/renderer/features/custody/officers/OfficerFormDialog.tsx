import type { FieldError } from 'react-hook-form';
import type { OfficerRow } from '../../../../shared/contract/custody';
import { AGENCIES } from '../../../../shared/domain/enums';
import { useAppStatus } from '../../../app/navigation';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { DialogFooter } from '../../register/dossier/DialogFooter';
import { useOfficerLabels } from './labels';
import { useOpForm } from './useOpForm';

const TEXT_FIELDS = ['serviceNumber', 'name', 'rank', 'unit'] as const;

/** Registers an officer, or corrects one's record (service number, name, rank, unit, agency). */
export function OfficerFormDialog(props: { officer?: OfficerRow; onClose: () => void; onDone: (officer: OfficerRow) => void }) {
  const labels = useOfficerLabels();
  const status = useAppStatus();
  const editing = props.officer;
  const defaults = editing
    ? { id: editing.id, serviceNumber: editing.serviceNumber, name: editing.name, rank: editing.rank, unit: editing.unit, agency: editing.agency }
    : { serviceNumber: '', name: '', rank: '', unit: '', agency: status.armoury?.agency ?? '' };
  const { form, submit, failure } = useOpForm(editing ? 'officers.update' : 'officers.register', defaults, props.onDone);
  const { register, formState } = form;
  const error = (name: string) => formState.errors[name] as FieldError | undefined;

  return (
    <Dialog className="reg-dialog" title={labels.t(editing ? 'form.editTitle' : 'form.newTitle')} onClose={props.onClose} testId="officer-form">
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        {TEXT_FIELDS.map((name, i) => (
          <Field key={name} id={`off-${name}`} label={labels.t(`field.${name}`)} error={error(name)} required>
            <input
              id={`off-${name}`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              autoFocus={i === 0}
              aria-invalid={!!error(name)}
              {...register(name)}
            />
          </Field>
        ))}
        <Field id="off-agency" label={labels.t('field.agency')} error={error('agency')} required>
          <select id="off-agency" aria-invalid={!!error('agency')} {...register('agency')}>
            <option value="">{labels.t('form.choose')}</option>
            {AGENCIES.map((a) => (
              <option key={a} value={a}>
                {labels.agency(a)}
              </option>
            ))}
          </select>
        </Field>
        <DialogFooter
          failure={failure}
          busy={formState.isSubmitting}
          submit={labels.t(editing ? 'form.save' : 'form.register')}
          cancel={labels.t('common.cancel')}
          onClose={props.onClose}
        />
      </form>
    </Dialog>
  );
}
