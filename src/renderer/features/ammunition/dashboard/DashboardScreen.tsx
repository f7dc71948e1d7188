import { useEffect, useState } from 'react';
import type { AmmoDashboard, StoreView } from '../../../../shared/contract/ammunition';
import type { AppErrorShape } from '../../../../shared/result';
import { useNavigate, type Screen } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useAmmoLabels } from '../labels';
import { BackupNotice } from '../../backups';
import { OverdueChecks } from '../../stockcheck/OverdueChecks';
import { LotTable } from '../lots/LotTable';
import { LicenceStatus } from '../stores/LicenceStatus';
import { CompatibilityPanel } from './CompatibilityPanel';

/**
 * The entry of the ammunition screens: what needs attention today (inspections due, suspended
 * lots, licences expiring or expired), each with its count and its list, and the status of the
 * compatibility table the safety checks rely on.
 */
export function DashboardScreen() {
  const labels = useAmmoLabels();
  const [data, setData] = useState<AmmoDashboard | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    void call('ammo.dashboard', {}).then((r) => (r.ok ? setData(r.value) : setFailure(r.error)));
  }, []);

  if (failure) return <ErrorBanner error={failure} />;
  if (!data) return <p className="reg-loading">{labels.t('common.loading')}</p>;
  const auto = data.suspended.filter((l) => data.autoSuspended.includes(l.id));
  return (
    <section className="reg-screen ammo-screen" aria-labelledby="ammo-dash-title" data-testid="ammo-dashboard">
      <header className="reg-header">
        <h1 id="ammo-dash-title">{labels.t('dashboard.title')}</h1>
      </header>
      <OverdueChecks />
      <BackupNotice />
      {data.autoSuspended.length ? (
        <div className="banner banner--error" role="alert" data-testid="auto-suspended">
          <p>{labels.t('dashboard.autoSuspended', { count: data.autoSuspended.length, n: labels.number(data.autoSuspended.length) })}</p>
          {auto.length ? <p>{auto.map((l) => labels.lotName(l)).join(', ')}</p> : null}
        </div>
      ) : null}
      <div className="ammo-counts">
        <Count id="due" n={data.dueWithin30Days.length} to={{ name: 'ammoLots', filter: 'due' }} />
        <Count id="suspended" n={data.suspended.length} to={{ name: 'ammoLots', filter: 'suspended' }} />
        <Count id="expiring" n={data.licencesExpiringWithin60Days.length} to={{ name: 'ammoStores' }} />
        <Count id="expired" n={data.licencesExpired.length} to={{ name: 'ammoStores' }} danger />
      </div>
      <Section id="expired" empty={data.licencesExpired.length === 0}>
        <StoreList stores={data.licencesExpired} />
      </Section>
      <Section id="expiring" empty={data.licencesExpiringWithin60Days.length === 0}>
        <StoreList stores={data.licencesExpiringWithin60Days} />
      </Section>
      <Section id="due" empty={data.dueWithin30Days.length === 0}>
        <LotTable lots={data.dueWithin30Days} testId="due-lots" />
      </Section>
      <Section id="suspended" empty={data.suspended.length === 0}>
        <LotTable lots={data.suspended} testId="suspended-lots" />
      </Section>
      <CompatibilityPanel table={data.compatibilityTable} />
    </section>
  );
}

type CountId = 'due' | 'suspended' | 'expiring' | 'expired';

function Count(props: { id: CountId; n: number; to: Screen; danger?: boolean }) {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  const alarm = props.n > 0 ? (props.danger || props.id === 'suspended' ? ' ammo-count--danger' : ' ammo-count--warn') : '';
  return (
    <button type="button" className={`ammo-count${alarm}`} onClick={() => navigate(props.to)} data-testid={`count-${props.id}`}>
      <span className="ammo-count__n">{labels.number(props.n)}</span>
      <span className="ammo-count__label">{labels.t(`dashboard.count.${props.id}`, { count: props.n })}</span>
    </button>
  );
}

function Section(props: { id: CountId; empty: boolean; children: React.ReactNode }) {
  const labels = useAmmoLabels();
  return (
    <section className="ammo-dash-section" aria-labelledby={`ammo-dash-${props.id}`}>
      <h2 id={`ammo-dash-${props.id}`}>{labels.t(`dashboard.section.${props.id}`)}</h2>
      {props.empty ? <p className="ammo-muted">{labels.t(`dashboard.empty.${props.id}`)}</p> : props.children}
    </section>
  );
}

function StoreList(props: { stores: StoreView[] }) {
  const navigate = useNavigate();
  return (
    <ul className="ammo-store-list">
      {props.stores.map((s) => (
        <li key={s.id} data-testid="dash-store">
          <button type="button" className="reg-link code" onClick={() => navigate({ name: 'ammoStore', id: s.id })}>
            {s.code}
          </button>{' '}
          {s.name} · <LicenceStatus store={s} /> <small className="ammo-muted">{`${s.licence.authority} · ${s.licence.reference}`}</small>
        </li>
      ))}
    </ul>
  );
}
