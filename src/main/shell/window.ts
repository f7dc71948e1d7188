import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.js). */
  preload: string;
  /** app://gardien/index.html, or the dev server in development. */
  url: string;
  /** Unpackaged build: DevTools and the View menu (reload, toggle DevTools) are available. */
  development: boolean;
}

/**
 * A menu made only of Electron roles (their labels come from Electron, so there is no string of ours
 * to translate). macOS needs the app and Edit menus for quit and copy/paste shortcuts; Windows and
 * Linux get no menu in production (text fields keep their shortcuts without one).
 */
function applicationMenu(development: boolean): Menu | null {
  const items: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') items.push({ role: 'appMenu' }, { role: 'editMenu' });
  if (development) items.push({ role: 'viewMenu' });
  return items.length > 0 ? Menu.buildFromTemplate(items) : null;
}

/** The main window, locked down the same way in development, tests and production. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  Menu.setApplicationMenu(applicationMenu(options.development));
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Gardien',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Electron's checklist advice against middle-click navigation; the window-open handler
      // (harden.ts) is what denies the new window whatever Chromium does with this flag.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      devTools: options.development,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[gardien] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  win.loadURL(options.url).catch((error: unknown) => console.error(`[gardien] could not load ${options.url}`, error));
  return win;
}
