import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/result';

type FakeElectron = typeof import('./shell-fake-electron');
let fake: FakeElectron['fake'];

/** A fresh fake Electron (there is no Electron binary here) and fresh shell modules. */
async function freshElectron(): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', () => import('./shell-fake-electron'));
  ({ fake } = (await import('electron')) as unknown as FakeElectron);
}

beforeEach(freshElectron);

describe('protocol: app://gardien/', () => {
  const root = mkdtempSync(join(tmpdir(), 'gardien-out-'));
  const outside = mkdtempSync(join(tmpdir(), 'gardien-outside-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  const rendererRoot = join(root, 'renderer');
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Gardien</title>');
  writeFileSync(join(rendererRoot, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererRoot, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'secret beside the renderer');
  writeFileSync(join(outside, 'passwd'), 'root:x:0:0');
  symlinkSync(join(outside, 'passwd'), join(rendererRoot, 'assets', 'link.js'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function serve(): Promise<(url: string, method?: string) => Promise<Response>> {
    const { serveRenderer, registerAppScheme } = await import('../../src/main/shell/protocol');
    registerAppScheme();
    serveRenderer(rendererRoot);
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return (url, method = 'GET') => handler(new Request(url, { method }));
  }

  it('registers app as standard + secure + fetch, nothing more', async () => {
    await serve();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with the right type and the CSP header', async () => {
    const get = await serve();
    const page = await get('app://gardien/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Gardien</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    expect((await get('app://gardien/')).status).toBe(200);
    const js = await get('app://gardien/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://gardien/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 outside the renderer folder and 405 to anything but GET', async () => {
    const get = await serve();
    for (const url of [
      'app://gardien/missing.js',
      'app://gardien/assets',
      'app://gardien/..%2fsecret.txt',
      'app://gardien/%2e%2e/secret.txt',
      'app://gardien/assets/link.js',
      'app://other/index.html',
      'app://gardien.evil/index.html',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('secret');
      expect(r.headers.get('content-security-policy'), url).toBeTruthy();
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await get('app://gardien/index.html', method)).status, method).toBe(405);
    }
  });
});

describe('ipc: registerTrustedHandler', () => {
  type Invoke = (event: unknown, op: unknown, input: unknown) => Promise<Result<unknown>>;

  async function register(devOrigin: string | null, handler = vi.fn(async (op: unknown) => ({ ok: true as const, value: op }))) {
    const { registerTrustedHandler } = await import('../../src/main/shell/ipc');
    registerTrustedHandler('gardien:invoke', handler, devOrigin);
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    return { invoke, handler };
  }
  const frame = (url: string, extra: Record<string, unknown> = {}) => ({ senderFrame: { url, parent: null, isDestroyed: () => false, ...extra } });

  it('is the only ipcMain.handle, on the one channel', async () => {
    await register(null);
    expect([...fake.ipc.keys()]).toEqual(['gardien:invoke']);
  });

  it('passes calls from the app top frame to the router', async () => {
    const { invoke, handler } = await register(null);
    expect(await invoke(frame('app://gardien/index.html'), 'app.status', {})).toEqual({ ok: true, value: 'app.status' });
    expect(handler).toHaveBeenCalledWith('app.status', {});
  });

  it('refuses other senders with a forbidden envelope, without reaching the router', async () => {
    const { invoke, handler } = await register(null);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const events = [
      frame('https://example.com/?next=app://gardien/'),
      frame('app://evil/index.html'),
      frame('file:///tmp/index.html'),
      frame('http://localhost:5173/'),
      frame('app://gardien/index.html', { parent: {} }),
      frame('app://gardien/index.html', { isDestroyed: () => true }),
      { senderFrame: null },
      {
        get senderFrame() {
          throw new Error('Render frame was disposed');
        },
      },
    ];
    for (const event of events) {
      const r = await invoke(event, 'users.create', { username: 'x', password: 'secret-password' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ kind: 'forbidden', code: 'forbidden' });
    }
    expect(handler).not.toHaveBeenCalled();
    // The log names the operation but never the input (it may hold a password).
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret-password');
    warn.mockRestore();
  });

  it('accepts the dev server only when it is the configured origin', async () => {
    const { invoke, handler } = await register('http://localhost:5173');
    expect((await invoke(frame('http://localhost:5173/'), 'app.status', {})).ok).toBe(true);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await invoke(frame('http://localhost:5174/'), 'app.status', {})).ok).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });

  it('turns a throwing handler into an internal envelope', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { invoke } = await register(null, vi.fn(async () => Promise.reject(new Error('boom'))));
    expect(await invoke(frame('app://gardien/index.html'), 'app.status', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    vi.restoreAllMocks();
  });
});

describe('harden: every WebContents and the session', () => {
  async function hardened(devOrigin: string | null = null) {
    const { hardenWebContents, hardenSession } = await import('../../src/main/shell/harden');
    hardenWebContents(devOrigin);
    hardenSession(fake.session as never, devOrigin);
    const { FakeWebContents } = (await import('electron')) as unknown as FakeElectron;
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    return contents;
  }
  const nav = (url: string, isMainFrame = true) => ({ url, isMainFrame, preventDefault: vi.fn() });

  it('denies window.open and webviews', async () => {
    const contents = await hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://gardien/index.html' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('blocks navigation and redirects away from the app, in every frame', async () => {
    const contents = await hardened();
    for (const kind of ['will-navigate', 'will-redirect']) {
      const away = nav('https://example.com/?next=app://gardien');
      contents.emit(kind, away);
      expect(away.preventDefault, kind).toHaveBeenCalled();
      const home = nav('app://gardien/index.html');
      contents.emit(kind, home);
      expect(home.preventDefault, kind).not.toHaveBeenCalled();
    }
    const sub = nav('file:///etc/passwd', false);
    contents.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
  });

  it('hardens sessions created later (a print window, a partition) the same way', async () => {
    await hardened();
    const { FakeSession } = (await import('electron')) as unknown as FakeElectron;
    const later = new FakeSession();
    fake.app.emit('session-created', later);
    const callback = vi.fn();
    later.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(later.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
  });

  it('denies every permission request and check', async () => {
    await hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      fake.session.permissionRequest?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(fake.session.permissionCheck?.({}, permission), permission).toBe(false);
    }
    expect(fake.session.devicePermission?.()).toBe(false);
  });

  it('cancels every network request; lets the dev server through in development only', async () => {
    await hardened();
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      fake.session.beforeRequest?.listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(fake.session.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('ws://localhost:5173/')).toBe(true);
    expect(decide('app://gardien/index.html')).toBe(false);

    await freshElectron();
    await hardened('http://localhost:5173');
    expect(decide('ws://localhost:5173/')).toBe(false);
    expect(decide('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(decide('https://example.com/')).toBe(true);
  });
});
