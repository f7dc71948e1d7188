import type { AppErrorShape } from '../../../../shared/result';
import { useErrorText } from '../../../components/errors';

/** The end of every dossier dialog: core's refusal (if any), then submit and cancel. */
export function DialogFooter(props: { failure: AppErrorShape | null; busy: boolean; submit: string; cancel: string; danger?: boolean; onClose: () => void }) {
  const errorText = useErrorText();
  return (
    <>
      {props.failure ? (
        <p role="alert" className="reg-error" data-testid="dialog-error">
          {errorText.operation(props.failure)}
        </p>
      ) : null}
      <div className="reg-dialog__actions">
        <button type="submit" className={`reg-button reg-button--primary${props.danger ? ' reg-button--danger' : ''}`} disabled={props.busy}>
          {props.submit}
        </button>
        <button type="button" className="reg-button" onClick={props.onClose}>
          {props.cancel}
        </button>
      </div>
    </>
  );
}
