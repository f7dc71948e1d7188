import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain/enums';

/** The language the UI shows now; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}
