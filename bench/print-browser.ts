import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { GardienApp } from '../src/main/core/app';
import { safePdfName } from '../src/shared/pdf-name';

const ROOT = resolve(import.meta.dirname, '..');
/** As playwright.config.ts: Debian's Chromium, no downloads, no sandbox in containers. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon',
};

export interface RendererBuild {
  /** The folder served (a copy taken at the start: other builds may rewrite out/ meanwhile). */
  dir: string;
  /** Where it was copied from and when that was built (index.html's time). */
  source: string;
  builtAt: Date;
  /** Seconds spent building it here (0 when a build was already there). */
  buildSeconds: number;
}

/**
 * The built renderer, as the app ships it: `from` (BENCH_PRINT_RENDERER) or out/renderer, built
 * with electron-vite when missing, then copied under `into` so the run serves one fixed build.
 */
export function prepareRenderer(from: string | undefined, into: string): RendererBuild {
  const source = resolve(ROOT, from ?? join('out', 'renderer'));
  let buildSeconds = 0;
  if (!existsSync(join(source, 'index.html'))) {
    if (from) throw new Error(`BENCH_PRINT_RENDERER: no index.html in ${source}`);
    console.error('[print] building the renderer (npx electron-vite build)');
    const t = performance.now();
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    buildSeconds = (performance.now() - t) / 1000;
  }
  const builtAt = statSync(join(source, 'index.html')).mtime;
  rmSync(into, { recursive: true, force: true });
  cpSync(source, into, { recursive: true });
  return { dir: into, source, builtAt, buildSeconds };
}

/** A static file server for the built renderer on a free local port (what `vite preview` does for the tests). */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

export interface PrintBrowser {
  app: GardienApp;
  page: Page;
  /** Chromium's version. */
  version: string;
  /** Chromium's PDF of the page as the shell's "Save as PDF" makes it, into `path`. */
  pdf(path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real built renderer in Chromium, its preload API bridged to a real GardienApp on `dataDir`
 * in this process (as tests/e2e/fixtures.ts does), signed in through the login screen.
 */
export async function openPrintBrowser(renderer: string, dataDir: string, account: { username: string; password: string }): Promise<PrintBrowser> {
  const app = new GardienApp({ dataDir, log: (m, e) => console.error(m, e) }).start();
  let browser: Browser | null = null;
  const { server, url } = await serve(renderer);
  const close = async () => {
    await browser?.close();
    await new Promise((ok) => server.close(ok));
    app.close();
  };
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Africa/Bamako' });
    page.setDefaultTimeout(60_000); // screens and buttons; waiting for a document has its own (see print-measure.ts)
    const pdf = async (path: string) => {
      await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    };
    await page.exposeFunction('__gardienInvoke', (op: unknown, input: unknown) => app.router.call(op, input));
    await page.exposeFunction('__gardienSavePdf', async (name: unknown) => {
      const path = join(dataDir, safePdfName(name));
      await pdf(path);
      return { saved: true, path };
    });
    // A string, not a function: tsx would wrap a function's body in helpers the page does not have.
    // Each call's start and end in the page's clock go to __benchCalls (print-measure.ts splits the wait with them).
    await page.addInitScript(`window.__benchCalls = [];
window.gardien = {
  invoke: async (op, input) => {
    const start = performance.now();
    try { return await window.__gardienInvoke(op, input); } finally { window.__benchCalls.push({ op, start, end: performance.now() }); }
  },
  savePdf: (name) => window.__gardienSavePdf(name),
};`);
    await page.goto(url);
    await page.locator('#login-username').fill(account.username);
    await page.locator('#login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('signed-in-user').waitFor();
    return { app, page, version: browser.version(), pdf, close };
  } catch (error) {
    await close();
    throw error;
  }
}
