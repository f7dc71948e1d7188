import type { OverrideRow } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useCaseLabels } from '../cases/labels';

/**
 * Issues made to officers without a current authorisation, on a manager's override: reported
 * here with who overrode, who issued and why.
 */
export function OverrideTable(props: { rows: OverrideRow[] }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  return (
    <table className="table table--compact custody-table" data-testid="overrides-table">
      <thead>
        <tr>
          <th scope="col">{labels.t('override.at')}</th>
          <th scope="col">{labels.t('override.voucher')}</th>
          <th scope="col">{labels.t('override.officer')}</th>
          <th scope="col">{labels.t('override.types')}</th>
          <th scope="col">{labels.t('override.by')}</th>
          <th scope="col">{labels.t('override.issuer')}</th>
          <th scope="col">{labels.t('override.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((o) => (
          <tr key={o.voucherId} data-testid="override-row">
            <td>{labels.dateTime(o.at)}</td>
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'voucher', id: o.voucherId })}>
                {o.voucherNumber}
              </button>
            </td>
            <td>
              <button type="button" className="reg-link" onClick={() => navigate({ name: 'officer', id: o.officer.id })}>
                {o.officer.name}
              </button>
              <small className="custody-sub code">{o.officer.serviceNumber}</small>
            </td>
            <td>{o.weaponTypes.map((t) => labels.weaponType(t)).join(', ')}</td>
            <td>{o.by.fullName}</td>
            <td>{o.issuer.fullName}</td>
            <td>{o.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
