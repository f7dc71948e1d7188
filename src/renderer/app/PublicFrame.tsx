import type { ReactNode } from 'react';
import type { Language } from '../../shared/domain/enums';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLanguage } from '../components/useLanguage';
import { rememberLanguage } from './language';

/** The frame of every screen shown before sign-in: name, language switch, one centred card. */
export function PublicFrame(props: {
  title: string;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
  /** Signed in but locked: the choice is saved for the user instead of only on this PC. */
  onLanguage?: (language: Language) => void;
}) {
  const { t } = useTranslation('app');
  const language = useLanguage();
  return (
    <div className="public">
      <header className="public__bar">
        <span className="brand">{t('common:appName')}</span>
        <span className="public__tagline">{t('tagline')}</span>
        <LanguageSwitch value={language} onChange={props.onLanguage ?? ((l) => void rememberLanguage(l))} />
      </header>
      <main className={`public__card${props.wide ? ' public__card--wide' : ''}`} data-testid={props.testId}>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </div>
  );
}
