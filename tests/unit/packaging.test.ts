/**
 * electron-builder cannot run on the build machines, so this checks its configuration instead:
 * complete (targets, fuses, native module, icons, file types) and consistent with package.json,
 * the electron-vite output and the extensions the app writes. (Validated once by hand against
 * electron-builder 26.17.0's JSON schema; the key lists below guard against typos since.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION } from '../../src/shared/domain/backup';
import { SNAPSHOT_EXTENSION } from '../../src/shared/domain/snapshot';

const repo = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

type Json = Record<string, unknown>;
const pkg = JSON.parse(read('package.json')) as {
  name: string; productName: string; version: string; main: string; description: string;
  scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string>;
};
const config = JSON.parse(read('electron-builder.json')) as Json;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** electron-builder's glob subset used in the config: `**`, `*`, `?` and `{a,b}`. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

/**
 * Whether a path of the app directory ends up in the package: project files need a positive
 * `files` pattern; production node_modules are always copied, minus the negative patterns.
 */
function packaged(path: string): boolean {
  const patterns = strings(config['files']);
  if (patterns.some((p) => p.startsWith('!') && matches(p.slice(1), path))) return false;
  return path.startsWith('node_modules/') || patterns.some((p) => !p.startsWith('!') && matches(p, path));
}

describe('glob helper', () => {
  it.each([
    ['out/**/*', 'out/main/index.js', true],
    ['out/**/*', 'out/renderer/assets/a.css', true],
    ['out/**/*', 'src/x.ts', false],
    ['!out/**/*.map'.slice(1), 'out/main/index.js.map', true],
    ['node_modules/better-sqlite3/**/*.node', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', true],
    ['node_modules/better-sqlite3/**/*.node', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node.txt', false],
    ['a/{b,c}/*.js', 'a/c/x.js', true],
    ['a/{b,c}/*.js', 'a/d/x.js', false],
  ])('%s ~ %s: %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });
});

describe('identity, consistent with package.json', () => {
  it('names the app Gardien everywhere and leaves name, version and main to package.json', () => {
    expect(config['productName']).toBe('Gardien');
    expect(pkg.productName).toBe(config['productName']);
    expect(config['appId']).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(String(config['copyright'])).toMatch(/Gardien/);
    expect(pkg.name).toMatch(/^[a-z][a-z0-9-]*$/); // also the deb package name
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(pkg.description.length).toBeGreaterThan(10);
    // Not overridden: the package's own name, version and entry point are what gets built.
    for (const key of ['name', 'version', 'main']) expect(obj(config['extraMetadata'])[key], key).toBeUndefined();
    expect(config['version']).toBeUndefined();
  });

  it('writes installers to dist/ (ignored by git) and reads resources from build/', () => {
    expect(config['directories']).toEqual({ output: 'dist', buildResources: 'build' });
    expect(read('.gitignore').split('\n')).toContain('dist/');
    expect(config['publish']).toBeNull();
  });

  it('the scripts build with electron-vite, then a pinned electron-builder on this config, never publishing', () => {
    const cases: [string, string | null][] = [['dist', null], ['dist:win', '--win'], ['dist:linux', '--linux']];
    for (const [name, platform] of cases) {
      const script = pkg.scripts[name] ?? '';
      expect(script, name).toMatch(/^electron-vite build && npx --yes electron-builder@\d+\.\d+\.\d+ --config electron-builder\.json /);
      expect(script, name).toContain('--publish never');
      if (platform) expect(script.split(' '), name).toContain(platform);
    }
    // Pinned in the scripts only: it cannot run on the CI machines and would slow `npm ci`.
    expect(pkg.devDependencies['electron-builder']).toBeUndefined();
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
    expect(pkg.devDependencies['electron']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies['electron']).toBeUndefined();
  });
});

describe('what goes into app.asar', () => {
  it('the entry point and the built main, preload and renderer, without source maps', () => {
    expect(pkg.main).toBe('out/main/index.js');
    for (const path of [pkg.main, 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/assets/index-B4lAuWhZ.js', 'out/renderer/assets/index-B4lAuWhZ.css', 'package.json']) {
      expect(packaged(path), path).toBe(true);
    }
    for (const path of ['out/main/index.js.map', 'src/main/shell/index.ts', 'tests/unit/packaging.test.ts', 'build/icon.png', '.bench-data/x.sqlite', 'armoury.sqlite']) {
      expect(packaged(path), path).toBe(false);
    }
  });

  it('electron-vite writes exactly those files, and the shell loads them from there', () => {
    const vite = read('electron.vite.config.ts');
    expect(vite).toMatch(/main:[\s\S]*input: \{ index: resolve\(__dirname, 'src\/main\/shell\/index\.ts'\) \}/);
    expect(vite).toMatch(/preload:[\s\S]*input: \{ index: resolve\(__dirname, 'src\/main\/preload\.ts'\) \}/);
    expect(vite).toMatch(/outDir: resolve\(__dirname, 'out\/renderer'\)/);
    const shell = read('src/main/shell/index.ts');
    expect(shell).toContain("join(__dirname, '../renderer')");
    expect(shell).toContain("join(__dirname, '../preload/index.js')");
  });

  it('every package the main process imports is a production dependency (electron-builder copies only those)', () => {
    const sources = (dir: string): string[] =>
      readdirSync(join(repo, dir)).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(join(repo, path)).isDirectory()) return sources(path);
        return /\.tsx?$/.test(name) ? [path] : [];
      });
    const builtins = new Set(builtinModules);
    const imported = new Set<string>();
    const pattern = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?'([^'.][^']*)'|(?:import|require)\(\s*'([^'.][^']*)'\s*\)/g;
    for (const file of [...sources('src/main'), ...sources('src/shared')]) {
      for (const m of read(file).matchAll(pattern)) {
        const spec = m[1] ?? m[2] ?? '';
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');
        if (name === 'electron' || spec.startsWith('node:') || builtins.has(name)) continue;
        imported.add(name);
      }
    }
    expect([...imported].sort()).toEqual(expect.arrayContaining(['better-sqlite3', 'zod']));
    for (const name of imported) expect(pkg.dependencies[name], `${name} is imported by src/main or src/shared`).toBeDefined();
  });

  it('bundles the locales into the code: no locale file is read from disk at run time', () => {
    expect(strings(config['files']).some((p) => p.includes('locales'))).toBe(false);
    expect(read('src/main/core/i18n.ts')).toMatch(/import \w+ from '\.\.\/\.\.\/\.\.\/locales\/en\/\w+\.json'/);
    expect(config['extraResources']).toBeUndefined();
  });
});

describe('native module (better-sqlite3)', () => {
  const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

  it('is a production dependency, rebuilt for Electron at packaging and unpacked beside app.asar', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(config['asar']).toBe(true);
    expect(config['npmRebuild']).toBe(true);
    expect(config['nodeGypRebuild']).toBe(false); // npmRebuild (@electron/rebuild) does it, once
    expect(strings(config['asarUnpack']).some((p) => matches(p, addon))).toBe(true);
  });

  it('keeps what it needs at run time and leaves its sources and build leftovers out', () => {
    for (const path of [addon, 'node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/lib/database.js', 'node_modules/better-sqlite3/package.json', 'node_modules/bindings/bindings.js']) {
      expect(packaged(path), path).toBe(true);
    }
    for (const path of [
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/build/Release/obj.target/better_sqlite3/src/better_sqlite3.o',
      'node_modules/better-sqlite3/build/Release/test_extension.node',
      'node_modules/better-sqlite3/build/gardien-runtime.txt',
    ]) {
      expect(packaged(path), path).toBe(false);
    }
    // The files the runtime needs exist where the patterns expect them (in this checkout).
    for (const path of ['node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/lib/database.js']) expect(existsSync(join(repo, path)), path).toBe(true);
  });
});

describe('fuses', () => {
  // FuseOptionsV1 of electron-builder 26.17.0's schema.
  const KNOWN = [
    'runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
    'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot',
    'grantFileProtocolExtraPrivileges', 'resetAdHocDarwinSignature',
  ];
  const fuses = obj(config['electronFuses']);

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('%s is %s', (fuse, value) => {
    expect(fuses[fuse]).toBe(value);
  });

  it('names only fuses electron-builder knows, each set deliberately to a boolean', () => {
    for (const [key, value] of Object.entries(fuses)) {
      expect(KNOWN, key).toContain(key);
      expect(typeof value, key).toBe('boolean');
    }
    expect(fuses['enableCookieEncryption']).toBeTypeOf('boolean'); // decided (off: no cookies), not left to a default
  });
});

describe('targets', () => {
  const targets = (platform: string) => (obj(config[platform])['target'] as { target: string; arch: string[] }[] | undefined) ?? [];

  it('Windows: an NSIS installer for x64', () => {
    expect(targets('win')).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('the NSIS installer is assisted, per-machine or per-user, in French and English, with shortcuts, and keeps the data', () => {
    expect(obj(config['nsis'])).toMatchObject({
      oneClick: false,
      perMachine: false, // shows the choice "all users / just me"
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Gardien',
      deleteAppDataOnUninstall: false,
      multiLanguageInstaller: true,
    });
    expect(strings(obj(config['nsis'])['installerLanguages']).sort()).toEqual(['en_US', 'fr_FR']);
  });

  it('Linux: AppImage and deb for x64, a desktop category, a maintainer with an address', () => {
    expect(targets('linux').map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    for (const t of targets('linux')) expect(t.arch).toEqual(['x64']);
    const linux = obj(config['linux']);
    expect(['Office', 'Utility']).toContain(linux['category']);
    expect(String(linux['maintainer'])).toMatch(/^[^<>]+ <[^@<>\s]+@[^@<>\s]+>$/);
    expect(linux['executableName']).toBe(pkg.name);
    expect(String(linux['synopsis']).length).toBeGreaterThan(10);
  });
});

describe('file associations', () => {
  const associations = (config['fileAssociations'] as Json[] | undefined) ?? [];

  it('open snapshots and backups, with the extensions the app writes', () => {
    expect(associations.map((a) => `.${String(a['ext'])}`)).toEqual([SNAPSHOT_EXTENSION, BACKUP_EXTENSION]);
    expect(associations.map((a) => a['name'])).toEqual(['Gardien snapshot', 'Gardien backup']);
  });

  it('each has a description and a MIME type of its own (Linux needs one)', () => {
    const mimes = associations.map((a) => String(a['mimeType']));
    for (const m of mimes) expect(m).toMatch(/^application\/x-gardien-[a-z]+$/);
    expect(new Set(mimes).size).toBe(associations.length);
    for (const a of associations) expect(String(a['description']).length).toBeGreaterThan(5);
  });
});

describe('icons', () => {
  const iconPaths = [obj(config['win'])['icon'], obj(config['linux'])['icon'], obj(config['nsis'])['installerIcon'], obj(config['nsis'])['uninstallerIcon']].map(String);

  it('every icon the config names exists under build/', () => {
    expect(iconPaths.every((p) => p.startsWith('build/'))).toBe(true);
    for (const p of iconPaths) expect(existsSync(join(repo, p)), p).toBe(true);
  });

  it('build/icon.png is a 512 px RGBA PNG (electron-builder derives the Linux sizes from it)', () => {
    const png = readFileSync(join(repo, 'build/icon.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });

  it('build/icon.ico holds 16 to 256 px images, 256 px as PNG', () => {
    const ico = readFileSync(join(repo, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const e = 6 + 16 * i;
      const offset = ico.readUInt32LE(e + 12);
      const length = ico.readUInt32LE(e + 8);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const isPng = ico.subarray(offset, offset + 4).toString('hex') === '89504e47';
      return { size: ico[e] === 0 ? 256 : (ico[e] ?? 0), isPng };
    });
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(entries.find((e) => e.size === 256)?.isPng).toBe(true);
  });

  it('both are what scripts/icon.mjs draws (npm run icons)', () => {
    const r = spawnSync(process.execPath, ['scripts/icon.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(pkg.scripts['icons']).toBe('node scripts/icon.mjs');
  });
});
