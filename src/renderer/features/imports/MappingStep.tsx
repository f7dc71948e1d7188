import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type DeepPartial, type Resolver } from 'react-hook-form';
import type { ColumnMapping, SpreadsheetShape } from '../../../shared/domain/spreadsheet';
import { Field } from '../../components/Field';
import { fileColumns } from './columns';
import { fieldSpecs } from './fieldSpecs';
import { useImportLabels } from './labels';
import { fromValues, mappingSchema, toValues, type MappingValues } from './mappingForm';
import { MappingRow } from './MappingRow';
import type { Wizard } from './useImportWizard';
import { useOptions } from './useOptions';

/**
 * Step 2: one line per field of the record, each with the file's column that fills it, or "not in
 * the file" and then, if wanted, one value for every row. Every change is kept in the wizard at
 * once (a jump to another step loses nothing); "Next" checks that required fields are covered.
 */
export function MappingStep(props: { wizard: Wizard; shape: SpreadsheetShape; mapping: ColumnMapping }) {
  const l = useImportLabels();
  const { wizard, shape } = props;
  const kind = wizard.state.kind;
  const options = useOptions(kind);
  const [resolver] = useState(() => zodResolver(mappingSchema(kind)) as unknown as Resolver<MappingValues>);
  const form = useForm<MappingValues>({ resolver, defaultValues: toValues(kind, props.mapping) });
  const headerRow = useWatch({ control: form.control, name: 'headerRow' });
  const columns = fileColumns(shape, Number.isInteger(headerRow) && headerRow >= 0 ? headerRow - 1 : shape.mapping.headerRow);

  // The wizard's latest mapping: its values for unknown words are not this form's to change.
  const base = useRef(props.mapping);
  useEffect(() => {
    base.current = props.mapping;
  });
  const { setMapping, goTo } = wizard;
  const values = useWatch({ control: form.control });
  const typed = JSON.stringify(values);
  useEffect(() => {
    setMapping(fromValues(JSON.parse(typed) as DeepPartial<MappingValues>, base.current));
  }, [typed, setMapping]);

  // The effect above has already kept every change: a valid form only moves on.
  const submit = form.handleSubmit(() => goTo('preview'));

  const { errors } = form.formState;
  const lettersOnly = columns.names.every((n) => n === null);
  return (
    <form className="imp-step" onSubmit={(e) => void submit(e)} noValidate data-testid="import-mapping">
      <p className="hint">{l.t('map.intro')}</p>
      <div className="imp-header-row">
        <Field id="imp-header-row" label={l.t('map.headerRow')} hint={l.t('map.headerRowHint')} error={errors.headerRow}>
          <input id="imp-header-row" type="number" min={0} max={51} step={1} {...form.register('headerRow', { valueAsNumber: true })} data-testid="import-header-row" />
        </Field>
        {lettersOnly ? <p className="hint imp-header-row__note">{l.t('map.lettersOnly')}</p> : null}
      </div>
      <p className="imp-required-note">{l.t('map.requiredNote')}</p>
      <table className="table table--compact imp-map">
        <thead>
          <tr>
            <th scope="col">{l.t('map.field')}</th>
            <th scope="col">{l.t('map.column')}</th>
            <th scope="col">{l.t('map.constant')}</th>
          </tr>
        </thead>
        <tbody>
          {fieldSpecs(kind).map((spec) => (
            <MappingRow key={spec.name} kind={kind} spec={spec} form={form} columns={columns} options={options} error={errors.fields?.[spec.name]?.column} />
          ))}
        </tbody>
      </table>
      <div className="imp-actions">
        <button type="button" className="reg-button" onClick={() => goTo('choose')}>
          {l.t('back.step')}
        </button>
        <button type="submit" className="reg-button reg-button--primary" data-testid="import-next">
          {l.t('next.preview')}
        </button>
      </div>
    </form>
  );
}
