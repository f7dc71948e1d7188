import { DEFAULT_SETTINGS, settingsShape, type Settings } from '../../../shared/domain/accounts';
import type { Statements } from '../db/statements';

/** Settings are projections of settings.changed events over the defaults. */
export function readSettings(s: Statements): Settings {
  const rows = s.sql('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) merged[row.key] = JSON.parse(row.value);
  const parsed = settingsShape.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
