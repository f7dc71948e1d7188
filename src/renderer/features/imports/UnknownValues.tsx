import type { ColumnMapping, ImportKind, UnknownValue } from '../../../shared/domain/spreadsheet';
import { fieldSpec } from './fieldSpecs';
import { useImportLabels } from './labels';
import { useOptions } from './useOptions';
import { ValueInput } from './ValueInput';

interface Line {
  field: string;
  value: string;
  /** Null for a word mapped on an earlier visit (core no longer counts it). */
  count: number | null;
  firstLine: number | null;
}

/**
 * Words of coded fields that no vocabulary knew ("Kalach 2" for a type): each with how many rows
 * hold it, where it first appears, and the list to say what it means. Rows that keep an unmapped
 * word are refused at the check.
 */
export function UnknownValues(props: { kind: ImportKind; seen: UnknownValue[]; mapping: ColumnMapping; onMap: (field: string, value: string, code: string) => void }) {
  const l = useImportLabels();
  const options = useOptions(props.kind);
  const lines: Line[] = [...props.seen];
  const listed = new Set(lines.map((u) => `${u.field}\u0001${u.value}`));
  for (const [field, words] of Object.entries(props.mapping.values)) {
    for (const value of Object.keys(words)) if (!listed.has(`${field}\u0001${value}`)) lines.push({ field, value, count: null, firstLine: null });
  }
  if (lines.length === 0) return null;
  return (
    <section className="panel imp-unknown" aria-labelledby="imp-unknown-title" data-testid="import-unknown">
      <h3 id="imp-unknown-title">{l.t('unknown.title')}</h3>
      <p className="hint">{l.t('unknown.intro')}</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{l.t('unknown.field')}</th>
            <th scope="col">{l.t('unknown.value')}</th>
            <th scope="col" className="num">
              {l.t('unknown.count')}
            </th>
            <th scope="col" className="num">
              {l.t('unknown.firstLine')}
            </th>
            <th scope="col">{l.t('unknown.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((u, i) => {
            const label = l.field(props.kind, u.field);
            const chosen = props.mapping.values[u.field]?.[u.value] ?? '';
            return (
              <tr key={`${u.field}-${u.value}`} data-testid="import-unknown-value" data-field={u.field} data-value={u.value} data-mapped={chosen ? 'yes' : 'no'}>
                <td>{label}</td>
                <th scope="row" className="code">
                  {l.t('quoted', { value: u.value })}
                </th>
                <td className="num">{u.count === null ? '—' : l.number(u.count)}</td>
                <td className="num">{u.firstLine === null ? '—' : u.firstLine}</td>
                <td>
                  <ValueInput
                    id={`imp-unknown-${i}`}
                    label={l.t('unknown.meaningFor', { field: label, value: u.value })}
                    spec={fieldSpec(props.kind, u.field)}
                    options={options}
                    testId="import-unknown-choice"
                    value={chosen}
                    onChange={(code) => props.onMap(u.field, u.value, code)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
