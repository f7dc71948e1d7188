import { app, clipboard, dialog } from 'electron';
import en from '../../../locales/en/shell.json';
import fr from '../../../locales/fr/shell.json';

/** The system language decides: the armoury's own language setting lives in the database that failed. */
function texts(): typeof en.startupFailed {
  return (app.getLocale().toLowerCase().startsWith('fr') ? fr : en).startupFailed;
}

/**
 * A failure before the window exists (data folder cannot be created or read, database cannot be
 * opened...): say so, offer to copy the details for support, and quit. Never deletes or recreates
 * anything; a database newer than the app is not this case (core reports it and the renderer shows it).
 */
export async function showStartupError(error: unknown, dataDir: string | null): Promise<void> {
  console.error('[gardien] startup failed', error);
  const t = texts();
  const message = error instanceof Error ? error.message : String(error);
  const where = dataDir === null ? '' : t.dataDir.replace('{{dir}}', () => dataDir);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: t.title,
    message: t.message,
    detail: [message, where].filter(Boolean).join('\n\n'),
    buttons: [t.copyAndQuit, t.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) {
    const stack = error instanceof Error && error.stack ? error.stack : message;
    const versions = `Gardien ${app.getVersion()}, Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch}`;
    clipboard.writeText([t.title, where, stack, versions].filter(Boolean).join('\n\n'));
  }
}
