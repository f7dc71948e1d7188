import type { CaseRow } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { Deadline } from './Deadline';
import { useCaseLabels } from './labels';

/**
 * Discrepancy cases: what is unaccounted for, where it was found, who answers for it and by when.
 * An overdue case says so in words, not only by colour.
 */
export function CaseTable(props: { rows: CaseRow[]; now: number; testId?: string }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  return (
    <table className="table table--compact custody-table" data-testid={props.testId ?? 'cases-table'}>
      <thead>
        <tr>
          <th scope="col">{labels.t('field.number')}</th>
          <th scope="col">{labels.t('field.source')}</th>
          <th scope="col">{labels.t('field.subject')}</th>
          <th scope="col">{labels.t('field.what')}</th>
          <th scope="col">{labels.t('field.officer')}</th>
          <th scope="col">{labels.t('field.owner')}</th>
          <th scope="col">{labels.t('field.deadline')}</th>
          <th scope="col">{labels.t('field.status')}</th>
          <th scope="col">{labels.t('field.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr key={c.id} data-testid="case-row" data-case={c.id} data-status={c.status} className={c.overdue ? 'custody-row--overdue' : undefined}>
            <td>
              <button type="button" className="reg-link code" onClick={() => navigate({ name: 'case', id: c.id })} data-testid="case-open">
                {labels.t('number', { id: c.id })}
              </button>
            </td>
            <td>
              {labels.source(c.source)}
              {c.voucherNumber ? <small className="custody-sub code">{c.voucherNumber}</small> : null}
            </td>
            <td>{labels.subject(c.subject)}</td>
            <td>{labels.what(c)}</td>
            <td>{c.officer ? `${c.officer.name} (${c.officer.serviceNumber})` : '—'}</td>
            <td>{c.owner.fullName}</td>
            <td>
              <Deadline row={c} now={props.now} labels={labels} />
            </td>
            <td>{labels.status(c.status)}</td>
            <td>{labels.outcome(c.outcome)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
