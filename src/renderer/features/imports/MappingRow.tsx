import { useWatch, type FieldError, type UseFormReturn } from 'react-hook-form';
import type { ImportKind } from '../../../shared/domain/spreadsheet';
import { useErrorText } from '../../components/errors';
import { clip, columnLetter, sampleOf, type FileColumns } from './columns';
import type { FieldSpec } from './fieldSpecs';
import { useImportLabels } from './labels';
import type { MappingValues } from './mappingForm';
import { ValueInput } from './ValueInput';
import type { Options } from './useOptions';

/** One field of the record: which column fills it, or one value for every row when the file lacks it. */
export function MappingRow(props: {
  kind: ImportKind;
  spec: FieldSpec;
  form: UseFormReturn<MappingValues>;
  columns: FileColumns;
  options: Options;
  error: FieldError | undefined;
}) {
  const l = useImportLabels();
  const errors = useErrorText();
  const { spec, form, columns } = props;
  const name = spec.name;
  const column = useWatch({ control: form.control, name: `fields.${name}.column` });
  const id = `imp-col-${name}`;
  const label = l.field(props.kind, name);

  const optionText = (i: number) => {
    const letter = columnLetter(i);
    const header = columns.names[i];
    const base = header ? l.t('map.option.header', { letter, header: clip(header) }) : l.t('map.option.letter', { letter });
    const sample = sampleOf(columns.samples, i);
    return sample ? `${base} ${l.t('map.option.sample', { sample: clip(sample, 24) })}` : base;
  };

  const chosen = column ? Number(column) : null;
  return (
    <tr data-testid={`map-${name}`} className={props.error ? 'imp-map__row--error' : undefined}>
      <th scope="row">
        <label htmlFor={id}>
          {label}
          {spec.required ? <abbr title={l.t('map.required')}> *</abbr> : null}
        </label>
      </th>
      <td>
        <select
          id={id}
          className="imp-map__column"
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          data-testid={`map-column-${name}`}
          {...form.register(`fields.${name}.column`)}
        >
          <option value="">{l.t('map.notInFile')}</option>
          {Array.from({ length: columns.count }, (_, i) => (
            <option key={i} value={String(i)}>
              {optionText(i)}
            </option>
          ))}
        </select>
        {props.error ? (
          <small className="field__error" role="alert" id={`${id}-error`} data-testid={`error-map-${name}`}>
            {errors.field(props.error.message)}
          </small>
        ) : null}
      </td>
      <td>
        {chosen === null ? (
          <ValueInput
            id={`imp-const-${name}`}
            label={l.t('map.constantFor', { field: label })}
            spec={spec}
            options={props.options}
            testId={`map-constant-${name}`}
            registration={form.register(`fields.${name}.constant`)}
          />
        ) : (
          <span className="imp-sample" data-testid={`map-sample-${name}`}>
            {sampleOf(columns.samples, chosen) ? l.t('map.sample', { sample: clip(sampleOf(columns.samples, chosen), 40) }) : l.t('map.sampleEmpty')}
          </span>
        )}
      </td>
    </tr>
  );
}
