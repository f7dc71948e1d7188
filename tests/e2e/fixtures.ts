import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GardienApp } from '../../src/main/core/app';
import { chooseBackupFile, chooseBackupFolder } from '../../src/main/shell/choose-backups';
import { chooseSnapshots } from '../../src/main/shell/choose-snapshots';
import { chooseSpreadsheet } from '../../src/main/shell/choose-spreadsheet';
import { saveExport } from '../../src/main/shell/export-file';
import { safePdfName } from '../../src/shared/pdf-name';

/** What the open dialog answers next: the paths a spec puts here (files, or one folder); empty is Cancel. */
export interface SnapshotChoice {
  paths: string[];
}

/**
 * Each test gets its own data folder and a real GardienApp (real SQLite file). The page's
 * `window.gardien.invoke` is the preload's API, reproduced by an init script whose calls go
 * through exposeFunction to the real core router: everything but the Electron shell is real.
 */
export const test = base.extend<{ dataDir: string; app: GardienApp; snapshotChoice: SnapshotChoice; gardienPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'gardien-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    // Failed-login delays are real in the app; tests keep them short but still asynchronous.
    const app = new GardienApp({ dataDir, demoWeapons: 300, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) }).start();
    await use(app);
    app.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  snapshotChoice: async ({}, use) => {
    await use({ paths: [] });
  },
  gardienPage: async ({ page, app, dataDir, snapshotChoice }, use) => {
    await page.exposeFunction('__gardienInvoke', (op: unknown, input: unknown) => app.router.call(op, input));
    // The shell's "save as PDF" is Chromium's printToPDF of the page: here page.pdf() into the data folder.
    await page.exposeFunction('__gardienSavePdf', async (name: unknown) => {
      const path = join(dataDir, safePdfName(name));
      // printToPDF always lays the page out for print, whatever media a test emulated before.
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: null });
      return { saved: true, path };
    });
    // "Copy to USB stick…": the shell's own copy (export-file.ts); the dialog always answers <dataDir>/usb/<name>.
    await page.exposeFunction('__gardienSaveExport', (name: unknown) =>
      saveExport(dataDir, name, async ({ defaultPath }) => {
        mkdirSync(join(dataDir, 'usb'), { recursive: true });
        return join(dataDir, 'usb', defaultPath);
      }),
    );
    // The import's open dialog: the shell's own code (choose-snapshots.ts), answering what the spec chose.
    await page.exposeFunction('__gardienChooseSnapshots', (folder: unknown) =>
      chooseSnapshots(folder === true, async () => (snapshotChoice.paths.length > 0 ? [...snapshotChoice.paths] : null), app),
    );
    // The spreadsheet import's open dialog (choose-spreadsheet.ts): the first path the spec chose.
    await page.exposeFunction('__gardienChooseSpreadsheet', () =>
      chooseSpreadsheet(async () => (snapshotChoice.paths.length > 0 ? [...snapshotChoice.paths] : null), app),
    );
    // The backups' open dialogs (choose-backups.ts): the first path the spec chose (a folder, or a .gbak file).
    await page.exposeFunction('__gardienChooseBackupFolder', () =>
      chooseBackupFolder(async () => (snapshotChoice.paths.length > 0 ? [...snapshotChoice.paths] : null), app),
    );
    await page.exposeFunction('__gardienChooseBackupFile', () =>
      chooseBackupFile(async () => (snapshotChoice.paths.length > 0 ? [...snapshotChoice.paths] : null), app),
    );
    await page.addInitScript(() => {
      const w = globalThis as unknown as {
        gardien: unknown;
        __gardienInvoke: (op: unknown, input: unknown) => Promise<unknown>;
        __gardienSavePdf: (name: unknown) => Promise<unknown>;
        __gardienSaveExport: (name: unknown) => Promise<unknown>;
        __gardienChooseSnapshots: (folder: unknown) => Promise<unknown>;
        __gardienChooseSpreadsheet: () => Promise<unknown>;
        __gardienChooseBackupFolder: () => Promise<unknown>;
        __gardienChooseBackupFile: () => Promise<unknown>;
      };
      w.gardien = {
        invoke: (op: unknown, input: unknown) => w.__gardienInvoke(op, input),
        savePdf: (name: unknown) => w.__gardienSavePdf(name),
        saveExport: (name: unknown) => w.__gardienSaveExport(String(name).slice(0, 200)),
        chooseSnapshots: (folder: unknown) => w.__gardienChooseSnapshots(folder === true),
        chooseSpreadsheet: () => w.__gardienChooseSpreadsheet(),
        chooseBackupFolder: () => w.__gardienChooseBackupFolder(),
        chooseBackupFile: () => w.__gardienChooseBackupFile(),
      };
    });
    await page.goto('/');
    await use(page);
  },
});

/**
 * A GardienApp whose clock the test moves: time passes for core (overdue, deadlines) without
 * waiting; the page's clock is set to the same instant.
 */
export const timedTest = test.extend<{ offset: { ms: number } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  offset: async ({}, use) => {
    await use({ ms: 0 });
  },
  app: async ({ dataDir, offset }, use) => {
    const app = new GardienApp({
      dataDir,
      clock: () => new Date(Date.now() + offset.ms),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    }).start();
    await use(app);
    app.close();
  },
});

export { expect };
