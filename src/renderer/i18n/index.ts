import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/enums';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * Both languages are bundled: locales/<lang>/<namespace>.json, one namespace per capability.
 * No fallback language: a missing key must show up in the parity test, not as English in a French UI.
 */
function loadResources(): Resources {
  const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/*.json', { eager: true, import: 'default' });
  const resources: Resources = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (resources[lang] ??= {})[ns] = content;
  }
  return resources;
}

export const resources = loadResources();
export const namespaces = Object.keys(resources.en ?? {});

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}
