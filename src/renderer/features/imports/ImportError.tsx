import type { ImportKind } from '../../../shared/domain/spreadsheet';
import type { AppErrorShape, Coded } from '../../../shared/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useErrorText } from '../../components/errors';
import { useImportLabels } from './labels';

/**
 * A refusal from core in the user's language; for a mapping that cannot fit the file, each field
 * at fault with why (a required field left out, a value for all rows that means nothing).
 */
export function ImportError(props: { kind: ImportKind; error: AppErrorShape | Coded | null; testId?: string }) {
  const l = useImportLabels();
  const errors = useErrorText();
  const { error } = props;
  if (!error) return null;
  const fields = 'fields' in error && error.fields ? Object.entries(error.fields) : [];
  return (
    <>
      <ErrorBanner error={error} testId={props.testId ?? 'import-error'} />
      {fields.length > 0 ? (
        <ul className="imp-faults" data-testid="import-error-fields">
          {fields.map(([field, coded]) => (
            <li key={field} data-field={field}>
              {l.t('labelled', { label: field === 'headerRow' ? l.t('map.headerRow') : l.field(props.kind, field), text: errors.field(coded) })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
