import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from './errors';

/** A labelled form control with its translated error underneath, linked for screen readers. */
export function Field(props: { id: string; label: string; error?: FieldError | undefined; required?: boolean; hint?: string; children: ReactNode }) {
  const errors = useErrorText();
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.children}
      {props.hint && !props.error ? <small className="field__hint">{props.hint}</small> : null}
      {props.error ? (
        <small className="field__error" role="alert" id={`${props.id}-error`} data-testid={`error-${props.id}`}>
          {errors.field(props.error.message)}
        </small>
      ) : null}
    </div>
  );
}
