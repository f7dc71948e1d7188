import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/result';
import { ErrorBanner } from './ErrorBanner';

/** A dossier that could not be read: the way back, and why. */
export function LoadFailure(props: { back: ReactNode; error: AppErrorShape; className: string }) {
  return (
    <section className={`reg-screen ${props.className}`}>
      {props.back}
      <ErrorBanner error={props.error} />
    </section>
  );
}
