import { useState } from 'react';
import type { AppStatus } from '../../shared/contract/app';
import type { SessionInfo } from '../../shared/domain/accounts';
import { AccountScreen, SettingsScreen, UsersScreen } from '../features/accounts';
import { NewWeaponScreen, RegisterScreen, WeaponDossierScreen } from '../features/register';
import { NavigationContext, SessionContext, type Screen } from './navigation';

/** The signed-in app: header and navigation around the current screen. */
export function Shell(props: { status: AppStatus; session: SessionInfo; onChange: () => Promise<void> }) {
  const [screen, setScreen] = useState<Screen>({ name: 'register' });
  return (
    <SessionContext.Provider value={props.session}>
      <NavigationContext.Provider value={setScreen}>
        <main className="screen">{renderScreen(screen, props.onChange)}</main>
      </NavigationContext.Provider>
    </SessionContext.Provider>
  );
}

function renderScreen(screen: Screen, onChange: () => Promise<void>) {
  switch (screen.name) {
    case 'register':
      return <RegisterScreen />;
    case 'weapon':
      return <WeaponDossierScreen id={screen.id} />;
    case 'newWeapon':
      return <NewWeaponScreen />;
    case 'users':
      return <UsersScreen />;
    case 'settings':
      return <SettingsScreen onChange={onChange} />;
    case 'account':
      return <AccountScreen onChange={onChange} />;
  }
}
