import { backupSettingsShape, DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../shared/domain/backup';
import type { Statements } from '../db/statements';

/** Settings keys in the settings table (journaled as settings.changed, like the others). */
export const BACKUP_SETTING_KEYS: Record<keyof BackupSettings, string> = {
  folder: 'backup.folder',
  daily: 'backup.daily',
  onClose: 'backup.onClose',
  keep: 'backup.keep',
  warnAfterDays: 'backup.warnAfterDays',
};

export function readBackupSettings(s: Statements): BackupSettings {
  const rows = s.sql("SELECT key, value FROM settings WHERE key LIKE 'backup.%'").all() as { key: string; value: string }[];
  const merged: Record<string, unknown> = { ...DEFAULT_BACKUP_SETTINGS };
  for (const [field, key] of Object.entries(BACKUP_SETTING_KEYS)) {
    const row = rows.find((r) => r.key === key);
    if (row) merged[field] = JSON.parse(row.value);
  }
  const parsed = backupSettingsShape.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}
