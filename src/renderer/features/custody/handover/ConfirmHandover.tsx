import type { HandoverWeapon, KeyRow } from '../../../../shared/contract/custody';
import { Dialog } from '../../../components/Dialog';
import { useHandoverLabels } from './labels';
import type { UnexpectedItem } from './useCount';

/** The last look before both signatures are recorded: every missing weapon opens a case. */
export function ConfirmHandover(props: {
  missing: readonly HandoverWeapon[];
  unexpected: readonly UnexpectedItem[];
  keys: readonly KeyRow[];
  incoming: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const labels = useHandoverLabels();
  const { missing, unexpected } = props;
  return (
    <Dialog title={labels.t('confirm.title')} onClose={props.onClose} testId="handover-confirm" className="reg-dialog ho-dialog">
      {missing.length === 0 ? (
        <p className="ho-ok" data-testid="confirm-none-missing">
          {labels.t('confirm.noneMissing')}
        </p>
      ) : (
        <>
          <p className="ho-refusal">{labels.t('confirm.missing', { count: missing.length, n: labels.number(missing.length) })}</p>
          <ul className="ho-list" data-testid="confirm-missing">
            {missing.map((w) => (
              <li key={w.id} data-weapon={w.id}>
                <span className="code">{w.nationalCode}</span> <span className="code">{w.serial}</span> {`${labels.weaponType(w.type)} · ${w.model}`}{' '}
                <span className="ho-muted">{w.location}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {unexpected.length > 0 ? (
        <>
          <p>{labels.t('confirm.unexpected', { count: unexpected.length, n: labels.number(unexpected.length) })}</p>
          <ul className="ho-list" data-testid="confirm-unexpected">
            {unexpected.map((u) => (
              <li key={u.code}>{u.weapon ? `${u.weapon.nationalCode} · ${u.weapon.serial}` : labels.t('confirm.unknownCode', { code: u.code })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {props.keys.length > 0
          ? labels.t('confirm.keys', { keys: props.keys.map((k) => k.code).join(', '), incoming: props.incoming })
          : labels.t('confirm.noKeys')}
      </p>
      <p className="ho-muted">{labels.t('confirm.signature', { incoming: props.incoming })}</p>
      <div className="reg-dialog__actions">
        <button type="button" className="reg-button reg-button--primary" disabled={props.busy} aria-busy={props.busy} onClick={props.onConfirm} data-testid="handover-confirm-submit">
          {labels.t('confirm.submit')}
        </button>
        <button type="button" className="reg-button" onClick={props.onClose}>
          {labels.t('confirm.back')}
        </button>
      </div>
    </Dialog>
  );
}
