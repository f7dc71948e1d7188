import { useEffect, useRef, useState } from 'react';
import { useImportLabels } from './labels';
import { useJobProgress } from '../snapshots/useJobProgress';

/**
 * The bar of a running check or import (core's jobs.progress, asked about every 200 ms) with its
 * Cancel button, focused so Enter or Space stops it; indeterminate until core has counted the rows.
 */
export function JobProgress(props: { job: 'spreadsheet_check' | 'spreadsheet_import'; onCancel: () => Promise<void>; testId: string }) {
  const l = useImportLabels();
  const p = useJobProgress(true, props.job);
  const [cancelling, setCancelling] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  const known = p !== null && p.total > 0;
  const percent = known ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  const label = l.t(props.job === 'spreadsheet_check' ? 'progress.check' : 'progress.import');
  return (
    <div className="imp-progress" data-testid={props.testId} data-done={p?.done ?? 0} data-total={p?.total ?? 0}>
      {known ? <progress max={p.total} value={p.done} aria-label={label} /> : <progress aria-label={label} />}
      <span role="status" aria-live="polite">
        {known ? l.t('progress.rows', { done: l.number(p.done), total: l.number(p.total), percent }) : l.t('progress.starting')}
      </span>
      <button
        ref={button}
        type="button"
        className="reg-button"
        disabled={cancelling}
        data-testid={`${props.testId}-cancel`}
        onClick={() => {
          setCancelling(true);
          void props.onCancel();
        }}
      >
        {l.t(cancelling ? 'progress.cancelling' : 'progress.cancel')}
      </button>
    </div>
  );
}
