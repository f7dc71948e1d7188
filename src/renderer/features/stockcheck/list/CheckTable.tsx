import type { CheckRow } from '../../../../shared/contract/stockcheck';
import { useNavigate } from '../../../app/navigation';
import { useCheckLabels } from '../labels';

/** Every stock check, newest first: what it covers, who counted and witnessed, how far the count went. */
export function CheckTable(props: { rows: CheckRow[] }) {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  return (
    <table className="table table--compact sc-table" data-testid="checks-table">
      <thead>
        <tr>
          <th scope="col">{labels.t('field.number')}</th>
          <th scope="col">{labels.t('field.scope')}</th>
          <th scope="col">{labels.t('field.store')}</th>
          <th scope="col">{labels.t('field.startedAt')}</th>
          <th scope="col">{labels.t('field.counter')}</th>
          <th scope="col">{labels.t('field.witness')}</th>
          <th scope="col">{labels.t('field.state')}</th>
          <th scope="col" className="num">
            {labels.t('field.counted')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr key={c.id} data-testid="check-row" data-check={c.id} data-status={c.status}>
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'stockCheck', id: c.id })} data-testid="check-open">
                {labels.checkNumber(c.id)}
              </button>
            </td>
            <td>{labels.scope(c)}</td>
            <td className="code">{c.storeCode || '—'}</td>
            <td>{labels.dateTime(c.startedAt)}</td>
            <td>{labels.actor(c.counter)}</td>
            <td>{labels.actor(c.witness)}</td>
            <td>
              <span className={`sc-badge sc-badge--${c.status === 'open' ? 'warn' : 'ok'}`}>{labels.t(`state.${c.status}`)}</span>
              {c.status === 'closed' ? <small className="sc-sub">{labels.dateTime(c.closedAt)}</small> : null}
            </td>
            <td className="num" data-testid="check-progress">
              {labels.progress(c.weaponsCounted + c.lotsCounted, c.weapons + c.lots)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
