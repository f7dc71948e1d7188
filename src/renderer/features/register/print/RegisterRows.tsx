import { memo } from 'react';
import { WEAPON_STATUSES, type WeaponStatus } from '../../../../shared/domain/enums';
import type { WeaponRow } from '../../../../shared/domain/weapon';
import type { Labels } from '../labels';

export const REGISTER_COLUMNS = [
  'row', 'nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'agency', 'location', 'status', 'condition',
] as const;


/** Code -> label, looked up once per document instead of once per cell. */
function names(labels: Labels, label: (code: string) => string) {
  const cache = new Map<string, string>();
  return (code: string) => {
    let name = cache.get(code);
    if (name === undefined) cache.set(code, (name = label(code)));
    return name;
  };
}

/**
 * The register's rows as plain table rows: no component, no hook per row, so 10,000 rows are one
 * render. Memoized on the rows and the language: nothing else re-renders them.
 */
export const RegisterRows = memo(function RegisterRows(props: { rows: readonly WeaponRow[]; labels: Labels }) {
  const { rows, labels } = props;
  const type = names(labels, labels.type);
  const agency = names(labels, labels.agency);
  const status = names(labels, labels.status);
  const condition = names(labels, labels.condition);
  return (
    <tbody>
      {rows.map((w, i) => (
        <tr key={w.id} data-weapon={w.id}>
          <td className="num">{labels.number(i + 1)}</td>
          <td className="rp-code">{w.nationalCode}</td>
          <td className="rp-code">{w.serial}</td>
          <td>{w.manufacturer}</td>
          <td>{w.model}</td>
          <td>{type(w.type)}</td>
          <td>{w.calibre}</td>
          <td>{agency(w.agency)}</td>
          <td>{w.location}</td>
          <td>{status(w.status)}</td>
          <td>{condition(w.condition)}</td>
        </tr>
      ))}
    </tbody>
  );
});

/** Weapons per status among the printed rows, in the register's order of statuses. */
export function countByStatus(rows: readonly WeaponRow[]): [WeaponStatus, number][] {
  const counts = new Map<WeaponStatus, number>();
  for (const w of rows) counts.set(w.status, (counts.get(w.status) ?? 0) + 1);
  return WEAPON_STATUSES.filter((s) => counts.has(s)).map((s) => [s, counts.get(s) ?? 0]);
}
