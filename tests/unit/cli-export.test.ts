import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/main/cli/main';
import { translator } from '../../src/main/core/i18n';
import { newStore, receiveNew } from './support/ammunition';
import { freshArmoury, type Harness } from './support/harness';
import { registerOfficer } from './support/officers';
import { weaponInput } from './support/weapons';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GARDIEN_DEBUG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command line run in this process (faster than a child): exit code and what it printed. */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** "Label  value" of a CLI summary line. */
function field(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${label} `));
  return line?.slice(label.length).trim() ?? '';
}

let h: Harness;
let db: string;
let dir: string;

beforeAll(async () => {
  h = await freshArmoury();
  for (const w of [{ serial: '007' }, { serial: '=1+1', type: 'pistol' as const }, {}]) await h.ok('weapons.register', weaponInput(w));
  const lost = await h.ok('weapons.register', weaponInput());
  await h.ok('weapons.reportLoss', { weaponId: lost.id, date: '2024-01-10', circumstances: 'Absente à l’inventaire' });
  await registerOfficer(h, { name: 'Adjudant Coulibaly' });
  await receiveNew(h, await newStore(h), 500);
  h.release();
  dir = h.dir;
  db = h.path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const lines = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, -1);

describe('cli export', () => {
  it('writes the register as a French CSV (the armoury’s language) and prints rows and path', () => {
    const out = join(dir, 'registre.csv');
    const r = cli(['export', '--db', db, '--kind', 'weapons', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Rows')).toBe('4');
    expect(field(r.stdout, 'File')).toBe(out);
    const rows = lines(out);
    expect(rows).toHaveLength(5);
    expect(rows[0]?.startsWith(`"${translator('fr')('register:field.nationalCode')}";`)).toBe(true);
    expect(rows.join('\n')).toContain(`"'=1+1"`);
    expect(rows.join('\n')).toContain('"007"');
  });

  it('takes the screens’ filters and --lang en', () => {
    const out = join(dir, 'lost.csv');
    const r = cli(['export', '--db', db, '--kind', 'weapons', '--status', 'lost', '--lang', 'en', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Rows')).toBe('1');
    const rows = lines(out);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^"National marking code","Manufacturer serial number",/);
    expect(rows[1]).toContain('"Lost"');
    const pistols = cli(['export', '--db', db, '--kind', 'weapons', '--type', 'pistol', '--out', join(dir, 'pistols.csv')]);
    expect(field(pistols.stdout, 'Rows')).toBe('1');
  });

  it('writes XLSX from the extension, for every kind, replacing an earlier export atomically', async () => {
    for (const kind of ['weapons', 'officers', 'lots', 'movements', 'issues']) {
      const out = join(dir, `${kind}.xlsx`);
      writeFileSync(out, 'an older export');
      const r = await inProcess(['export', '--db', db, '--kind', kind, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      expect(book.worksheets[0]?.actualRowCount).toBe(Number(field(r.stdout, 'Rows')) + 1);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a wrong command line with exit code 2, and a missing database with 1', async () => {
    const out = join(dir, 'x.csv');
    const usage = [
      ['export', '--db', db, '--kind', 'rifles', '--out', out],
      ['export', '--db', db, '--kind', 'weapons', '--out', join(dir, 'x.ods')],
      ['export', '--db', db, '--kind', 'weapons', '--status', 'melted', '--out', out],
      ['export', '--db', db, '--kind', 'officers', '--type', 'pistol', '--out', out],
      ['export', '--db', db, '--kind', 'weapons', '--lang', 'de', '--out', out],
      ['export', '--db', db, '--kind', 'movements', '--from', '01/02/2024', '--out', out],
      ['export', '--db', db, '--kind', 'weapons', '--out', join(dir, 'no-such-folder', 'x.csv')],
      ['export', '--db', db, '--kind', 'weapons'],
    ];
    for (const args of usage) {
      const r = await inProcess(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
    const missing = await inProcess(['export', '--db', join(dir, 'none.sqlite'), '--kind', 'weapons', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/database not found/);
    expect(existsSync(out)).toBe(false);
  });
});
