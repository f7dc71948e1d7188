import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/contract/app';
import { LockScreen, LoginScreen } from '../features/accounts';
import { SetupScreen, StartupErrorScreen } from '../features/setup';
import { setLanguage } from '../i18n';
import { call } from '../lib/client';
import { Shell } from './Shell';

/**
 * Top of the UI: asks core where we are (no database, error, signed out, locked, signed in) and
 * shows the matching screen. Every screen reports changes back through `refresh`.
 */
export function App() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppStatus | null>(null);

  const refresh = useCallback(async () => {
    const r = await call('app.status', {});
    if (r.ok) {
      if (r.value.session) await setLanguage(r.value.session.language);
      setStatus(r.value);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) return <p className="loading">{t('loading')}</p>;
  if (status.state === 'error') return <StartupErrorScreen status={status} />;
  if (status.state === 'setup') return <SetupScreen status={status} onDone={refresh} />;
  if (!status.session) return <LoginScreen status={status} onDone={refresh} />;
  if (status.session.locked) return <LockScreen session={status.session} onDone={refresh} />;
  return <Shell status={status} session={status.session} onChange={refresh} />;
}
