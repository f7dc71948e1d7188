import type { OutRow } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useCaseLabels } from '../cases/labels';

/**
 * Weapons out with officers: the weapon, who holds it (unless the table is an officer's own), the
 * voucher, when it is due back and, once past that, how late, said in words.
 */
export function OutTable(props: { rows: OutRow[]; now: number; showOfficer: boolean; testId: string }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  return (
    <table className="table table--compact custody-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{labels.t('out.weapon')}</th>
          {props.showOfficer ? <th scope="col">{labels.t('out.officer')}</th> : null}
          {props.showOfficer ? <th scope="col">{labels.t('out.unit')}</th> : null}
          <th scope="col">{labels.t('out.voucher')}</th>
          {props.showOfficer ? null : <th scope="col">{labels.t('out.issuedAt')}</th>}
          <th scope="col">{labels.t('out.expectedReturn')}</th>
          <th scope="col">{labels.t('out.late')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={`${r.voucherId}-${r.weapon.id}`} data-testid="out-row" data-weapon={r.weapon.id} className={r.overdue ? 'custody-row--overdue' : undefined}>
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'weapon', id: r.weapon.id })}>
                {r.weapon.nationalCode}
              </button>
              <small className="custody-sub">{`${labels.weaponType(r.weapon.type)} · ${r.weapon.model}`}</small>
            </td>
            {props.showOfficer ? (
              <td>
                <button type="button" className="reg-link" onClick={() => navigate({ name: 'officer', id: r.officer.id })}>
                  {`${r.officer.rank} ${r.officer.name}`}
                </button>
                <small className="custody-sub code">{r.officer.serviceNumber}</small>
              </td>
            ) : null}
            {props.showOfficer ? <td>{r.officer.unit}</td> : null}
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'voucher', id: r.voucherId })}>
                {r.voucherNumber}
              </button>
              <small className="custody-sub">{labels.t(`kind.${r.kind}`)}</small>
            </td>
            {props.showOfficer ? null : <td>{labels.dateTime(r.issuedAt)}</td>}
            <td>{r.expectedReturn ? labels.dateTime(r.expectedReturn) : labels.t('out.untilWithdrawn')}</td>
            <td>
              {r.overdue && r.expectedReturn ? (
                <span className="custody-badge custody-badge--danger" data-testid="late">
                  {labels.t('out.lateBy', { duration: labels.late(props.now - Date.parse(r.expectedReturn)) })}
                </span>
              ) : (
                <span className="custody-muted">{labels.t('out.onTime')}</span>
              )}
              {r.caseId !== null ? (
                <button type="button" className="reg-link custody-sub" onClick={() => r.caseId !== null && navigate({ name: 'case', id: r.caseId })}>
                  {labels.t('out.case', { id: r.caseId })}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
