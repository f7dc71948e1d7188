import { useEffect, useRef } from 'react';
import { CheckSummary } from './CheckSummary';
import { ErrorList } from './ErrorList';
import { ImportError } from './ImportError';
import { JobProgress } from './JobProgress';
import { useImportLabels } from './labels';
import { SaveReport } from './SaveReport';
import type { Wizard } from './useImportWizard';

/**
 * Step 4: every row validated as the import would (nothing recorded yet), with a progress bar and
 * Cancel for a big file; then what is valid, what is not and why, line by line.
 */
export function CheckStep(props: { wizard: Wizard }) {
  const l = useImportLabels();
  const { state, runCheck, cancel, goTo } = props.wizard;
  const { check, busy, error } = state;

  // Arriving here is asking for the check: it starts at once unless a result for this mapping is there.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || check || busy) return;
    started.current = true;
    void runCheck(state);
  }, [check, busy, runCheck, state]);

  const running = busy === 'check';
  return (
    <div className="imp-step" data-testid="import-check">
      <p className="hint">{l.t('check.intro')}</p>
      {running ? <JobProgress job="spreadsheet_check" onCancel={cancel} testId="import-check-progress" /> : null}
      <ImportError kind={state.kind} error={error} />
      {check ? (
        <>
          <CheckSummary kind={state.kind} check={check} />
          {check.errorReport ? <SaveReport fileName={check.errorReport} /> : null}
          <ErrorList kind={state.kind} errors={check.errors} total={check.errorCount} />
        </>
      ) : null}
      <div className="imp-actions">
        <button type="button" className="reg-button" disabled={running} onClick={() => goTo('preview')}>
          {l.t('back.step')}
        </button>
        {!running && !check ? (
          <button type="button" className="reg-button" onClick={() => void runCheck(state)} data-testid="import-check-again">
            {l.t('check.again')}
          </button>
        ) : null}
        <button type="button" className="reg-button reg-button--primary" disabled={running || !check} onClick={() => goTo('confirm')} data-testid="import-next">
          {l.t('next.confirm')}
        </button>
      </div>
    </div>
  );
}
