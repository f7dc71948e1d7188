import type { ReactNode } from 'react';

/** A submit button that stays in place while the operation runs (password hashing takes a moment). */
export function BusyButton(props: {
  busy: boolean;
  children: ReactNode;
  busyLabel?: string;
  className?: string;
  type?: 'submit' | 'button';
  onClick?: () => void;
  testId?: string;
}) {
  return (
    <button
      type={props.type ?? 'submit'}
      className={props.className ?? 'button button--primary'}
      disabled={props.busy}
      aria-busy={props.busy}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.busy ? <span className="spinner" aria-hidden="true" /> : null}
      {props.busy && props.busyLabel ? props.busyLabel : props.children}
    </button>
  );
}
