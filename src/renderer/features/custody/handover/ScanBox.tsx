import { useId, useRef } from 'react';
import { useErrorText } from '../../../components/errors';
import type { HandoverWeapon } from '../../../../shared/contract/custody';
import { useHandoverLabels } from './labels';
import type { ScanOutcome } from './useCount';

/**
 * The scan box: a barcode scanner types the code and Enter. Uncontrolled, so a burst of keys is
 * not slowed by re-renders; the box empties at each Enter and keeps the focus for the next code.
 */
export function ScanBox(props: { onScan: (code: string) => void | Promise<void>; last: ScanOutcome | null }) {
  const labels = useHandoverLabels();
  const errors = useErrorText();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const weaponText = (w: HandoverWeapon) => labels.t('count.weaponLine', { nationalCode: w.nationalCode, serial: w.serial, location: w.location });
  const { last } = props;
  let message = '';
  if (last?.kind === 'ticked') message = labels.t('scan.ticked', { weapon: weaponText(last.weapon) });
  else if (last?.kind === 'already') message = labels.t('scan.already', { weapon: weaponText(last.weapon) });
  else if (last?.kind === 'unexpected')
    message = last.item.weapon
      ? labels.t('scan.unexpected', { weapon: weaponText(last.item.weapon), status: labels.status(last.item.weapon.status) })
      : labels.t('scan.unknown', { code: last.item.code });
  else if (last?.kind === 'repeat') message = labels.t('scan.repeat', { code: last.code });
  else if (last?.kind === 'failed') message = `${labels.t('scan.failed', { code: last.code })} ${errors.operation(last.error)}`;
  const tone = last?.kind === 'ticked' ? 'ok' : last?.kind === 'already' || last?.kind === 'repeat' ? 'warn' : 'danger';

  return (
    <div className="ho-scan">
      <label htmlFor={id}>{labels.t('scan.label')}</label>
      <input
        id={id}
        ref={ref}
        type="text"
        className="input--code"
        // The counter's first move is to scan: the box is where the cursor starts.
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint ${id}-last`}
        data-testid="handover-scan"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const input = e.currentTarget;
          const code = input.value;
          input.value = '';
          void props.onScan(code);
        }}
      />
      <small id={`${id}-hint`} className="field__hint">
        {labels.t('scan.hint')}
      </small>
      <p id={`${id}-last`} className={`ho-scan__last${last ? ` ho-scan__last--${tone}` : ''}`} role="status" aria-live="polite" data-testid="handover-last-scan" data-kind={last?.kind ?? ''}>
        {message}
      </p>
    </div>
  );
}
