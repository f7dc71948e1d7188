import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GardienApp } from '../../src/main/core/app';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');
const PASSWORD = 'correct horse battery';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, GARDIEN_PASSWORD: undefined, GARDIEN_DEBUG: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    cwd: root,
    env: childEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let demo: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gardien-cli-'));
  demo = join(dir, 'demo.sqlite');
  const r = cli(['demo', '--db', demo, '--weapons', '300']);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A private copy of the fresh demo database, for a test that tampers with it. */
function demoCopy(name: string): string {
  const path = join(dir, `${name}.sqlite`);
  copyFileSync(demo, path);
  return path;
}

const initArgs = (db: string, extra: string[] = []) => [
  'init', '--db', db, '--armoury', 'ml-sgo-03', '--name', 'Armurerie de Ségou', '--agency', 'gendarmerie',
  '--region', 'Ségou', '--manager', 'capitaine', '--manager-name', 'Capitaine Diallo', ...extra,
];

describe('cli init', () => {
  it('creates an armoury that GardienApp opens and the manager signs into through the router', async () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const db = join(home, 'armoury.sqlite');
    const r = cli(initArgs(db), { GARDIEN_PASSWORD: PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created armoury ML-SGO-03');

    const app = new GardienApp({ dataDir: home, log: () => {} }).start();
    try {
      const status = app.status();
      expect(status.state).toBe('ready');
      expect(status.armoury).toMatchObject({ code: 'ML-SGO-03', name: 'Armurerie de Ségou', agency: 'gendarmerie', region: 'Ségou', language: 'fr' });
      const login = await app.router.call('auth.login', { username: 'capitaine', password: PASSWORD });
      expect(login).toMatchObject({ ok: true, value: { username: 'capitaine', role: 'manager', fullName: 'Capitaine Diallo' } });
      const page = await app.router.call('weapons.list', {});
      expect(page).toMatchObject({ ok: true, value: { total: 0 } });
    } finally {
      app.close();
    }
  });

  it('refuses a file that already holds an armoury and leaves it untouched', () => {
    const db = join(dir, 'twice.sqlite');
    expect(cli(initArgs(db), { GARDIEN_PASSWORD: PASSWORD }).code).toBe(0);
    const before = sha(db);
    const r = cli(initArgs(db, ['--armoury', 'OTHER']), { GARDIEN_PASSWORD: PASSWORD });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds armoury ML-SGO-03/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sha(db)).toBe(before);
  });

  it('names each invalid field and creates nothing', () => {
    const db = join(dir, 'bad.sqlite');
    const r = cli(initArgs(db, ['--agency', 'army', '--armoury', 'ML BKO', '--language', 'de']), { GARDIEN_PASSWORD: PASSWORD });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--agency "army" must be one of: police, gendarmerie/);
    expect(r.stderr).toMatch(/--armoury "ML BKO" may hold only letters A-Z, digits and "-" \(field armoury.code\)/);
    expect(r.stderr).toMatch(/--language "de" must be one of: fr, en/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a short password and a missing one without a terminal', () => {
    const db = join(dir, 'nopass.sqlite');
    const short = cli(initArgs(db), { GARDIEN_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password needs at least 8 characters/);
    const none = cli(initArgs(db));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/set GARDIEN_PASSWORD/);
    expect(existsSync(db)).toBe(false);
  });

  it('treats a wrong command line as a usage error (exit 2)', () => {
    expect(cli([]).code).toBe(2);
    expect(cli(['frobnicate']).stderr).toMatch(/unknown command "frobnicate"/);
    const missing = cli(['init', '--db', join(dir, 'x.sqlite'), '--name', 'Test']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing --armoury/);
    expect(cli(['verify', '--db', demo, '--fast']).code).toBe(2);
    expect(cli(['help', 'init']).stdout).toMatch(/GARDIEN_PASSWORD/);
  });
});

describe('cli demo, head and verify', () => {
  it('verifies a fresh demo database', () => {
    const r = cli(['verify', '--db', demo]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Integrity\s+ok/);
    expect(r.stdout).toMatch(/Chain\s+ok: [\d,]+ events, head seq \d+, hash [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/Replay\s+ok/);
    expect(r.stdout).toMatch(/Result: OK/);
  });

  it('prints the same head as verify, and demo refuses an existing file', () => {
    const head = cli(['head', '--db', demo]);
    expect(head.code).toBe(0);
    const hash = /Head hash\s+([0-9a-f]{64})/.exec(head.stdout)?.[1];
    expect(hash).toBeDefined();
    expect(cli(['verify', '--db', demo]).stdout).toContain(`hash ${hash}`);
    const again = cli(['demo', '--db', demo, '--weapons', '10']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('fails when a projection row was changed directly (replay mismatch)', () => {
    const db = demoCopy('projection');
    const raw = new Database(db);
    raw.prepare("UPDATE weapons SET location = 'Sous le comptoir' WHERE id = (SELECT MIN(id) FROM weapons)").run();
    raw.close();
    const r = cli(['verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Chain\s+ok/);
    expect(r.stdout).toMatch(/Replay\s+\d+ difference/);
    expect(r.stdout).toMatch(/weapons: row differs from the journal: .*Sous le comptoir/);
    expect(r.stdout).toMatch(/Result: FAILED/);
  });

  it("fails when an event's stored bytes were rewritten (chain break)", () => {
    const db = demoCopy('bytes');
    const raw = new Database(db);
    // An attacker with the file can drop the append-only trigger; the hash chain still tells.
    raw.exec('DROP TRIGGER events_no_update');
    const row = raw.prepare("SELECT seq, body FROM events WHERE type = 'weapon.registered' ORDER BY seq LIMIT 1 OFFSET 100").get() as { seq: number; body: Buffer };
    const forged = Buffer.from(row.body.toString('utf8').replace(/"serial":"([^"]+)"/, '"serial":"X$1"'));
    expect(forged.equals(row.body)).toBe(false);
    raw.prepare('UPDATE events SET body = ? WHERE seq = ?').run(forged, row.seq);
    raw.close();
    const r = cli(['verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Chain\s+\d+ problem/);
    expect(r.stdout).toContain(`seq ${row.seq}: stored hash does not match its bytes`);
    expect(r.stdout).toContain(`seq ${row.seq + 1}: prev link broken`);
  });

  it('fails when an event was deleted (gap)', () => {
    const db = demoCopy('gap');
    const raw = new Database(db);
    raw.exec('DROP TRIGGER events_no_delete');
    const seq = (raw.prepare("SELECT seq FROM events WHERE type = 'weapon.registered' ORDER BY seq LIMIT 1 OFFSET 50").get() as { seq: number }).seq;
    raw.prepare('DELETE FROM events WHERE seq = ?').run(seq);
    raw.close();
    const r = cli(['verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`seq ${seq + 1}: expected ${seq} (gap or reorder)`);
    expect(r.stdout).toContain(`seq ${seq + 1}: prev link broken`);
    expect(r.stdout).toMatch(/Result: FAILED/);
  });

  it('refuses a database from the future with one clear line and leaves it as it was', () => {
    const db = demoCopy('future');
    const raw = new Database(db);
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha(db);
    for (const args of [['verify', '--db', db], ['head', '--db', db], initArgs(db)]) {
      const r = cli(args, { GARDIEN_PASSWORD: PASSWORD });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error: database schema 99 is newer than this app supports \\(${LATEST_VERSION}\\)`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(sha(db)).toBe(before);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('reports a missing file and a file that is not a database in one line', () => {
    const missing = cli(['verify', '--db', join(dir, 'nowhere.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^error: database not found: .*nowhere\.sqlite$/);
    const text = join(dir, 'notes.txt');
    copyFileSync(join(root, 'package.json'), text);
    const notDb = cli(['verify', '--db', text]);
    expect(notDb.code).toBe(1);
    expect(notDb.stderr.trim()).toMatch(/^error: not an SQLite database .*\[SQLITE_NOTADB\]$/);
  });
});
