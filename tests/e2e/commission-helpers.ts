import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GardienApp } from '../../src/main/core/app';
import { chooseSnapshots } from '../../src/main/shell/choose-snapshots';
import { saveExport } from '../../src/main/shell/export-file';
import type { SigningKeys } from '../../src/shared/contract/snapshot';
import { COMMISSION, COMMISSION_MANAGER, type AgencyLike, type ArmourySpec } from './commission-data';
import { expect, must, test } from './helpers';
import { weaponInput } from './register-helpers';
import type { SnapshotSummary } from '../../src/shared/domain/snapshot';
import type { WeaponFieldsInput, WeaponRecord } from '../../src/shared/domain/weapon';

export { ARMOURY_A, ARMOURY_B, COMMISSION, COMMISSION_MANAGER } from './commission-data';
export { expect, must };

/**
 * The commission's side of a test: its own GardienApp (own data folder, commission.sqlite) and its
 * own page, bridged like the fixture's page. Its "open" and "save" dialogs are the shell's real
 * code (choose-snapshots.ts, export-file.ts) with the test answering in place of the user.
 */
export interface CommissionSide {
  app: GardienApp;
  page: Page;
  dataDir: string;
  /** What the next open dialog answers: files, or one folder; null is Cancel. */
  dialog: { next: string[] | null };
  /** Where the save dialog puts exported files (the "USB stick"). */
  stick: string;
}

async function openCommissionSide(context: BrowserContext, clock?: () => Date): Promise<CommissionSide> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gardien-e2e-commission-'));
  const stick = join(dataDir, 'usb-stick');
  mkdirSync(stick);
  const app = new GardienApp({
    dataDir,
    ...(clock ? { clock } : {}),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
  }).start();
  const dialog: CommissionSide['dialog'] = { next: null };
  const page = await context.newPage();
  await page.exposeFunction('__commissionInvoke', (op: unknown, input: unknown) => app.router.call(op, input));
  await page.exposeFunction('__commissionChoose', (folder: unknown) =>
    chooseSnapshots(folder === true, () => Promise.resolve(dialog.next), app),
  );
  await page.exposeFunction('__commissionSave', (name: unknown) => saveExport(dataDir, name, (o) => Promise.resolve(join(stick, o.defaultPath))));
  await page.addInitScript(() => {
    const w = globalThis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { gardien: unknown };
    w.gardien = {
      invoke: (op: unknown, input: unknown) => w.__commissionInvoke?.(op, input),
      savePdf: () => Promise.resolve({ saved: false }),
      saveExport: (name: unknown) => w.__commissionSave?.(name),
      chooseSnapshots: (folder: unknown) => w.__commissionChoose?.(folder),
    };
  });
  await page.goto('/');
  return { app, page, dataDir, dialog, stick };
}

/** The fixture's app and page are an armoury; `commission` adds the national commission beside them. */
export const commissionTest = test.extend<{ commissionClock: { offsetMs: number }; commission: CommissionSide }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  commissionClock: async ({}, use) => {
    await use({ offsetMs: 0 });
  },
  commission: async ({ context, commissionClock }, use) => {
    const side = await openCommissionSide(context, () => new Date(Date.now() + commissionClock.offsetMs));
    await use(side);
    await side.page.close();
    side.app.close();
    rmSync(side.dataDir, { recursive: true, force: true });
  },
});

/** A second armoury with no page (its own data folder), closed and removed by `dispose`. */
export function otherArmouryApp(): { app: GardienApp; dispose: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'gardien-e2e-armoury-'));
  const app = new GardienApp({ dataDir, sleep: () => Promise.resolve() }).start();
  return {
    app,
    dispose: () => {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an armoury through core (as its first-run screen would), its manager signed in, and registers weapons. */
export async function armouryWith(app: GardienApp, spec: ArmourySpec, weapons: Partial<WeaponFieldsInput>[]): Promise<WeaponRecord[]> {
  await must(app, 'app.setup', { armoury: spec.armoury, manager: { ...spec.manager, passwordConfirm: spec.manager.password } });
  const out: WeaponRecord[] = [];
  for (const w of weapons) out.push(await must<WeaponRecord>(app, 'weapons.register', weaponInput({ agency: spec.armoury.agency as AgencyLike, ...w })));
  return out;
}

/** Exports a snapshot at an armoury through core; returns its summary and where the file is. */
export async function exportAt(app: GardienApp, full = false): Promise<SnapshotSummary & { path: string }> {
  const summary = await must<SnapshotSummary>(app, 'snapshots.export', { full });
  return { ...summary, path: join(app.options.dataDir, 'exports', summary.fileName) };
}

export async function keyOf(app: GardienApp): Promise<SigningKeys> {
  return must<SigningKeys>(app, 'snapshots.keys', {});
}

/** Creates the commission through core with its first manager signed in, and shows its screens. */
export async function commissionReady(side: CommissionSide, language: 'fr' | 'en' = 'fr'): Promise<void> {
  await must(side.app, 'app.setupCommission', {
    commission: { ...COMMISSION, language },
    manager: { ...COMMISSION_MANAGER, passwordConfirm: COMMISSION_MANAGER.password },
  });
  await side.page.reload();
  await expect(side.page.getByTestId('commission-shell')).toBeVisible();
}

/** Enrols an armoury through the "Enrol an armoury" dialog, from its key and the fingerprint typed as on paper. */
export async function enrolInUi(page: Page, armoury: { code: string; name: string }, publicKey: string, fingerprint: string): Promise<void> {
  await page.getByTestId('nav-armouries').click();
  await page.getByTestId('enrol-open').click();
  const dialog = page.getByTestId('enrol-dialog');
  await dialog.locator('#enrol-armoury').fill(armoury.code);
  await dialog.locator('#enrol-name').fill(armoury.name);
  await dialog.locator('#enrol-publicKey').fill(publicKey);
  await dialog.locator('#key-fingerprint').fill(fingerprint);
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(`tr[data-armoury="${armoury.code}"]`)).toBeVisible();
}

/** Imports files through "Choose files…" and waits for the per-file results. */
export async function importInUi(side: CommissionSide, paths: string[], folder = false): Promise<void> {
  const { page } = side;
  await page.getByTestId('nav-imports').click();
  side.dialog.next = paths;
  await page.getByTestId(folder ? 'import-folder' : 'import-files').click();
  await expect(page.getByTestId('import-results')).toBeVisible();
  await expect(page.getByTestId('import-files')).toBeEnabled();
}

/** A row of the per-file results table. */
export const resultRow = (page: Page, fileName: string) => page.getByTestId('import-results').locator(`tr[data-file="${fileName}"]`);
