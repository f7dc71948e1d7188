import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/contract/app';
import type { AppErrorShape, Coded } from '../../shared/result';
import { LockScreen, LoginScreen } from '../features/accounts';
import { CommissionShell } from '../features/commission';
import { SetupScreen, StartupErrorScreen } from '../features/setup';
import { setLanguage } from '../i18n';
import { call, onSessionLost } from '../lib/client';
import { storedLanguage } from './language';
import { RefreshContext, StatusContext } from './navigation';
import { Shell } from './Shell';

/**
 * Top of the UI: asks core where we are (no database, error, signed out, locked, signed in) and
 * shows the matching screen. Every screen reports changes back through `refresh`, and any call
 * that finds the session locked or gone brings the lock or login screen.
 */
export function App() {
  const { t } = useTranslation('common');
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  // Why the user is back at the login screen (account disabled, session ended), until they sign in.
  const [notice, setNotice] = useState<Coded | null>(null);
  // The screen shown when the session locked: the shell is unmounted while locked (nothing of it
  // stays in the page) and reopens there, its data fetched afresh, once its owner unlocks.
  const [lastScreen, setLastScreen] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    const r = await call('app.status', {});
    if (!r.ok) {
      setFailure(r.error);
      return;
    }
    setFailure(null);
    const language = r.value.session?.language ?? storedLanguage() ?? r.value.armoury?.language;
    if (language) await setLanguage(language);
    setStatus(r.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSessionLost((code) => {
        if (code !== 'auth_locked') setNotice({ code });
        void refresh();
      }),
    [refresh],
  );

  // Reopening runs the same checks as at start-up; nothing is repaired or recreated.
  const retry = useCallback(async () => {
    await call('app.openArmoury', {});
    await refresh();
  }, [refresh]);

  // A new sign-in (after a sign-out or an ended session) starts from the first screen.
  const signedIn = useCallback(async () => {
    setNotice(null);
    setLastScreen(null);
    await refresh();
  }, [refresh]);

  if (failure && !status) return <StartupErrorScreen error={failure} onRetry={retry} />;
  if (!status) return <p className="loading">{t('loading')}</p>;

  let content;
  if (status.state === 'error') content = <StartupErrorScreen error={status.error} onRetry={retry} />;
  else if (status.state === 'setup') content = <SetupScreen status={status} onDone={signedIn} />;
  else if (!status.session) content = <LoginScreen status={status} notice={notice} onDone={signedIn} />;
  else if (status.session.locked) {
    // Locked: only the lock screen is in the page. Whatever was on screen (names, serials, a form
    // half filled) is gone from the DOM, not merely hidden, on a PC others walk up to.
    content = <LockScreen session={status.session} onDone={refresh} />;
  } else {
    // The national commission's register has its own shell: its screens are not an armoury's.
    const ShellKind = status.kind === 'commission' ? CommissionShell : Shell;
    content = (
      <div className="shell-host">
        <ShellKind
          key={status.session.userId}
          status={status}
          session={status.session}
          onChange={refresh}
          initialScreen={lastScreen}
          onScreen={setLastScreen}
        />
      </div>
    );
  }
  return (
    <StatusContext.Provider value={status}>
      <RefreshContext.Provider value={refresh}>{content}</RefreshContext.Provider>
    </StatusContext.Provider>
  );
}
