/**
 * Electron's security checklist, item by item, as tables of allowed and denied cases: the pure
 * policy of security.ts, then its wiring (harden.ts, window.ts) against the recording fake Electron.
 * shell-security.test.ts and shell-wiring.test.ts cover path traversal, IPC senders and the preload.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  navigationDecision,
  permissionDecision,
  requestAllowed,
  windowOpenDecision,
} from '../../src/main/shell/security';

const DEV = 'http://localhost:5173';
const repo = resolve(__dirname, '../..');
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesOf(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('isAppUrl and navigation', () => {
  // [url, devOrigin, is the app]
  const cases: [string, string | null, boolean][] = [
    [APP_ENTRY_URL, null, true],
    ['app://gardien/index.html#/weapons/12', null, true],
    ['app://gardien/assets/index.js?v=1', null, true],
    ['app://gardien/', DEV, true],
    [`${DEV}/`, DEV, true],
    [`${DEV}/index.html#/register`, DEV, true],
    ['app://gardien.example/', null, false],
    ['app://example/', null, false],
    ['app://gardien:443/', null, false],
    ['app://a:b@gardien/', null, false],
    ['APP://other/', null, false],
    ['file:///C:/Program%20Files/Gardien/resources/app.asar/out/renderer/index.html', null, false],
    ['https://gardien/', null, false],
    ['https://example.com/#app://gardien/', null, false],
    ['https://app.gardien.example/', null, false],
    [`${DEV}/`, null, false],
    ['http://localhost:5173.example.com/', DEV, false],
    ['http://127.0.0.1:5173/', DEV, false],
    ['about:blank', null, false],
    ['about:srcdoc', null, false],
    ['chrome://gpu', null, false],
    ['devtools://devtools/bundled/inspector.html', DEV, false],
    ['javascript:void(0)', null, false],
    ['data:text/html,hello', null, false],
    ['mailto:armurier@example.com', null, false],
    ['\\\\server\\share\\index.html', null, false],
  ];

  it.each(cases)('%s (dev origin %s) is the app: %s', (url, dev, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected);
    // Navigation and redirects follow exactly the same rule.
    expect(navigationDecision(url, dev)).toBe(expected ? 'allow' : 'deny');
  });
});

describe('new windows', () => {
  it.each([APP_ENTRY_URL, 'app://gardien/print.html', 'https://example.com/', 'file:///etc/passwd', 'about:blank', ''])('window.open(%s) is denied', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  // Every permission Electron 45 names for setPermissionRequestHandler/CheckHandler, and unknown ones.
  const permissions = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
    'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
    'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
    'hid', 'serial', 'usb', 'deprecated-sync-clipboard-read', 'background-sync', '',
  ];
  it.each(permissions)('%s is denied', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });
});

describe('network requests (webRequest allowlist)', () => {
  // [url, allowed in a packaged build, allowed unpackaged without a dev server, allowed with the dev server]
  const cases: [string, boolean, boolean, boolean][] = [
    ['app://gardien/index.html', true, true, true],
    ['app://gardien/assets/index-abc.js', true, true, true],
    ['app://other/index.html', false, false, false],
    ['app://gardien:1/index.html', false, false, false],
    ['data:image/png;base64,iVBORw0KGgo=', true, true, true],
    ['blob:app://gardien/0f6c7c7e-2d1c-4b4a-9a53-6a4f4a0b5f10', true, true, true],
    ['blob:https://example.com/0f6c7c7e', false, false, false],
    [`blob:${DEV}/0f6c7c7e`, false, false, true],
    ['devtools://devtools/bundled/devtools_app.html', false, true, true],
    ['file:///etc/passwd', false, false, false],
    ['file:///C:/Windows/win.ini', false, false, false],
    ['ftp://example.com/x', false, false, false],
    ['chrome://settings', false, false, false],
    ['chrome-extension://abcdef/x.js', false, false, false],
    ['https://example.com/', false, false, false],
    ['http://localhost/', false, false, false],
    ['https://chrome-devtools-frontend.appspot.com/serve_rev/x', false, false, false],
    ['wss://example.com/socket', false, false, false],
    [`${DEV}/@vite/client`, false, false, true],
    ['ws://localhost:5173/', false, false, true],
    ['ws://localhost:5174/', false, false, false],
    ['https://localhost:5173/', false, false, false],
    ['not a url', false, false, false],
    ['', false, false, false],
  ];

  it.each(cases)('%s: packaged %s, unpackaged %s, dev server %s', (url, packaged, unpackaged, devServer) => {
    expect(requestAllowed(url, null, false)).toBe(packaged);
    expect(requestAllowed(url, null, true)).toBe(unpackaged);
    expect(requestAllowed(url, DEV, true)).toBe(devServer);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is exactly %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it.each(["'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'ws:', 'file:', 'blob:'])(
    'no directive allows %s',
    (token) => {
      for (const [name, values] of directives) expect(values, name).not.toContain(token);
    },
  );

  it("only style-src has 'unsafe-inline' (React style attributes), only img-src has data:", () => {
    const holders = (token: string) => [...directives].filter(([, v]) => v.includes(token)).map(([n]) => n);
    expect(holders("'unsafe-inline'")).toEqual(['style-src']);
    expect(holders('data:')).toEqual(['img-src']);
  });

  it('the same policy is in the index.html meta tag (what electronegativity and vite preview see) and sent by app://', () => {
    const html = readFileSync(join(repo, 'src/renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)].map((m) => m[1]);
    expect(metas).toEqual([CONTENT_SECURITY_POLICY]);
    expect(readFileSync(join(repo, 'src/main/shell/protocol.ts'), 'utf8')).toMatch(/'Content-Security-Policy': CONTENT_SECURITY_POLICY/);
  });
});

describe('wiring against the fake Electron', () => {
  type FakeElectron = typeof import('./shell-fake-electron');
  let fake: FakeElectron['fake'];

  beforeEach(async () => {
    vi.resetModules();
    vi.doMock('electron', () => import('./shell-fake-electron'));
    ({ fake } = (await import('electron')) as unknown as FakeElectron);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    return () => vi.restoreAllMocks();
  });

  function cancelled(url: string): boolean | undefined {
    let cancel: boolean | undefined;
    fake.session.beforeRequest?.listener({ url }, (r) => (cancel = r.cancel));
    return cancel;
  }

  it('refuses certificate errors and never hands out a client certificate', async () => {
    const { hardenWebContents } = await import('../../src/main/shell/harden');
    hardenWebContents(null, false);
    const certificate = { preventDefault: vi.fn() };
    const trust = vi.fn();
    fake.app.emit('certificate-error', certificate, {}, 'https://example.com/', 'net::ERR_CERT_AUTHORITY_INVALID', {}, trust, true);
    expect(certificate.preventDefault).toHaveBeenCalled();
    expect(trust).toHaveBeenCalledWith(false);

    const client = { preventDefault: vi.fn() };
    const choose = vi.fn();
    fake.app.emit('select-client-certificate', client, {}, 'https://example.com/', [{ subjectName: 'PC' }], choose);
    expect(client.preventDefault).toHaveBeenCalled();
    expect(choose).toHaveBeenCalledWith();
  });

  it('lets DevTools load only in an unpackaged build, and never the network', async () => {
    const { hardenSession } = await import('../../src/main/shell/harden');
    hardenSession(fake.session as never, null, false);
    expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://gardien/index.html')).toBe(false);
    hardenSession(fake.session as never, null, true);
    expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(cancelled('https://chrome-devtools-frontend.appspot.com/')).toBe(true);
  });

  it('the window: sandboxed, isolated, no Node anywhere, no webview, auxclick disabled', async () => {
    const { createMainWindow } = await import('../../src/main/shell/window');
    const win = createMainWindow({ preload: '/x/preload/index.js', url: APP_ENTRY_URL, development: false }) as unknown as FakeElectron['fake']['windows'][number];
    expect(win.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(prefs['additionalArguments']).toBeUndefined();
  });

  it('every IPC channel the shell registers refuses a frame that is not the app, before any dialog or core call', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gardien-policy-'));
    const saved = { ...process.env };
    process.env['GARDIEN_DATA_DIR'] = dataDir;
    delete process.env['ELECTRON_RENDERER_URL'];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await import('../../src/main/shell/index');
      fake.app.fireReady();
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
      const sender = fake.windows[0]?.webContents;
      fake.savePath = join(dataDir, 'would-be-written.pdf');
      fake.openPaths = [join(dataDir, 'would-be-granted')];
      const senders = [
        { senderFrame: { url: 'https://example.com/', parent: null, isDestroyed: () => false }, sender },
        { senderFrame: { url: 'app://gardien/index.html', parent: {}, isDestroyed: () => false }, sender }, // a sub-frame
        { senderFrame: null, sender },
      ];
      expect(fake.ipc.size).toBeGreaterThanOrEqual(5);
      for (const [channel, handler] of fake.ipc) {
        for (const event of senders) {
          const answer = JSON.stringify(await (handler as unknown as (e: unknown, ...a: unknown[]) => Promise<unknown>)(event, 'app.status', {}));
          expect(answer, channel).toMatch(/"ok":false|"saved":false|"paths":\[\]|"path":null/);
          expect(answer, channel).not.toContain('would-be');
        }
      }
      expect(fake.dialogs).toEqual([]);
      // Control: the app's own top frame does reach the dialog through the same handler.
      const choose = fake.ipc.get('gardien:choose-spreadsheet') as unknown as (e: unknown) => Promise<unknown>;
      await choose({ senderFrame: { url: 'app://gardien/index.html', parent: null, isDestroyed: () => false }, sender });
      expect(fake.dialogs).toHaveLength(1);
    } finally {
      fake.app.emit('before-quit');
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('ipcMain is used in ipc.ts only, and only through handle()', () => {
    const files = ['src/main/shell', 'src/main/core', 'src/main/cli'].flatMap((d) => sourcesOf(join(repo, d)));
    const users = files.filter((f) => /\bipcMain\b/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(repo.length + 1));
    expect(users).toEqual(['src/main/shell/ipc.ts']);
    expect(readFileSync(join(repo, 'src/main/shell/ipc.ts'), 'utf8')).not.toMatch(/ipcMain\.(on|once|handleOnce|addListener)\(/);
  });

  it.each([
    [true, true],
    [false, false],
  ])('index.ts wiring: packaged %s -> devtools:// cancelled %s; file: always cancelled', async (packaged, devtoolsCancelled) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gardien-policy-'));
    const saved = { ...process.env };
    process.env['GARDIEN_DATA_DIR'] = dataDir;
    delete process.env['ELECTRON_RENDERER_URL'];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      fake.app.isPackaged = packaged;
      await import('../../src/main/shell/index');
      fake.app.fireReady();
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
      expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(devtoolsCancelled);
      expect(cancelled('file:///etc/passwd')).toBe(true);
      expect(cancelled('app://gardien/index.html')).toBe(false);
      // A session created later (a partition, a print window) gets the same rule.
      const { FakeSession } = (await import('electron')) as unknown as FakeElectron;
      const later = new FakeSession();
      fake.app.emit('session-created', later);
      let cancel: boolean | undefined;
      later.beforeRequest?.listener({ url: 'devtools://devtools/x' }, (r) => (cancel = r.cancel));
      expect(cancel).toBe(devtoolsCancelled);
    } finally {
      fake.app.emit('before-quit');
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
