import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/app';
import type { SessionInfo } from '../../../shared/domain/accounts';
import { HeaderUser } from '../../app/HeaderUser';
import { canManage } from '../../app/navigation';
import { navOf, type CommissionScreen, type NavName } from './screens';
import { NavBar } from '../../app/NavBar';

/** The commission's identity, who is signed in and its menu; same look as the armoury's header. */
export function CommissionHeader(props: {
  status: AppStatus;
  session: SessionInfo;
  screen: CommissionScreen;
  onNavigate: (screen: CommissionScreen) => void;
  onChange: () => Promise<void>;
}) {
  const { t } = useTranslation('commission');
  const { status, session } = props;

  const items: NavName[] = ['armouries', 'imports', 'register', 'alerts'];
  if (canManage(session)) items.push('users');
  items.push('settings', 'account');
  const current = navOf(props.screen);

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
        <HeaderUser session={session} onChange={props.onChange} />
      </div>
      <NavBar
        label={t('app:navLabel')}
        items={items}
        current={current}
        text={(name) => t(`shell.nav.${name}`)}
        onSelect={(name) => props.onNavigate({ name })}
      />
    </header>
  );
}
