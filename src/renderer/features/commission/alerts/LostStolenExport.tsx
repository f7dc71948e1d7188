import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/result';
import { BusyButton } from '../../../components/BusyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';

/**
 * "Export lost and stolen (iARMS CSV)": core writes the file into the exports folder, then the
 * shell's save dialog copies it where the user chooses (a USB stick for the INTERPOL focal point).
 */
export function LostStolenExport() {
  const l = useCommissionLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const r = await call('commission.lostStolenCsv', {});
      if (!r.ok) return setError(r.error);
      const saved = await window.gardien.saveExport(r.value.fileName);
      if (saved.saved) setMessage(l.t('alerts.csvSaved', { count: r.value.rows, n: l.number(r.value.rows), path: saved.path ?? r.value.fileName }));
      else if (saved.error) setMessage(l.t(`alerts.csvError.${saved.error === 'missing' ? 'missing' : 'write'}`));
      else setMessage(l.t('alerts.csvCancelled', { fileName: r.value.fileName }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cm-export">
      <BusyButton type="button" className="button" busy={busy} busyLabel={l.t('alerts.csvBusy')} onClick={() => void run()} testId="lost-stolen-csv">
        {l.t('alerts.csv')}
      </BusyButton>
      {message ? (
        <p role="status" className="hint" data-testid="csv-status">
          {message}
        </p>
      ) : null}
      <ErrorBanner error={error} />
    </div>
  );
}
