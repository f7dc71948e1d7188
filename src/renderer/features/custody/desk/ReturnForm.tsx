import { useEffect, useMemo, useState } from 'react';
import { get, type FieldError } from 'react-hook-form';
import type { ReturnResult, VoucherView } from '../../../../shared/contract/custody';
import { ConditionSelect } from './ConditionSelect';
import { DeskField, FieldMessage } from './DeskField';
import { useDeskErrors } from './errors';
import { enterHandler, NAV } from './keyboard';
import { useDeskLabels } from './labels';
import { outLines, reconcile, returnDefaults, returnInput, type ReturnValues } from './reconcile';
import { Reconciliation, UnaccountedList } from './Reconciliation';
import { useDeskForm } from './useDeskForm';

/**
 * The first return of a voucher settles it: every weapon still out is handed in (ticked, with
 * its condition) or declared not returned, and the rounds and magazines are reconciled. Anything
 * unaccounted is said before sending, and opens a case.
 */
export function ReturnForm(props: { voucher: VoucherView; scanned: ReadonlySet<number>; onDone: (r: ReturnResult) => void }) {
  const labels = useDeskLabels();
  const errorText = useDeskErrors();
  const v = props.voucher;
  const lines = useMemo(() => outLines(v), [v]);
  const [confirming, setConfirming] = useState(false);
  const { form, send, failure } = useDeskForm<ReturnValues, 'custody.return'>({
    op: 'custody.return',
    toInput: (values) => returnInput(v, values),
    defaults: returnDefaults(v, props.scanned),
    onDone: props.onDone,
    onRefused: () => setConfirming(false),
  });
  const { register, watch, getValues, setValue, formState } = form;
  const errors = formState.errors;
  const values = watch();
  const result = reconcile(v, values);

  // A weapon of this voucher scanned again while the form is open is ticked as handed in.
  useEffect(() => {
    lines.forEach((w, i) => {
      if (props.scanned.has(w.weapon.id) && !getValues(`weapons.${i}.returned`)) setValue(`weapons.${i}.returned`, true);
    });
  }, [props.scanned, lines, getValues, setValue]);

  // Any change after the warning asks for the warning again.
  useEffect(() => {
    const sub = watch(() => setConfirming(false));
    return () => sub.unsubscribe();
  }, [watch]);

  const submit = () => {
    if (result.unaccounted && !confirming) {
      setConfirming(true);
      return;
    }
    send();
  };
  const error = (path: string) => get(errors, path) as FieldError | undefined;

  return (
    <form noValidate className="desk-form" onSubmit={(e) => { e.preventDefault(); submit(); }} onKeyDown={enterHandler(submit)} data-testid="return-form">
      <fieldset className="desk-section" data-testid="return-weapons">
        <legend>{labels.t('return.weapons')}</legend>
        <table className="table table--compact desk-table">
          <thead>
            <tr>
              <th scope="col">{labels.t('return.returnedHead')}</th>
              <th scope="col">{labels.t('weapon.serial')}</th>
              <th scope="col">{labels.t('weapon.model')}</th>
              <th scope="col">{labels.t('return.condition')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((w, i) => {
              const returned = values.weapons[i]?.returned ?? false;
              const id = `return-weapon-${w.weapon.id}`;
              return (
                <tr key={w.weapon.id} data-testid="return-line" data-weapon-id={w.weapon.id} data-returned={returned} className={returned ? undefined : 'desk-row--warn'}>
                  <td>
                    <label className="desk-check" htmlFor={id}>
                      <input id={id} type="checkbox" {...register(`weapons.${i}.returned`)} {...NAV} data-testid="return-returned" />
                      <span className="code">{w.weapon.nationalCode}</span>
                    </label>
                    {error(`weapons.${i}.weaponId`) ? <FieldMessage id={id} message={error(`weapons.${i}.weaponId`)?.message} /> : null}
                  </td>
                  <td className="code">{w.weapon.serial}</td>
                  <td>
                    {w.weapon.manufacturer} {w.weapon.model} <small className="desk-muted">{labels.magazines(w.magazines)}</small>
                  </td>
                  <td>
                    <ConditionSelect id={id} nationalCode={w.weapon.nationalCode} disabled={!returned} registration={register(`weapons.${i}.condition`)} testId="return-condition" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="desk-section" data-testid="return-counts">
        <legend>{labels.t('return.counts')}</legend>
        <div className="desk-grid">
          <DeskField id="return-magazines" label={labels.t('return.magazines', { n: labels.number(v.magazines) })} error={error('magazinesReturned')}>
            <input id="return-magazines" type="number" inputMode="numeric" min={0} max={v.magazines} {...register('magazinesReturned')} {...NAV} data-testid="return-magazines" />
          </DeskField>
        </div>
        {v.rounds.map((r, i) => (
          <div key={r.lotId} className="desk-rounds" data-testid="return-rounds" data-lot-id={r.lotId}>
            <p className="desk-rounds__calibre">
              {labels.t('return.roundsLine', { lot: r.lotNumber || '—', calibre: r.calibre, issued: labels.rounds(r.issued), place: `${r.storeCode} · ${r.bay || '—'}` })}
            </p>
            <div className="desk-grid">
              <DeskField id={`return-rounds-${i}-returned`} label={labels.t('return.roundsReturned')} error={error(`rounds.${i}.returned`)}>
                <input id={`return-rounds-${i}-returned`} type="number" inputMode="numeric" min={0} {...register(`rounds.${i}.returned`)} {...NAV} data-testid="return-rounds-returned" />
              </DeskField>
              <DeskField id={`return-rounds-${i}-expended`} label={labels.t('return.roundsExpended')} error={error(`rounds.${i}.expended`)}>
                <input id={`return-rounds-${i}-expended`} type="number" inputMode="numeric" min={0} {...register(`rounds.${i}.expended`)} {...NAV} data-testid="return-rounds-expended" />
              </DeskField>
            </div>
          </div>
        ))}
        <Reconciliation voucher={v} result={result} />
        <div className="desk-grid">
          <DeskField id="return-reference" label={labels.t('return.reference')} hint={labels.t('return.referenceHint')} error={error('reference')} required={result.expended}>
            <input id="return-reference" type="text" autoComplete="off" {...register('reference')} {...NAV} data-testid="return-reference" />
          </DeskField>
          <DeskField id="return-note" label={labels.t('return.note')} error={error('note')}>
            <input id="return-note" type="text" autoComplete="off" {...register('note')} {...NAV} data-testid="return-note" />
          </DeskField>
        </div>
      </fieldset>
      {failure ? (
        <p role="alert" className="reg-error desk-refusal" data-testid="return-error" data-code={failure.code}>
          {errorText.operation(failure)}
        </p>
      ) : null}
      {result.unaccounted ? (
        <div className={`desk-warning-box${confirming ? ' desk-warning-box--confirm' : ''}`} role={confirming ? 'alert' : 'note'} data-testid="return-warning">
          <p>
            <strong>{labels.t('return.warning.title')}</strong>
          </p>
          <UnaccountedList result={result} />
          {confirming ? (
            <p>
              <button type="button" className="reg-button reg-button--danger" autoFocus onClick={() => send()} data-testid="return-confirm">
                {labels.t('return.confirm')}
              </button>{' '}
              <button type="button" className="reg-button" onClick={() => setConfirming(false)}>
                {labels.t('return.recount')}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="reg-form__actions">
        <button type="submit" className="reg-button reg-button--primary" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting} data-testid="return-submit">
          {labels.t('return.submit')}
        </button>
        <span className="desk-muted">{labels.t('issue.submitKeys')}</span>
      </div>
    </form>
  );
}
