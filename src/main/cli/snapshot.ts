import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportSnapshot } from '../core/snapshot/export';
import { rotateKey } from '../core/snapshot/keys';
import { parsePublicKey } from '../core/snapshot/minisign';
import { openSnapshot, SnapshotRejection, verifySnapshot, type VerifiedSnapshot } from '../core/snapshot/read';
import { LIMITS } from '../core/snapshot/rejection';
import { Store } from '../core/store';
import { existingDatabasePath, parseOptions, requireString } from './args';
import type { Command } from './command';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { bytes, duration, int, pairs } from './format';
import { Progress } from './progress';

const NAME = 'snapshot';

const USAGE = `Usage:
  npm run cli -- snapshot export --db FILE --out PATH [--full]
  npm run cli -- snapshot verify FILE --pubkey KEY
  npm run cli -- snapshot rotate-key --db FILE --reason TEXT

export      Writes a signed snapshot of the armoury (docs/snapshot-format.md) and records it in
            the journal. PATH is a folder (the file is named ARMOURY-NNNNNN.gsnap) or a new file.
            By default the snapshot holds the events since the last export (the first export
            is always full); --full starts again from the first event. The file is written
            under a temporary name, synced, then renamed: it is complete or absent.
verify      Checks a snapshot file against the armoury's public key (KEY: the key line, as
            "minisign -P" takes it, or the path of a minisign .pub file): the archive, the
            signature, SHA256SUMS, the checkpoint, the event chain and the state files.
            Prints "valid" and what the file covers, or "invalid: <reason>: <detail>".
            Exit code 0 only when valid. The database is not needed.
rotate-key  Announces a new signing key (recorded in the journal, in the name of the first
            active manager). The next snapshot, still signed by the current key, carries it;
            the snapshots after it are signed by the new key.`;

async function run(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    console.log(USAGE);
    return verb === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (verb === 'export') return exportVerb(rest);
  if (verb === 'verify') return verifyVerb(rest);
  if (verb === 'rotate-key') return rotateVerb(rest);
  throw new UsageError(`unknown snapshot command "${verb}" (known: export, verify, rotate-key)`, NAME);
}

/** --out: an existing folder, or a new file in an existing folder (never overwritten). */
function destination(out: string): { dir: string } | { outPath: string } {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory()) return { dir: path };
  if (existsSync(path)) throw new CliError(`${path} already exists: choose a folder or a new file name`);
  const parent = dirname(path);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`folder does not exist: ${parent}`, NAME);
  return { outPath: path };
}

async function exportVerb(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, { db: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath(NAME, values);
  const target = destination(requireString(NAME, values, 'out'));
  const started = performance.now();
  const store = Store.open(path);
  const progress = new Progress('exporting');
  try {
    const s = await exportSnapshot(store, { full: values.full === true, ...target, onProgress: (done, total) => progress.update(done, total) });
    progress.end();
    const file = 'dir' in target ? join(target.dir, s.fileName) : target.outPath;
    console.log(
      pairs([
        ['Snapshot', `${s.number} (${s.full ? 'full' : 'since the last export'})`],
        ['File', file],
        ['Events', `${int(s.events)} (seq ${s.fromSeq} to ${s.toSeq})`],
        ['Weapons', int(s.weapons)],
        ['Lots', int(s.lots)],
        ['Head hash', s.head],
        ['File SHA-256', s.fileSha256],
        ['Size', `${bytes(s.size)} (${int(s.size)} bytes)`],
        ['Signed by', `key ${s.keyId}`],
        ['Time', duration(performance.now() - started)],
      ]),
    );
  } finally {
    progress.end();
    store.close();
  }
  return EXIT_OK;
}

/** The key line itself, or a minisign .pub file holding it. */
function publicKeyArgument(value: string): string {
  if (parsePublicKey(value)) return value.trim();
  const path = resolve(value);
  if (existsSync(path) && statSync(path).isFile() && statSync(path).size < 4096) {
    const line = readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .find((l) => parsePublicKey(l) !== null);
    if (line) return line.trim();
    throw new CliError(`${path} holds no minisign public key line`);
  }
  throw new UsageError('--pubkey is neither a minisign public key line (RW…) nor a minisign .pub file', NAME);
}

async function verifyVerb(argv: string[]): Promise<number> {
  let parsed: { values: { pubkey?: string | undefined; help?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { pubkey: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error), NAME);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one snapshot FILE', NAME);
  if (!parsed.values.pubkey) throw new UsageError('missing --pubkey', NAME);
  const key = publicKeyArgument(parsed.values.pubkey);
  const path = resolve(parsed.positionals[0] ?? '');
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`not a file: ${path}`);
  try {
    // Refused before reading: a huge file must not be loaded to be told so.
    const size = statSync(path).size;
    if (size > LIMITS.fileBytes) throw new SnapshotRejection('entry_too_large', `the file is ${size} bytes, more than ${LIMITS.fileBytes}`);
    const v = verifySnapshot(openSnapshot(readFileSync(path)), key);
    console.log('valid');
    console.log(pairs(describeValid(v)));
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof SnapshotRejection)) throw error;
    console.log(`invalid: ${error.reason}: ${error.detail}`);
    return EXIT_FAILURE;
  }
}

function describeValid(v: VerifiedSnapshot): [string, string][] {
  const c = v.checkpoint;
  const rows: [string, string][] = [
    ['Armoury', `${c.armoury}, ${c.name}`],
    ['Snapshot', `${c.snapshot} (${c.full ? 'full' : 'since the previous snapshot'})`],
    ['Seq', `${c.fromSeq} to ${c.toSeq} (${int(v.eventCount)} events)`],
    ['Head', c.head],
    ['First prev', c.firstPrev],
    ['Previous checkpoint', c.previousCheckpoint ?? 'none'],
    ['Created', c.created],
    ['Signed by', `key ${v.keyId}`],
    ['Weapons', v.hasState.weapons ? int(c.weapons) : `${int(c.weapons)} (no state file)`],
    ['Lots', v.hasState.lots ? int(c.lots) : `${int(c.lots)} (no state file)`],
  ];
  if (v.announcedKey) rows.push(['Announces key', `${v.announcedKey.keyId} ${v.announcedKey.publicKey} (fingerprint ${v.announcedKey.fingerprint})`]);
  return rows;
}

async function rotateVerb(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, { db: { type: 'string' }, reason: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath(NAME, values);
  const reason = requireString(NAME, values, 'reason').trim();
  if (reason.length < 3 || reason.length > 300) throw new UsageError('--reason must be 3 to 300 characters', NAME);
  const store = Store.open(path);
  try {
    const manager = store.s.sql("SELECT id FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined;
    if (!manager) throw new CliError('no active manager to record the rotation');
    const keys = rotateKey(store, manager.id, reason);
    const next = keys.next;
    if (!next) throw new Error('the rotation announced no key');
    console.log(
      pairs([
        ['Current key', `${keys.current.keyId} (signs the next snapshot, which announces the new key)`],
        ['New key', next.publicKey],
        ['Key id', next.keyId],
        ['Fingerprint', next.fingerprint],
      ]),
    );
  } finally {
    store.close();
  }
  return EXIT_OK;
}

export const snapshotCommand: Command = { name: NAME, summary: 'export, verify a signed snapshot, or rotate the signing key', usage: USAGE, run };
