import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedPdf } from '../../../shared/api';
import { BusyButton } from '../../components/BusyButton';

/**
 * "Copy to USB stick…": the shell's save dialog, then a whole-or-nothing copy of the exported
 * file; says where it went, or why it did not (a cancel says nothing).
 */
export function CopyToUsb(props: { fileName: string; again?: boolean; autoFocus?: boolean; testId: string }) {
  const { t } = useTranslation('snapshots');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SavedPdf | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const autoFocus = props.autoFocus === true;
  useEffect(() => {
    if (autoFocus) box.current?.querySelector('button')?.focus();
  }, [autoFocus]);
  const copy = async () => {
    setResult(null);
    setBusy(true);
    try {
      setResult(await window.gardien.saveExport(props.fileName));
    } catch {
      setResult({ saved: false, error: 'write_failed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="snap-copy" ref={box}>
      <BusyButton
        type="button"
        className={props.again ? 'button button--small' : 'button button--primary'}
        busy={busy}
        onClick={() => void copy()}
        testId={props.testId}
      >
        {t(props.again ? 'copy.again' : 'copy.start')}
      </BusyButton>
      {result?.saved ? (
        <span role="status" data-testid={`${props.testId}-saved`} data-path={result.path ?? ''}>
          {t('copy.copied', { path: result.path ?? '' })}
        </span>
      ) : null}
      {result?.error ? (
        <span className="field__error" role="alert" data-testid={`${props.testId}-error`}>
          {t(result.error === 'missing' ? 'copy.missing' : 'copy.failed')}
        </span>
      ) : null}
    </span>
  );
}
