import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ImportDone } from './ImportDone';
import { ImportError } from './ImportError';
import { JobProgress } from './JobProgress';
import { useImportLabels } from './labels';
import type { Wizard } from './useImportWizard';

/**
 * Step 5: what will be recorded, the choice to leave the invalid rows out, a last confirmation
 * (registrations are journal entries: never undone, only corrected), then the import with its
 * progress and Cancel. A refusal is shown here and changes nothing of the mapping.
 */
export function ConfirmStep(props: { wizard: Wizard }) {
  const l = useImportLabels();
  const { state, runImport, cancel, goTo } = props.wizard;
  const [skip, setSkip] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { check, kind, shape } = state;
  if (state.result) return <ImportDone wizard={props.wizard} result={state.result} />;
  if (!check || !shape) return null;

  const running = state.busy === 'run';
  const blocked = check.invalid > 0 && !skip;
  const count = { count: check.valid, n: l.number(check.valid) };
  return (
    <div className="imp-step" data-testid="import-confirm">
      <section className="panel imp-confirm" aria-labelledby="imp-confirm-title">
        <h3 id="imp-confirm-title">{l.t(`confirm.what.${kind}`, { ...count, file: shape.fileName })}</h3>
        <p>{l.t('confirm.source')}</p>
        <p className="imp-notice imp-notice--warn">{l.t('confirm.final')}</p>
        {check.invalid > 0 ? (
          <label className="imp-skip">
            <input type="checkbox" checked={skip} disabled={running} onChange={(e) => setSkip(e.target.checked)} data-testid="import-skip-invalid" />
            {l.t('confirm.skip', { count: check.invalid, n: l.number(check.invalid) })}
          </label>
        ) : null}
        {blocked ? (
          <p className="hint" data-testid="import-blocked">
            {l.t('confirm.blocked')}
          </p>
        ) : null}
        {check.valid === 0 ? <p className="hint">{l.t('confirm.nothing')}</p> : null}
      </section>
      {running ? <JobProgress job="spreadsheet_import" onCancel={cancel} testId="import-run-progress" /> : null}
      <ImportError kind={kind} error={state.error} />
      <div className="imp-actions">
        <button type="button" className="reg-button" disabled={running} onClick={() => goTo('check')}>
          {l.t('back.step')}
        </button>
        <button
          type="button"
          className="reg-button reg-button--primary"
          disabled={running || blocked || check.valid === 0}
          onClick={() => setConfirming(true)}
          data-testid="import-run"
        >
          {l.t(`confirm.button.${kind}`, count)}
        </button>
      </div>
      {confirming ? (
        <Dialog title={l.t('confirm.dialogTitle')} onClose={() => setConfirming(false)} testId="import-confirm-dialog" className="dialog reg-dialog">
          <p>{l.t(`confirm.dialog.${kind}`, { ...count, file: shape.fileName })}</p>
          {skip && check.invalid > 0 ? <p>{l.t('confirm.dialogSkipped', { count: check.invalid, n: l.number(check.invalid) })}</p> : null}
          <p>
            <strong>{l.t('confirm.dialogFinal')}</strong>
          </p>
          <div className="form__actions">
            <button type="button" className="reg-button" autoFocus onClick={() => setConfirming(false)}>
              {l.t('confirm.dialogCancel')}
            </button>
            <button
              type="button"
              className="reg-button reg-button--primary"
              data-testid="import-confirm-yes"
              onClick={() => {
                setConfirming(false);
                void runImport(state, skip);
              }}
            >
              {l.t('confirm.dialogYes')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
