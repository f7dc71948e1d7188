import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/contract/app';
import type { SessionInfo } from '../../shared/domain/accounts';
import { AccountScreen, SettingsScreen, UsersScreen } from '../features/accounts';
import { AmmoScreen } from '../features/ammunition';
import { AuditScreen } from '../features/audit';
import { CustodyScreen, isCustodyScreen } from '../features/custody';
import { ImportScreen } from '../features/imports';
import { OverdueBanner } from '../features/custody/dashboard/OverdueBanner';
import { PrintScreen } from '../features/print';
import { NewWeaponScreen, RegisterScreen, WeaponDossierScreen } from '../features/register';
import { DocumentsScreen } from '../features/reports/DocumentsScreen';
import { SnapshotsScreen } from '../features/snapshots';
import { StockCheckScreen } from '../features/stockcheck';
import { call } from '../lib/client';
import { Header } from './Header';
import { NavigationContext, SessionContext, canAudit, canManage, canWrite, type Screen } from './navigation';
import { useIdleLock } from './useIdleLock';

/**
 * The signed-in app: header and navigation around the current screen; locks itself when idle.
 * It is unmounted while the session is locked and opens again on the screen it reported last.
 */
export function Shell(props: {
  status: AppStatus;
  session: SessionInfo;
  onChange: () => Promise<void>;
  initialScreen?: unknown;
  onScreen?: (screen: Screen) => void;
}) {
  const [screen, setScreen] = useState<Screen>(() => (props.initialScreen as Screen | null | undefined) ?? { name: 'register' });
  const { onChange, session, onScreen } = props;
  useEffect(() => onScreen?.(screen), [screen, onScreen]);

  const lock = useCallback(async () => {
    await call('auth.lock', {});
    await onChange();
  }, [onChange]);
  useIdleLock(session.idleLockMinutes, !session.locked, () => void lock());

  // A screen the role may not see (e.g. after a role change) falls back to the register.
  const allowed = allowedScreen(screen, session);

  return (
    <SessionContext.Provider value={session}>
      <NavigationContext.Provider value={setScreen}>
        <div className="shell">
          <Header status={props.status} session={session} screen={allowed} onNavigate={setScreen} onChange={onChange} />
          <OverdueBanner />
          <main className="screen" id="main" tabIndex={-1}>
            {renderScreen(allowed, onChange)}
          </main>
        </div>
      </NavigationContext.Provider>
    </SessionContext.Provider>
  );
}

function allowedScreen(screen: Screen, session: SessionInfo): Screen {
  if ((screen.name === 'users' || screen.name === 'snapshots') && !canManage(session)) return { name: 'register' };
  if (screen.name === 'audit' && !canAudit(session)) return { name: 'register' };
  if ((screen.name === 'newWeapon' || screen.name === 'import') && !canWrite(session)) return { name: 'register' };
  if (screen.name === 'ammoReceive' && !canWrite(session)) return { name: 'ammunition' };
  if ((screen.name === 'custodyIssue' || screen.name === 'custodyReturn' || screen.name === 'handover') && !canWrite(session)) {
    return { name: 'custody' };
  }
  return screen;
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
    case 'stockChecks':
    case 'stockCheck':
      return <StockCheckScreen screen={screen} />;
    case 'documents':
      return <DocumentsScreen />;
    case 'print':
      return <PrintScreen doc={screen.doc} back={screen.back} />;
    case 'snapshots':
      return <SnapshotsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'import':
      return <ImportScreen key={screen.kind} kind={screen.kind} />;
    default:
      return isCustodyScreen(screen) ? <CustodyScreen screen={screen} /> : <AmmoScreen screen={screen} />;
  }
}
