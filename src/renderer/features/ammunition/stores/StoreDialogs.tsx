import type { FieldErrors } from 'react-hook-form';
import type { StoreView } from '../../../../shared/contract/ammunition';
import { COMPATIBILITY_GROUPS } from '../../../../shared/domain/ammunition';
import { Field } from '../../../components/Field';
import { errorAt, FormDialog } from '../FormDialog';
import { today, useAmmoLabels } from '../labels';
import { useAmmoForm } from '../useAmmoForm';
import { LicenceFields, licenceDefaults, licenceInput, type LicenceValues } from './LicenceFields';

type StoreValues = LicenceValues & { code: string; name: string; bays: string };

/** One bay or stack per line (or separated by commas), blanks dropped. */
const baysOf = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((b) => b.trim())
    .filter(Boolean);

/** A new store with its bays and its Explosives Limit Licence (managers). */
export function CreateStoreDialog(props: { onClose: () => void; onDone: (s: StoreView) => void }) {
  const labels = useAmmoLabels();
  const { form, submit, failure } = useAmmoForm<StoreValues, 'stores.create'>({
    op: 'stores.create',
    toInput: (v) => ({ code: v.code, name: v.name, bays: baysOf(v.bays ?? ''), licence: licenceInput(v) }),
    defaults: { code: '', name: '', bays: '', ...licenceDefaults(null, labels.lang) },
    onDone: props.onDone,
  });
  const errors = form.formState.errors as FieldErrors;
  const codeError = errorAt(errors, 'code');
  const nameError = errorAt(errors, 'name');
  const baysError = errorAt(errors, 'bays');
  return (
    <FormDialog title={labels.t('store.create')} intro={labels.t('store.createIntro')} form={form} onSubmit={(e) => void submit(e)} onClose={props.onClose} failure={failure} testId="dialog-store" wide>
      <div className="reg-form__grid">
        <Field id="store-code" label={labels.field('storeCode')} error={codeError} required>
          <input id="store-code" type="text" className="input--code" autoComplete="off" autoFocus aria-invalid={!!codeError} {...form.register('code')} />
        </Field>
        <Field id="store-name" label={labels.field('storeName')} error={nameError} required>
          <input id="store-name" type="text" autoComplete="off" aria-invalid={!!nameError} {...form.register('name')} />
        </Field>
      </div>
      <Field id="store-bays" label={labels.field('bays')} error={baysError} hint={labels.t('store.baysHint')}>
        <textarea id="store-bays" rows={3} {...form.register('bays')} />
      </Field>
      <LicenceFields form={form} />
    </FormDialog>
  );
}

/** A renewed or amended licence: a new event; the old one stays in the journal. */
export function LicenceDialog(props: { store: StoreView; onClose: () => void; onDone: (s: StoreView) => void }) {
  const labels = useAmmoLabels();
  const { form, submit, failure } = useAmmoForm<LicenceValues, 'stores.updateLicence'>({
    op: 'stores.updateLicence',
    toInput: (v) => ({ storeId: props.store.id, licence: licenceInput(v) }),
    defaults: licenceDefaults(props.store.licence, labels.lang),
    onDone: props.onDone,
  });
  return (
    <FormDialog title={labels.t('store.editLicence')} intro={labels.t('store.editLicenceIntro', { code: props.store.code })} form={form} onSubmit={(e) => void submit(e)} onClose={props.onClose} failure={failure} testId="dialog-licence" wide>
      <LicenceFields form={form} autoFocus />
    </FormDialog>
  );
}

export function BayDialog(props: { store: StoreView; onClose: () => void; onDone: (s: StoreView) => void }) {
  const labels = useAmmoLabels();
  const { form, submit, failure } = useAmmoForm<{ bay: string }, 'stores.addBay'>({
    op: 'stores.addBay',
    toInput: (v) => ({ storeId: props.store.id, bay: v.bay }),
    defaults: { bay: '' },
    onDone: props.onDone,
  });
  const error = errorAt(form.formState.errors as FieldErrors, 'bay');
  return (
    <FormDialog title={labels.t('store.addBay')} intro={labels.t('store.addBayIntro', { code: props.store.code })} form={form} onSubmit={(e) => void submit(e)} onClose={props.onClose} failure={failure} testId="dialog-bay">
      <Field id="bay-name" label={labels.field('bay')} error={error} required>
        <input id="bay-name" type="text" autoComplete="off" autoFocus aria-invalid={!!error} {...form.register('bay')} />
      </Field>
    </FormDialog>
  );
}

type OverrideValues = { groupA: string; groupB: string; authority: string; reference: string; date: string };

/** The national technical authority's written approval to store two "C" groups together here. */
export function OverrideDialog(props: { store: StoreView; onClose: () => void; onDone: (s: StoreView) => void }) {
  const labels = useAmmoLabels();
  const { form, submit, failure } = useAmmoForm<OverrideValues, 'stores.recordOverride'>({
    op: 'stores.recordOverride',
    toInput: (v) => ({ ...v, storeId: props.store.id }),
    defaults: { groupA: '', groupB: '', authority: '', reference: '', date: today() },
    onDone: props.onDone,
  });
  const errors = form.formState.errors as FieldErrors;
  const field = (name: keyof OverrideValues, first = false) => {
    const error = errorAt(errors, name);
    const id = `ovr-${name}`;
    const common = { id, 'aria-invalid': !!error, autoFocus: first, ...form.register(name) };
    const control =
      name === 'groupA' || name === 'groupB' ? (
        <select {...common}>
          <option value="">{labels.t('action.choose')}</option>
          {COMPATIBILITY_GROUPS.map((g) => (
            <option key={g} value={g}>
              {labels.t('lot.groupOption', { group: g })}
            </option>
          ))}
        </select>
      ) : (
        <input type={name === 'date' ? 'date' : 'text'} autoComplete="off" {...(name === 'date' ? { max: today() } : {})} {...common} />
      );
    return (
      <Field id={id} label={labels.field(`override_${name}`)} error={error} required>
        {control}
      </Field>
    );
  };
  return (
    <FormDialog title={labels.t('store.recordOverride')} intro={labels.t('store.overrideIntro', { code: props.store.code })} form={form} onSubmit={(e) => void submit(e)} onClose={props.onClose} failure={failure} testId="dialog-override">
      <div className="reg-form__grid">
        {field('groupA', true)}
        {field('groupB')}
      </div>
      {field('authority')}
      {field('reference')}
      {field('date')}
    </FormDialog>
  );
}
