import { useCallback } from 'react';
import type { Language } from '../../shared/domain/enums';
import { setLanguage } from '../i18n';
import { call } from '../lib/client';
import { useRefresh } from './navigation';

/** Before sign-in the language lives on this PC; once signed in, each user's choice is kept by core. */
const KEY = 'gardien.language';

export function storedLanguage(): Language | null {
  const v = localStorage.getItem(KEY);
  return v === 'fr' || v === 'en' ? v : null;
}

/** Switches the screen and remembers it for the next start (and the login screen after logout). */
export async function rememberLanguage(language: Language): Promise<void> {
  localStorage.setItem(KEY, language);
  await setLanguage(language);
}

/** Signed in: save the choice for this user, then switch the whole UI at once. */
export function useUserLanguage() {
  const refresh = useRefresh();
  return useCallback(
    async (language: Language) => {
      const r = await call('auth.setLanguage', { language });
      if (r.ok) {
        await rememberLanguage(language);
        await refresh();
      }
      return r;
    },
    [refresh],
  );
}
