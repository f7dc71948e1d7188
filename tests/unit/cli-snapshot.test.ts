import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, parsePublicKey } from '../../src/main/core/snapshot/minisign';
import { sha256 } from './support/db';
import { standardCheck, tool } from './support/snapshot-tools';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, GARDIEN_PASSWORD: 'correct horse battery' };
  delete env.GARDIEN_DEBUG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let db: string;
let out: string;
let keyLine: string;

function init(path: string, code: string): void {
  const r = cli(['init', '--db', path, '--armoury', code, '--name', 'Armurerie de Ségou', '--agency', 'gendarmerie', '--region', 'Ségou', '--manager', 'capitaine', '--manager-name', 'Capitaine Diallo']);
  expect(r.code, r.stderr).toBe(0);
}

/** "Label  value" of a CLI summary line. */
function field(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${label} `));
  return line?.slice(label.length).trim() ?? '';
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gardien-cli-snapshot-'));
  db = join(dir, 'armoury.sqlite');
  out = join(dir, 'out');
  mkdirSync(out);
  init(db, 'ml-sgo-03');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli key show', () => {
  it('prints the public key as a minisign .pub file, then its key id and fingerprint', () => {
    const r = cli(['key', 'show', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const [comment, line] = r.stdout.split('\n');
    const parsed = parsePublicKey(line ?? '');
    expect(parsed).not.toBeNull();
    keyLine = line ?? '';
    const keyId = field(r.stdout, 'Key id');
    expect(comment).toBe(`untrusted comment: minisign public key ${keyId}`);
    expect(field(r.stdout, 'Armoury')).toBe('ML-SGO-03, Armurerie de Ségou');
    expect(field(r.stdout, 'Fingerprint')).toBe(parsed ? fingerprint(parsed.publicKey, parsed.keyId) : '');
    writeFileSync(join(dir, 'armoury.pub'), r.stdout);

    const only = cli(['key', 'show', '--db', db, '--line']);
    expect([only.code, only.stdout]).toEqual([0, `${keyLine}\n`]);
  });

  it('refuses a missing database (1) and a wrong command line (2)', () => {
    expect(cli(['key', 'show', '--db', join(dir, 'absent.sqlite')]).code).toBe(1);
    expect(cli(['key', 'show']).code).toBe(2);
    expect(cli(['key', 'burn', '--db', db]).code).toBe(2);
  });
});

describe('cli snapshot export and verify', () => {
  it('exports into a folder, prints the summary, and the file verifies with Gardien and with the standard tools', () => {
    const r = cli(['snapshot', 'export', '--db', db, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Snapshot')).toBe('1 (full)');
    const file = field(r.stdout, 'File');
    expect(file).toBe(join(out, 'ML-SGO-03-000001.gsnap'));
    expect(field(r.stdout, 'File SHA-256')).toBe(sha256(readFileSync(file)));
    expect(field(r.stdout, 'Events')).toMatch(/^\d+ \(seq 1 to \d+\)$/);
    expect(field(r.stdout, 'Weapons')).toBe('0');
    expect(field(r.stdout, 'Head hash')).toMatch(/^[0-9a-f]{64}$/);

    const v = cli(['snapshot', 'verify', file, '--pubkey', keyLine]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout.split('\n')[0]).toBe('valid');
    expect(field(v.stdout, 'Armoury')).toBe('ML-SGO-03, Armurerie de Ségou');
    expect(field(v.stdout, 'Head')).toBe(field(r.stdout, 'Head hash'));
    expect(cli(['snapshot', 'verify', file, '--pubkey', join(dir, 'armoury.pub')]).code).toBe(0);

    const tools = standardCheck(file, keyLine);
    expect([tools.minisign.status, tools.sums.status], tools.minisign.out + tools.sums.out).toEqual([0, 0]);
    expect(tool('minisign', ['-Vm', 'SHA256SUMS', '-p', join(dir, 'armoury.pub')], tools.dir).status).toBe(0);
  });

  it('continues since the last export, or starts again with --full, into a new file name', () => {
    const since = cli(['snapshot', 'export', '--db', db, '--out', out]);
    expect(since.code, since.stderr).toBe(0);
    expect(field(since.stdout, 'Snapshot')).toBe('2 (since the last export)');
    const full = cli(['snapshot', 'export', '--db', db, '--out', join(out, 'complet.gsnap'), '--full']);
    expect(full.code, full.stderr).toBe(0);
    expect(field(full.stdout, 'Snapshot')).toBe('3 (full)');
    expect(field(full.stdout, 'Events')).toMatch(/^\d+ \(seq 1 to \d+\)$/);
    expect(readdirSync(out).sort()).toEqual(['ML-SGO-03-000001.gsnap', 'ML-SGO-03-000002.gsnap', 'complet.gsnap']);
    const v = cli(['snapshot', 'verify', join(out, 'ML-SGO-03-000002.gsnap'), '--pubkey', keyLine]);
    expect(v.code).toBe(0);
    expect(field(v.stdout, 'Snapshot')).toBe('2 (since the previous snapshot)');
  });

  it('says why a file is invalid, with exit code 1', () => {
    const file = join(out, 'ML-SGO-03-000001.gsnap');
    const other = join(dir, 'other.sqlite');
    init(other, 'ml-kay-01');
    const otherKey = cli(['key', 'show', '--db', other, '--line']).stdout.trim();
    const wrongKey = cli(['snapshot', 'verify', file, '--pubkey', otherKey]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/^invalid: unknown_key: signed by key [0-9A-F]{16}, not by key [0-9A-F]{16}\n$/);

    const bytes = readFileSync(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0x20;
    writeFileSync(join(dir, 'flipped.gsnap'), bytes);
    const flipped = cli(['snapshot', 'verify', join(dir, 'flipped.gsnap'), '--pubkey', keyLine]);
    expect([flipped.code, flipped.stdout.split(':')[0]]).toEqual([1, 'invalid']);
    expect(flipped.stdout).toMatch(/^invalid: (archive_corrupt|not_a_snapshot|entry_name_unsafe|entry_unexpected): /);

    writeFileSync(join(dir, 'notes.gsnap'), 'not a zip');
    expect(cli(['snapshot', 'verify', join(dir, 'notes.gsnap'), '--pubkey', keyLine]).stdout).toMatch(/^invalid: not_a_snapshot: /);
  });

  it('refuses wrong command lines with exit code 2 and an existing --out file with 1', () => {
    const file = join(out, 'ML-SGO-03-000001.gsnap');
    expect(cli(['snapshot', 'verify', file]).code).toBe(2);
    expect(cli(['snapshot', 'verify', file, '--pubkey', 'RWQnotakey']).code).toBe(2);
    expect(cli(['snapshot', 'export', '--db', db]).code).toBe(2);
    expect(cli(['snapshot', 'export', '--db', db, '--out', join(dir, 'no-folder', 'x.gsnap')]).code).toBe(2);
    const exists = cli(['snapshot', 'export', '--db', db, '--out', file]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists');
    expect(cli(['snapshot', 'publish', '--db', db]).code).toBe(2);
  });
});

describe('cli snapshot rotate-key', () => {
  it('announces a key that the next snapshot carries and that signs the one after', () => {
    const r = cli(['snapshot', 'rotate-key', '--db', db, '--reason', 'Rotation annuelle']);
    expect(r.code, r.stderr).toBe(0);
    const next = field(r.stdout, 'New key');
    expect(parsePublicKey(next)).not.toBeNull();

    const announcing = cli(['snapshot', 'export', '--db', db, '--out', out]);
    const announcingFile = field(announcing.stdout, 'File');
    const v = cli(['snapshot', 'verify', announcingFile, '--pubkey', keyLine]);
    expect(v.code).toBe(0);
    expect(field(v.stdout, 'Announces key')).toContain(next);

    expect(cli(['key', 'show', '--db', db, '--line']).stdout.trim()).toBe(next);
    const after = field(cli(['snapshot', 'export', '--db', db, '--out', out]).stdout, 'File');
    expect(cli(['snapshot', 'verify', after, '--pubkey', next]).code).toBe(0);
    expect(cli(['snapshot', 'verify', after, '--pubkey', keyLine]).stdout).toMatch(/^invalid: unknown_key: /);
    expect(cli(['snapshot', 'rotate-key', '--db', db, '--reason', 'x']).code).toBe(2);
  });
});
