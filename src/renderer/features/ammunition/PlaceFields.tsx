import { useEffect } from 'react';
import type { FieldError, FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { LotDossier, StoreView } from '../../../shared/contract/ammunition';
import { Field } from '../../components/Field';
import { useAmmoLabels } from './labels';

export type Balance = LotDossier['balances'][number];

/** A store as a list shows it: code, name, and a plain warning when its licence has expired. */
export function storeOptionText(labels: ReturnType<typeof useAmmoLabels>, s: StoreView): string {
  const text = `${s.code} — ${s.name}`;
  return s.licenceExpired ? `${text} (${labels.t('store.licenceExpiredShort')})` : text;
}

/**
 * Where a quantity goes: a store, then one of its bays (or none). `prefix` is the form path holding
 * `{storeId, bay}`; choosing another store clears a bay that belongs to the previous one.
 */
export function DestinationFields<T extends FieldValues>(props: {
  form: UseFormReturn<T>;
  prefix: string;
  stores: StoreView[] | null;
  label?: string;
  storeError?: FieldError | undefined;
  bayError?: FieldError | undefined;
  autoFocus?: boolean;
}) {
  const labels = useAmmoLabels();
  const { register, watch, setValue, getValues } = props.form;
  const storeName = `${props.prefix}.storeId` as Path<T>;
  const bayName = `${props.prefix}.bay` as Path<T>;
  const storeId = String(watch(storeName) ?? '');
  const store = props.stores?.find((s) => String(s.id) === storeId);
  useEffect(() => {
    const bay = String(getValues(bayName) ?? '');
    if (bay && store && !store.bays.includes(bay)) setValue(bayName, '' as PathValue<T, Path<T>>);
  }, [store, bayName, getValues, setValue]);
  const id = props.prefix.replace(/\W/g, '-');
  // A select cannot hold a value it does not list: register it only once the stores are known,
  // so the form's starting store (the lot's own) shows as chosen.
  if (props.stores === null) {
    return (
      <Field id={`${id}-store`} label={props.label ?? labels.field('store')}>
        <select id={`${id}-store`} disabled>
          <option>{labels.t('common.loading')}</option>
        </select>
      </Field>
    );
  }
  return (
    <div className="ammo-place">
      <Field id={`${id}-store`} label={props.label ?? labels.field('store')} error={props.storeError} required>
        <select id={`${id}-store`} aria-invalid={!!props.storeError} autoFocus={props.autoFocus} {...register(storeName)}>
          <option value="">{labels.t('action.choose')}</option>
          {props.stores.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {storeOptionText(labels, s)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-bay`} label={labels.field('bay')} error={props.bayError}>
        <select id={`${id}-bay`} aria-invalid={!!props.bayError} {...register(bayName)}>
          <option value="">{labels.t('store.noBay')}</option>
          {(store?.bays ?? []).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </Field>
      {store?.licenceExpired ? (
        <p className="ammo-warning" role="note">
          {labels.t('store.licenceExpiredNote', { code: store.code })}
        </p>
      ) : null}
    </div>
  );
}

/** One line of a lot's stock: store, bay, condition and quantity. */
export function balanceText(labels: ReturnType<typeof useAmmoLabels>, b: Balance): string {
  const bay = b.bay ? ` · ${b.bay}` : '';
  return `${b.storeCode}${bay} · ${labels.condition(b.condition)} · ${labels.rounds(b.quantity)}`;
}

/** Where a quantity comes from: one line of the lot's stock (place and condition together). */
export function BalanceSelect<T extends FieldValues>(props: {
  form: UseFormReturn<T>;
  name: string;
  balances: Balance[];
  label: string;
  error?: FieldError | undefined;
  autoFocus?: boolean;
}) {
  const labels = useAmmoLabels();
  const id = `bal-${props.name.replace(/\W/g, '-')}`;
  return (
    <Field id={id} label={props.label} error={props.error} required>
      <select id={id} aria-invalid={!!props.error} autoFocus={props.autoFocus} {...props.form.register(props.name as Path<T>)} data-testid="balance-select">
        <option value="">{props.balances.length ? labels.t('action.choose') : labels.t('lot.noStockHere')}</option>
        {props.balances.map((b, i) => (
          <option key={`${b.storeId}-${b.bay}-${b.condition}`} value={String(i)}>
            {balanceText(labels, b)}
          </option>
        ))}
      </select>
    </Field>
  );
}
