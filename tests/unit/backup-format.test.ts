import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeader, TAG_BYTES } from '../../src/main/core/backup/format';
import { setPassphrase, type BackupKey } from '../../src/main/core/backup/key';
import { readBackup } from '../../src/main/core/backup/read';
import { runBackup } from '../../src/main/core/backup/service';
import { AppError } from '../../src/main/core/errors';
import { sha256 } from './support/db';
import { freshArmoury, tempDir, type Harness } from './support/harness';
import { weaponInput } from './support/weapons';

// One real backup of a small armoury, in 4 KiB chunks so that it spans many, read back in every
// way a damaged, truncated or edited file can be.
const PASSPHRASE = 'cinq mots de passe valent mieux';
const CHUNK = 4096;
let h: Harness;
let key: BackupKey;
let file: Buffer;
let path: string;
let headerLength: number;
let chunks: number;
let plainSha: string;

/** The error code readBackup throws (it must be an AppError), or 'ok'. */
async function outcome(bytes: Uint8Array | string, secret: string | BackupKey = key): Promise<string> {
  try {
    await readBackup(bytes, secret);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

beforeAll(async () => {
  h = await freshArmoury();
  await h.login('manager');
  for (let i = 0; i < 60; i++) await h.ok('weapons.register', weaponInput());
  const store = h.app.store;
  if (!store) throw new Error('no store');
  key = setPassphrase(store.s, PASSPHRASE, 1, new Date().toISOString());
  const folder = join(h.dir, 'usb');
  mkdirSync(folder);
  const s = await runBackup(store, h.clock.now, { reason: 'manual', folder, key, chunkSize: CHUNK });
  path = join(folder, s.fileName);
  file = readFileSync(path);
  const parsed = parseHeader(file);
  if (!parsed.ok) throw new Error('header');
  headerLength = parsed.length;
  chunks = parsed.header.chunks;
  plainSha = parsed.header.plaintext.sha256;
}, 60_000);

afterAll(() => h.dispose());

describe('backup file format', () => {
  it('reads back with the passphrase or the kept key to the database it copied', async () => {
    expect(chunks).toBeGreaterThan(20);
    const fromKey = await readBackup(path, key);
    const fromPassphrase = await readBackup(file, PASSPHRASE);
    expect(sha256(fromKey.database)).toBe(plainSha);
    expect(fromPassphrase.database.equals(fromKey.database)).toBe(true);
    expect(fromKey.header.head).toEqual({ seq: fromKey.header.events, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The database inside opens and holds the weapons and the journal head the header names.
    const dir = tempDir();
    writeFileSync(join(dir, 'inside.sqlite'), fromKey.database);
    const db = new Database(join(dir, 'inside.sqlite'), { readonly: true });
    const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer };
    expect({ seq: head.seq, hash: head.hash.toString('hex') }).toEqual(fromKey.header.head);
    expect((db.prepare('SELECT COUNT(*) AS n FROM weapons').get() as { n: number }).n).toBe(60);
    db.close();
  });

  it('decrypts with the independent script printed in docs/backup-format.md', () => {
    const doc = readFileSync(resolve(__dirname, '../../docs/backup-format.md'), 'utf8');
    const script = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(script).toContain('createDecipheriv');
    const dir = tempDir();
    writeFileSync(join(dir, 'decrypt.mjs'), script ?? '');
    const out = join(dir, 'out.sqlite');
    const r = spawnSync(process.execPath, [join(dir, 'decrypt.mjs'), path, out], { env: { ...process.env, PASSPHRASE }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(sha256(readFileSync(out))).toBe(plainSha);
    const wrong = spawnSync(process.execPath, [join(dir, 'decrypt.mjs'), path, join(dir, 'no.sqlite')], { env: { ...process.env, PASSPHRASE: 'autre chose encore' }, encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    expect(await outcome(file, 'cinq mots de passe valent mieux!')).toBe('backup_wrong_passphrase');
    expect(await outcome(file, '')).toBe('backup_wrong_passphrase');
  });

  it('detects every bit flipped in the header (lines 1 to 3)', async () => {
    const seen = new Set<string>();
    for (let byte = 0; byte < headerLength; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = Buffer.from(file);
        bad[byte] = (bad[byte] ?? 0) ^ (1 << bit);
        const code = await outcome(bad);
        expect(code, `byte ${byte} bit ${bit}`).not.toBe('ok');
        seen.add(code);
      }
    }
    // A flip in the magic is "not a backup" (or a version number); anywhere else the header hash
    // catches it: never mistaken for a wrong passphrase.
    for (const code of seen) expect(['backup_damaged', 'backup_from_future', 'backup_not_a_backup']).toContain(code);
    expect(seen.has('backup_damaged')).toBe(true);
  });

  it('detects bit flips in the chunks, ciphertext and tags, at sampled positions', async () => {
    const positions = new Set<number>([headerLength, file.length - 1, file.length - TAG_BYTES, file.length - TAG_BYTES - 1]);
    // 400 positions spread over the chunks (a fixed stride plus a varying offset: reproducible).
    for (let i = 0; i < 400; i++) positions.add(headerLength + ((Math.floor((i * (file.length - headerLength)) / 400) + ((i * 37) % 211)) % (file.length - headerLength)));
    for (const pos of positions) {
      const bad = Buffer.from(file);
      bad[pos] = (bad[pos] ?? 0) ^ (1 << (pos % 8));
      expect(await outcome(bad), `position ${pos}`).toBe('backup_damaged');
    }
  });

  it('detects truncation and extra bytes anywhere', async () => {
    const lengths = new Set<number>([0, 1, 10, headerLength - 1, headerLength, headerLength + 1, file.length - 1, file.length - TAG_BYTES]);
    for (let c = 1; c <= chunks; c++) lengths.add(headerLength + c * (CHUNK + TAG_BYTES)); // cut exactly at a chunk boundary
    for (const n of lengths) {
      if (n >= file.length) continue;
      const code = await outcome(file.subarray(0, n));
      expect(code, `first ${n} bytes`).not.toBe('ok');
    }
    expect(await outcome(Buffer.concat([file, Buffer.from([0])]))).toBe('backup_damaged');
    // Dropping whole chunks and fixing nothing else is refused too.
    const withoutLast = Buffer.concat([file.subarray(0, headerLength + (chunks - 1) * (CHUNK + TAG_BYTES))]);
    expect(await outcome(withoutLast)).toBe('backup_damaged');
  });

  it('detects chunks swapped, duplicated, or taken from another backup', async () => {
    const sealed = CHUNK + TAG_BYTES;
    const chunkAt = (buf: Buffer, i: number) => buf.subarray(headerLength + i * sealed, headerLength + (i + 1) * sealed);
    const swapped = Buffer.from(file);
    chunkAt(file, 3).copy(swapped, headerLength + 2 * sealed);
    chunkAt(file, 2).copy(swapped, headerLength + 3 * sealed);
    expect(await outcome(swapped)).toBe('backup_damaged');
    const duplicated = Buffer.from(file);
    chunkAt(file, 0).copy(duplicated, headerLength + 1 * sealed);
    expect(await outcome(duplicated)).toBe('backup_damaged');

    // A second backup with the same key: same size chunks, another nonce prefix and header.
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const folder = join(h.dir, 'usb2');
    mkdirSync(folder);
    const s2 = await runBackup(store, h.clock.now, { reason: 'manual', folder, key, chunkSize: CHUNK, keep: null });
    const other = readFileSync(join(folder, s2.fileName));
    const otherHeader = parseHeader(other);
    if (!otherHeader.ok) throw new Error('header');
    const mixed = Buffer.from(file);
    other.subarray(otherHeader.length + sealed, otherHeader.length + 2 * sealed).copy(mixed, headerLength + sealed);
    expect(await outcome(mixed)).toBe('backup_damaged');
  });

  it('refuses what is not a backup and a newer format, with typed errors only', async () => {
    expect(await outcome(Buffer.alloc(0))).toBe('backup_not_a_backup');
    expect(await outcome(Buffer.from('SQLite format 3\0'))).toBe('backup_not_a_backup');
    expect(await outcome(Buffer.from('GARDIEN-BACKUP 2\n{}\n'))).toBe('backup_from_future');
    expect(await outcome(Buffer.from('GARDIEN-BACKUP 1\n{}\n' + '0'.repeat(64) + '\n'))).toBe('backup_damaged');
    // A header rewritten with a huge scrypt cost and a consistent line 3 is refused before any derivation.
    const text = file.subarray(0, headerLength).toString('utf8').split('\n');
    const edited = (text[1] ?? '').replace('"n":32768', '"n":1048576');
    const head = Buffer.from(`${text[0] ?? ''}\n${edited}\n`);
    const forged = Buffer.concat([head, Buffer.from(sha256(head) + '\n'), file.subarray(headerLength)]);
    expect(await outcome(forged, PASSPHRASE)).toBe('backup_damaged');
    expect(await outcome(join(h.dir, 'no-such-file.gbak'))).toBe('backup_file_unreadable');
  });

  it('refuses an edited header whose line 3 was recomputed (the chunks authenticate it)', async () => {
    const text = file.subarray(0, headerLength).toString('utf8').split('\n');
    const edited = (text[1] ?? '').replace('"reason":"manual"', '"reason":"daily"');
    expect(edited).not.toBe(text[1]);
    const head = Buffer.from(`${text[0] ?? ''}\n${edited}\n`);
    const forged = Buffer.concat([head, Buffer.from(sha256(head) + '\n'), file.subarray(headerLength)]);
    expect(await outcome(forged)).toBe('backup_damaged');
  });
});
