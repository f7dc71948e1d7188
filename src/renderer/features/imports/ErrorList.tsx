import type { ImportKind, RowError } from '../../../shared/domain/spreadsheet';
import { useImportLabels } from './labels';

/**
 * The problems line by line, as a storekeeper fixes them in the spreadsheet: "Line 14, column C
 * (N° de série): …", then the register's field and the value as written. The first ones only when
 * there are many; the saved report holds them all.
 */
export function ErrorList(props: { kind: ImportKind; errors: RowError[]; total: number }) {
  const l = useImportLabels();
  if (props.errors.length === 0) return null;
  return (
    <section className="imp-errors" aria-labelledby="imp-errors-title" data-testid="import-errors">
      <h3 id="imp-errors-title">{l.t('errors.title', { count: props.total, n: l.number(props.total) })}</h3>
      {props.total > props.errors.length ? (
        <p className="hint" data-testid="import-errors-more">
          {l.t('errors.more', { shown: l.number(props.errors.length), total: l.number(props.total) })}
        </p>
      ) : null}
      <ul className="imp-errors__list">
        {props.errors.map((e, i) => (
          <li key={i} data-testid="import-error-line" data-line={e.line} data-column={e.column} data-field={e.field} data-code={e.code}>
            <strong>{l.t('errors.at', { where: l.where(e) })}</strong> {l.problem(e)}
            {e.field !== '_' || e.value ? (
              <span className="imp-errors__detail">
                {e.field !== '_' ? l.field(props.kind, e.field) : null}
                {e.value ? <span className="code"> {l.t('quoted', { value: e.value })}</span> : null}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
