import type { StoreView } from '../../../../shared/contract/ammunition';
import { today, useAmmoLabels } from '../labels';

const DAY = 86_400_000;

/** Days from today to a calendar date (negative when past), in local time. */
export function daysUntil(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today().split('-').map(Number) as [number, number, number];
  return Math.round((new Date(y, m - 1, d).getTime() - new Date(ty, tm - 1, td).getTime()) / DAY);
}

/**
 * A store's licence as people must see it wherever the store appears: expired in red and in
 * words, expiring within 60 days in amber, otherwise its expiry date.
 */
export function LicenceStatus(props: { store: StoreView }) {
  const labels = useAmmoLabels();
  const { licence, licenceExpired } = props.store;
  const date = labels.date(licence.expiry);
  if (licenceExpired) {
    return (
      <span className="ammo-badge ammo-badge--danger" data-testid="licence-expired">
        {labels.t('store.licenceExpired', { date })}
      </span>
    );
  }
  const days = daysUntil(licence.expiry);
  if (days <= 60) {
    return (
      <span className="ammo-badge ammo-badge--warn" data-testid="licence-expiring">
        {labels.t('store.licenceExpiring', { date, count: days, n: labels.number(days) })}
      </span>
    );
  }
  return <span data-testid="licence-valid">{labels.t('store.licenceValid', { date })}</span>;
}

/** Groups present in a store and, when the mixture counts as something else, what it counts as. */
export function GroupsText(props: { store: StoreView }) {
  const labels = useAmmoLabels();
  const { groups, aggregateGroups } = props.store;
  if (groups.length === 0) return <span className="ammo-muted">—</span>;
  const same = aggregateGroups.join() === [...groups].sort().join();
  return (
    <span data-testid="store-groups">
      {groups.join(', ')}
      {same ? null : <small className="ammo-groups__aggregate"> {labels.t('store.aggregate', { groups: aggregateGroups.join(', ') })}</small>}
    </span>
  );
}
