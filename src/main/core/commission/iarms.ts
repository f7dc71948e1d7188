import { COUNTRY_CODES } from '../../../shared/domain/countries';
import type { Statements } from '../db/statements';
import { csvCell } from '../files';

/** The iARMS report's columns, in order (docs/commission.md says what each holds). */
export const IARMS_COLUMNS = [
  'reporting_country', 'armoury', 'event', 'date_of_event', 'make', 'model', 'serial_number', 'calibre', 'weapon_type',
  'country_of_manufacture', 'year_of_manufacture', 'national_code', 'circumstances', 'reference',
] as const;

interface Row {
  armoury: string;
  status: 'lost' | 'stolen';
  manufacturer: string;
  model: string;
  serial: string;
  calibre: string;
  type: string;
  country: string;
  year: number | null;
  national_code: string;
  status_at: string;
  body: Buffer | null;
}

/** Lost and stolen weapons with their report: the last loss or theft event of each. */
function rows(s: Statements): Row[] {
  return s
    .sql(
      `SELECT w.armoury, w.status, w.manufacturer, w.model, w.serial, w.calibre, w.type, w.country, w.year, w.national_code, w.status_at,
         (SELECT e.body FROM national_weapon_events r JOIN national_events e ON e.armoury = r.armoury AND e.seq = r.seq
          WHERE r.armoury = w.armoury AND r.weapon_id = w.id AND e.type IN ('weapon.loss_reported', 'weapon.theft_reported')
          ORDER BY r.seq DESC LIMIT 1) AS body
       FROM national_weapons w WHERE w.status IN ('lost', 'stolen') ORDER BY w.armoury, w.id`,
    )
    .all() as Row[];
}

/** The commission code's country prefix when it is an ISO code (ML-CNC -> ML), else ''. */
export function countryOfCode(code: string): string {
  const prefix = code.split('-')[0] ?? '';
  return (COUNTRY_CODES as readonly string[]).includes(prefix) ? prefix : '';
}

export function lostStolenCsv(s: Statements, reportingCountry: string): { text: string; rows: number } {
  const lines = [IARMS_COLUMNS.map(csvCell).join(',')];
  const list = rows(s);
  for (const r of list) {
    const d = r.body ? ((JSON.parse(r.body.toString('utf8')) as { data?: { date?: string; circumstances?: string; reference?: string } }).data ?? {}) : {};
    lines.push(
      [
        reportingCountry, r.armoury, r.status, d.date ?? r.status_at.slice(0, 10), r.manufacturer, r.model, r.serial, r.calibre, r.type,
        r.country, r.year, r.national_code, d.circumstances ?? '', d.reference ?? '',
      ].map(csvCell).join(','),
    );
  }
  // UTF-8 with a byte order mark so that spreadsheets read accents right; RFC 4180 line ends.
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, rows: list.length };
}
