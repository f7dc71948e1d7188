/**
 * A recording stand-in for the parts of 'electron' the shell uses. There is no Electron binary on
 * the build machines, so the shell's wiring is exercised against this under vitest:
 * `vi.mock('electron', () => import('./shell-fake-electron'))`. After vi.resetModules() a fresh
 * import gives a fresh `fake`.
 */
import { EventEmitter } from 'node:events';

type Fn = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  url = '';
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  /** Chromium's PDF of the page: here a recognisable stand-in, with the options it was asked for. */
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    fake.printed.push(options);
    return Buffer.from(`%PDF-1.7 ${this.url}\n%%EOF\n`);
  }
}

export class FakeSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void } | null = null;
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<FakeSession['beforeRequest']>['listener']): void => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  userData = '';
  locale = 'en-US';
  lock = true;
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>();
  exitCode: number | null = null;
  private ready: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));

  getPath(name: string): string {
    return this.paths.get(name) ?? (name === 'userData' ? this.userData : `/fake/${name}`);
  }
  setPath(name: string, value: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, value);
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** The test decides when 'ready' happens, to check what ran before it. */
  fireReady(): void {
    this.calls.push('ready');
    this.ready?.();
  }
  quit(): void {
    this.calls.push('quit');
    this.emit('before-quit');
  }
  exit(code: number): void {
    this.calls.push(`exit:${code}`);
    this.exitCode = code;
  }
  getLocale(): string {
    return this.locale;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

export const fake = {
  app: new FakeApp(),
  session: new FakeSession(),
  ipc: new Map<string, Fn>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  windows: [] as FakeBrowserWindow[],
  menus: [] as unknown[],
  dialogs: [] as Record<string, unknown>[],
  dialogResponse: 0,
  /** What the next save dialog answers: a path, or null for Cancel. */
  savePath: null as string | null,
  /** What the next open dialog answers: the chosen paths, or null for Cancel. */
  openPaths: null as string[] | null,
  printed: [] as Record<string, unknown>[],
  clipboard: [] as string[],
};

export const app = fake.app;
export const BrowserWindow = Object.assign(FakeBrowserWindow, {
  fromWebContents: (contents: unknown): FakeBrowserWindow | null => fake.windows.find((w) => w.webContents === contents) ?? null,
});
export const session = { defaultSession: fake.session };
export const ipcMain = {
  handle(channel: string, handler: Fn): void {
    if (fake.ipc.has(channel)) throw new Error(`second handler for ${channel}`);
    fake.ipc.set(channel, handler);
  },
};
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.app.calls.push('registerSchemesAsPrivileged');
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    fake.protocolHandlers.set(scheme, handler);
  },
};
export const Menu = {
  buildFromTemplate: (template: unknown[]): unknown => ({ template }),
  setApplicationMenu: (menu: unknown): void => {
    fake.menus.push(menu);
  },
};
export const dialog = {
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    fake.dialogs.push(args.at(-1) as Record<string, unknown>);
    return fake.savePath === null ? { canceled: true } : { canceled: false, filePath: fake.savePath };
  },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    fake.dialogs.push(args.at(-1) as Record<string, unknown>);
    return fake.openPaths === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: fake.openPaths };
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    // (options) or (window, options), like Electron's.
    fake.dialogs.push(args.at(-1) as Record<string, unknown>);
    return { response: fake.dialogResponse };
  },
};
export const clipboard = {
  writeText: (text: string): void => {
    fake.clipboard.push(text);
  },
};
