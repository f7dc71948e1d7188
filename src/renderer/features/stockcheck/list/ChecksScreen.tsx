import { useState } from 'react';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRecord } from '../../../lib/useRecord';
import { useCheckLabels } from '../labels';
import { CheckTable } from './CheckTable';
import { SchedulePanel } from './SchedulePanel';
import { StartCheckDialog } from './StartCheckDialog';

/** The stock checks: when the next full inventory and spot check are due, every check, and starting one. */
export function ChecksScreen() {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  const session = useSession();
  const checks = useRecord('stockchecks.list', {});
  const schedule = useRecord('stockchecks.schedule', {});
  const [starting, setStarting] = useState(false);
  return (
    <section className="reg-screen sc-screen" aria-labelledby="sc-title" data-testid="stockChecks-screen">
      <header className="reg-header">
        <h1 id="sc-title">{labels.t('title')}</h1>
        {canWrite(session) ? (
          <button type="button" className="reg-button reg-button--primary" onClick={() => setStarting(true)} data-testid="check-start">
            {labels.t('start.button')}
          </button>
        ) : null}
      </header>
      <ErrorBanner error={schedule.failure ?? checks.failure} />
      {schedule.value ? <SchedulePanel schedule={schedule.value} /> : null}
      <section className="sc-section" aria-labelledby="sc-list-title">
        <h2 id="sc-list-title">{labels.t('list.title')}</h2>
        {checks.value === null ? (
          <p className="reg-loading">{labels.t('common.loading')}</p>
        ) : checks.value.length === 0 ? (
          <p className="sc-muted" data-testid="checks-empty">
            {labels.t('list.empty')}
          </p>
        ) : (
          <CheckTable rows={checks.value} />
        )}
      </section>
      {starting ? <StartCheckDialog onClose={() => setStarting(false)} onDone={(row) => navigate({ name: 'stockCheck', id: row.id })} /> : null}
    </section>
  );
}
