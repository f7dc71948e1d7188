/**
 * The dashboards' notice opens the settings at the backups: set here before navigating, taken
 * once by the panel when it mounts (the settings screen has no sections to navigate to).
 */
let pending = false;

export function focusBackupsNext(): void {
  pending = true;
}

export function takeBackupsFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
