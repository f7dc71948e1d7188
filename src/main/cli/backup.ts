import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PASSPHRASE_MAX, PASSPHRASE_MIN, type BackupContents } from '../../shared/domain/backup';
import { deriveKey, KDF_DEFAULT, SALT_BYTES } from '../core/backup/format';
import { loadKey, type BackupKey } from '../core/backup/key';
import { commitRestore, discardRestore, prepareRestore, type CurrentDatabase } from '../core/backup/restore';
import { runBackup } from '../core/backup/service';
import { openDatabase, closeDatabase } from '../core/db/open';
import { Store } from '../core/store';
import { existingDatabasePath, integerOption, optionalString, parseOptions, requireString } from './args';
import type { Command } from './command';
import { CliError, EXIT_OK, UsageError } from './errors';
import { bytes, duration, int, pairs } from './format';
import { Progress } from './progress';

const BACKUP_USAGE = `Usage:
  npm run cli -- backup --db FILE --out FOLDER [--passphrase-env VAR] [--keep N]

Writes an encrypted, verified backup of the database into FOLDER (docs/backup-format.md), named
ARMOURY-yyyymmdd-hhmmss.gbak, and records it in the journal (backup.made). The copy is taken with
SQLite's backup API, checked (integrity, hash chain), encrypted, written under a temporary name,
synced, renamed, then read back and decrypted before it counts: the file is good or absent.

The key: with --passphrase-env, the passphrase in that environment variable (at least
${PASSPHRASE_MIN} characters); without it, the key a manager set in the app, else the passphrase
typed twice on the terminal. --keep N deletes this armoury's oldest backups in FOLDER beyond N
(only files named and headed as this armoury's); without it nothing is deleted.
Exit codes: 0 written and verified, 1 failure, 2 wrong command line.`;

const RESTORE_USAGE = `Usage:
  npm run cli -- restore --db FILE BACKUP.gbak [--passphrase-env VAR] [--check] [--allow-other-armoury]

Decrypts and verifies a backup (integrity, hash chain, replay of the journal against every
projection), prints what it holds, then puts it in place of FILE. The current FILE (and its
-wal/-shm) is kept aside as NAME.before-restore-yyyymmdd-hhmmss.sqlite, never overwritten or
deleted; FILE may be absent (a new PC). Close Gardien first.
The passphrase: from the environment variable VAR, else typed on the terminal.
--check         verify and print only; FILE is not touched.
--allow-other-armoury  restore a backup of another armoury's code over FILE.
Exit codes: 0 restored (or valid with --check), 1 refused or failed (FILE unchanged), 2 wrong command line.`;

/** A passphrase from an environment variable, or typed without echo on the terminal. */
async function passphraseFrom(command: string, envName: string | undefined, confirm: boolean): Promise<string> {
  if (envName !== undefined) {
    const value = process.env[envName];
    if (value === undefined || value === '') throw new UsageError(`the environment variable ${envName} is not set`, command);
    return value;
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw new UsageError('no passphrase: use --passphrase-env VAR or run this command in a terminal', command);
  const first = await askHidden('Backup passphrase: ');
  if (confirm && (await askHidden('Repeat the passphrase: ')) !== first) throw new CliError('the two passphrases differ');
  return first;
}

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise<string>((resolvePromise, reject) => {
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new CliError('cancelled'));
    });
    rl.question(question, (answer) => {
      muted = false;
      rl.close();
      process.stderr.write('\n');
      resolvePromise(answer);
    });
    muted = true;
  });
}

function checkNewPassphrase(command: string, passphrase: string): void {
  if (passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) {
    throw new UsageError(`the passphrase must be ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters`, command);
  }
}

async function backupRun(argv: string[]): Promise<number> {
  const values = parseOptions('backup', argv, { db: { type: 'string' }, out: { type: 'string' }, 'passphrase-env': { type: 'string' }, keep: { type: 'string' } });
  if (values.help) {
    console.log(BACKUP_USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath('backup', values);
  const folder = resolve(requireString('backup', values, 'out'));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`folder does not exist: ${folder}`, 'backup');
  const keep = values.keep === undefined ? null : integerOption('backup', values, 'keep', 10, 1, 365);
  const envName = optionalString(values, 'passphrase-env');
  const store = Store.open(path);
  const progress = new Progress('backing up');
  try {
    let key: BackupKey | null = envName === undefined ? loadKey(store.s) : null;
    if (!key) {
      const passphrase = await passphraseFrom('backup', envName, true);
      checkNewPassphrase('backup', passphrase);
      const kdf = { ...KDF_DEFAULT, salt: randomBytes(SALT_BYTES) };
      key = { key: deriveKey(passphrase, kdf), kdf };
    }
    const s = await runBackup(store, () => new Date(), {
      reason: 'manual', folder, key, keep, step: (done, total, item) => progress.update(done, total, item),
    });
    progress.end();
    console.log(
      pairs([
        ['File', join(folder, s.fileName)],
        ['Head', `seq ${s.headSeq} ${s.headHash}`],
        ['Weapons', int(s.weapons)],
        ['Size', `${bytes(s.size)} (${int(s.size)} bytes)`],
        ['File SHA-256', s.sha256],
        ['Verified', 'read back and decrypted to the checked copy'],
        ['Rotated', s.rotated.length ? s.rotated.join(', ') : 'none'],
        ['Time', duration(s.durationMs)],
      ]),
    );
  } finally {
    progress.end();
    store.close();
  }
  return EXIT_OK;
}

/** The database a restore would replace: its code and head, or null when absent or unreadable. */
function currentOf(path: string): CurrentDatabase | null {
  if (!existsSync(path)) return null;
  try {
    const db = openDatabase(path, { readonly: true });
    try {
      const row = db.prepare('SELECT code FROM armoury WHERE id = 1').get() as { code: string } | undefined;
      const head = db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
      return row ? { code: row.code, headSeq: head.seq ?? 0 } : null;
    } finally {
      closeDatabase(db);
    }
  } catch (error) {
    console.error(`warning: the current database cannot be read (${error instanceof Error ? error.message : String(error)}): it will be kept aside as it is`);
    return null;
  }
}

export function describeContents(c: BackupContents): [string, string][] {
  return [
    ['Armoury', `${c.armouryCode}, ${c.armouryName} (${c.kind})`],
    ['Created', `${c.createdAt} (${c.reason})`],
    ['Head', `seq ${c.headSeq} ${c.headHash}`],
    ['Events', int(c.events)],
    ['Weapons', int(c.weapons)],
    ['Schema', String(c.schemaVersion)],
    ['Database', `${bytes(c.databaseSize)} in a ${bytes(c.size)} file`],
    ['Current head', c.currentHeadSeq === null ? 'no current database' : `seq ${c.currentHeadSeq}${c.sameArmoury ? '' : ' (another armoury)'}`],
  ];
}

async function restoreRun(argv: string[]): Promise<number> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, 'passphrase-env': { type: 'string' }, check: { type: 'boolean' }, 'allow-other-armoury': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true, strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error), 'restore');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(RESTORE_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one BACKUP file', 'restore');
  const dbPath = resolve(requireString('restore', values, 'db'));
  if (!existsSync(dirname(dbPath))) throw new UsageError(`folder does not exist: ${dirname(dbPath)}`, 'restore');
  if (existsSync(dbPath) && !statSync(dbPath).isFile()) throw new CliError(`not a file: ${dbPath}`);
  const backupPath = resolve(positionals[0] ?? '');
  const passphrase = await passphraseFrom('restore', optionalString(values, 'passphrase-env'), false);
  const started = performance.now();
  const progress = new Progress('verifying');
  const prepared = await prepareRestore(backupPath, passphrase, {
    dbPath, current: currentOf(dbPath), replay: true, allowOtherArmoury: values['allow-other-armoury'] === true,
    step: (done, total) => progress.update(done, total),
  });
  progress.end();
  console.log(pairs(describeContents(prepared.contents)));
  if (values.check === true) {
    discardRestore(prepared);
    console.log('valid: nothing restored (--check)');
    return EXIT_OK;
  }
  let keptAside: string | null;
  try {
    keptAside = commitRestore(prepared, dbPath, new Date());
  } catch (error) {
    discardRestore(prepared);
    throw error;
  }
  console.log(pairs([
    ['Restored to', dbPath],
    ['Kept aside', keptAside ? join(dirname(dbPath), keptAside) : 'nothing (there was no database)'],
    ['Time', duration(performance.now() - started)],
  ]));
  return EXIT_OK;
}

export const backupCommand: Command = { name: 'backup', summary: 'write an encrypted, verified backup of the database', usage: BACKUP_USAGE, run: backupRun };
export const restoreCommand: Command = { name: 'restore', summary: 'verify a backup and put it in place (the current file kept aside)', usage: RESTORE_USAGE, run: restoreRun };
