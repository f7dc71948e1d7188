import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/app';
import type { SessionInfo } from '../../../shared/domain/accounts';
import { useUserLanguage } from '../../app/language';
import { canManage } from '../../app/navigation';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLanguage } from '../../components/useLanguage';
import { call } from '../../lib/client';
import { navOf, type CommissionScreen, type NavName } from './screens';
import { useRoleLabel } from '../../components/useRoleLabel';

/** The commission's identity, who is signed in and its menu; same look as the armoury's header. */
export function CommissionHeader(props: {
  status: AppStatus;
  session: SessionInfo;
  screen: CommissionScreen;
  onNavigate: (screen: CommissionScreen) => void;
  onChange: () => Promise<void>;
}) {
  const { t } = useTranslation('commission');
  const roleLabel = useRoleLabel();
  const language = useLanguage();
  const switchLanguage = useUserLanguage();
  const [busy, setBusy] = useState(false);
  const { status, session } = props;

  const items: NavName[] = ['armouries', 'imports', 'register', 'alerts'];
  if (canManage(session)) items.push('users');
  items.push('settings', 'account');
  const current = navOf(props.screen);

  const logout = async () => {
    setBusy(true);
    await call('auth.logout', {});
    await props.onChange();
  };

  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('app:skipToContent')}
      </a>
      <div className="header__top">
        <div className="header__armoury" data-testid="armoury-identity">
          <span className="brand">{t('common:appName')}</span>
          <span className="cm-badge cm-badge--commission" data-testid="commission-badge">
            {t('shell.badge')}
          </span>
          <span className="header__name">{status.armoury?.name}</span>
          <span className="header__code">{status.armoury?.code}</span>
        </div>
        <div className="header__user">
          <LanguageSwitch value={language} onChange={(l) => void switchLanguage(l)} />
          <span className="header__who" data-testid="signed-in-user">
            <span className="header__fullname">{session.fullName}</span>
            <span className="header__role">{roleLabel(session.role)}</span>
          </span>
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void logout()}>
            {t('app:logout')}
          </button>
        </div>
      </div>
      <nav className="nav" aria-label={t('app:navLabel')}>
        {items.map((name) => (
          <button
            key={name}
            type="button"
            className="nav__item"
            aria-current={current === name ? 'page' : undefined}
            data-testid={`nav-${name}`}
            onClick={() => props.onNavigate({ name })}
          >
            {t(`shell.nav.${name}`)}
          </button>
        ))}
      </nav>
    </header>
  );
}
