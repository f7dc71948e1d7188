import { mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GardienApp } from '../../src/main/core/app';
import { backupRunner } from '../../src/main/core/backup';
import { AutomaticBackups, type BackupRunner } from '../../src/main/shell/backups';
import type { BackupSummary } from '../../src/shared/domain/backup';
import { disposeHarnesses, freshArmoury, scratchDir, TestClock, type Harness } from './support/harness';

type FakeElectron = typeof import('./shell-fake-electron');
type Choose = (event: unknown) => Promise<{ path: string | null }>;

const PASSPHRASE = 'cle usb du coffre, armurerie de test';
const DAY = 24 * 60 * 60 * 1000;
const appFrame = { senderFrame: { url: 'app://gardien/index.html', parent: null, isDestroyed: () => false }, sender: {} };
const foreignFrame = { senderFrame: { url: 'https://example.com/', parent: null, isDestroyed: () => false }, sender: {} };
const subFrame = { senderFrame: { url: 'app://gardien/index.html', parent: {}, isDestroyed: () => false }, sender: {} };

describe('the backups’ open dialogs (choose a folder, choose a backup)', () => {
  let fake: FakeElectron['fake'];
  let base: string;
  let app: GardienApp;

  beforeEach(async () => {
    vi.resetModules();
    vi.doMock('electron', () => import('./shell-fake-electron'));
    ({ fake } = (await import('electron')) as unknown as FakeElectron);
    base = realpathSync(scratchDir());
    app = new GardienApp({ dataDir: join(base, 'data') });
    mkdirSync(join(base, 'usb'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    app.close();
    vi.restoreAllMocks();
    disposeHarnesses();
  });

  async function register(): Promise<{ folder: Choose; file: Choose }> {
    const { registerChooseBackups } = await import('../../src/main/shell/ipc');
    registerChooseBackups(null, app);
    return {
      folder: fake.ipc.get('gardien:choose-backup-folder') as unknown as Choose,
      file: fake.ipc.get('gardien:choose-backup-file') as unknown as Choose,
    };
  }

  it('a folder: the system’s folder dialog, and that folder granted to core for backups only', async () => {
    const choose = await register();
    const usb = join(base, 'usb');
    fake.openPaths = [usb];
    expect(await choose.folder(appFrame)).toEqual({ path: usb });
    expect(fake.dialogs.at(-1)).toEqual({ properties: ['openDirectory'] });
    expect(app.isBackupPathGranted(usb)).toBe(true);
    expect(app.isBackupPathGranted(base)).toBe(false);
    expect(app.isBackupPathGranted(join(usb, 'x.gbak'))).toBe(false);
    // Granted to the backups, not to the imports.
    expect(app.isImportPathGranted(usb)).toBe(false);
  });

  it('a backup file: .gbak offered, the first chosen granted and no other', async () => {
    const choose = await register();
    const files = ['ML-TST-01-20261120-090000.gbak', 'ML-TST-01-20261121-090000.gbak'].map((n) => join(base, 'usb', n));
    for (const f of files) writeFileSync(f, 'x');
    fake.openPaths = files;
    expect(await choose.file(appFrame)).toEqual({ path: files[0] });
    expect(fake.dialogs.at(-1)).toMatchObject({ filters: [{ name: 'GBAK', extensions: ['gbak'] }] });
    expect(app.isBackupPathGranted(files[0] as string)).toBe(true);
    expect(app.isBackupPathGranted(files[1] as string)).toBe(false);
    expect(app.isImportPathGranted(files[0] as string)).toBe(false);
  });

  it('a cancel grants nothing; a frame that is not the app gets no dialog and no grant', async () => {
    const choose = await register();
    const grant = vi.spyOn(app, 'grantBackupPaths');
    fake.openPaths = null;
    expect(await choose.folder(appFrame)).toEqual({ path: null });
    expect(await choose.file(appFrame)).toEqual({ path: null });
    expect(fake.dialogs).toHaveLength(2);
    fake.openPaths = [join(base, 'usb')];
    for (const event of [foreignFrame, subFrame, { senderFrame: null, sender: {} }]) {
      expect(await choose.folder(event)).toEqual({ path: null });
      expect(await choose.file(event)).toEqual({ path: null });
    }
    expect(fake.dialogs).toHaveLength(2);
    expect(grant).not.toHaveBeenCalled();
  });
});

describe('automatic backups (daily and on close) against the real core', () => {
  let h: Harness;
  let clock: TestClock;
  let usb: string;
  const logged: string[] = [];
  const log = (message: string) => {
    logged.push(message);
  };
  const backups = () => readdirSync(usb).filter((n) => n.endsWith('.gbak')).sort();
  const status = () => backupRunner(h.app).status();

  async function configure(more: { daily?: boolean; onClose?: boolean } = {}): Promise<void> {
    h.app.grantBackupPaths([usb]);
    await h.ok('backups.configure', { folder: usb, passphrase: PASSPHRASE, confirm: PASSPHRASE, ...more });
  }

  beforeEach(async () => {
    clock = new TestClock(Date.parse('2026-11-20T09:00:00Z'));
    h = await freshArmoury({ clock });
    usb = scratchDir();
    logged.length = 0;
  });
  afterEach(() => disposeHarnesses());

  it('the daily check backs up when core says it is due, not twice the same day, and again the next day', async () => {
    await configure();
    const auto = new AutomaticBackups({ runner: backupRunner(h.app), log });
    expect(status()?.dailyDue).toBe(true);
    const first = await auto.checkDaily();
    expect(first).toMatchObject({ reason: 'daily', folder: usb });
    expect(backups()).toEqual([first?.fileName]);
    expect(status()).toMatchObject({ dailyDue: false, lastGood: { reason: 'daily', fileName: first?.fileName } });

    clock.advance(6 * 60 * 60 * 1000);
    expect(await auto.checkDaily()).toBeNull();
    expect(backups()).toHaveLength(1);

    clock.advance(DAY);
    const second = await auto.checkDaily();
    expect(second?.reason).toBe('daily');
    expect(backups()).toEqual([first?.fileName, second?.fileName].sort());
    expect(logged).toEqual([]);
  });

  it('no daily backup when it is switched off or backups are not set up', async () => {
    const auto = new AutomaticBackups({ runner: backupRunner(h.app), log });
    expect(await auto.checkDaily()).toBeNull();
    await configure({ daily: false });
    expect(await auto.checkDaily()).toBeNull();
    expect(backups()).toEqual([]);
    expect(status()?.lastGood).toBeNull();
  });

  it('the timer checks soon after start and then regularly, and stops when asked', async () => {
    await configure();
    const runner = backupRunner(h.app);
    const runs: string[] = [];
    const watched: BackupRunner = { status: () => runner.status(), run: (r) => (runs.push(r), runner.run(r)) };
    const timed = new AutomaticBackups({ runner: watched, log, firstCheckMs: 10, checkEveryMs: 25 });
    timed.startDaily();
    timed.startDaily(); // one timer, not two
    await vi.waitFor(() => expect(backups()).toHaveLength(1), { timeout: 10_000 });
    // Several more checks the same day: nothing more to do.
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toEqual(['daily']);
    // The next day, the next check makes the next one.
    clock.advance(DAY);
    await vi.waitFor(() => expect(backups()).toHaveLength(2), { timeout: 10_000 });
    timed.stopDaily();
    clock.advance(DAY);
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toEqual(['daily', 'daily']);
    expect(backups()).toHaveLength(2);
    expect(logged).toEqual([]);
  });

  it('on close: one backup under the notice, then the app quits, once; a later close passes', async () => {
    await configure();
    const auto = new AutomaticBackups({ runner: backupRunner(h.app), log });
    const shown: string[] = [];
    const notice = () => {
      shown.push('shown');
      return () => shown.push('hidden');
    };
    let quits = 0;
    const proceed = () => {
      quits += 1;
    };
    expect(auto.interceptClose(notice, proceed)).toBe(true);
    // The window's close and the app's before-quit both ask: the second waits for the same backup.
    expect(auto.interceptClose(notice, proceed)).toBe(true);
    await vi.waitFor(() => expect(quits).toBe(1), { timeout: 10_000 });
    expect(shown).toEqual(['shown', 'hidden']);
    expect(backups()).toHaveLength(1);
    expect(status()?.lastGood).toMatchObject({ reason: 'close', fileName: backups()[0] });
    expect(auto.interceptClose(notice, proceed)).toBe(false);
    expect(quits).toBe(1);
    // Closing, the daily check does nothing.
    clock.advance(DAY);
    expect(await auto.checkDaily()).toBeNull();
    expect(logged).toEqual([]);
  });

  it('no backup on close when it is switched off or not set up: the close is not held at all', async () => {
    const notice = vi.fn(() => () => undefined);
    const proceed = vi.fn();
    expect(new AutomaticBackups({ runner: backupRunner(h.app), log }).interceptClose(notice, proceed)).toBe(false);
    await configure({ onClose: false });
    expect(new AutomaticBackups({ runner: backupRunner(h.app), log }).interceptClose(notice, proceed)).toBe(false);
    // No armoury open (first run, a startup error): nothing to back up.
    h.app.close();
    expect(new AutomaticBackups({ runner: backupRunner(h.app), log }).interceptClose(notice, proceed)).toBe(false);
    expect(notice).not.toHaveBeenCalled();
    expect(proceed).not.toHaveBeenCalled();
    expect(backups()).toEqual([]);
  });

  it('a backup on close that fails (the stick was pulled) is logged and the app still quits', async () => {
    await configure();
    rmSync(usb, { recursive: true, force: true });
    const auto = new AutomaticBackups({ runner: backupRunner(h.app), log });
    const shown: string[] = [];
    let quits = 0;
    expect(auto.interceptClose(() => (shown.push('shown'), () => shown.push('hidden')), () => (quits += 1))).toBe(true);
    await vi.waitFor(() => expect(quits).toBe(1), { timeout: 10_000 });
    expect(shown).toEqual(['shown', 'hidden']);
    expect(logged).toEqual(['the backup on close failed']);
    expect(status()?.lastGood).toBeNull();
    expect(status()?.overdue).toBe(false); // a new armoury: the warning comes after warnAfterDays
  });

  it('a backup on close that never ends: the app quits after the bound', async () => {
    await configure();
    const real = backupRunner(h.app);
    const hanging: BackupRunner = { status: () => real.status(), run: () => new Promise<BackupSummary>(() => undefined) };
    const auto = new AutomaticBackups({ runner: hanging, log, closeTimeoutMs: 80 });
    const started = Date.now();
    let quitAfter = -1;
    const hidden = vi.fn();
    expect(auto.interceptClose(() => hidden, () => (quitAfter = Date.now() - started))).toBe(true);
    await vi.waitFor(() => expect(quitAfter).toBeGreaterThanOrEqual(0), { timeout: 5_000 });
    expect(quitAfter).toBeGreaterThanOrEqual(75);
    expect(quitAfter).toBeLessThan(3_000);
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(logged).toEqual(['the backup on close took too long; quitting without it']);
  });

  it('the close waits for a daily backup under way, then makes its own', async () => {
    await configure();
    const runner = backupRunner(h.app);
    const runs: string[] = [];
    const auto = new AutomaticBackups({ runner: { status: () => runner.status(), run: (r) => (runs.push(r), runner.run(r)) }, log });
    const daily = auto.checkDaily();
    let quits = 0;
    expect(auto.interceptClose(() => () => undefined, () => (quits += 1))).toBe(true);
    expect((await daily)?.reason).toBe('daily');
    await vi.waitFor(() => expect(quits).toBe(1), { timeout: 10_000 });
    expect(runs).toEqual(['daily', 'close']);
    expect(backups()).toHaveLength(2);
    expect(status()?.lastGood?.reason).toBe('close');
    expect(logged).toEqual([]);
  });
});
