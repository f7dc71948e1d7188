import type { ColumnMapping, ImportKind, PreviewRow } from '../../../shared/domain/spreadsheet';
import { fieldSpecs } from './fieldSpecs';
import { useImportLabels } from './labels';

/**
 * The first rows as the register will hold them: one column per field the mapping fills, codes
 * shown by their names, dates in the user's format. A cell with a problem is marked and says why;
 * problems of the whole row (a duplicate) are in the last column.
 */
export function PreviewTable(props: { kind: ImportKind; mapping: ColumnMapping; rows: PreviewRow[] }) {
  const l = useImportLabels();
  const { kind, mapping } = props;
  const fields = fieldSpecs(kind)
    .map((s) => s.name)
    .filter((f) => mapping.columns[f] !== undefined || mapping.constants[f] !== undefined);
  if (props.rows.length === 0) return <p className="hint">{l.t('preview.noRows')}</p>;
  return (
    <div className="imp-table-wrap" tabIndex={0} role="region" aria-labelledby="imp-preview-caption">
      <table className="table table--compact imp-preview" data-testid="import-preview-table">
        <caption id="imp-preview-caption">{l.t('preview.caption', { count: props.rows.length, n: l.number(props.rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {l.t('preview.line')}
            </th>
            {fields.map((f) => (
              <th key={f} scope="col">
                {l.field(kind, f)}
              </th>
            ))}
            <th scope="col">{l.t('preview.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const rowErrors = row.errors.filter((e) => !fields.includes(e.field));
            return (
              <tr key={row.line} data-testid="import-preview-row" data-line={row.line} className={row.errors.length ? 'imp-row--error' : undefined}>
                <th scope="row" className="num">
                  {row.line}
                </th>
                {fields.map((f) => {
                  const errors = row.errors.filter((e) => e.field === f);
                  return (
                    <td key={f} data-field={f} data-value={row.values[f] ?? ''} className={errors.length ? 'imp-cell--error' : undefined}>
                      {l.value(kind, f, row.values[f] ?? '')}
                      {errors.map((e, i) => (
                        <small key={i} className="imp-cell__problem">
                          {l.problem(e)}
                        </small>
                      ))}
                    </td>
                  );
                })}
                <td>
                  {rowErrors.map((e, i) => (
                    <small key={i} className="imp-cell__problem">
                      {e.field === '_' ? l.problem(e) : l.t('labelled', { label: l.field(kind, e.field), text: l.problem(e) })}
                    </small>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
