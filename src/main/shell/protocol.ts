import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isInside, resolveRendererPath } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Sent with every answer, errors included, so no page of the app:// origin runs without the CSP.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * Must run before app 'ready'. standard: relative URLs and localStorage work as on the web;
 * secure: a secure context; supportFetchAPI: the page may fetch its own assets. Nothing more
 * (no bypassCSP, no CORS, no service workers).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function answer(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer (root = out/renderer) at app://gardien/, read-only, GET only. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return answer(405, 'method not allowed');
    const path = resolveRendererPath(root, request.url);
    if (path === null) return answer(404, 'not found');
    try {
      // A symlink inside the folder must not lead outside it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
      if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return answer(404, 'not found');
      const body = await readFile(realFile);
      const type = CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch {
      return answer(404, 'not found');
    }
  });
}
