import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_EXTENSION } from '../../../shared/domain/backup';

/** yyyymmdd-hhmmss in UTC: names sort in time order on every PC whatever its time zone. */
export function stamp(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** `<ARMOURY>-<yyyymmdd-hhmmss>.gbak`, with `-2`, `-3`… when a backup of the same second exists. */
export function backupFileName(folder: string, code: string, at: Date): string {
  const base = `${code}-${stamp(at)}`;
  let name = `${base}${BACKUP_EXTENSION}`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${base}-${n}${BACKUP_EXTENSION}`;
  return name;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a file name is one this armoury's backups take (rotation then checks the header too). */
export function isBackupNameOf(code: string, name: string): boolean {
  return new RegExp(`^${escape(code)}-\\d{8}-\\d{6}(-\\d{1,4})?${escape(BACKUP_EXTENSION)}$`).test(name);
}
