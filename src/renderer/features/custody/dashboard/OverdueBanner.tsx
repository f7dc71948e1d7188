import { useState } from 'react';
import { useNavigate } from '../../../app/navigation';
import { useCaseLabels } from '../cases/labels';
import { useCustodyDashboard } from './useCustodyDashboard';

/**
 * Said once at sign-in, under the header: how many weapons are overdue and how many cases are
 * past their deadline, with the way to the custody dashboard (which stays live). Read once, not
 * polled: a call counts as activity for core's idle lock. Dismissed, it stays hidden.
 */
export function OverdueBanner() {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const { data } = useCustodyDashboard(false);
  const [dismissed, setDismissed] = useState(false);
  if (!data) return null;
  const weapons = data.overdueTotal;
  const cases = data.casesOverdue.length;
  if (weapons === 0 && cases === 0) return null;
  if (dismissed) return null;

  const parts: string[] = [];
  if (weapons > 0) parts.push(labels.t('banner.weapons', { count: weapons, n: labels.number(weapons) }));
  if (cases > 0) parts.push(labels.t('banner.cases', { count: cases, n: labels.number(cases) }));
  return (
    <div className="banner banner--error custody-banner no-print" role="alert" data-testid="overdue-banner">
      <p data-testid="overdue-banner-text">{parts.join(' · ')}</p>
      <button type="button" className="reg-link" onClick={() => navigate({ name: 'custody' })} data-testid="overdue-banner-open">
        {labels.t('banner.open')}
      </button>
      <button type="button" className="button button--quiet button--small" onClick={() => setDismissed(true)} aria-label={labels.t('banner.dismiss')}>
        ×
      </button>
    </div>
  );
}
