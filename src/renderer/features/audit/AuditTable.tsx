import type { AuditLink, AuditRow } from '../../../shared/contract/audit';
import { useNavigate, type Screen } from '../../app/navigation';
import type { AuditLabels } from './labels';

const SCREEN_OF: Record<NonNullable<AuditLink>['kind'], (id: number) => Screen> = {
  weapon: (id) => ({ name: 'weapon', id }),
  voucher: (id) => ({ name: 'voucher', id }),
  case: (id) => ({ name: 'case', id }),
  store: (id) => ({ name: 'ammoStore', id }),
  lot: (id) => ({ name: 'ammoLot', id }),
  stockCheck: (id) => ({ name: 'stockCheck', id }),
};

/** One line per audited fact: when, which account, what, the second person, details, the record. */
export function AuditTable(props: { rows: AuditRow[]; labels: AuditLabels }) {
  const { rows, labels } = props;
  const navigate = useNavigate();
  return (
    <table className="table table--compact" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{labels.t('field.at')}</th>
          <th scope="col">{labels.t('field.user')}</th>
          <th scope="col">{labels.t('field.what')}</th>
          <th scope="col">{labels.t('field.second')}</th>
          <th scope="col">{labels.t('field.detail')}</th>
          <th scope="col">{labels.t('field.record')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="audit-row" data-key={r.key} data-kind={r.kind} data-type={r.type}>
            <td>{labels.dateTime(r.at)}</td>
            <td>
              {r.user ? (
                <>
                  {r.user.fullName} <small className="code">{r.user.username}</small>
                </>
              ) : (
                <>
                  <span className="code">{r.typedName}</span> <small>({labels.t('unknownAccount')})</small>
                </>
              )}
            </td>
            <td>{labels.what(r)}</td>
            <td>
              {r.approver ? (
                <>
                  {r.approver.fullName} <small className="code">{r.approver.username}</small>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              <Details row={r} labels={labels} />
            </td>
            <td>
              {r.link ? (
                <button type="button" className="reg-link" onClick={() => r.link && navigate(SCREEN_OF[r.link.kind](r.link.id))} data-testid="audit-link">
                  {labels.t(`link.${r.link.kind}`, { id: r.link.id })}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Details(props: { row: AuditRow; labels: AuditLabels }) {
  const { row: r, labels } = props;
  const parts: string[] = [];
  const reason = labels.reason(r);
  if (reason) parts.push(reason);
  if (r.kind === 'failed_login' && r.user) parts.push(labels.t('typedName', { name: r.typedName }));
  if (r.overrideBy) parts.push(labels.t('overrideBy', { name: r.overrideBy.fullName }));
  if (r.detail) parts.push(r.detail);
  return <>{parts.length > 0 ? parts.join(' · ') : '—'}</>;
}
