import type { OfficerRow } from '../../../../shared/contract/custody';
import { OfficerStatusBadge } from './OfficerStatusBadge';
import { useOfficerLabels } from './labels';

/** A page of officers; the service number opens the dossier (Tab / Enter, or a click). */
export function OfficerTable(props: { rows: OfficerRow[]; onOpen: (id: number) => void }) {
  const labels = useOfficerLabels();
  return (
    <table className="table table--compact custody-table" data-testid="officers-table">
      <thead>
        <tr>
          <th scope="col">{labels.t('field.serviceNumber')}</th>
          <th scope="col">{labels.t('field.name')}</th>
          <th scope="col">{labels.t('field.rank')}</th>
          <th scope="col">{labels.t('field.unit')}</th>
          <th scope="col">{labels.t('field.agency')}</th>
          <th scope="col">{labels.t('field.status')}</th>
          <th scope="col">{labels.t('list.authorised')}</th>
          <th scope="col" className="num">
            {labels.t('list.weaponsOut')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((o) => {
          const current = o.authorisations.filter((a) => a.current);
          return (
            <tr key={o.id} data-testid="officer-row" data-officer={o.id} className={o.status === 'active' ? undefined : 'row--muted'}>
              <td>
                <button type="button" className="reg-link code" onClick={() => props.onOpen(o.id)} data-testid="officer-open">
                  {o.serviceNumber}
                </button>
              </td>
              <td>{o.name}</td>
              <td>{o.rank}</td>
              <td>{o.unit}</td>
              <td>{labels.agency(o.agency)}</td>
              <td>
                <OfficerStatusBadge status={o.status} />
              </td>
              <td>{current.length ? current.map((a) => labels.weaponType(a.weaponType)).join(', ') : <span className="custody-muted">{labels.t('list.noAuthorisation')}</span>}</td>
              <td className="num">{labels.number(o.weaponsOut)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
