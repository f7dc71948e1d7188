import { usePrintLabels } from './labels';
import { SavePdfButton } from './SavePdfButton';

/**
 * On screen only: back, print (the system dialog, where a printer or "save as PDF" is chosen) and
 * save as PDF straight to a file.
 */
export function PrintToolbar(props: { ready: boolean; fileName: string; onBack: () => void }) {
  const labels = usePrintLabels();
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
      <SavePdfButton fileName={props.fileName} disabled={!props.ready} className="reg-button" />
    </div>
  );
}
