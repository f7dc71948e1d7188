import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/contract/app';
import type { SessionInfo } from '../../shared/domain/accounts';
import { isCustodyScreen } from '../features/custody/screens';
import { HeaderUser } from './HeaderUser';
import { canAudit, canManage, canWrite, type Screen } from './navigation';
import { NavBar } from './NavBar';

type NavName = 'register' | 'newWeapon' | 'custody' | 'ammunition' | 'stockChecks' | 'documents' | 'snapshots' | 'users' | 'audit' | 'settings' | 'account';

/** Which armoury, who is signed in, where to go: always visible, reachable by Tab in reading order. */
export function Header(props: {
  status: AppStatus;
  session: SessionInfo;
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  onChange: () => Promise<void>;
}) {
  const { t } = useTranslation('app');
  const { status, session } = props;

  const items: NavName[] = ['register'];
  if (canWrite(session)) items.push('newWeapon');
  items.push('custody', 'ammunition', 'stockChecks', 'documents');
  if (canManage(session)) items.push('snapshots', 'users');
  if (canAudit(session)) items.push('audit');
  items.push('settings', 'account');
  // The dossier belongs to the register; every ammunition or custody screen to its own entry.
  const name = props.screen.name;
  const current =
    name === 'weapon' ? 'register'
    : props.screen.name === 'import' ? { weapons: 'register', officers: 'custody', lots: 'ammunition' }[props.screen.kind]
    : name.startsWith('ammo') ? 'ammunition'
    : isCustodyScreen(props.screen) ? 'custody'
    : name === 'stockCheck' ? 'stockChecks'
    : name === 'print' ? (props.screen.name === 'print' && props.screen.doc.kind === 'keyCertificate' ? 'settings' : 'documents')
    : name;

  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="header__top">
        <div className="header__armoury" data-testid="armoury-identity">
          <span className="brand">{t('common:appName')}</span>
          <span className="header__name">{status.armoury?.name}</span>
          <span className="header__code">{status.armoury?.code}</span>
          {status.database === 'demo' ? (
            <span className="badge badge--demo" title={t('demoBadgeHint')} data-testid="demo-badge">
              {t('demoBadge')}
            </span>
          ) : null}
        </div>
        <HeaderUser session={session} onChange={props.onChange} />
      </div>
      <NavBar
        label={t('navLabel')}
        items={items}
        current={current}
        text={(name) => t(`nav.${name}`)}
        onSelect={(name) => props.onNavigate({ name })}
      />
    </header>
  );
}
