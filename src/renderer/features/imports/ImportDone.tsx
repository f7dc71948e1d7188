import { useEffect, useRef } from 'react';
import type { ImportResult } from '../../../shared/domain/spreadsheet';
import { useNavigate } from '../../app/navigation';
import { useImportLabels } from './labels';
import { LIST_OF } from './lists';
import { SaveReport } from './SaveReport';
import type { Wizard } from './useImportWizard';

/** The import is recorded: how many came in, how many were left out, and the way to them. */
export function ImportDone(props: { wizard: Wizard; result: ImportResult }) {
  const l = useImportLabels();
  const navigate = useNavigate();
  const { result } = props;
  const open = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    open.current?.focus();
  }, []);
  return (
    <section className="panel imp-done" aria-labelledby="imp-done-title" data-testid="import-done" data-imported={result.imported} data-skipped={result.skipped}>
      <div role="status">
        <h3 id="imp-done-title">{l.t(`done.imported.${result.kind}`, { count: result.imported, n: l.number(result.imported) })}</h3>
      </div>
      {result.skipped > 0 ? <p data-testid="import-done-skipped">{l.t('done.skipped', { count: result.skipped, n: l.number(result.skipped) })}</p> : null}
      <p className="hint">{l.t('done.source', { file: result.fileName, sha: result.fileSha256 })}</p>
      {result.errorReport ? <SaveReport fileName={result.errorReport} /> : null}
      <div className="imp-actions">
        <button ref={open} type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: LIST_OF[result.kind] })} data-testid="import-open-list">
          {l.t(`done.open.${result.kind}`)}
        </button>
        <button type="button" className="reg-button" onClick={props.wizard.restart} data-testid="import-another">
          {l.t('done.another')}
        </button>
      </div>
    </section>
  );
}
