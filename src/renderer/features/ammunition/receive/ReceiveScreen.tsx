import { useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import type { MovementResult } from '../../../../shared/contract/ammunition';
import { useNavigate } from '../../../app/navigation';
import { Field } from '../../../components/Field';
import { useAmmoErrors } from '../errors';
import { errorAt } from '../FormDialog';
import { useAmmoLabels } from '../labels';
import { passNotice } from '../Notice';
import { DestinationFields } from '../PlaceFields';
import { QuantityField } from '../QuantityField';
import { useAmmoForm } from '../useAmmoForm';
import { useStores } from '../useStores';
import { ExistingLotReceipt } from './ExistingLotReceipt';
import { LotFieldsSection } from './LotFieldsSection';
import { receiptDefaults, receiptInput, typedPackaging, type ReceiptMode, type ReceiptValues } from './receiptForm';

const MODES: readonly ReceiptMode[] = ['newLot', 'existing', 'transferIn'];

/**
 * A receipt: a new lot with its whole record, more of a lot already held, or a lot arriving from
 * another armoury on a transfer. Core refuses incompatible groups and a licence exceeded, with figures.
 */
export function ReceiveScreen(props: { storeId?: number | undefined }) {
  const labels = useAmmoLabels();
  const errorText = useAmmoErrors();
  const navigate = useNavigate();
  const { stores } = useStores();
  const [mode, setMode] = useState<ReceiptMode>('newLot');
  const { form, submit, failure } = useAmmoForm<ReceiptValues, 'ammo.receiveNewLot' | 'ammo.transferIn'>({
    op: mode === 'transferIn' ? 'ammo.transferIn' : 'ammo.receiveNewLot',
    toInput: (v) => receiptInput(v, mode),
    defaults: receiptDefaults(props.storeId),
    onDone: (r) => done(r as MovementResult),
  });
  const errors = form.formState.errors as FieldErrors;
  const done = (r: MovementResult) => {
    passNotice({ text: labels.t(mode === 'transferIn' ? 'movementDone.transferIn' : 'movementDone.receive'), warnings: r.warnings });
    navigate({ name: 'ammoLot', id: r.lotId });
  };
  const packaging = typedPackaging(form.watch('lot'));

  const text = (name: 'source' | 'document' | 'transferId' | 'fromArmoury', required: boolean, label?: string) => {
    const error = errorAt(errors, name);
    return (
      <Field id={`rcv-${name}`} label={labels.field(label ?? name)} error={error} required={required}>
        <input id={`rcv-${name}`} type="text" autoComplete="off" aria-invalid={!!error} {...form.register(name)} />
      </Field>
    );
  };

  return (
    <section className="reg-screen reg-form ammo-screen" aria-labelledby="ammo-receive-title" data-testid="receive-screen">
      <header className="reg-header">
        <h1 id="ammo-receive-title">{labels.t(`receive.title.${mode}`)}</h1>
      </header>
      <div className="reg-modes" role="radiogroup" aria-label={labels.t('receive.mode')}>
        {MODES.map((m) => (
          <label key={m} className="reg-mode">
            <input type="radio" name="ammo-receipt-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`receive-mode-${m}`} />
            {labels.t(`receive.modeOption.${m}`)}
          </label>
        ))}
      </div>
      {mode === 'existing' ? (
        <ExistingLotReceipt />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="reg-required-note">{labels.t('receive.requiredNote')}</p>
          <LotFieldsSection form={form} />
          <fieldset className="reg-form__section">
            <legend>{labels.t(mode === 'transferIn' ? 'receive.section.transfer' : 'receive.section.receipt')}</legend>
            <div className="reg-form__grid">
              <DestinationFields
                form={form}
                prefix="dest"
                stores={stores}
                label={labels.field('intoPlace')}
                storeError={errorAt(errors, 'place.storeId', 'place')}
                bayError={errorAt(errors, 'place.bay')}
              />
              <QuantityField control={form.control} name="quantity" label={labels.field('quantity')} packaging={packaging} error={errorAt(errors, 'quantity')} required />
              <Field id="rcv-date" label={labels.field(mode === 'transferIn' ? 'transferDate' : 'receiptDate')} error={errorAt(errors, 'date')} required>
                <input id="rcv-date" type="date" aria-invalid={!!errorAt(errors, 'date')} {...form.register('date')} />
              </Field>
              {mode === 'transferIn' ? text('transferId', true) : null}
              {mode === 'transferIn' ? text('fromArmoury', true) : text('source', true, 'supplier')}
              {text('document', false)}
            </div>
          </fieldset>
          {failure ? (
            <p role="alert" className="reg-error ammo-refusal" data-testid="receive-error" data-code={failure.code}>
              {errorText.operation(failure)}
            </p>
          ) : null}
          <div className="reg-form__actions">
            <button type="submit" className="reg-button reg-button--primary" disabled={form.formState.isSubmitting} data-testid="receive-submit">
              {labels.t(mode === 'transferIn' ? 'receive.submitTransferIn' : 'receive.submit')}
            </button>
            <button type="button" className="reg-button" onClick={() => navigate({ name: 'ammunition' })}>
              {labels.t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
