import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { LotRow, MovementResult } from '../../../../shared/contract/ammunition';
import { AMMO_CONDITIONS, EXPENDITURE_PURPOSES, INSPECTION_RESULTS } from '../../../../shared/domain/ammunition';
import { Field } from '../../../components/Field';
import { errorAt, FormDialog } from '../FormDialog';
import { today, useAmmoLabels } from '../labels';
import { BalanceSelect, DestinationFields, type Balance } from '../PlaceFields';
import { QuantityField } from '../QuantityField';
import { useAmmoForm } from '../useAmmoForm';
import { useStores } from '../useStores';
import { DirectionField } from './DirectionField';
import { movementDefaults, SPECS, TWO_PERSON, type Movement, type SpecField, type Values } from './specs';

/** One movement on a lot, as described in SPECS; validated by the operation's own schema. */
export function MovementDialog(props: { movement: Movement; lot: LotRow; balances: Balance[]; onClose: () => void; onDone: (r: MovementResult) => void }) {
  const labels = useAmmoLabels();
  const spec = SPECS[props.movement];
  const ctx = { lot: props.lot, balances: props.balances };
  const { stores } = useStores();
  const { form, submit, failure } = useAmmoForm<Values, typeof spec.op>({
    op: spec.op,
    toInput: (v) => spec.toInput(v, ctx),
    defaults: movementDefaults(props.movement, ctx),
    ...(spec.check ? { check: spec.check } : {}),
    onDone: (r) => props.onDone(r as MovementResult),
  });
  const errors = form.formState.errors as FieldErrors;
  const twoPerson = TWO_PERSON.includes(props.movement);
  const lotName = labels.lotName(props.lot);

  const render = (f: SpecField, first: boolean) => {
    const paths = f.paths ?? [f.name];
    const label = labels.field(f.label ?? f.name);
    const error = errorAt(errors, ...paths);
    switch (f.kind) {
      case 'balance':
        return <BalanceSelect key={f.name} form={form} name="balance" balances={props.balances} label={label} error={error} autoFocus={first} />;
      case 'destination':
        return (
          <DestinationFields
            key={f.name}
            form={form}
            prefix="dest"
            stores={stores}
            label={label}
            storeError={errorAt(errors, ...paths.filter((p) => !p.endsWith('.bay')))}
            bayError={errorAt(errors, ...paths.filter((p) => p.endsWith('.bay')))}
            autoFocus={first}
          />
        );
      case 'quantity':
        return <QuantityField key={f.name} control={form.control} name="quantity" label={label} packaging={props.lot} error={error} required autoFocus={first} />;
      case 'direction':
        return <DirectionField key={f.name} form={form} error={error} />;
      default:
        return (
          <Field key={f.name} id={`mv-${f.name}`} label={label} error={error} required={!!f.required}>
            <PlainControl f={f} form={form} invalid={!!error} autoFocus={first} />
          </Field>
        );
    }
  };

  return (
    <FormDialog
      title={labels.t(`movement.${props.movement}`)}
      intro={labels.t(`movementIntro.${props.movement}`, { lot: lotName, nature: props.lot.nature })}
      form={form}
      onSubmit={(e) => void submit(e)}
      onClose={props.onClose}
      failure={failure}
      twoPerson={twoPerson}
      testId={`dialog-${props.movement}`}
    >
      {spec.fields.map((f, i) => render(f, i === 0))}
    </FormDialog>
  );
}

function PlainControl(props: { f: SpecField; form: UseFormReturn<Values>; invalid: boolean; autoFocus: boolean }) {
  const labels = useAmmoLabels();
  const { f } = props;
  const common = { id: `mv-${f.name}`, 'aria-invalid': props.invalid, autoFocus: props.autoFocus, ...props.form.register(f.name) };
  const select = (codes: readonly string[], label: (c: string) => string) => (
    <select {...common}>
      <option value="">{labels.t('action.choose')}</option>
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </select>
  );
  switch (f.kind) {
    case 'longtext':
      return <textarea rows={3} {...common} />;
    case 'date':
      return <input type="date" max={today()} {...common} />;
    case 'anyDate':
      return <input type="date" {...common} />;
    case 'purpose':
      return select(EXPENDITURE_PURPOSES, (c) => labels.t(`purpose.${c}`));
    case 'condition':
      return select(AMMO_CONDITIONS, labels.condition);
    case 'result':
      return select(INSPECTION_RESULTS, (c) => labels.t(`inspectionResult.${c}`));
    default:
      return <input type="text" autoComplete="off" {...common} />;
  }
}
