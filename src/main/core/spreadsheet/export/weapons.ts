import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { SEARCH_MIN } from '../../../../shared/contract/register';
import { ACQUISITION_MODES, AGENCIES, WEAPON_CONDITIONS, WEAPON_STATUSES, WEAPON_TYPES } from '../../../../shared/domain/enums';
import { WEAPON_FIELD_NAMES, type WeaponField } from '../../../../shared/domain/weapon';
import { ftsPhrase, type Statements } from '../../db/statements';
import { FIELD_COLUMNS } from '../../register/columns';
import { registerCounts, registerFilter } from '../../register/queries';
import { column, labels, sheet, type CellKind, type Column, type Sheet, type SourceContext } from './columns';

type WeaponQuery = Extract<ExportQuery, { kind: 'weapons' }>['query'];
type Row = Record<WeaponField | 'status' | 'registeredAt', string | number | null>;

/** How each field is written and its width; coded fields are written as their labels. */
const LAYOUT: Record<WeaponField, [CellKind, number]> = {
  nationalCode: ['code', 18],
  serial: ['code', 16],
  manufacturer: ['text', 16],
  model: ['text', 14],
  countryOfManufacture: ['code', 8],
  yearOfManufacture: ['integer', 8],
  type: ['text', 18],
  calibre: ['text', 12],
  markingLocation: ['text', 24],
  agency: ['text', 18],
  location: ['text', 20],
  acquisitionDate: ['date', 12],
  acquisitionMode: ['text', 18],
  acquisitionSource: ['text', 18],
  acquisitionDocument: ['code', 18],
  condition: ['text', 12],
  importCountry: ['code', 8],
  importYear: ['integer', 8],
  importer: ['text', 16],
  otherMarks: ['text', 20],
  marksIllegible: ['text', 8],
  markingDate: ['date', 12],
  markingOperator: ['text', 16],
  markingMachine: ['text', 16],
  notes: ['text', 30],
};

const SELECT = [
  ...Object.entries(FIELD_COLUMNS).map(([field, col]) => `w.${col} AS ${field}`),
  'w.status AS status',
  'w.registered_at AS registeredAt',
].join(', ');

/**
 * The register as the screen filters and sorts it, every page: every field of the registration
 * form under the form's own label (so the importer maps Gardien's export back by itself), then
 * the status and the registration time. A search (3+ characters) is the same trigram match as
 * the screen's, without the screen's cap of 1,000 matches: an export is not a keystroke.
 */
export function weaponsSheet(s: Statements, q: WeaponQuery, c: SourceContext): Sheet {
  const { t } = c;
  const coded: Partial<Record<WeaponField | 'status', (code: string) => string>> = {
    type: labels(t, 'register:type', WEAPON_TYPES),
    agency: labels(t, 'enums:agency', AGENCIES),
    acquisitionMode: labels(t, 'register:acquisitionMode', ACQUISITION_MODES),
    condition: labels(t, 'register:condition', WEAPON_CONDITIONS),
    status: labels(t, 'register:status', WEAPON_STATUSES),
  };
  const yes = t('register:common.yes');
  const no = t('register:common.no');

  const columns: Column<Row>[] = WEAPON_FIELD_NAMES.map((field) => {
    const [kind, width] = LAYOUT[field];
    const header = t(`register:field.${field}`);
    const label = coded[field];
    if (label) return column<Row>(header, kind, width, (r) => label(String(r[field])));
    if (field === 'marksIllegible') return column<Row>(header, kind, width, (r) => (r.marksIllegible === 1 ? yes : no));
    return column<Row>(header, kind, width, (r) => r[field] ?? (kind === 'integer' ? null : ''));
  });
  const status = coded.status ?? String;
  columns.push(column<Row>(t('register:field.status'), 'text', 14, (r) => status(String(r.status))));
  columns.push(column<Row>(t('sheets:export.column.registeredAt'), 'instant', 17, (r) => r.registeredAt));

  const { where, params, search, order } = registerFilter(q);
  if (search.length >= SEARCH_MIN) {
    where.unshift('w.id IN (SELECT rowid FROM weapon_search WHERE weapon_search MATCH ?)');
    params.unshift(ftsPhrase(search));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = where.length
    ? (s.sql(`SELECT COUNT(*) AS n FROM weapons w ${clause}`).get(...params) as { n: number }).n
    : registerCounts(s).total;
  const rows = s.sql(`SELECT ${SELECT} FROM weapons w ${clause} ${order}`).iterate(...params) as IterableIterator<Row>;
  return sheet(t('sheets:export.title.weapons'), columns, total, rows);
}
