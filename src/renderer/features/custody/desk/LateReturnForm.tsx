import { useMemo } from 'react';
import type { ReturnResult, VoucherView } from '../../../../shared/contract/custody';
import type { WeaponCondition } from '../../../../shared/domain/enums';
import { ConditionSelect } from './ConditionSelect';
import { DeskField } from './DeskField';
import { useDeskErrors } from './errors';
import { enterHandler, NAV } from './keyboard';
import { useDeskLabels } from './labels';
import { useDeskForm } from './useDeskForm';

interface LateValues {
  weapons: { weaponId: number; returned: boolean; condition: WeaponCondition }[];
  note: string;
}

/**
 * A weapon declared not returned comes back after its voucher was settled: only the weapon is
 * recorded (rounds and magazines were reconciled then). Its case stays open until a manager closes it.
 */
export function LateReturnForm(props: { voucher: VoucherView; scanned: ReadonlySet<number>; onDone: (r: ReturnResult) => void }) {
  const labels = useDeskLabels();
  const errorText = useDeskErrors();
  const v = props.voucher;
  const missing = useMemo(() => v.weapons.filter((w) => w.outcome === 'missing'), [v]);
  const { form, send, failure } = useDeskForm<LateValues, 'custody.return'>({
    op: 'custody.return',
    toInput: (values) => ({
      voucherId: v.id,
      weapons: values.weapons.filter((w) => w.returned).map((w) => ({ weaponId: w.weaponId, returned: true, condition: w.condition })),
      magazinesReturned: 0,
      rounds: [],
      reference: '',
      note: values.note,
    }),
    defaults: {
      weapons: missing.map((w) => ({ weaponId: w.weapon.id, returned: props.scanned.has(w.weapon.id), condition: 'serviceable' })),
      note: '',
    },
    onDone: props.onDone,
  });
  const { register, watch } = form;
  return (
    <form noValidate className="desk-form" onSubmit={(e) => { e.preventDefault(); send(); }} onKeyDown={enterHandler(send)} data-testid="late-return-form">
      <fieldset className="desk-section">
        <legend>{labels.t('return.late.title')}</legend>
        <p className="desk-muted">{labels.t('return.late.intro')}</p>
        <table className="table table--compact desk-table">
          <tbody>
            {missing.map((w, i) => {
              const id = `late-weapon-${w.weapon.id}`;
              return (
                <tr key={w.weapon.id} data-testid="late-line" data-weapon-id={w.weapon.id}>
                  <td>
                    <label className="desk-check" htmlFor={id}>
                      <input id={id} type="checkbox" {...register(`weapons.${i}.returned`)} {...NAV} data-testid="late-returned" />
                      <span className="code">{w.weapon.nationalCode}</span>
                    </label>
                  </td>
                  <td className="code">{w.weapon.serial}</td>
                  <td>
                    <ConditionSelect id={id} nationalCode={w.weapon.nationalCode} disabled={!watch(`weapons.${i}.returned`)} registration={register(`weapons.${i}.condition`)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <DeskField id="late-note" label={labels.t('return.note')} error={form.formState.errors.note}>
          <input id="late-note" type="text" autoComplete="off" {...register('note')} {...NAV} />
        </DeskField>
      </fieldset>
      {failure || form.formState.errors.weapons ? (
        <p role="alert" className="reg-error desk-refusal" data-testid="return-error" data-code={failure?.code ?? 'required'}>
          {failure ? errorText.operation(failure) : labels.t('return.late.none')}
        </p>
      ) : null}
      <div className="reg-form__actions">
        <button type="submit" className="reg-button reg-button--primary" disabled={form.formState.isSubmitting} data-testid="late-submit">
          {labels.t('return.late.submit')}
        </button>
      </div>
    </form>
  );
}
