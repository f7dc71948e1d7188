import { useEffect, useState } from 'react';
import type { Alert, AlertKind } from '../../../../shared/contract/commission';
import type { Settings } from '../../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';
import { useCommissionNavigate } from '../screens';
import { alertText } from './alertText';
import { LostStolenExport } from './LostStolenExport';

/** Most urgent first: a weapon in two places, tampering, then what waits on someone's follow-up. */
const KINDS: AlertKind[] = ['active_in_two_armouries', 'tampered_import', 'lost_or_stolen', 'unmatched_transfer', 'silent_armoury'];

/** What the national register shows that needs a person: one list per kind, each with its way to the facts. */
export function AlertsScreen() {
  const l = useCommissionLabels();
  const navigate = useCommissionNavigate();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void call('commission.alerts', {}).then((r) => (r.ok ? setAlerts(r.value) : setError(r.error)));
    void call('settings.get', {}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const open = (a: Alert) => {
    if (a.weapon) navigate({ name: 'history', armoury: a.weapon.armoury, weaponId: a.weapon.id, back: { name: 'alerts' } });
    else if (a.kind === 'tampered_import') navigate({ name: 'imports' });
    else navigate({ name: 'armouries', highlight: a.armoury });
  };

  return (
    <section className="page cm-page" aria-labelledby="cm-alerts-title">
      <div className="page__head">
        <h1 id="cm-alerts-title">{l.t('alerts.title')}</h1>
        <LostStolenExport />
      </div>
      {settings ? (
        <p className="hint" data-testid="alerts-thresholds">
          {l.t('alerts.transferThreshold', { count: settings.transferMatchDays, n: l.number(settings.transferMatchDays) })}{' '}
          {l.t('alerts.silentThreshold', { count: settings.silentArmouryDays, n: l.number(settings.silentArmouryDays) })}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {alerts && alerts.length === 0 ? <p data-testid="alerts-none">{l.t('alerts.none')}</p> : null}
      {alerts
        ? KINDS.map((kind) => {
            const list = alerts.filter((a) => a.kind === kind);
            if (list.length === 0) return null;
            return (
              <section key={kind} className="panel" aria-labelledby={`cm-alerts-${kind}`} data-testid={`alerts-${kind}`}>
                <h2 id={`cm-alerts-${kind}`}>
                  {l.t(`alerts.kind.${kind}`)} <span className="cm-count">{l.number(list.length)}</span>
                </h2>
                <ul className="cm-alerts">
                  {list.map((a, i) => (
                    <li key={`${a.armoury}-${a.subject}-${i}`} className={`cm-alert cm-alert--${kind}`} data-armoury={a.armoury} data-subject={a.subject}>
                      <span className="cm-alert__text">{alertText(l, a)}</span>
                      <span className="cm-sub cm-sub--inline">{l.t('alerts.since', { date: l.dateTime(a.since) })}</span>
                      <button type="button" className="button button--small" onClick={() => open(a)} data-testid="alert-open">
                        {l.t(a.weapon ? 'alerts.openWeapon' : a.kind === 'tampered_import' ? 'alerts.openImports' : 'alerts.openArmoury')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </section>
  );
}
