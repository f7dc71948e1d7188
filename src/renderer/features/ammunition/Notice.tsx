import type { Coded } from '../../../shared/result';
import { useAmmoErrors } from './errors';

export interface NoticeValue {
  text: string;
  /** Accepted, but worth saying (licence near its limit or expired). */
  warnings?: Coded[];
}

let pending: NoticeValue | null = null;

/** A notice for the next screen (a receipt opens the lot it created): kept until that screen takes it. */
export function passNotice(n: NoticeValue): void {
  pending = n;
}

/** Read without clearing (a state initializer may run twice); the screen clears it once mounted. */
export function peekNotice(): NoticeValue | null {
  return pending;
}

export function clearNotice(): void {
  pending = null;
}

/** What just happened, announced politely; warnings that came with it stay visible under it. */
export function Notice(props: { notice: NoticeValue | null }) {
  const n = props.notice;
  return (
    <div className="ammo-notice" aria-live="polite" data-testid="ammo-notice">
      {n ? <p className="reg-notice">{n.text}</p> : null}
      <Warnings warnings={n?.warnings ?? []} testId="ammo-warnings" />
    </div>
  );
}

/** Warnings in the user's language (a movement's, or a store's standing ones). */
export function Warnings(props: { warnings: readonly Coded[]; testId: string }) {
  const errors = useAmmoErrors();
  if (props.warnings.length === 0) return null;
  return (
    <ul className="ammo-warnings" data-testid={props.testId}>
      {props.warnings.map((w, i) => (
        <li key={i} className="ammo-warning" data-code={w.code}>
          {errors.warning(w)}
        </li>
      ))}
    </ul>
  );
}
