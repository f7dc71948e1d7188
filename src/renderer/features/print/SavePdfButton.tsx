import { useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { usePrintLabels } from './labels';

/**
 * Saves the page as it prints straight to a PDF file the user chooses (the shell's printToPDF, the
 * same Chromium output the tests read back), then says where it went.
 */
export function SavePdfButton(props: { fileName: string; disabled?: boolean; className?: string }) {
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
    <>
      <BusyButton
        type="button"
        className={props.className ?? 'reg-button no-print'}
        busy={busy || props.disabled === true}
        onClick={() => void savePdf()}
        testId="print-save-pdf"
      >
        {labels.t('toolbar.savePdf')}
      </BusyButton>
      {saved !== null ? (
        <span className="print-toolbar__saved no-print" role="status" data-testid="print-saved" data-path={saved}>
          {labels.t('toolbar.saved', { path: saved })}
        </span>
      ) : null}
    </>
  );
}
