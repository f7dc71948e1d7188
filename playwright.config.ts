import { defineConfig } from '@playwright/test';

// GARDIEN_E2E_PORT and GARDIEN_E2E_RENDERER (a renderer built elsewhere) let two runs share a machine.
const PORT = Number(process.env.GARDIEN_E2E_PORT ?? 4179);
const RENDERER = process.env.GARDIEN_E2E_RENDERER ?? 'out/renderer';

/**
 * The real built renderer (out/renderer, from `electron-vite build`) served by `vite preview`,
 * in Debian's Chromium; the preload API is bridged to the real core in the test process
 * (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two at a time: each worker runs its own core and Chromium; measured 6.2 -> 5.0 min on 2 cores.
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Africa/Bamako',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --outDir ${RENDERER} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
