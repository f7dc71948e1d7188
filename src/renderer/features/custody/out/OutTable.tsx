import { memo } from 'react';
import type { OutRow } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useHandoverLabels, type HandoverLabels } from '../handover/labels';
import type { OfficerGroup, UnitGroup } from './groupOut';

const COLUMNS = ['nationalCode', 'serial', 'typeModel', 'voucher', 'kind', 'issuedAt', 'expectedReturn', 'state'] as const;

/**
 * The register itself: one plain table (its header repeats on every printed page), a header row
 * per unit and per officer, then their weapons. Memoised: typing in the search box re-renders
 * the screen, not thousands of rows, until the new list arrives.
 */
export const OutTable = memo(function OutTable(props: { groups: UnitGroup[] }) {
  const labels = useHandoverLabels();
  return (
    <table className="table table--compact ho-table ho-out" data-testid="out-table">
      <caption className="visually-hidden">{labels.t('out.title')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {labels.t(`out.column.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      {props.groups.map((g) => (
        <tbody key={g.unit} data-testid="out-unit" data-unit={g.unit}>
          <tr className="ho-out__unit">
            <th scope="colgroup" colSpan={COLUMNS.length}>
              {labels.t('out.unit', { unit: g.unit })} <span className="ho-out__count">{labels.weapons(g.weapons)}</span>
              {g.overdue > 0 ? <span className="ho-badge ho-badge--danger">{labels.t('out.overdueCount', { n: labels.number(g.overdue) })}</span> : null}
            </th>
          </tr>
          {g.officers.map((o) => (
            <OfficerRows key={o.officer.id} group={o} labels={labels} />
          ))}
        </tbody>
      ))}
    </table>
  );
});

function OfficerRows(props: { group: OfficerGroup; labels: HandoverLabels }) {
  const { group, labels } = props;
  const navigate = useNavigate();
  const { officer } = group;
  return (
    <>
      <tr className="ho-out__officer" data-testid="out-officer" data-officer={officer.id}>
        <th scope="colgroup" colSpan={COLUMNS.length}>
          <button type="button" className="reg-link" onClick={() => navigate({ name: 'officer', id: officer.id })}>
            {labels.t('out.officer', { rank: officer.rank, name: officer.name })}
          </button>{' '}
          <span className="code">{officer.serviceNumber}</span> <span className="ho-out__count">{labels.weapons(group.rows.length)}</span>
        </th>
      </tr>
      {group.rows.map((row) => (
        <WeaponRow key={row.weapon.id} row={row} labels={labels} />
      ))}
    </>
  );
}

function WeaponRow(props: { row: OutRow; labels: HandoverLabels }) {
  const { row, labels } = props;
  const navigate = useNavigate();
  const { weapon } = row;
  const missing = row.caseId !== null;
  const className = missing ? 'ho-row--missing' : row.overdue ? 'ho-row--overdue' : undefined;
  return (
    <tr className={className} data-testid="out-row" data-weapon={weapon.id} data-overdue={row.overdue} data-voucher={row.voucherNumber}>
      <td className="code">{weapon.nationalCode}</td>
      <td className="code">{weapon.serial}</td>
      <td>{`${labels.weaponType(weapon.type)} · ${weapon.model}`}</td>
      <td>
        <button type="button" className="reg-link code" onClick={() => navigate({ name: 'voucher', id: row.voucherId })}>
          {row.voucherNumber}
        </button>
      </td>
      <td>{labels.t(`out.kind.${row.kind}`)}</td>
      <td className="ho-date">
        <time dateTime={row.issuedAt}>{labels.shortDateTime(row.issuedAt)}</time>
      </td>
      <td className="ho-date">
        {row.expectedReturn ? <time dateTime={row.expectedReturn}>{labels.shortDateTime(row.expectedReturn)}</time> : labels.t('out.untilWithdrawn')}
      </td>
      <td>
        {row.overdue ? <span className="ho-badge ho-badge--danger">{labels.t('out.overdue')}</span> : null}
        {row.caseId !== null ? (
          <button type="button" className="reg-link ho-missing" onClick={() => navigate({ name: 'case', id: row.caseId ?? 0 })} data-testid="out-missing">
            {labels.t('out.missing', { id: row.caseId })}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
