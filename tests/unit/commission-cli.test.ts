import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GardienApp } from '../../src/main/core/app';
import { disposeHarnesses, Harness, scratchDir } from './support/harness';
import { armouryNamed, currentKey, exportFrom, type ExportedFile } from './support/commission';
import { today, weaponInput } from './support/weapons';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');
const PASSWORD = 'correct horse battery';

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.GARDIEN_DEBUG;
  if (!env.GARDIEN_PASSWORD) delete childEnv.GARDIEN_PASSWORD;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    cwd: root, env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let db: string;
let armoury: Harness;
let first: ExportedFile;
let second: ExportedFile;

beforeAll(async () => {
  dir = scratchDir();
  db = join(dir, 'commission.sqlite');
  armoury = await armouryNamed('ML-MPT-05');
  const w = await armoury.ok('weapons.register', weaponInput());
  await armoury.ok('weapons.reportTheft', { weaponId: w.id, date: today(), circumstances: 'Vol lors du transport', reference: 'PV-9' });
  first = await exportFrom(armoury, dir);
  await armoury.ok('weapons.register', weaponInput());
  second = await exportFrom(armoury, dir);
}, 60_000);
afterAll(disposeHarnesses);

describe('cli init --commission', () => {
  it('creates the national register and its first manager; no signing key', async () => {
    const r = cli(['init', '--commission', '--db', db, '--armoury', 'ml-cnc', '--manager', 'president'], { GARDIEN_PASSWORD: PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Created the national commission's register ML-CNC");
    const app = new GardienApp({ dataDir: dir, log: () => undefined }).start();
    try {
      expect(app.status()).toMatchObject({ state: 'ready', kind: 'commission', armoury: { code: 'ML-CNC', name: 'Commission nationale' } });
      expect(await app.router.call('auth.login', { username: 'president', password: PASSWORD })).toMatchObject({ ok: true, value: { role: 'manager' } });
    } finally {
      app.close();
    }
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) AS n FROM signing_keys').get()).toEqual({ n: 0 });
    check.close();
  });

  it('never overwrites a register, and refuses armoury-only options', () => {
    const again = cli(['init', '--commission', '--db', db], { GARDIEN_PASSWORD: PASSWORD });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds/);
    const agency = cli(['init', '--commission', '--db', join(dir, 'other.sqlite'), '--agency', 'police'], { GARDIEN_PASSWORD: PASSWORD });
    expect(agency.code).toBe(2);
    expect(agency.stderr).toContain('--agency does not apply to a commission');
  });
});

describe('cli commission', () => {
  it('enrol: refuses a fingerprint that does not match, requires one outside a terminal, then enrols', () => {
    const key = currentKey(armoury);
    const wrong = cli(['commission', 'enrol', '--db', db, '--armoury', 'ML-MPT-05', '--pubkey', key.publicKey, '--fingerprint', '0'.repeat(64)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--fingerprint');
    expect(wrong.stderr).toContain('fingerprint_mismatch');
    const none = cli(['commission', 'enrol', '--db', db, '--armoury', 'ML-MPT-05', '--pubkey', key.publicKey]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain(key.fingerprint);
    expect(none.stderr).toContain('--fingerprint is required outside a terminal');
    // The .pub file works as well as the key line.
    const pub = join(dir, 'ML-MPT-05.pub');
    writeFileSync(pub, `untrusted comment: minisign public key ${key.keyId}\n${key.publicKey}\n`);
    const ok = cli(['commission', 'enrol', '--db', db, '--armoury', 'ml-mpt-05', '--name', 'Armurerie de Mopti', '--pubkey', pub, '--fingerprint', key.fingerprint]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Enrolled ML-MPT-05 (Armurerie de Mopti)');
    expect(ok.stdout).toContain(key.keyId);
  });

  it('import: one line per file and a summary; exit 0 when nothing is rejected, 1 otherwise', () => {
    const r = cli(['commission', 'import', '--db', db, first.path, second.path, first.path]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^accepted\\s+${first.name}\\s+ML-MPT-05 #1\\s+\\+${first.toSeq} events, 1 weapons$`));
    expect(lines[1]).toMatch(new RegExp(`^accepted\\s+${second.name}\\s+ML-MPT-05 #2\\s+\\+${second.toSeq - first.toSeq} events, 2 weapons$`));
    expect(lines[2]).toMatch(/^duplicate\s+/);
    expect(lines.at(-1)).toMatch(/^3 file\(s\): 2 accepted, 1 duplicate, 0 rejected/);

    const junk = join(dir, 'junk.gsnap');
    writeFileSync(junk, 'PK not really a zip');
    const bad = cli(['commission', 'import', '--db', db, junk, join(dir, 'missing.gsnap')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^rejected\s+junk\.gsnap\s+-\s+not_a_snapshot: /m);
    expect(bad.stdout).toMatch(/^rejected\s+missing\.gsnap\s+-\s+not_a_snapshot: cannot read the file \(ENOENT\)/m);
    expect(bad.stdout).toContain('0 accepted, 0 duplicate, 2 rejected');
    expect(cli(['commission', 'import', '--db', db]).code).toBe(2);
  });

  it('alerts: lists the stolen weapon (a file that is no snapshot at all does not suggest tampering)', () => {
    const r = cli(['commission', 'alerts', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^lost_or_stolen\s+ML-MPT-05\s+ML-PN-T\d+\s+since .* status=stolen/m);
    expect(r.stdout).not.toContain('junk.gsnap');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 alert(s)');
  });

  it('refuses an armoury database', () => {
    const r = cli(['commission', 'import', '--db', armoury.path, first.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is not a national commission's database (it holds an armoury)");
    expect(cli(['commission', 'frobnicate']).code).toBe(2);
  });
});
