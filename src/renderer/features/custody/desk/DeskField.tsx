import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useDeskErrors } from './errors';

/**
 * A labelled control with its error underneath, linked for screen readers (as components/Field,
 * but core's custody codes that only have an operation message are said too).
 */
export function DeskField(props: { id: string; label: string; error?: FieldError | undefined; required?: boolean; hint?: string | undefined; className?: string; children: ReactNode }) {
  return (
    <div className={`field${props.error ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.children}
      {props.hint && !props.error ? (
        <small className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {props.error ? <FieldMessage id={props.id} message={props.error.message} /> : null}
    </div>
  );
}

export function FieldMessage(props: { id: string; message: string | undefined }) {
  const errors = useDeskErrors();
  return (
    <small className="field__error" role="alert" id={`${props.id}-error`} data-testid={`error-${props.id}`}>
      {errors.field(props.message)}
    </small>
  );
}
