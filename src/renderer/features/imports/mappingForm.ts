import type { DeepPartial } from 'react-hook-form';
import type { ColumnMapping, ImportKind } from '../../../shared/domain/spreadsheet';
import { z } from '../../../shared/validation';
import { fieldSpecs } from './fieldSpecs';

/** One field's line of the mapping form: a column index as text ('' = not in the file) or one value for all rows. */
export interface FieldChoice {
  column: string;
  constant: string;
}

/**
 * The mapping step's form. The header row is counted as people count it (1 = the first filled
 * row; 0 = the file has no header row); the contract counts from 0 and says -1 for none.
 */
export interface MappingValues {
  headerRow: number;
  fields: Record<string, FieldChoice>;
}

/** A required field needs a column or one value for every row, or every row would be refused. */
export function mappingSchema(kind: ImportKind) {
  const required = fieldSpecs(kind).filter((s) => s.required).map((s) => s.name);
  return z
    .object({
      headerRow: z.number().int().min(0).max(51),
      fields: z.record(z.string(), z.object({ column: z.string(), constant: z.string().max(200) })),
    })
    .superRefine((v, ctx) => {
      for (const name of required) {
        const choice = v.fields[name];
        if (!choice || (choice.column === '' && choice.constant.trim() === '')) {
          ctx.addIssue({ code: 'custom', message: 'no_column', path: ['fields', name, 'column'] });
        }
      }
    });
}

export function toValues(kind: ImportKind, mapping: ColumnMapping): MappingValues {
  const fields: Record<string, FieldChoice> = {};
  for (const { name } of fieldSpecs(kind)) {
    const column = mapping.columns[name];
    fields[name] = { column: column === undefined ? '' : String(column), constant: mapping.constants[name] ?? '' };
  }
  return { headerRow: mapping.headerRow + 1, fields };
}

/**
 * The form (even half-typed, as react-hook-form's watch gives it) -> the mapping core reads. The
 * values mapped for unknown words stay as they were: they belong to the preview step.
 */
export function fromValues(values: DeepPartial<MappingValues>, base: ColumnMapping): ColumnMapping {
  const columns: Record<string, number> = {};
  const constants: Record<string, string> = {};
  for (const [name, choice] of Object.entries(values.fields ?? {})) {
    if (!choice) continue;
    if (choice.column) columns[name] = Number(choice.column);
    else if (choice.constant?.trim()) constants[name] = choice.constant.trim();
  }
  const row = values.headerRow;
  const headerRow = typeof row === 'number' && Number.isInteger(row) && row >= 0 && row <= 51 ? row - 1 : base.headerRow;
  return { headerRow, columns, constants, values: base.values };
}
