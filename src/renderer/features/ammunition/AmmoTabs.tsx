import { canWrite, useNavigate, useSession, type Screen } from '../../app/navigation';
import { useAmmoLabels } from './labels';

type Tab = 'ammunition' | 'ammoStores' | 'ammoLots' | 'ammoReceive';

/** The ammunition screens' own menu, under the main one: dashboard, stores, lots, a receipt. */
export function AmmoTabs(props: { current: Screen['name'] }) {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  const session = useSession();
  const tabs: Tab[] = ['ammunition', 'ammoStores', 'ammoLots'];
  if (canWrite(session)) tabs.push('ammoReceive');
  const current = props.current === 'ammoStore' ? 'ammoStores' : props.current === 'ammoLot' ? 'ammoLots' : props.current;
  return (
    <nav className="ammo-tabs no-print" aria-label={labels.t('tabs.label')}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          className="ammo-tab"
          aria-current={current === tab ? 'page' : undefined}
          data-testid={`ammo-tab-${tab}`}
          onClick={() => navigate({ name: tab })}
        >
          {labels.t(`tabs.${tab}`)}
        </button>
      ))}
    </nav>
  );
}
