// Regenerates docs/screenshot-register-fr.png: the demo armoury's register, in French, in the
// built renderer, bridged to the real core as in the Playwright tests.
// Usage: npx electron-vite build && npx tsx scripts/screenshot.ts
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GardienApp } from '../src/main/core/app';

const PORT = 4199;
const root = join(__dirname, '..');
const server = spawn('npx', ['vite', 'preview', '--outDir', 'out/renderer', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
  detached: true,
});
const dataDir = mkdtempSync(join(tmpdir(), 'gardien-shot-'));

async function main(): Promise<void> {
  const app = new GardienApp({ dataDir }).start();
  await app.router.call('app.openDemo', {});
  await app.router.call('auth.login', { username: 'chef', password: 'demo-gardien' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Africa/Bamako' });
  await page.exposeFunction('__gardienInvoke', (op: unknown, input: unknown) => app.router.call(op, input));
  // A string, not a function: tsx would wrap a function's body in helpers the page does not have.
  await page.addInitScript(`window.gardien = { invoke: (op, input) => window.__gardienInvoke(op, input) };`);
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.getByRole('row').nth(10).waitFor();
  await page.screenshot({ path: join(root, 'docs', 'screenshot-register-fr.png') });
  await browser.close();
  app.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    if (server.pid) process.kill(-server.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });
