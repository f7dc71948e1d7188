import { useEffect, useState, type ReactNode } from 'react';
import type { FieldError, FieldErrors, UseFormRegister } from 'react-hook-form';
import type { WeaponField } from '../../../../shared/domain/weapon';
import { Field } from '../../../components/Field';
import { FIELD_KIND, HINTED, SECTIONS, isRequired } from '../fields';
import { useLabels } from '../labels';
import { WeaponInput } from '../WeaponInput';
import { DuplicateLink } from './DuplicateLink';
import type { WeaponFormValues } from './schemas';

/**
 * Every field of the firearm record, grouped as the paper register groups it. Import marking and
 * other marks are optional and folded away, opening by themselves when they hold an error.
 */
export function WeaponFormSections(props: {
  register: UseFormRegister<WeaponFormValues>;
  errors: FieldErrors<WeaponFormValues>;
  hidden?: readonly WeaponField[];
}) {
  const labels = useLabels();
  const field = (name: WeaponField, autoFocus: boolean) => {
    if (props.hidden?.includes(name)) return null;
    // Every weapon field is a scalar, so its error is a plain FieldError.
    const fieldError = props.errors[name] as FieldError | undefined;
    const required = isRequired(name);
    return (
      <div key={name} className={`reg-form__cell reg-form__cell--${FIELD_KIND[name]}`}>
        <Field id={`w-${name}`} label={labels.field(name)} error={fieldError} required={required} {...(HINTED.includes(name) ? { hint: labels.t(`register:hint.${name}`) } : {})}>
          <WeaponInput id={`w-${name}`} name={name} kind={FIELD_KIND[name]} register={props.register} invalid={!!fieldError} required={required} autoFocus={autoFocus} />
        </Field>
        {name === 'nationalCode' || name === 'serial' ? <DuplicateLink error={fieldError} field={name} /> : null}
      </div>
    );
  };
  return (
    <>
      {SECTIONS.map((section, i) => {
        const body = <div className="reg-form__grid">{section.fields.map((f, j) => field(f, i === 0 && j === 0))}</div>;
        if (!section.optional) {
          return (
            <fieldset key={section.id} className="reg-form__section">
              <legend>{labels.t(`register:section.${section.id}`)}</legend>
              {body}
            </fieldset>
          );
        }
        const hasError = section.fields.some((f) => props.errors[f]);
        return (
          <Collapsible key={section.id} title={labels.t(`register:section.${section.id}`)} forceOpen={hasError}>
            {body}
          </Collapsible>
        );
      })}
    </>
  );
}

/** Folded by default; opens (and stays open) when something inside needs attention. */
function Collapsible(props: { title: string; forceOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (props.forceOpen) setOpen(true);
  }, [props.forceOpen]);
  return (
    <details className="reg-form__section reg-form__section--optional" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{props.title}</summary>
      {props.children}
    </details>
  );
}
