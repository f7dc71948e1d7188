import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAGIC_LINE, parseHeader } from '../../src/main/core/backup/format';
import { setPassphrase, type BackupKey } from '../../src/main/core/backup/key';
import { readBackup } from '../../src/main/core/backup/read';
import { runBackup } from '../../src/main/core/backup/service';
import { AppError } from '../../src/main/core/errors';
import { applyEdits, byteEdits, junkBytes } from './support/fuzz/bytes';
import { fuzzParams, fuzzTimeout, Tally } from './support/fuzz/env';
import { mutationsOf } from './support/fuzz/mutate';
import { outcome } from './support/fuzz/result';
import { RouterTarget } from './support/fuzz/router';
import { Watchdog } from './support/fuzz/watchdog';
import { freshArmoury, Template, tempDir, type Harness } from './support/harness';
import { weaponInput } from './support/weapons';

/**
 * Property: the backup reader answers any bytes, with the right passphrase, a wrong one or the
 * kept key, with the database it holds or an AppError with a backup_* code; never another error,
 * never a hang (scrypt's cost comes from the file: the reader bounds it). Through the router,
 * backups.inspect of a granted damaged file is a typed refusal that changes nothing. Damage:
 * flipped, cut and inserted bytes, headers edited and re-hashed (so that the checks behind the
 * header's hash run), random bytes. FUZZ_RUNS scales, FUZZ_SEED replays.
 */

const PASSPHRASE = 'cinq mots de passe valent mieux';
const TIMEOUT_MS = 20_000;

let h: Harness;
let key: BackupKey;
let file: Buffer;
let body: Buffer;
let header: Record<string, unknown>;
let dir: string;
let dog: Watchdog;
const tallies: Tally[] = [];

beforeAll(async () => {
  dog = new Watchdog(60_000);
  dir = tempDir('gardien-fuzz-backup-');
  h = await freshArmoury();
  for (let i = 0; i < 12; i++) await h.ok('weapons.register', weaponInput());
  const store = h.app.store ?? expect.fail('no store');
  key = setPassphrase(store.s, PASSPHRASE, 1, new Date().toISOString());
  const folder = join(h.dir, 'usb');
  mkdirSync(folder);
  // 4 KiB chunks: the small database spans many, so damage lands in the middle ones too.
  const made = await runBackup(store, h.clock.now, { reason: 'manual', folder, key, chunkSize: 4096 });
  file = readFileSync(join(folder, made.fileName));
  const parsed = parseHeader(file);
  if (!parsed.ok) expect.fail('the backup made for the fuzz has no valid header');
  header = JSON.parse(JSON.stringify(parsed.header)) as Record<string, unknown>;
  body = file.subarray(parsed.length);
}, 60_000);

afterAll(async () => {
  for (const t of tallies) console.log(t.line());
  h?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await dog?.stop();
});

/** The header line as the writer lays it out (one line), then its SHA-256 line: an edit passes the header's hash check. */
function rehashed(edited: unknown, chunks: Buffer): Buffer {
  const text = JSON.stringify(edited, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null';
  const head = Buffer.from(`${MAGIC_LINE}${text.replace(/\n/g, ' ')}\n`, 'utf8');
  const hashLine = Buffer.from(`${createHash('sha256').update(head).digest('hex')}\n`, 'ascii');
  return Buffer.concat([head, hashLine, chunks]);
}

const secret = fc.constantFrom<'passphrase' | 'wrong' | 'key'>('passphrase', 'passphrase', 'wrong', 'key');

/** "ok" or the AppError's code; anything else thrown, or a code outside backup_*, fails the property. */
async function verdict(bytes: Uint8Array | string, which: 'passphrase' | 'wrong' | 'key'): Promise<string> {
  const s = which === 'key' ? key : which === 'wrong' ? 'pas la bonne phrase' : PASSPHRASE;
  try {
    await readBackup(bytes, s);
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`not an AppError: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
    if (!error.code.startsWith('backup_')) throw new Error(`unexpected code ${error.code}`, { cause: error });
    return error.code;
  }
}

async function property<T>(
  label: string, arb: fc.Arbitrary<T>, runs: number, bytesOf: (t: T) => Buffer, ok: (t: T) => boolean, viaPath = false,
): Promise<void> {
  const tally = new Tally(`backup reader, ${label}`);
  tallies.push(tally);
  try {
    await fc.assert(
      fc.asyncProperty(arb, secret, async (t, which) => {
        const bytes = bytesOf(t);
        const path = join(dir, 'case.gbak');
        if (viaPath) writeFileSync(path, bytes);
        dog.enter(`${label}: ${bytes.length} bytes`);
        try {
          const v = await verdict(viaPath ? path : bytes, which);
          tally.count(v);
          // Only the untouched file with the right secret reads back.
          if (v === 'ok' && (which === 'wrong' || !ok(t))) throw new Error('a damaged backup, or a wrong passphrase, was read back');
        } finally {
          dog.leave();
        }
      }),
      fuzzParams(runs),
    );
  } finally {
    tally.finish();
  }
}

describe('the backup reader', () => {
  it('reads the backup it is fuzzed from', async () => {
    expect(await verdict(file, 'passphrase')).toBe('ok');
    expect(await verdict(file, 'key')).toBe('ok');
    expect(await verdict(file, 'wrong')).toBe('backup_wrong_passphrase');
    // The re-hashing below rebuilds the very file from an unedited header: its edits are what is refused.
    expect(rehashed(header, body).equals(file)).toBe(true);
  });

  it('refuses byte damage with a typed error', async () => {
    await property('byte damage', byteEdits, 1_000, (edits) => applyEdits(file, edits), (edits) => applyEdits(file, edits).equals(file));
  }, fuzzTimeout());

  it('refuses headers edited and re-hashed, over the same chunks', async () => {
    const build = ([edited, keepBody]: [unknown, boolean]) => rehashed(edited, keepBody ? body : body.subarray(0, body.length >> 1));
    // A mutation can give the header back unchanged (format replaced by 1): then the file is the original.
    await property('re-hashed headers', fc.tuple(mutationsOf(header), fc.boolean()), 500, build, (t) => build(t).equals(file));
  }, fuzzTimeout());

  it('refuses random bytes, bare or behind the magic line', async () => {
    await property('random bytes', fc.tuple(junkBytes, fc.boolean()), 500, ([junk, magic]) => (magic ? Buffer.concat([Buffer.from(MAGIC_LINE), junk]) : junk), () => false);
  }, fuzzTimeout());

  it('reads a file by path as it reads its bytes', async () => {
    await property('files by path', byteEdits, 100, (edits) => applyEdits(file, edits), (edits) => applyEdits(file, edits).equals(file), true);
  }, fuzzTimeout());
});

describe('backups.inspect through the router', () => {
  it('answers a granted damaged backup with a typed refusal and changes nothing', async () => {
    const template = await Template.build(async () => undefined);
    const target = new RouterTarget(template.file, 'armoury');
    const tally = new Tally('backups.inspect, damaged files');
    tallies.push(tally);
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(byteEdits, fc.constantFrom(PASSPHRASE, 'pas la bonne phrase'), async (edits, passphrase) => {
          const path = join(dir, `case-${++n}.gbak`);
          writeFileSync(path, applyEdits(file, edits));
          try {
            const r = await target.call(dog, 'backups.inspect', { path, passphrase }, TIMEOUT_MS, (app) => app.app.grantBackupPaths([path]));
            tally.count(outcome(r));
          } finally {
            rmSync(path, { force: true });
          }
        }),
        fuzzParams(150),
      );
    } finally {
      tally.finish();
      target.dispose();
      template.dispose();
    }
  }, fuzzTimeout());
});
