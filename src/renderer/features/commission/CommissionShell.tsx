import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/contract/app';
import type { SessionInfo } from '../../../shared/domain/accounts';
import { SessionContext, canManage } from '../../app/navigation';
import { useIdleLock } from '../../app/useIdleLock';
import { AccountScreen, UsersScreen } from '../accounts';
import { call } from '../../lib/client';
import { AlertsScreen } from './alerts/AlertsScreen';
import { ArmouriesScreen } from './armouries/ArmouriesScreen';
import { CommissionHeader } from './CommissionHeader';
import { ImportScreen } from './imports/ImportScreen';
import { NationalRegisterScreen } from './register/NationalRegisterScreen';
import { WeaponHistoryScreen } from './register/WeaponHistoryScreen';
import { CommissionNavigation, type CommissionScreen } from './screens';
import { CommissionSettingsScreen } from './settings/CommissionSettingsScreen';
import './commission.css';

/**
 * The national commission's signed-in app: its own header and screens (armouries and keys, imports,
 * the national register, alerts), sharing accounts, lock and language with the armoury app.
 */
export function CommissionShell(props: {
  status: AppStatus;
  session: SessionInfo;
  onChange: () => Promise<void>;
  /** The screen to reopen after an unlock (the shell is unmounted while locked), as last reported by onScreen. */
  initialScreen?: unknown;
  onScreen?: (screen: CommissionScreen) => void;
}) {
  const [screen, setScreen] = useState<CommissionScreen>(() => (props.initialScreen as CommissionScreen | null | undefined) ?? { name: 'armouries' });
  const { onScreen } = props;
  useEffect(() => onScreen?.(screen), [screen, onScreen]);
  // Every navigation opens the screen afresh (its data reloaded), even to the screen already shown.
  const [visit, setVisit] = useState(0);
  const navigate = useCallback((next: CommissionScreen) => {
    setScreen(next);
    setVisit((v) => v + 1);
  }, []);
  const { onChange, session } = props;

  const lock = useCallback(async () => {
    await call('auth.lock', {});
    await onChange();
  }, [onChange]);
  useIdleLock(session.idleLockMinutes, !session.locked, () => void lock());

  // Users are managers' business; after a role change the screen falls back to the armouries.
  const shown: CommissionScreen = screen.name === 'users' && !canManage(session) ? { name: 'armouries' } : screen;

  return (
    <SessionContext.Provider value={session}>
      <CommissionNavigation.Provider value={navigate}>
        <div className="shell" data-testid="commission-shell">
          <CommissionHeader status={props.status} session={session} screen={shown} onNavigate={navigate} onChange={onChange} />
          <main className="screen" id="main" tabIndex={-1} key={visit}>
            {renderScreen(shown, onChange)}
          </main>
        </div>
      </CommissionNavigation.Provider>
    </SessionContext.Provider>
  );
}

function renderScreen(screen: CommissionScreen, onChange: () => Promise<void>) {
  switch (screen.name) {
    case 'armouries':
      return <ArmouriesScreen highlight={screen.highlight} />;
    case 'imports':
      return <ImportScreen />;
    case 'register':
      return <NationalRegisterScreen armoury={screen.armoury} />;
    case 'history':
      return <WeaponHistoryScreen key={`${screen.armoury}/${screen.weaponId}`} armoury={screen.armoury} weaponId={screen.weaponId} back={screen.back} />;
    case 'alerts':
      return <AlertsScreen />;
    case 'users':
      return <UsersScreen />;
    case 'settings':
      return <CommissionSettingsScreen onChange={onChange} />;
    case 'account':
      return <AccountScreen onChange={onChange} />;
  }
}
