import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/enums';

/**
 * FR | EN, each language named in itself so a user who cannot read the current one still finds
 * theirs. Before sign-in it switches the screen; signed in, the caller also saves it for the user.
 */
export function LanguageSwitch(props: { value: Language; onChange: (language: Language) => void; disabled?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switch__option"
          aria-pressed={props.value === lang}
          title={t(`endonym.${lang}`)}
          disabled={props.disabled}
          data-testid={`language-${lang}`}
          onClick={() => props.value !== lang && props.onChange(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
