import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { GardienApp } from '../../src/main/core/app';
import { expect, test } from './fixtures';

/** The armoury and accounts the renderer tests work with. */
export const ARMOURY = { code: 'ML-KYS-02', name: 'Armurerie de Kayes', agency: 'gendarmerie', region: 'Kayes', language: 'fr' } as const;
export const MANAGER = { username: 'a.traore', fullName: 'Aminata Traoré', password: 'garde-du-depot-2024' } as const;
export const STOREKEEPER = { username: 'm.keita', fullName: 'Moussa Keïta', password: 'magasin-nord-77' } as const;

/** Result of a router call in the test process, failing the test on an error envelope. */
export async function must<T = unknown>(app: GardienApp, op: string, input: unknown): Promise<T> {
  const r = await app.router.call(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * Creates the armoury through core (as the first-run screen would) and signs out, then reloads
 * the page so it shows the login screen. Options add a storekeeper or keep the manager signed in.
 */
export async function prepareArmoury(
  app: GardienApp,
  page: Page | null,
  opts: { storekeeper?: boolean; signedIn?: boolean; language?: 'fr' | 'en' } = {},
): Promise<void> {
  await must(app, 'app.setup', {
    armoury: { ...ARMOURY, language: opts.language ?? ARMOURY.language },
    manager: { ...MANAGER, passwordConfirm: MANAGER.password },
  });
  if (opts.storekeeper) await must(app, 'users.create', { ...STOREKEEPER, role: 'storekeeper' });
  if (!opts.signedIn) await must(app, 'auth.logout', {});
  if (page) await page.reload();
}

/** Signs in through the login screen and waits for the signed-in header. */
export async function signIn(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.locator('#login-username').fill(account.username);
  await page.locator('#login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: /Se déconnecter|Sign out/ }).click();
  await expect(page.getByTestId('login')).toBeVisible();
}

/** Writes an SQLite file whose schema version is newer than this app knows. */
export function writeFutureDatabase(path: string, version = 99): void {
  const db = new Database(path);
  db.exec('CREATE TABLE from_the_future (x INTEGER)');
  db.pragma(`user_version = ${version}`);
  db.close();
}

export function userVersion(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * The app started on a data folder that already holds a database written by a newer Gardien;
 * `futureBytes` is that file as written, to prove the app left it untouched.
 */
export const futureTest = test.extend<{ futureBytes: Buffer }>({
  futureBytes: async ({ dataDir }, use) => {
    const path = new GardienApp({ dataDir }).path('armoury');
    writeFutureDatabase(path);
    await use(readFileSync(path));
  },
  app: async ({ dataDir, futureBytes }, use) => {
    expect(futureBytes.length).toBeGreaterThan(0);
    const app = new GardienApp({ dataDir, sleep: () => Promise.resolve() }).start();
    await use(app);
    app.close();
  },
});

export { expect, test };
