import { zodResolver } from '@hookform/resolvers/zod';
import { get, type FieldError, type Resolver } from 'react-hook-form';
import { contract } from '../../../../shared/contract';
import { DESTRUCTION_METHODS, WEAPON_CONDITIONS } from '../../../../shared/domain/enums';
import { TWO_PERSON_ACTIONS, type WeaponAction } from '../../../../shared/domain/lifecycle';
import type { WeaponRecord } from '../../../../shared/domain/weapon';
import { Field } from '../../../components/Field';
import { today } from '../fields';
import { useLabels } from '../labels';
import { ACTION_SPECS, actionDefaults, isActionFieldRequired, type ActionField } from './actionSpecs';
import { ApproverFields } from './ApproverFields';
import { Dialog } from '../../../components/Dialog';
import { DialogFooter } from './DialogFooter';
import { useActionForm, type DialogValues } from './useActionForm';

/** One lifecycle action on a weapon (everything but corrections), as described in ACTION_SPECS. */
export function ActionDialog(props: { action: Exclude<WeaponAction, 'correct'>; weapon: WeaponRecord; onClose: () => void; onDone: () => void }) {
  const labels = useLabels();
  const spec = ACTION_SPECS[props.action];
  const twoPerson = TWO_PERSON_ACTIONS.includes(props.action);
  const resolver = zodResolver(contract[spec.op].input as Parameters<typeof zodResolver>[0]) as unknown as Resolver<DialogValues>;
  const { form, submit, failure } = useActionForm(spec.op, resolver, actionDefaults(spec, props.weapon, twoPerson), props.onDone);
  const { register, formState } = form;

  const control = (f: ActionField, id: string, invalid: boolean, first: boolean) => {
    const common = { id, 'aria-invalid': invalid, autoFocus: first, ...register(f.name) };
    switch (f.kind) {
      case 'longtext':
        return <textarea rows={3} {...common} />;
      case 'date':
        return <input type="date" max={today()} {...common} />;
      case 'condition':
      case 'method': {
        const codes = f.kind === 'condition' ? WEAPON_CONDITIONS : DESTRUCTION_METHODS;
        return (
          <select {...common}>
            <option value="">{labels.t('register:form.choose')}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {f.kind === 'condition' ? labels.condition(c) : labels.method(c)}
              </option>
            ))}
          </select>
        );
      }
      default:
        return <input type="text" autoComplete="off" {...common} />;
    }
  };

  return (
    <Dialog className="reg-dialog" title={labels.t(`register:action.${props.action}`)} onClose={props.onClose} testId={`dialog-${props.action}`}>
      <form onSubmit={(e) => void submit(e)} noValidate className="reg-dialog__form">
        <p className="reg-dialog__intro">{labels.t(`register:actionIntro.${props.action}`, { code: props.weapon.nationalCode })}</p>
        {spec.fields.map((f, i) => {
          const id = `act-${f.name.replace('.', '-')}`;
          const error = get(formState.errors, f.name) as FieldError | undefined;
          return (
            <Field key={f.name} id={id} label={labels.t(`register:actionField.${f.label ?? f.name}`)} error={error} required={isActionFieldRequired(spec.op, f.name)}>
              {control(f, id, !!error, i === 0)}
            </Field>
          );
        })}
        {twoPerson ? <ApproverFields form={form} /> : null}
        <DialogFooter failure={failure} busy={formState.isSubmitting} danger={twoPerson} submit={labels.t(twoPerson ? 'register:dialog.confirmTwoPerson' : 'register:dialog.submit')} cancel={labels.t('register:common.cancel')} onClose={props.onClose} />
      </form>
    </Dialog>
  );
}
