import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../components/useLanguage';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { formatSize } from '../snapshots/format';

/** The backups namespace with the user's formatters: dates, counts and file sizes through Intl. */
export function useBackupLabels() {
  const { t } = useTranslation('backups');
  const language = useLanguage();
  return {
    t,
    language,
    dateTime: (iso: string) => formatDateTime(iso, language),
    number: (n: number) => formatNumber(n, language),
    size: (bytes: number) => formatSize(bytes, language),
  };
}

/** Whole days between two instants, rounded down (the age of a backup). */
export function daysBetween(fromIso: string, to: number): number {
  return Math.max(0, Math.floor((to - new Date(fromIso).getTime()) / 86_400_000));
}

/** The shell's open dialog; a bridge that fails or lacks it counts as a cancel, never a crash. */
export async function chooseSafely(ask: () => Promise<{ path: string | null }>): Promise<{ path: string | null }> {
  try {
    return await ask();
  } catch {
    return { path: null };
  }
}
