import { useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { usePrintLabels } from './labels';

/**
 * On screen only: back, print (the system dialog, where a printer or "save as PDF" is chosen) and
 * save as PDF straight to a file (Chromium's own PDF, the same the tests read back).
 */
export function PrintToolbar(props: { ready: boolean; fileName: string; onBack: () => void }) {
  const labels = usePrintLabels();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const savePdf = async () => {
    setSaved(null);
    setBusy(true);
    try {
      const result = await window.gardien.savePdf(props.fileName);
      setSaved(result.saved ? (result.path ?? '') : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="print-toolbar no-print" role="toolbar" aria-label={labels.t('toolbar.label')}>
      <button type="button" className="reg-button" onClick={props.onBack} data-testid="print-back">
        {labels.t('toolbar.back')}
      </button>
      <button
        type="button"
        className="reg-button reg-button--primary"
        disabled={!props.ready}
        onClick={() => window.print()}
        data-testid="print-print"
        autoFocus
      >
        {labels.t('toolbar.print')}
      </button>
      <BusyButton type="button" className="reg-button" busy={busy || !props.ready} onClick={() => void savePdf()} testId="print-save-pdf">
        {labels.t('toolbar.savePdf')}
      </BusyButton>
      {saved !== null ? (
        <span className="print-toolbar__saved" role="status" data-testid="print-saved" data-path={saved}>
          {labels.t('toolbar.saved', { path: saved })}
        </span>
      ) : null}
    </div>
  );
}
