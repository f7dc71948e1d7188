import { useEffect, useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import type { LotRow, MovementResult } from '../../../../shared/contract/ammunition';
import { Field } from '../../../components/Field';
import { useErrorText } from '../../../components/errors';
import { call } from '../../../lib/client';
import { useDebounced } from '../../register/list/useDebounced';
import { errorAt, FormDialog } from '../FormDialog';
import { useAmmoLabels } from '../labels';
import { BalanceSelect, type Balance } from '../PlaceFields';
import { QuantityField } from '../QuantityField';
import { useAmmoForm } from '../useAmmoForm';

type IssueValues = { lotId: string; balance: string; quantity: string; kind: string; name: string; document: string };

/**
 * Issue to an officer or a unit. The lots that can be issued for the calibre come oldest
 * serviceable first (core's suggestion); the first is chosen unless the user picks another.
 */
export function IssueDialog(props: { lot?: LotRow; onClose: () => void; onDone: (r: MovementResult) => void }) {
  const labels = useAmmoLabels();
  const errorText = useErrorText();
  const [calibre, setCalibre] = useState(props.lot?.calibre ?? '');
  const wanted = useDebounced(calibre, 200);
  const [suggested, setSuggested] = useState<LotRow[] | null>(null);
  const [balances, setBalances] = useState<Balance[]>([]);
  const { form, submit, failure } = useAmmoForm<IssueValues, 'ammo.issue'>({
    op: 'ammo.issue',
    toInput: (v) => {
      const b = v.balance === '' ? undefined : balances[Number(v.balance)];
      return {
        lotId: v.lotId === '' ? undefined : Number(v.lotId),
        place: b ? { storeId: b.storeId, bay: b.bay } : undefined,
        quantity: v.quantity,
        document: v.document,
        recipient: { kind: v.kind, name: v.name },
      };
    },
    defaults: { lotId: props.lot ? String(props.lot.id) : '', balance: '', quantity: '', kind: 'officer', name: '', document: '' },
    onDone: props.onDone,
  });
  const { register, watch, setValue, getValues } = form;
  const errors = form.formState.errors as FieldErrors;
  const lotId = watch('lotId');

  useEffect(() => {
    let live = true;
    void call('lots.suggest', { calibre: wanted.trim() }).then((r) => {
      if (!live || !r.ok) return;
      setSuggested(r.value);
      // Oldest first is the default, unless a lot is already chosen and still on the list.
      const current = getValues('lotId');
      if (!r.value.some((l) => String(l.id) === current)) setValue('lotId', r.value[0] ? String(r.value[0].id) : '');
    });
    return () => {
      live = false;
    };
  }, [wanted, getValues, setValue]);

  useEffect(() => {
    let live = true;
    setBalances([]);
    if (!lotId) return undefined;
    void call('lots.get', { id: Number(lotId) }).then((r) => {
      if (!live || !r.ok) return;
      const serviceable = r.value.balances.filter((b) => b.condition === 'serviceable' && b.quantity > 0);
      setBalances(serviceable);
    });
    return () => {
      live = false;
    };
  }, [lotId, setValue]);

  // Once the options exist (a select cannot take a value it does not list): the only place is chosen.
  useEffect(() => {
    setValue('balance', balances.length === 1 ? '0' : '');
  }, [balances, setValue]);

  const chosen = suggested?.find((l) => String(l.id) === lotId) ?? (props.lot && String(props.lot.id) === lotId ? props.lot : undefined);
  const oldest = suggested?.[0];
  const lotError = errorAt(errors, 'lotId');
  return (
    <FormDialog title={labels.t('movement.issue')} intro={labels.t('movementIntro.issue')} form={form} onSubmit={(e) => void submit(e)} onClose={props.onClose} failure={failure} testId="dialog-issue" wide>
      <Field id="issue-calibre" label={labels.field('calibre')} hint={labels.t('issue.calibreHint')}>
        <input id="issue-calibre" type="text" autoComplete="off" autoFocus value={calibre} onChange={(e) => setCalibre(e.target.value)} />
      </Field>
      <fieldset className={`ammo-suggest${lotError ? ' field--error' : ''}`} data-testid="issue-suggestions">
        <legend>{labels.t('issue.lots')}</legend>
        {suggested && suggested.length === 0 ? <p className="ammo-muted">{labels.t('issue.none')}</p> : null}
        {(suggested ?? []).slice(0, 8).map((l, i) => (
          <label key={l.id} className="ammo-suggest__item" data-testid="issue-suggestion">
            <input type="radio" value={String(l.id)} {...register('lotId')} />
            <span>
              <strong>{labels.lotName(l)}</strong> · {l.nature} · {l.calibre}
              {i === 0 ? <span className="ammo-badge ammo-badge--ok">{labels.t('issue.oldestFirst')}</span> : null}
              <br />
              <small>
                {labels.t('issue.lotLine', { year: l.yearOfManufacture ?? '—', received: labels.date(l.receivedAt.slice(0, 10)), quantity: labels.rounds(l.onHand.serviceable ?? 0) })}
              </small>
            </span>
          </label>
        ))}
        {lotError ? (
          <small className="field__error" role="alert">
            {errorText.field(lotError.message)}
          </small>
        ) : null}
      </fieldset>
      {chosen && oldest && chosen.id !== oldest.id ? (
        <p className="ammo-warning" role="note" data-testid="issue-not-oldest">
          {labels.t('issue.notOldest', { lot: labels.lotName(oldest) })}
        </p>
      ) : null}
      <BalanceSelect form={form} name="balance" balances={balances} label={labels.field('fromStock')} error={errorAt(errors, 'place.storeId', 'place.bay', 'place')} />
      <QuantityField control={form.control} name="quantity" label={labels.field('quantity')} packaging={chosen ?? null} error={errorAt(errors, 'quantity')} required />
      <Field id="issue-kind" label={labels.field('recipientKind')} error={errorAt(errors, 'recipient.kind')} required>
        <select id="issue-kind" {...register('kind')}>
          <option value="officer">{labels.t('recipient.officer')}</option>
          <option value="unit">{labels.t('recipient.unit')}</option>
        </select>
      </Field>
      <Field id="issue-name" label={labels.field('recipientName')} error={errorAt(errors, 'recipient.name')} required>
        <input id="issue-name" type="text" autoComplete="off" aria-invalid={!!errorAt(errors, 'recipient.name')} {...register('name')} />
      </Field>
      <Field id="issue-document" label={labels.field('voucher')} error={errorAt(errors, 'document')}>
        <input id="issue-document" type="text" autoComplete="off" {...register('document')} />
      </Field>
    </FormDialog>
  );
}
