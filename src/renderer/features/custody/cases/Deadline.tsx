import type { CaseRow } from '../../../../shared/contract/custody';
import type { CaseLabels } from './labels';

/** A case's deadline, and how late it is in words when overdue (not only by colour). */
export function Deadline(props: { row: CaseRow; now: number; labels: CaseLabels }) {
  const { row, labels } = props;
  return (
    <>
      {labels.dateTime(row.deadline)}
      {row.overdue ? (
        <span className="custody-badge custody-badge--danger" data-testid="case-overdue">
          {labels.t('overdueBy', { duration: labels.late(props.now - Date.parse(row.deadline)) })}
        </span>
      ) : null}
    </>
  );
}
