import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import en from '../../../locales/en/backups.json';
import fr from '../../../locales/fr/backups.json';

/**
 * "Backing up before closing…" while the close waits for its backup: a message box on the window
 * (so the user does not pull the USB stick), taken down by the shell when the backup is over. Its
 * OK only hides it; the backup goes on and the app quits when it ends or times out.
 */
export function showBackingUp(win: BrowserWindow | null, language: string): () => void {
  const t = (language.toLowerCase().startsWith('fr') ? fr : en).closing;
  const abort = new AbortController();
  const options: MessageBoxOptions = {
    type: 'info',
    title: t.title,
    message: t.message,
    detail: t.detail,
    buttons: [t.ok],
    noLink: true,
    // Modal to the window: on macOS a box without a parent runs synchronously and cannot be aborted.
    signal: abort.signal,
  };
  const shown = win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => console.error('[gardien] the backup notice failed', error));
  return () => abort.abort();
}
