import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useNavigate, useSession, type Screen } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ExportMenu } from '../../../components/ExportMenu';
import { BackupNotice } from '../../backups';
import { OverdueChecks } from '../../stockcheck/OverdueChecks';
import { CaseTable } from '../cases/CaseTable';
import { useCaseLabels } from '../cases/labels';
import { SHORTCUTS } from '../CustodyTabs';
import { OutTable } from './OutTable';
import { OverrideTable } from './OverrideTable';
import { useCustodyDashboard } from './useCustodyDashboard';

/**
 * The custody desk at a glance, refreshed every minute: weapons out, overdue weapons (most
 * overdue first, with how late), open and overdue discrepancy cases, and the latest authorisation
 * overrides (which are reported), with the way to an issue, a return, the weapons out and the cases.
 */
export function CustodyDashboardScreen() {
  const labels = useCaseLabels();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  // No refresh under the lock screen: every call would only answer that the session is locked.
  const { data, failure, at } = useCustodyDashboard(!session.locked);

  if (!data) return failure ? <ErrorBanner error={failure} /> : <p className="reg-loading">{labels.t('common.loading')}</p>;
  const write = canWrite(session);
  return (
    <section className="reg-screen custody-screen" aria-labelledby="custody-dash-title" data-testid="custody-dashboard">
      <header className="reg-header">
        <h1 id="custody-dash-title">{labels.t('dashboard.title')}</h1>
        <small className="custody-muted" aria-live="off" data-testid="dashboard-updated">
          {labels.t('dashboard.updated', { time: labels.dateTime(new Date(at).toISOString()) })}
        </small>
      </header>
      <ErrorBanner error={failure} />
      <OverdueChecks />
      <BackupNotice />
      <div className="custody-links" role="group" aria-label={labels.t('dashboard.shortcuts')}>
        {write ? (
          <>
            <button type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: 'custodyIssue' })} aria-keyshortcuts={SHORTCUTS.custodyIssue}>
              {labels.t('dashboard.issue')} <kbd>{SHORTCUTS.custodyIssue}</kbd>
            </button>
            <button type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: 'custodyReturn' })} aria-keyshortcuts={SHORTCUTS.custodyReturn}>
              {labels.t('dashboard.return')} <kbd>{SHORTCUTS.custodyReturn}</kbd>
            </button>
          </>
        ) : null}
        <button type="button" className="reg-button" onClick={() => navigate({ name: 'weaponsOut' })}>
          {labels.t('dashboard.weaponsOut')}
        </button>
        <button type="button" className="reg-button" onClick={() => navigate({ name: 'cases' })}>
          {labels.t('dashboard.cases')}
        </button>
        <ExportMenu request={{ kind: 'issues', query: {} }} label={t('imports:export.issueLog')} testId="issues-export" />
      </div>
      <div className="custody-counts">
        <Count id="out" n={data.out} to={{ name: 'weaponsOut' }} />
        <Count id="overdue" n={data.overdueTotal} to={{ name: 'weaponsOut' }} danger />
        <Count id="casesOpen" n={data.casesOpen} to={{ name: 'cases' }} />
        <Count id="casesOverdue" n={data.casesOverdue.length} to={{ name: 'cases', filter: 'overdue' }} danger />
      </div>
      <Section id="overdue" title={labels.t('dashboard.section.overdue', { n: labels.number(data.overdueTotal) })}>
        {data.overdue.length ? (
          <>
            <OutTable rows={data.overdue} now={at} showOfficer testId="overdue-table" />
            {data.overdueTotal > data.overdue.length ? (
              <p className="custody-muted">{labels.t('dashboard.overdueMore', { shown: labels.number(data.overdue.length), total: labels.number(data.overdueTotal) })}</p>
            ) : null}
          </>
        ) : (
          <p className="custody-muted" data-testid="no-overdue">
            {labels.t('dashboard.empty.overdue')}
          </p>
        )}
      </Section>
      <Section id="cases" title={labels.t('dashboard.section.cases', { n: labels.number(data.casesOverdue.length) })}>
        {data.casesOverdue.length ? (
          <CaseTable rows={data.casesOverdue} now={at} testId="overdue-cases" />
        ) : (
          <p className="custody-muted">{labels.t('dashboard.empty.cases')}</p>
        )}
      </Section>
      <Section id="overrides" title={labels.t('dashboard.section.overrides')}>
        {data.overrides.length ? <OverrideTable rows={data.overrides} /> : <p className="custody-muted">{labels.t('dashboard.empty.overrides')}</p>}
      </Section>
    </section>
  );
}

type CountId = 'out' | 'overdue' | 'casesOpen' | 'casesOverdue';

function Count(props: { id: CountId; n: number; to: Screen; danger?: boolean }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const alarm = props.n > 0 && props.danger ? ' custody-count--danger' : '';
  return (
    <button type="button" className={`custody-count${alarm}`} onClick={() => navigate(props.to)} data-testid={`custody-count-${props.id}`}>
      <span className="custody-count__n">{labels.number(props.n)}</span>
      <span className="custody-count__label">{labels.t(`dashboard.count.${props.id}`, { count: props.n })}</span>
    </button>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="custody-section" aria-labelledby={`custody-dash-${props.id}`} data-testid={`dashboard-${props.id}`}>
      <h2 id={`custody-dash-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
