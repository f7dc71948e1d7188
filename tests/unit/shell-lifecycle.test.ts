import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseDataDir, prepareDataDir } from '../../src/main/shell/data-dir';
import type { Result } from '../../src/shared/result';

type FakeElectron = typeof import('./shell-fake-electron');
type Invoke = (event: unknown, op: unknown, input: unknown) => Promise<Result<unknown>>;

describe('chooseDataDir', () => {
  const cwd = '/work/here';
  it('uses userData by default, then the environment, then the argument', () => {
    expect(chooseDataDir(['electron', '.'], {}, '/home/u/.config/gardien', cwd)).toEqual({ dir: '/home/u/.config/gardien', source: 'default' });
    expect(chooseDataDir([], { GARDIEN_DATA_DIR: '' }, '/d', cwd).source).toBe('default');
    expect(chooseDataDir([], { GARDIEN_DATA_DIR: 'data' }, '/d', cwd)).toEqual({ dir: resolve(cwd, 'data'), source: 'environment' });
    expect(chooseDataDir(['x', '--data-dir=/mnt/armoury'], { GARDIEN_DATA_DIR: '/env' }, '/d', cwd)).toEqual({ dir: '/mnt/armoury', source: 'argument' });
    expect(chooseDataDir(['--data-dir=/a', '--data-dir=b'], {}, '/d', cwd).dir).toBe(resolve(cwd, 'b'));
  });

  it('refuses an empty --data-dir= rather than falling back to another folder', () => {
    expect(() => chooseDataDir(['--data-dir='], {}, '/d', cwd)).toThrow(/without a folder/);
  });

  it('creates the folder and returns its real path, leaving existing content alone', () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'gardien-dd-')));
    try {
      writeFileSync(join(base, 'keep.txt'), 'x');
      symlinkSync(base, join(base, 'link'));
      expect(prepareDataDir(join(base, 'link'))).toBe(base);
      expect(readFileSync(join(base, 'keep.txt'), 'utf8')).toBe('x');
      expect(prepareDataDir(join(base, 'new', 'deep'))).toBe(join(base, 'new', 'deep'));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('main process lifecycle (against a fake Electron)', () => {
  let base: string;
  let fake: FakeElectron['fake'];
  const savedArgv = process.argv;
  const savedEnv = { ...process.env };

  beforeEach(async () => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'gardien-shell-')));
    delete process.env['GARDIEN_DATA_DIR'];
    delete process.env['ELECTRON_RENDERER_URL'];
    process.argv = ['electron', '.'];
    vi.resetModules();
    vi.doMock('electron', () => import('./shell-fake-electron'));
    ({ fake } = (await import('electron')) as unknown as FakeElectron);
    fake.app.userData = join(base, 'userData');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    fake.app.emit('before-quit'); // closes the database if a test left it open
    process.argv = savedArgv;
    process.env = { ...savedEnv };
    vi.restoreAllMocks();
    rmSync(base, { recursive: true, force: true });
  });

  async function boot(): Promise<void> {
    await import('../../src/main/shell/index');
  }
  async function ready(): Promise<FakeElectron['fake']['windows'][number]> {
    fake.app.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    return fake.windows[0] as FakeElectron['fake']['windows'][number];
  }
  const fromApp = { senderFrame: { url: 'app://gardien/index.html', parent: null, isDestroyed: () => false } };

  it('locks down before ready, then serves the app, the IPC channel and one window', async () => {
    const dataDir = join(base, 'armoury-disk');
    process.env['GARDIEN_DATA_DIR'] = dataDir;
    await boot();
    // Before 'ready': sandbox everywhere, the privileged scheme, the profile follows the data, the lock.
    expect(fake.app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'setPath:userData', 'requestSingleInstanceLock']);
    expect(fake.app.paths.get('userData')).toBe(dataDir);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.windows).toHaveLength(0);

    const win = await ready();
    expect(existsSync(dataDir)).toBe(true);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect([...fake.ipc.keys()]).toEqual([
      'gardien:invoke', 'gardien:save-pdf', 'gardien:save-export', 'gardien:choose-snapshots', 'gardien:choose-spreadsheet',
      'gardien:choose-backup-folder', 'gardien:choose-backup-file',
    ]);
    expect(fake.session.permissionRequest).not.toBeNull();
    expect(fake.session.beforeRequest).not.toBeNull();

    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, spellcheck: false });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/);
    expect(win.options).toMatchObject({ width: 1366, height: 768, show: false });
    expect(win.loaded).toEqual(['app://gardien/index.html']);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);

    // The renderer's path end to end: IPC from the app frame -> core router -> a real SQLite file.
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    expect(await invoke(fromApp, 'app.status', {})).toMatchObject({ ok: true, value: { state: 'setup' } });
    const setup = await invoke(fromApp, 'app.setup', {
      armoury: { code: 'ML-TST-01', name: 'Armurerie de test', agency: 'police', region: 'Bamako', language: 'fr' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1', passwordConfirm: 'chef-mot-de-passe-1' },
    });
    expect(setup.ok, JSON.stringify(setup)).toBe(true);
    expect(existsSync(join(dataDir, 'armoury.sqlite'))).toBe(true);
    const evil = { senderFrame: { url: 'https://example.com/', parent: null, isDestroyed: () => false } };
    expect(await invoke(evil, 'app.status', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    // Closing the last window closes the database (WAL checkpointed and removed) and quits.
    expect(existsSync(join(dataDir, 'armoury.sqlite-wal'))).toBe(true);
    fake.app.emit('window-all-closed');
    expect(fake.app.calls).toContain('quit');
    expect(existsSync(join(dataDir, 'armoury.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'armoury.sqlite-wal'))).toBe(false);
  });

  it('saves the printed page as PDF where the user chooses, whole or not at all, only for the app frame', async () => {
    process.env['GARDIEN_DATA_DIR'] = join(base, 'data');
    await boot();
    const win = await ready();
    const save = fake.ipc.get('gardien:save-pdf') as unknown as (event: unknown, name: unknown) => Promise<{ saved: boolean; path?: string }>;
    const sender = { ...fromApp, sender: win.webContents };
    const target = join(base, 'usb', 'etat-mensuel.pdf');
    mkdirSync(join(base, 'usb'));

    fake.savePath = target;
    expect(await save(sender, 'état mensuel/../2026-10')).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toMatch(/^%PDF-1\.7 app:\/\/gardien\/index\.html/);
    expect(fake.printed).toEqual([{ preferCSSPageSize: true, printBackground: true }]);
    expect(fake.dialogs.at(-1)).toMatchObject({ defaultPath: 'etat-mensuel-2026-10.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(readdirSync(join(base, 'usb'))).toEqual(['etat-mensuel.pdf']); // no temp file left beside it

    // Cancel writes nothing; a frame that is not the app gets nothing and no dialog.
    fake.savePath = null;
    expect(await save(sender, 'x')).toEqual({ saved: false });
    const dialogs = fake.dialogs.length;
    fake.savePath = join(base, 'usb', 'evil.pdf');
    const evil = { senderFrame: { url: 'https://example.com/', parent: null, isDestroyed: () => false }, sender: win.webContents };
    expect(await save(evil, 'x')).toEqual({ saved: false });
    expect(fake.dialogs.length).toBe(dialogs);
    // A folder that cannot be written: reported as not saved, never thrown into the renderer.
    fake.savePath = join(base, 'no-such-folder', 'x.pdf');
    expect(await save(sender, 'x')).toEqual({ saved: false });
    expect(readdirSync(join(base, 'usb'))).toEqual(['etat-mensuel.pdf']);
  });

  it('copies a file of the data folder’s exports to the stick, and asks the open dialog for the import', async () => {
    const dataDir = join(base, 'data');
    process.env['GARDIEN_DATA_DIR'] = dataDir;
    await boot();
    const win = await ready();
    const sender = { ...fromApp, sender: win.webContents };
    mkdirSync(join(dataDir, 'exports'));
    writeFileSync(join(dataDir, 'exports', 'ML-TST-01-000001.gsnap'), 'PK snapshot bytes');
    mkdirSync(join(base, 'usb'));
    fake.savePath = join(base, 'usb', 'copy.gsnap');
    const saveExport = fake.ipc.get('gardien:save-export') as unknown as (event: unknown, name: unknown) => Promise<unknown>;
    expect(await saveExport(sender, 'ML-TST-01-000001.gsnap')).toEqual({ saved: true, path: fake.savePath });
    expect(readFileSync(fake.savePath, 'utf8')).toBe('PK snapshot bytes');

    fake.openPaths = [join(base, 'usb', 'copy.gsnap')];
    const choose = fake.ipc.get('gardien:choose-snapshots') as unknown as (event: unknown, folder: unknown) => Promise<unknown>;
    expect(await choose(sender, false)).toEqual({ paths: fake.openPaths });
  });

  it('closing the window before backups are set up is not held', async () => {
    process.env['GARDIEN_DATA_DIR'] = join(base, 'data');
    await boot();
    const win = await ready();
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    const setup = await invoke(fromApp, 'app.setup', {
      armoury: { code: 'ML-TST-03', name: 'Armurerie', agency: 'police', region: 'Ségou', language: 'fr' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1', passwordConfirm: 'chef-mot-de-passe-1' },
    });
    expect(setup.ok, JSON.stringify(setup)).toBe(true);

    // Not set up yet: the window's close is not held.
    const first = { prevented: false, preventDefault() { this.prevented = true; } };
    win.emit('close', first);
    expect(first.prevented).toBe(false);
    expect(fake.dialogs).toEqual([]);
  });

  it('the backup on close: the window waits under "Backing up…", the backup is written, then the app quits', async () => {
    const dataDir = join(base, 'data');
    const usb = join(base, 'usb');
    mkdirSync(usb);
    process.env['GARDIEN_DATA_DIR'] = dataDir;
    await boot();
    const win = await ready();
    const sender = { ...fromApp, sender: win.webContents };
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    await invoke(fromApp, 'app.setup', {
      armoury: { code: 'ML-TST-03', name: 'Armurerie', agency: 'police', region: 'Ségou', language: 'fr' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1', passwordConfirm: 'chef-mot-de-passe-1' },
    });
    // The folder comes from the dialog, which grants it; a folder typed by the page is refused.
    const refused = await invoke(fromApp, 'backups.configure', { folder: usb });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_path_not_granted' } });
    fake.openPaths = [usb];
    const chooseFolder = fake.ipc.get('gardien:choose-backup-folder') as unknown as (event: unknown) => Promise<unknown>;
    expect(await chooseFolder(sender)).toEqual({ path: usb });
    const passphrase = 'cle usb du coffre, armurerie de test';
    const configured = await invoke(fromApp, 'backups.configure', { folder: usb, passphrase, confirm: passphrase });
    expect(configured).toMatchObject({ ok: true, value: { configured: true, settings: { onClose: true } } });

    const close = { prevented: false, preventDefault() { this.prevented = true; } };
    win.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(fake.dialogs.at(-1)).toMatchObject({ type: 'info', message: 'Sauvegarde avant la fermeture…' });
    // The database stays open while the backup is made; the app quits by itself afterwards.
    await vi.waitFor(() => expect(fake.app.calls).toContain('quit'), { timeout: 15_000 });
    const written = readdirSync(usb).filter((n) => n.endsWith('.gbak'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^ML-TST-03-\d{8}-\d{6}\.gbak$/);
    expect(existsSync(join(dataDir, 'armoury.sqlite-wal'))).toBe(false);
    // The quit's own close passes.
    const again = { prevented: false, preventDefault() { this.prevented = true; } };
    win.emit('close', again);
    expect(again.prevented).toBe(false);
    expect(fake.app.calls.filter((c) => c === 'quit')).toHaveLength(1);
  });

  it('--data-dir= beats GARDIEN_DATA_DIR; before-quit closes the database', async () => {
    process.argv = ['electron', '.', `--data-dir=${join(base, 'arg')}`];
    process.env['GARDIEN_DATA_DIR'] = join(base, 'env');
    await boot();
    await ready();
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    await invoke(fromApp, 'app.setup', {
      armoury: { code: 'ML-TST-02', name: 'Armurerie', agency: 'police', region: 'Kayes', language: 'en' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1', passwordConfirm: 'chef-mot-de-passe-1' },
    });
    expect(existsSync(join(base, 'arg', 'armoury.sqlite'))).toBe(true);
    expect(existsSync(join(base, 'env'))).toBe(false);
    fake.app.emit('before-quit');
    expect(existsSync(join(base, 'arg', 'armoury.sqlite-wal'))).toBe(false);
  });

  it('uses the real path of userData by default, without moving the profile', async () => {
    mkdirSync(join(base, 'real'));
    symlinkSync(join(base, 'real'), join(base, 'userData'));
    await boot();
    expect(fake.app.calls).not.toContain('setPath:userData');
    await ready();
    const invoke = fake.ipc.get('gardien:invoke') as unknown as Invoke;
    expect(await invoke(fromApp, 'app.status', {})).toMatchObject({ ok: true, value: { armouryExists: false } });
  });

  it('a second instance quits at once and never opens the database', async () => {
    fake.app.lock = false;
    await boot();
    expect(fake.app.calls).toContain('quit');
    fake.app.fireReady();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
  });

  it('a data folder that cannot be created: a dialog, the error copied on request, exit 1, nothing deleted', async () => {
    const blocker = join(base, 'not-a-folder');
    writeFileSync(blocker, 'precious');
    process.env['GARDIEN_DATA_DIR'] = join(blocker, 'data');
    fake.app.locale = 'fr-FR';
    fake.dialogResponse = 0;
    await boot();
    fake.app.fireReady();
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(1));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
    const shown = fake.dialogs[0] ?? {};
    expect(shown).toMatchObject({ type: 'error', title: 'Gardien n’a pas pu démarrer', buttons: ['Copier l’erreur et quitter', 'Quitter'] });
    expect(String(shown['detail'])).toContain(join(blocker, 'data'));
    expect(fake.clipboard[0]).toMatch(/ENOTDIR|EEXIST/);
    expect(readFileSync(blocker, 'utf8')).toBe('precious');
  });

  it('"Quit" copies nothing (English system)', async () => {
    process.argv = ['electron', '.', '--data-dir='];
    fake.dialogResponse = 1;
    await boot();
    fake.app.fireReady();
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(1));
    expect(fake.dialogs[0]).toMatchObject({ title: 'Gardien could not start' });
    expect(fake.clipboard).toEqual([]);
  });

  it('loads the dev server only in an unpackaged build, with DevTools only there', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    await boot();
    const win = await ready();
    expect(win.loaded).toEqual(['http://localhost:5173']);
    expect((win.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true);
  });

  it('a packaged build ignores ELECTRON_RENDERER_URL and has no DevTools', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    fake.app.isPackaged = true;
    await boot();
    const win = await ready();
    expect(win.loaded).toEqual(['app://gardien/index.html']);
    expect((win.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false);
    if (process.platform !== 'darwin') expect(fake.menus).toEqual([null]);
  });
});
