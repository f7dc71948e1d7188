import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { OFFICER_STATUSES } from '../../../../shared/domain/custody';
import { AGENCIES } from '../../../../shared/domain/enums';
import type { Statements } from '../../db/statements';
import { OFFICER_ORDER, officerFilter } from '../../officers/queries';
import { column, labels, sheet, type Sheet, type SourceContext } from './columns';

type OfficerQuery = Extract<ExportQuery, { kind: 'officers' }>['query'];

interface Row {
  serviceNumber: string;
  name: string;
  rank: string;
  unit: string;
  agency: string;
  status: string;
}

/**
 * The personnel register as the screen filters it, by name: the officer record's fields under
 * the form's labels (what the importer maps back), then the status.
 */
export function officersSheet(s: Statements, q: OfficerQuery, c: SourceContext): Sheet {
  const { t } = c;
  const agency = labels(t, 'enums:agency', AGENCIES);
  const status = labels(t, 'officers:statuses', OFFICER_STATUSES);
  const field = (name: string) => t(`officers:field.${name}`);
  const columns = [
    column<Row>(field('serviceNumber'), 'code', 14, (r) => r.serviceNumber),
    column<Row>(field('name'), 'text', 28, (r) => r.name),
    column<Row>(field('rank'), 'text', 16, (r) => r.rank),
    column<Row>(field('unit'), 'text', 28, (r) => r.unit),
    column<Row>(field('agency'), 'text', 18, (r) => agency(r.agency)),
    column<Row>(field('status'), 'text', 16, (r) => status(r.status)),
  ];
  const { clause, params } = officerFilter(q);
  const total = (s.sql(`SELECT COUNT(*) AS n FROM officers o ${clause}`).get(...params) as { n: number }).n;
  const rows = s
    .sql(`SELECT o.service_number AS serviceNumber, o.name, o.rank, o.unit, o.agency, o.status FROM officers o ${clause} ${OFFICER_ORDER}`)
    .iterate(...params) as IterableIterator<Row>;
  return sheet(t('sheets:export.title.officers'), columns, total, rows);
}
