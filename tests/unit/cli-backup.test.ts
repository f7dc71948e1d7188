import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHash } from './support/db';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');
const PASSPHRASE = 'une phrase pour la clé USB';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Run {
  const full: NodeJS.ProcessEnv = { ...process.env, GARDIEN_PASSWORD: 'correct horse battery', BK: PASSPHRASE, ...env };
  delete full.GARDIEN_DEBUG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: full, encoding: 'utf8', timeout: 120_000, input: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function field(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${label} `));
  return line?.slice(label.length).trim() ?? '';
}

function head(path: string): { seq: number; hash: string } {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer };
    return { seq: row.seq, hash: row.hash.toString('hex') };
  } finally {
    db.close();
  }
}

let dir: string;
let db: string;
let out: string;
let backup: string;
let backupHead: { seq: number; hash: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gardien-cli-backup-'));
  db = join(dir, 'armoury.sqlite');
  out = join(dir, 'usb');
  mkdirSync(out);
  const r = cli(['init', '--db', db, '--armoury', 'ml-sgo-03', '--name', 'Armurerie de Ségou', '--agency', 'gendarmerie', '--region', 'Ségou', '--manager', 'capitaine', '--manager-name', 'Capitaine Diallo']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli backup', () => {
  it('refuses a wrong command line with exit code 2', () => {
    expect(cli(['backup', '--db', db]).code).toBe(2); // no --out
    const noPassphrase = cli(['backup', '--db', db, '--out', out]);
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toMatch(/no passphrase/);
    expect(cli(['backup', '--db', db, '--out', out, '--passphrase-env', 'SHORT'], { SHORT: 'court' }).code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes a verified backup and records it in the journal', () => {
    const before = head(db);
    const r = cli(['backup', '--db', db, '--out', out, '--passphrase-env', 'BK']);
    expect(r.code, r.stderr).toBe(0);
    backup = field(r.stdout, 'File');
    expect(backup).toMatch(/ML-SGO-03-\d{8}-\d{6}\.gbak$/);
    expect(readdirSync(out)).toEqual([backup.slice(out.length + 1)]);
    expect(field(r.stdout, 'File SHA-256')).toBe(fileHash(backup));
    expect(field(r.stdout, 'Head')).toBe(`seq ${before.seq} ${before.hash}`);
    backupHead = before;
    const after = new Database(db, { readonly: true });
    const made = after.prepare("SELECT body FROM events WHERE type = 'backup.made'").all() as { body: Buffer }[];
    after.close();
    expect(made).toHaveLength(1);
    expect(JSON.parse(made[0]?.body.toString() ?? '{}')).toMatchObject({ data: { headSeq: before.seq, sha256: fileHash(backup) } });
  });

  it('rotates only with --keep', () => {
    const folder = join(dir, 'rotate');
    mkdirSync(folder);
    writeFileSync(join(folder, 'ML-SGO-03-20000101-000000.gbak'), 'not a backup');
    const first = field(cli(['backup', '--db', db, '--out', folder, '--passphrase-env', 'BK', '--keep', '1']).stdout, 'File');
    const second = field(cli(['backup', '--db', db, '--out', folder, '--passphrase-env', 'BK', '--keep', '1']).stdout, 'File');
    expect(first).not.toBe(second);
    // The newest of this armoury's kept; a file that only has its name pattern is not its backup.
    expect(readdirSync(folder).sort()).toEqual(['ML-SGO-03-20000101-000000.gbak', second.slice(folder.length + 1)].sort());
  });
});

describe('cli restore', () => {
  it('refuses a wrong passphrase or a damaged file with exit code 1, the database unchanged', () => {
    const before = fileHash(db);
    const wrong = cli(['restore', '--db', db, backup, '--passphrase-env', 'WRONG'], { WRONG: 'pas la bonne phrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/backup_wrong_passphrase/);
    const damaged = join(dir, 'damaged.gbak');
    const bytes = readFileSync(backup);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 1;
    writeFileSync(damaged, bytes);
    const bad = cli(['restore', '--db', db, damaged, '--passphrase-env', 'BK']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/backup_damaged/);
    expect(cli(['restore', '--db', db, '--passphrase-env', 'BK']).code).toBe(2); // no BACKUP
    expect(fileHash(db)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('--check prints what the backup holds and changes nothing', () => {
    const before = fileHash(db);
    const r = cli(['restore', '--db', db, backup, '--passphrase-env', 'BK', '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Armoury')).toMatch(/^ML-SGO-03, Armurerie de Ségou/);
    expect(field(r.stdout, 'Head')).toBe(`seq ${backupHead.seq} ${backupHead.hash}`);
    expect(fileHash(db)).toBe(before);
  });

  it('restores, keeps the current database aside, and the result verifies', () => {
    const current = head(db);
    const currentBytes = fileHash(db);
    const r = cli(['restore', '--db', db, backup, '--passphrase-env', 'BK']);
    expect(r.code, r.stderr).toBe(0);
    const aside = field(r.stdout, 'Kept aside');
    expect(aside).toMatch(/armoury\.before-restore-\d{8}-\d{6}\.sqlite$/);
    expect(fileHash(aside)).toBe(currentBytes);
    expect(head(aside)).toEqual(current);
    expect(head(db)).toEqual(backupHead);
    const verify = cli(['verify', '--db', db]);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('restores onto a new PC (no database yet)', () => {
    const fresh = join(dir, 'new-pc');
    mkdirSync(fresh);
    const target = join(fresh, 'armoury.sqlite');
    const r = cli(['restore', '--db', target, backup, '--passphrase-env', 'BK']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Kept aside')).toMatch(/^nothing/);
    expect(existsSync(target)).toBe(true);
    expect(head(target)).toEqual(backupHead);
  });
});
