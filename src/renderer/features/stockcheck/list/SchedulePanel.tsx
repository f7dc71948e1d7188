import type { CheckSchedule } from '../../../../shared/contract/stockcheck';
import { useCheckLabels } from '../labels';

/** When the last full inventory and spot check were closed, when the next are due, and whether they are late. */
export function SchedulePanel(props: { schedule: CheckSchedule }) {
  const labels = useCheckLabels();
  const s = props.schedule;
  const rows = [
    { id: 'full', last: s.lastFull, due: s.fullDue, overdue: s.fullOverdue },
    { id: 'spot', last: s.lastSpot, due: s.spotDue, overdue: s.spotOverdue },
  ] as const;
  const late = rows.filter((r) => r.overdue);
  return (
    <section className="sc-section" aria-labelledby="sc-schedule-title" data-testid="check-schedule">
      <h2 id="sc-schedule-title">{labels.t('schedule.title')}</h2>
      {late.length ? (
        <div className="banner banner--error" role="alert" data-testid="schedule-overdue">
          {late.map((r) => (
            <p key={r.id}>{labels.t(`overdue.${r.id}`, { date: labels.date(r.due) })}</p>
          ))}
        </div>
      ) : null}
      <table className="table table--compact sc-schedule">
        <thead>
          <tr>
            <th scope="col">{labels.t('schedule.kind')}</th>
            <th scope="col">{labels.t('schedule.last')}</th>
            <th scope="col">{labels.t('schedule.due')}</th>
            <th scope="col">{labels.t('schedule.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`schedule-${r.id}`} data-overdue={r.overdue ? 'true' : 'false'}>
              <th scope="row">{labels.t(`schedule.${r.id}`)}</th>
              <td data-testid={`schedule-${r.id}-last`}>{r.last ? labels.date(r.last) : labels.t('schedule.never')}</td>
              <td data-testid={`schedule-${r.id}-due`}>{labels.date(r.due)}</td>
              <td>
                <span className={`sc-badge sc-badge--${r.overdue ? 'danger' : 'ok'}`}>{labels.t(r.overdue ? 'schedule.overdue' : 'schedule.onTime')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
