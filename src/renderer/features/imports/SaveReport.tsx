import { BusyButton } from '../../components/BusyButton';
import { useSaveExport } from '../../components/useSaveExport';
import { useImportLabels } from './labels';

/** "Save the error report…": the CSV core wrote (every problem, by line and column), copied where the user chooses. */
export function SaveReport(props: { fileName: string }) {
  const l = useImportLabels();
  const { busy, result, save } = useSaveExport();
  return (
    <div className="imp-report">
      <BusyButton type="button" className="reg-button" busy={busy} onClick={() => void save(props.fileName)} testId="import-save-report">
        {l.t('report.save')}
      </BusyButton>
      {result?.saved ? (
        <span role="status" data-testid="import-save-report-saved" data-path={result.path ?? ''}>
          {l.t('report.saved', { path: result.path ?? '' })}
        </span>
      ) : null}
      {result?.error ? (
        <span className="field__error" role="alert" data-testid="import-save-report-error">
          {l.t(result.error === 'missing' ? 'export.missing' : 'export.failed')}
        </span>
      ) : null}
    </div>
  );
}
