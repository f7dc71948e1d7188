import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  devOriginFrom,
  isAppUrl,
  navigationDecision,
  permissionDecision,
  requestAllowed,
  resolveRendererPath,
  windowOpenDecision,
} from '../../src/main/shell/security';
import { OPERATIONS } from '../../src/shared/contract/operations';

const DEV = 'http://localhost:5173';
const repo = resolve(__dirname, '../..');

describe('isAppUrl', () => {
  it('accepts the app origin', () => {
    for (const url of [APP_ENTRY_URL, 'app://gardien/', 'app://gardien/assets/index-abc.js', 'app://gardien/index.html#/register']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses everything else, parsed and not substring-matched', () => {
    for (const url of [
      'app://evil/',
      'app://gardien.evil/',
      'app://evil.gardien/',
      'app://gardien:8080/',
      'app://user@gardien/',
      'app://gardien@evil/',
      'app://GARDIEN/',
      'file:///etc/passwd',
      'file://gardien/index.html',
      'http://localhost',
      'http://localhost:5173/',
      'http://gardien/',
      'https://example.com?next=app://gardien',
      'https://example.com/#app://gardien/',
      'javascript:alert(1)',
      'javascript://app://gardien/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:app://gardien/1234',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts the dev server only when given, and only its exact origin', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.com/',
      'http://evil.com/?http://localhost:5173/',
      'http://user@localhost:5173/',
      'ws://localhost:5173/',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
    expect(isAppUrl(APP_ENTRY_URL, DEV)).toBe(true);
  });

  it('takes the dev origin from ELECTRON_RENDERER_URL only when it is http(s) on loopback', () => {
    expect(devOriginFrom('http://localhost:5173')).toBe(DEV);
    expect(devOriginFrom('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(devOriginFrom('http://[::1]:5173')).toBe('http://[::1]:5173');
    for (const value of [undefined, '', 'https://example.com', 'http://192.168.1.10:5173', 'file:///tmp/x.html', 'app://gardien/', 'http://u:p@localhost:5173', 'junk']) {
      expect(devOriginFrom(value), String(value)).toBeNull();
    }
  });
});

describe('navigation, windows, permissions and network', () => {
  it('lets navigation stay inside the app only', () => {
    expect(navigationDecision('app://gardien/index.html')).toBe('allow');
    expect(navigationDecision('https://example.com/')).toBe('deny');
    expect(navigationDecision('file:///C:/Windows/win.ini')).toBe('deny');
    expect(navigationDecision('http://localhost:5173/', DEV)).toBe('allow');
    expect(navigationDecision('http://localhost:5173/')).toBe('deny');
  });

  it('never opens a window, not even for the app itself', () => {
    for (const url of [APP_ENTRY_URL, 'https://example.com/', 'mailto:x@example.com', 'file:///etc/passwd', '']) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
    }
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'hid', 'serial', 'usb', 'midiSysex', 'display-capture', 'fileSystem', 'unknown']) {
      expect(permissionDecision(p), p).toBe(false);
    }
  });

  it('cuts http(s) and ws(s), except the dev server in development', () => {
    for (const url of ['https://example.com/', 'http://localhost/', 'ws://localhost:5173/', 'wss://example.com/', 'http://127.0.0.1:5173/']) {
      expect(requestAllowed(url), url).toBe(false);
    }
    for (const url of ['https://example.com/', 'http://localhost/', 'wss://example.com/', 'http://127.0.0.1:5173/', 'ws://localhost:5174/']) {
      expect(requestAllowed(url, DEV), url).toBe(false);
    }
    expect(requestAllowed('ws://localhost:5173/', DEV)).toBe(true);
    expect(requestAllowed('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(requestAllowed('https://localhost:5173/', DEV)).toBe(false);
    for (const url of ['app://gardien/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://gardien/1']) {
      expect(requestAllowed(url), url).toBe(true);
    }
    // The full allowlist (devtools only unpacked, file: and other schemes refused) is in shell-policy.test.ts.
    expect(requestAllowed('devtools://devtools/x', null, true)).toBe(true);
  });
});

describe('resolveRendererPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'gardien-renderer-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('maps app paths to files inside the root', () => {
    expect(resolveRendererPath(root, 'app://gardien/')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://gardien/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://gardien/assets/index-B4lAuWhZ.css')).toBe(join(root, 'assets', 'index-B4lAuWhZ.css'));
    expect(resolveRendererPath(root, 'app://gardien/assets/index.js?v=2#x')).toBe(join(root, 'assets', 'index.js'));
    expect(resolveRendererPath(root, 'app://gardien/fonts/Marianne%20Bold.woff2')).toBe(join(root, 'fonts', 'Marianne Bold.woff2'));
    expect(resolveRendererPath(`${root}${sep}`, 'app://gardien/index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses traversal in every spelling, odd characters and other origins', () => {
    for (const url of [
      'app://gardien/../../etc/passwd',
      'app://gardien/assets/../../../etc/passwd',
      'app://gardien/./index.html',
      'app://gardien/%2e%2e/%2e%2e/etc/passwd',
      'app://gardien/%2E%2E/secret',
      'app://gardien/.%2e/secret',
      'app://gardien/..%2f..%2fetc%2fpasswd',
      'app://gardien/..%2F..%2Fetc%2Fpasswd',
      'app://gardien/..%5c..%5cwindows%5cwin.ini',
      'app://gardien/..\\..\\windows\\win.ini',
      'app://gardien/assets\\..\\..\\x',
      'app://gardien/%252e%252e/x/../../y',
      'app://gardien/index.html%00.js',
      'app://gardien/index.html\u0000',
      'app://gardien/%0aindex.html',
      'app://gardien/C:%5cWindows%5cwin.ini',
      'app://gardien/C:/Windows/win.ini',
      'app://gardien/index.html::$DATA',
      'app://gardien//etc/passwd',
      'app://gardien/assets/',
      'app://gardien/%E0%A4%A',
      'app://evil/index.html',
      'app://gardien.evil/index.html',
      'app://gardien:1/index.html',
      'app://x@gardien/index.html',
      'app://GARDIEN/index.html',
      'file:///etc/passwd',
      'http://gardien/index.html',
      `app://gardien/${'../'.repeat(20)}etc/passwd`,
    ]) {
      const result = resolveRendererPath(root, url);
      expect(result, url).toBeNull();
    }
  });

  it('keeps %252e%252e literal (decoded once), so it stays a harmless name inside the root', () => {
    expect(resolveRendererPath(root, 'app://gardien/%252e%252e/x')).toBe(join(root, '%2e%2e', 'x'));
  });
});

describe('content security policy', () => {
  it('is strict', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }));
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('matches the meta tag in index.html', () => {
    const html = readFileSync(join(repo, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('boundaries', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
    });
  }
  const electronImport = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

  it('no file of core, shared or renderer imports electron', () => {
    const files = ['src/main/core', 'src/shared', 'src/renderer'].flatMap((d) => sources(join(repo, d)));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => electronImport.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the pure policy files do not import electron either (they are tested on Node)', () => {
    for (const f of ['security.ts', 'data-dir.ts', 'channel.ts', 'export-file.ts', 'choose-snapshots.ts', 'choose-backups.ts', 'backups.ts']) {
      expect(electronImport.test(readFileSync(join(repo, 'src/main/shell', f), 'utf8')), f).toBe(false);
    }
    expect(electronImport.test("import { app } from 'electron';")).toBe(true);
  });
});

describe('preload', () => {
  it('exposes only window.gardien.invoke (allowlisted), savePdf, saveExport and the open dialogs, each over its own channel', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke },
    }));
    await import('../../src/main/preload');
    vi.doUnmock('electron');

    expect([...exposed.keys()]).toEqual(['gardien']);
    const api = exposed.get('gardien') as Record<string, (op: unknown, input: unknown) => Promise<unknown>>;
    expect(Object.keys(api)).toEqual(['invoke', 'savePdf', 'saveExport', 'chooseSnapshots', 'chooseSpreadsheet', 'chooseBackupFolder', 'chooseBackupFile']);

    await api['invoke']?.('app.status', {});
    expect(invoke).toHaveBeenCalledWith('gardien:invoke', 'app.status', {});
    for (const op of ['app.nope', '__proto__', 42, null]) {
      await expect(api['invoke']?.(op, {})).rejects.toThrow(/unknown operation/);
    }
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(OPERATIONS.length).toBeGreaterThan(0);
    // The name goes as a bounded string; main makes it a safe file name.
    await api['savePdf']?.({ toString: () => 'x'.repeat(500) }, undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:save-pdf', 'x'.repeat(200));
    await api['saveExport']?.({ toString: () => 'y'.repeat(500) }, undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:save-export', 'y'.repeat(200));
    // Only a real `true` asks for a folder: anything else from the page is the files dialog.
    await api['chooseSnapshots']?.('yes', undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:choose-snapshots', false);
    await api['chooseSnapshots']?.(true, undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:choose-snapshots', true);
    await api['chooseSpreadsheet']?.('ignored', undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:choose-spreadsheet');
    // The backups' dialogs take nothing from the page: what is chosen comes from the dialog.
    await api['chooseBackupFolder']?.('/etc', undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:choose-backup-folder');
    await api['chooseBackupFile']?.('/etc/passwd', undefined);
    expect(invoke).toHaveBeenLastCalledWith('gardien:choose-backup-file');
  });

  it('the preload source keeps to contextBridge and ipcRenderer.invoke', () => {
    const src = readFileSync(join(repo, 'src/main/preload.ts'), 'utf8');
    expect(src).not.toMatch(/process\.env|ipcRenderer\.(send|on|sendSync)|exposeInIsolatedWorld/);
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  });
});
