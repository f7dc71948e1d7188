import type { AppErrorShape, Coded } from '../../shared/result';
import { useErrorText } from './errors';

/** An operation's error in the user's language, announced to screen readers. */
export function ErrorBanner(props: { error: AppErrorShape | Coded | null | undefined; testId?: string }) {
  const errors = useErrorText();
  if (!props.error) return null;
  return (
    <p className="banner banner--error" role="alert" data-testid={props.testId ?? 'error-banner'}>
      {errors.operation(props.error)}
    </p>
  );
}
