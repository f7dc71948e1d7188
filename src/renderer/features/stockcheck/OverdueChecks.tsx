import { useEffect, useState } from 'react';
import type { CheckSchedule } from '../../../shared/contract/stockcheck';
import { useNavigate } from '../../app/navigation';
import { call } from '../../lib/client';
import { useCheckLabels } from './labels';

/**
 * On the custody and ammunition dashboards: a full inventory or a spot check past its due date
 * (the settings' periods), with the way to the stock checks. Says nothing while all is on time.
 */
export function OverdueChecks() {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  const [schedule, setSchedule] = useState<CheckSchedule | null>(null);
  useEffect(() => {
    let live = true;
    void call('stockchecks.schedule', {}).then((r) => live && r.ok && setSchedule(r.value));
    return () => {
      live = false;
    };
  }, []);
  if (!schedule || (!schedule.fullOverdue && !schedule.spotOverdue)) return null;
  return (
    <div className="banner banner--error sc-overdue" role="alert" data-testid="overdue-checks">
      {schedule.fullOverdue ? <p data-testid="overdue-full">{labels.t('overdue.full', { date: labels.date(schedule.fullDue) })}</p> : null}
      {schedule.spotOverdue ? <p data-testid="overdue-spot">{labels.t('overdue.spot', { date: labels.date(schedule.spotDue) })}</p> : null}
      <button type="button" className="reg-link" onClick={() => navigate({ name: 'stockChecks' })} data-testid="overdue-checks-open">
        {labels.t('overdue.open')}
      </button>
    </div>
  );
}
