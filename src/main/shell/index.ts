/**
 * Electron entry point: lifecycle only. Security policy is in security.ts (pure) and harden.ts,
 * the app:// origin in protocol.ts, IPC in ipc.ts, the window in window.ts; the application itself
 * is GardienApp (src/main/core), which knows nothing of Electron.
 */
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { GardienApp } from '../core/app';
import { backupRunner } from '../core/backup';
import { showBackingUp } from './backup-notice';
import { AutomaticBackups } from './backups';
import { INVOKE_CHANNEL } from './channel';
import { chooseDataDir, prepareDataDir } from './data-dir';
import { hardenSession, hardenWebContents } from './harden';
import { registerChooseBackups, registerChooseSnapshots, registerChooseSpreadsheet, registerSaveExport, registerSavePdf, registerTrustedHandler } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ENTRY_URL, devOriginFrom } from './security';
import { showStartupError } from './startup-error';
import { createMainWindow } from './window';

type DataDir = { ok: true; dir: string } | { ok: false; error: unknown; dir: string | null };

const development = !app.isPackaged;
// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app ignores it, so an environment
// variable can never point the production window at another page.
const devOrigin = development ? devOriginFrom(process.env['ELECTRON_RENDERER_URL']) : null;
const rendererRoot = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.js');

let core: GardienApp | null = null;
let mainWindow: BrowserWindow | null = null;
/** The daily backup and the backup on close (backups.ts). */
let backups: AutomaticBackups | null = null;

/** Resolved before 'ready' because an override also moves Electron's profile (see main()). */
function resolveDataDir(): DataDir {
  let chosen: string | null = null;
  try {
    const choice = chooseDataDir(process.argv, process.env, app.getPath('userData'), process.cwd());
    chosen = choice.dir;
    const dir = prepareDataDir(choice.dir);
    // The profile (localStorage, caches) and the single-instance lock follow the data: each data
    // folder is one instance, and parallel test runs with their own folder do not collide.
    if (choice.source !== 'default') app.setPath('userData', dir);
    return { ok: true, dir };
  } catch (error) {
    return { ok: false, error, dir: chosen };
  }
}

/** Idempotent: closing the database checkpoints the WAL into the main file. */
function closeCore(): void {
  backups?.stopDaily();
  const c = core;
  core = null;
  try {
    c?.close();
  } catch (error) {
    console.error('[gardien] closing the database failed', error);
  }
}

async function start(dataDir: DataDir): Promise<void> {
  hardenSession(session.defaultSession, devOrigin, development);
  serveRenderer(rendererRoot);
  if (!dataDir.ok) throw dataDir.error;

  const gardien = new GardienApp({ dataDir: dataDir.dir }).start();
  core = gardien;
  registerTrustedHandler(INVOKE_CHANNEL, (op, input) => gardien.router.call(op, input), devOrigin);
  registerSavePdf(devOrigin);
  registerSaveExport(devOrigin, dataDir.dir);
  registerChooseSnapshots(devOrigin, gardien);
  registerChooseSpreadsheet(devOrigin, gardien);
  registerChooseBackups(devOrigin, gardien);
  backups = new AutomaticBackups({ runner: backupRunner(gardien) });
  backups.startDaily();

  mainWindow = createMainWindow({ preload: preloadPath, url: devOrigin ?? APP_ENTRY_URL, development });
  mainWindow.on('close', (event) => {
    if (waitForCloseBackup()) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/**
 * True while the close (or quit) must wait for the backup on close, which shows its notice on the
 * window; the app then quits by itself, whether the backup succeeded, failed or timed out.
 */
function waitForCloseBackup(): boolean {
  const win = mainWindow;
  return backups?.interceptClose(() => showBackingUp(win, closingLanguage()), () => app.quit()) ?? false;
}

/** The signed-in user's language, else the armoury's, else the system's. */
function closingLanguage(): string {
  try {
    const status = core?.status();
    return status?.session?.language ?? status?.armoury?.language ?? app.getLocale();
  } catch {
    return app.getLocale();
  }
}

async function fail(error: unknown, dir: string | null): Promise<void> {
  try {
    await showStartupError(error, dir);
  } finally {
    closeCore();
    app.exit(1);
  }
}

function main(): void {
  // Both must happen before 'ready'.
  app.enableSandbox();
  registerAppScheme();
  hardenWebContents(devOrigin, development);

  const dataDir = resolveDataDir();
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the running instance gets 'second-instance' and comes to the front
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // On every platform, including macOS: no window means no one is using the register.
  app.on('window-all-closed', () => {
    closeCore();
    app.quit();
  });
  // A quit (menu, Cmd+Q) waits for the backup on close as a closed window does. The event may be
  // missing when the test's fake Electron emits it bare.
  app.on('before-quit', (event: { preventDefault(): void } | undefined) => {
    if (waitForCloseBackup()) event?.preventDefault();
    else closeCore();
  });

  app
    .whenReady()
    .then(() => start(dataDir))
    .catch((error: unknown) => fail(error, dataDir.dir));
}

main();
