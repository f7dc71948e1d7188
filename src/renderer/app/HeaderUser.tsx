import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/domain/accounts';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLanguage } from '../components/useLanguage';
import { useRoleLabel } from '../components/useRoleLabel';
import { call } from '../lib/client';
import { useUserLanguage } from './language';

/** The right of every header: language, who is signed in (name and role), sign out. */
export function HeaderUser(props: { session: SessionInfo; onChange: () => Promise<void> }) {
  const { t } = useTranslation('app');
  const roleLabel = useRoleLabel();
  const language = useLanguage();
  const switchLanguage = useUserLanguage();
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    await call('auth.logout', {});
    await props.onChange();
  };

  return (
    <div className="header__user">
      <LanguageSwitch value={language} onChange={(l) => void switchLanguage(l)} />
      <span className="header__who" data-testid="signed-in-user">
        <span className="header__fullname">{props.session.fullName}</span>
        <span className="header__role">{roleLabel(props.session.role)}</span>
      </span>
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => void logout()}>
        {t('logout')}
      </button>
    </div>
  );
}
