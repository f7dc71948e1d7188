import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GardienApp } from '../../src/main/core/app';
import type { SavedPdf } from '../../src/shared/api';
import { safeExportName } from '../../src/shared/export-name';

type FakeElectron = typeof import('./shell-fake-electron');
type Handler<T> = (event: unknown, arg: unknown) => Promise<T>;

let fake: FakeElectron['fake'];
let base: string;
let dataDir: string;
let usb: string;

const appFrame = { senderFrame: { url: 'app://gardien/index.html', parent: null, isDestroyed: () => false }, sender: {} };
const foreignFrame = { senderFrame: { url: 'https://example.com/', parent: null, isDestroyed: () => false }, sender: {} };
const subFrame = { senderFrame: { url: 'app://gardien/index.html', parent: {}, isDestroyed: () => false }, sender: {} };
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeEach(async () => {
  vi.resetModules();
  vi.doMock('electron', () => import('./shell-fake-electron'));
  ({ fake } = (await import('electron')) as unknown as FakeElectron);
  base = realpathSync(mkdtempSync(join(tmpdir(), 'gardien-export-')));
  dataDir = join(base, 'data');
  usb = join(base, 'usb');
  mkdirSync(join(dataDir, 'exports'), { recursive: true });
  mkdirSync(usb);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe('the name of an exported file', () => {
  it('keeps a snapshot or CSV name as core writes it', () => {
    expect(safeExportName('ML-KYS-02-000001.gsnap')).toBe('ML-KYS-02-000001.gsnap');
    expect(safeExportName('perdues-volées_2026.csv')).toBe('perdues-volees_2026.csv');
  });

  it('never lets the page name a path, a hidden file or nothing', () => {
    expect(safeExportName('../armoury.sqlite')).toBe('armoury.sqlite');
    expect(safeExportName('/etc/passwd')).toBe('etc-passwd');
    expect(safeExportName('C:\\Windows\\x.gsnap')).toBe('C-Windows-x.gsnap');
    expect(safeExportName('.hidden')).toBe('hidden');
    for (const bad of ['', '../..', '…', 42, null, undefined]) expect(safeExportName(bad), String(bad)).toBeNull();
    expect(safeExportName('x'.repeat(500))?.length).toBe(120);
  });
});

describe('saveExport: copy to the USB stick', () => {
  async function register(): Promise<Handler<SavedPdf>> {
    const { registerSaveExport } = await import('../../src/main/shell/ipc');
    registerSaveExport(null, dataDir);
    return fake.ipc.get('gardien:save-export') as unknown as Handler<SavedPdf>;
  }
  /** A snapshot-sized file of random bytes in the exports folder. */
  function exported(name: string, size = 3 * 1024 * 1024 + 17): string {
    const path = join(dataDir, 'exports', name);
    writeFileSync(path, randomBytes(size));
    return path;
  }

  it('copies the whole file, byte for byte, under the chosen name, with no temporary file left', async () => {
    const save = await register();
    const source = exported('ML-KYS-02-000001.gsnap');
    const target = join(usb, 'ML-KYS-02-000001.gsnap');
    fake.savePath = target;
    expect(await save(appFrame, 'ML-KYS-02-000001.gsnap')).toEqual({ saved: true, path: target });
    expect(sha256(target)).toBe(sha256(source));
    expect(readdirSync(usb)).toEqual(['ML-KYS-02-000001.gsnap']);
    expect(fake.dialogs.at(-1)).toEqual({ defaultPath: 'ML-KYS-02-000001.gsnap', filters: [{ name: 'GSNAP', extensions: ['gsnap'] }] });

    // Copying again over the same name replaces it whole.
    writeFileSync(source, randomBytes(1000));
    expect(await save(appFrame, 'ML-KYS-02-000001.gsnap')).toEqual({ saved: true, path: target });
    expect(sha256(target)).toBe(sha256(source));
    expect(readdirSync(usb)).toEqual(['ML-KYS-02-000001.gsnap']);
  });

  it('a cancel writes nothing and is not an error', async () => {
    const save = await register();
    exported('ML-KYS-02-000001.gsnap');
    fake.savePath = null;
    expect(await save(appFrame, 'ML-KYS-02-000001.gsnap')).toEqual({ saved: false });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('refuses a frame that is not the app, without a dialog', async () => {
    const save = await register();
    exported('ML-KYS-02-000001.gsnap');
    fake.savePath = join(usb, 'stolen.gsnap');
    for (const event of [foreignFrame, subFrame, { senderFrame: null, sender: {} }]) {
      expect(await save(event, 'ML-KYS-02-000001.gsnap')).toEqual({ saved: false });
    }
    expect(fake.dialogs).toEqual([]);
    expect(readdirSync(usb)).toEqual([]);
  });

  it('copies only a regular file of the exports folder: not the database, a symlink or a folder', async () => {
    const save = await register();
    writeFileSync(join(dataDir, 'armoury.sqlite'), 'the register');
    symlinkSync(join(dataDir, 'armoury.sqlite'), join(dataDir, 'exports', 'link.gsnap'));
    mkdirSync(join(dataDir, 'exports', 'folder.gsnap'));
    fake.savePath = join(usb, 'x');
    for (const name of ['../armoury.sqlite', 'link.gsnap', 'folder.gsnap', 'missing.gsnap', '', 42]) {
      expect(await save(appFrame, name), String(name)).toEqual({ saved: false, error: 'missing' });
    }
    expect(fake.dialogs).toEqual([]);
    expect(readdirSync(usb)).toEqual([]);
  });

  it('a destination that cannot be written is reported, leaves nothing, and spares what was there', async () => {
    const save = await register();
    exported('ML-KYS-02-000002.gsnap', 4096);
    // A folder that does not exist (the stick was pulled).
    fake.savePath = join(base, 'gone', 'ML-KYS-02-000002.gsnap');
    expect(await save(appFrame, 'ML-KYS-02-000002.gsnap')).toEqual({ saved: false, error: 'write_failed' });
    expect(existsSync(join(base, 'gone'))).toBe(false);
    // A name already taken by a folder with content: the copy is made, the rename fails, the temporary file goes.
    mkdirSync(join(usb, 'taken.gsnap'));
    writeFileSync(join(usb, 'taken.gsnap', 'keep.txt'), 'kept');
    fake.savePath = join(usb, 'taken.gsnap');
    expect(await save(appFrame, 'ML-KYS-02-000002.gsnap')).toEqual({ saved: false, error: 'write_failed' });
    expect(readdirSync(usb)).toEqual(['taken.gsnap']);
    expect(readFileSync(join(usb, 'taken.gsnap', 'keep.txt'), 'utf8')).toBe('kept');
  });
});

describe('chooseSnapshots: the import’s open dialog', () => {
  let app: GardienApp;
  beforeEach(() => {
    app = new GardienApp({ dataDir });
  });
  afterEach(() => app.close());

  async function register(): Promise<Handler<{ paths: string[] }>> {
    const { registerChooseSnapshots } = await import('../../src/main/shell/ipc');
    registerChooseSnapshots(null, app);
    return fake.ipc.get('gardien:choose-snapshots') as unknown as Handler<{ paths: string[] }>;
  }

  it('returns the chosen files and grants them to core, and only them', async () => {
    const choose = await register();
    const files = ['ML-A-000002.gsnap', 'ML-A-000001.gsnap'].map((n) => join(usb, n));
    for (const f of files) writeFileSync(f, 'x');
    fake.openPaths = [...files, files[0] as string];
    expect(await choose(appFrame, false)).toEqual({ paths: files });
    expect(fake.dialogs.at(-1)).toEqual({ properties: ['openFile', 'multiSelections'], filters: [{ name: 'GSNAP', extensions: ['gsnap'] }] });
    for (const f of files) expect(app.isImportPathGranted(f), f).toBe(true);
    expect(app.isImportPathGranted(join(usb, 'other.gsnap'))).toBe(false);
  });

  it('a folder stands for its own .gsnap files, sorted, not those of its sub-folders', async () => {
    const choose = await register();
    for (const n of ['ML-B-000002.gsnap', 'ML-A-000001.gsnap', 'ML-B-000001.GSNAP', 'notes.txt', 'ML-A-000001.gsnap.txt']) writeFileSync(join(usb, n), 'x');
    mkdirSync(join(usb, 'older'));
    writeFileSync(join(usb, 'older', 'ML-A-000000.gsnap'), 'x');
    mkdirSync(join(usb, 'folder.gsnap'));
    fake.openPaths = [usb];
    const expected = ['ML-A-000001.gsnap', 'ML-B-000001.GSNAP', 'ML-B-000002.gsnap'].map((n) => join(usb, n));
    expect(await choose(appFrame, true)).toEqual({ paths: expected });
    expect(fake.dialogs.at(-1)).toEqual({ properties: ['openDirectory'] });
    for (const f of expected) expect(app.isImportPathGranted(f), f).toBe(true);
    expect(app.isImportPathGranted(join(usb, 'older', 'ML-A-000000.gsnap'))).toBe(false);
    expect(app.isImportPathGranted(join(usb, 'notes.txt'))).toBe(false);
  });

  it('a cancel, an empty folder or a folder that cannot be read grants nothing', async () => {
    const choose = await register();
    const grant = vi.spyOn(app, 'grantImportPaths');
    fake.openPaths = null;
    expect(await choose(appFrame, false)).toEqual({ paths: [] });
    expect(await choose(appFrame, true)).toEqual({ paths: [] });
    fake.openPaths = [usb];
    expect(await choose(appFrame, true)).toEqual({ paths: [] });
    fake.openPaths = [join(base, 'no-such-folder')];
    expect(await choose(appFrame, true)).toEqual({ paths: [] });
    expect(grant).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the app, without a dialog or a grant', async () => {
    const choose = await register();
    const grant = vi.spyOn(app, 'grantImportPaths');
    writeFileSync(join(usb, 'ML-A-000001.gsnap'), 'x');
    fake.openPaths = [join(usb, 'ML-A-000001.gsnap')];
    for (const event of [foreignFrame, subFrame]) expect(await choose(event, false)).toEqual({ paths: [] });
    expect(fake.dialogs).toEqual([]);
    expect(grant).not.toHaveBeenCalled();
  });
});

describe('chooseSpreadsheet: the open dialog of a register import', () => {
  let app: GardienApp;
  beforeEach(() => {
    app = new GardienApp({ dataDir });
  });
  afterEach(() => app.close());

  async function register(): Promise<Handler<{ paths: string[] }>> {
    const { registerChooseSpreadsheet } = await import('../../src/main/shell/ipc');
    registerChooseSpreadsheet(null, app);
    return fake.ipc.get('gardien:choose-spreadsheet') as unknown as Handler<{ paths: string[] }>;
  }

  it('offers CSV and XLSX files and grants the one chosen, and only it', async () => {
    const choose = await register();
    const files = ['registre.xlsx', 'officiers.csv'].map((n) => join(usb, n));
    for (const f of files) writeFileSync(f, 'x');
    fake.openPaths = files;
    expect(await choose(appFrame, undefined)).toEqual({ paths: [files[0]] });
    expect(fake.dialogs.at(-1)).toMatchObject({ filters: [{ extensions: ['csv', 'txt', 'xlsx'] }] });
    expect(app.isImportPathGranted(files[0] as string)).toBe(true);
    expect(app.isImportPathGranted(files[1] as string)).toBe(false);
  });

  it('a cancel grants nothing; a frame that is not the app gets no dialog', async () => {
    const choose = await register();
    const grant = vi.spyOn(app, 'grantImportPaths');
    fake.openPaths = null;
    expect(await choose(appFrame, undefined)).toEqual({ paths: [] });
    fake.openPaths = [join(usb, 'registre.csv')];
    const dialogs = fake.dialogs.length;
    for (const event of [foreignFrame, subFrame]) expect(await choose(event, undefined)).toEqual({ paths: [] });
    expect(fake.dialogs.length).toBe(dialogs);
    expect(grant).not.toHaveBeenCalled();
  });
});
