import './ammunition.css';
import type { Screen } from '../../app/navigation';
import { AmmoTabs } from './AmmoTabs';
import { DashboardScreen } from './dashboard/DashboardScreen';
import { LotDossierScreen } from './lots/LotDossierScreen';
import { LotsScreen } from './lots/LotsScreen';
import { ReceiveScreen } from './receive/ReceiveScreen';
import { StoreHoldingsScreen } from './stores/StoreHoldingsScreen';
import { StoresScreen } from './stores/StoresScreen';

export type AmmoScreenName = 'ammunition' | 'ammoStores' | 'ammoStore' | 'ammoLots' | 'ammoLot' | 'ammoReceive';

/** Every ammunition screen under its own menu; the shell hands over any screen named here. */
export function AmmoScreen(props: { screen: Extract<Screen, { name: AmmoScreenName }> }) {
  const { screen } = props;
  let body;
  switch (screen.name) {
    case 'ammunition':
      body = <DashboardScreen />;
      break;
    case 'ammoStores':
      body = <StoresScreen />;
      break;
    case 'ammoStore':
      body = <StoreHoldingsScreen key={screen.id} id={screen.id} />;
      break;
    case 'ammoLots':
      body = <LotsScreen key={`${screen.filter ?? ''}-${screen.storeId ?? ''}`} filter={screen.filter} storeId={screen.storeId} />;
      break;
    case 'ammoLot':
      body = <LotDossierScreen key={screen.id} id={screen.id} />;
      break;
    case 'ammoReceive':
      body = <ReceiveScreen storeId={screen.storeId} />;
      break;
  }
  return (
    <div className="ammo">
      <AmmoTabs current={screen.name} />
      {body}
    </div>
  );
}
