/**
 * The shell's security policy as pure functions: no 'electron' import, so vitest tests them on
 * plain Node. harden.ts, protocol.ts and ipc.ts only wire these into Electron.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gardien';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The page's Content-Security-Policy, sent as a header by the app:// handler (index.html repeats it
 * in a meta tag). No 'unsafe-eval'; inline styles only because React sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The dev server origin (electron-vite dev sets ELECTRON_RENDERER_URL), accepted only when it is
 * plain http(s) on a loopback host: a stray environment variable must not point the app at the network.
 */
export function devOriginFrom(value: string | undefined): string | null {
  if (!value) return null;
  const u = parse(value);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  if (u.username || u.password) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return null;
  return u.origin;
}

/**
 * True only for the app's own pages: protocol 'app:' and host 'gardien' exactly (no port, no
 * credentials), or, in development, the exact dev server origin. Parsed, never substring-matched:
 * `https://example.com?next=app://gardien` is not the app.
 */
export function isAppUrl(url: string, devOrigin?: string | null): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  if (devOrigin && (u.protocol === 'http:' || u.protocol === 'https:')) {
    const dev = parse(devOrigin);
    return dev !== null && u.origin === dev.origin;
  }
  return false;
}

export type Decision = 'allow' | 'deny';

/** will-navigate / will-redirect / will-frame-navigate: stay inside the app or go nowhere. */
export function navigationDecision(url: string, devOrigin?: string | null): Decision {
  return isAppUrl(url, devOrigin) ? 'allow' : 'deny';
}

/** window.open and target=_blank: never a new window, never an external browser (the app is offline). */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, geolocation, notifications, clipboard, fullscreen...: a register needs none of them. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

const NETWORK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * webRequest policy, an allowlist: the app's own pages (app://gardien only), data: URLs (inline
 * images; CSP decides where they may appear), blob: URLs made by the app's own page, DevTools'
 * devtools:// pages in an unpackaged build, and (in development) the dev server's origin, its ws://
 * hot-reload socket included. Everything else is cancelled: any http(s)/ws(s) (the app is offline),
 * file:, ftp:, chrome:, other app:// hosts, other custom schemes.
 */
export function requestAllowed(url: string, devOrigin?: string | null, development = Boolean(devOrigin)): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppUrl(url.slice('blob:'.length), devOrigin);
  if (u.protocol === 'devtools:') return development;
  if (!NETWORK_SCHEMES.has(u.protocol) || !devOrigin) return false;
  if (u.protocol === 'ws:') u.protocol = 'http:';
  else if (u.protocol === 'wss:') u.protocol = 'https:';
  return isAppUrl(u.href, devOrigin);
}

/**
 * Maps `app://gardien/<path>` to a file under `root` (the built renderer), or null. Works on the raw
 * URL text as well as the parsed one, because the URL parser silently folds `..` and `%2e%2e`
 * segments: a request that tried to climb is refused, not quietly redirected. Refuses other hosts,
 * credentials, ports, empty / `.` / `..` segments (raw or percent-encoded), encoded slashes,
 * backslashes, NUL and control characters, and `:` (Windows drives and alternate data streams).
 */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;

  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '') return join(resolve(root), 'index.html');

  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }

  const base = resolve(root);
  const full = resolve(base, ...segments);
  return isInside(base, full) ? full : null;
}

/** True when `path` lies strictly below `root` (both absolute). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
