import type { VoucherSummary } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useOfficerLabels } from './labels';

/** The officer's latest vouchers, newest first; each opens its receipt. */
export function OfficerVouchers(props: { vouchers: VoucherSummary[] }) {
  const labels = useOfficerLabels();
  const navigate = useNavigate();
  if (props.vouchers.length === 0) return <p className="custody-muted">{labels.t('dossier.noVouchers')}</p>;
  return (
    <table className="table table--compact custody-table" data-testid="officer-vouchers">
      <thead>
        <tr>
          <th scope="col">{labels.t('voucher.number')}</th>
          <th scope="col">{labels.t('voucher.kind')}</th>
          <th scope="col">{labels.t('voucher.issuedAt')}</th>
          <th scope="col">{labels.t('voucher.expectedReturn')}</th>
          <th scope="col" className="num">
            {labels.t('voucher.weapons')}
          </th>
          <th scope="col" className="num">
            {labels.t('voucher.rounds')}
          </th>
          <th scope="col">{labels.t('voucher.state')}</th>
        </tr>
      </thead>
      <tbody>
        {props.vouchers.map((v) => (
          <tr key={v.id} data-testid="officer-voucher">
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'voucher', id: v.id })}>
                {v.number}
              </button>
            </td>
            <td>{labels.t(`voucher.kinds.${v.kind}`)}</td>
            <td>{labels.dateTime(v.issuedAt)}</td>
            <td>{v.expectedReturn ? labels.dateTime(v.expectedReturn) : '—'}</td>
            <td className="num">{labels.number(v.weapons)}</td>
            <td className="num">{labels.number(v.rounds)}</td>
            <td>{labels.t(v.closed ? 'voucher.closed' : v.settled ? 'voucher.settled' : 'voucher.open')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
