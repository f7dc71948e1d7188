import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { Licence } from '../../../../shared/domain/ammunition';
import { HAZARD_DIVISIONS, type HazardDivision } from '../../../../shared/domain/ammunition';
import { Field } from '../../../components/Field';
import { errorAt } from '../FormDialog';
import { useAmmoLabels } from '../labels';

/** Form names cannot hold "1.1" (a dot is a path step): divisions are keyed d1_1… in the form. */
const key = (d: HazardDivision) => `d${d.replace('.', '_')}`;

export interface LicenceValues {
  limits: Record<string, string>;
  authority: string;
  reference: string;
  expiry: string;
}

/** Empty inputs for a new licence, or a licence's figures written back in the user's language. */
export function licenceDefaults(l: Licence | null, lang: 'fr' | 'en'): LicenceValues {
  const limits: Record<string, string> = {};
  for (const d of HAZARD_DIVISIONS) {
    const v = l?.maxNeqKg[d];
    // Plain digits, decimal comma in French: what a person would type back.
    limits[key(d)] = v === undefined ? '' : lang === 'fr' ? String(v).replace('.', ',') : String(v);
  }
  return { limits, authority: l?.authority ?? '', reference: l?.reference ?? '', expiry: l?.expiry ?? '' };
}

/** The licence as the contract wants it: a division left empty is not licensed at all. */
export function licenceInput(v: LicenceValues) {
  const maxNeqKg: Record<string, string> = {};
  for (const d of HAZARD_DIVISIONS) {
    const typed = (v.limits?.[key(d)] ?? '').trim().replace(/\s/g, '');
    if (typed !== '') maxNeqKg[d] = typed;
  }
  return { maxNeqKg, authority: v.authority, reference: v.reference, expiry: v.expiry };
}

/** Max NEQ per division (kg, decimal comma accepted), licensing authority, reference and expiry. */
export function LicenceFields<T extends FieldValues>(props: { form: UseFormReturn<T>; autoFocus?: boolean }) {
  const labels = useAmmoLabels();
  const errors = props.form.formState.errors as FieldErrors;
  const reg = (name: string) => props.form.register(name as Path<T>);
  const text = (name: 'authority' | 'reference' | 'expiry', first: boolean) => {
    const error = errorAt(errors, `licence.${name}`, name);
    return (
      <Field id={`lic-${name}`} label={labels.field(`licence_${name}`)} error={error} required>
        <input id={`lic-${name}`} type={name === 'expiry' ? 'date' : 'text'} autoComplete="off" aria-invalid={!!error} autoFocus={first} {...reg(name)} />
      </Field>
    );
  };
  return (
    <fieldset className="reg-form__section ammo-licence" data-testid="licence-fields">
      <legend>{labels.t('store.licenceTitle')}</legend>
      <p className="ammo-hint">{labels.t('store.licenceHint')}</p>
      <div className="ammo-licence__limits">
        {HAZARD_DIVISIONS.map((d) => {
          const error = errorAt(errors, `licence.maxNeqKg.${d}`, `limits.${key(d)}`);
          const id = `lic-${key(d)}`;
          return (
            <Field key={d} id={id} label={labels.t('store.maxNeqFor', { division: d })} error={error}>
              <input id={id} type="text" inputMode="decimal" autoComplete="off" placeholder={labels.t('store.notLicensed')} aria-invalid={!!error} {...reg(`limits.${key(d)}`)} data-testid={`limit-${d}`} />
            </Field>
          );
        })}
      </div>
      <div className="reg-form__grid">
        {text('authority', !!props.autoFocus)}
        {text('reference', false)}
        {text('expiry', false)}
      </div>
    </fieldset>
  );
}
