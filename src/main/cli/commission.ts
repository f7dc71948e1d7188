import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { alerts } from '../core/commission/alerts';
import { importSnapshots } from '../core/commission/import';
import { enrolArmoury, readPublicKey } from '../core/commission/registry';
import { readSettings } from '../core/armoury/settings';
import { Statements } from '../core/db/statements';
import { AppError } from '../core/errors';
import { Store } from '../core/store';
import { commissionOps } from '../../shared/contract/commission';
import { issuesToFields } from '../../shared/validation';
import { existingDatabasePath, optionalString, parseOptions, requireString } from './args';
import type { Command } from './command';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { fieldErrorLines } from './fields';
import { duration, int, pairs } from './format';
import { openReadOnly } from './inspect';
import { Progress } from './progress';

const NAME = 'commission';

const USAGE = `Usage: npm run cli -- commission <enrol|import|alerts> --db FILE [options]

The national commission's register (a database created with "init --commission").

  commission enrol --db FILE --armoury CODE --pubkey KEY [--name NAME] [--fingerprint FP]
      Enrols an armoury's signing key. KEY is the public key line (what "minisign -P" takes, as
      printed on the key registration certificate) or the path of its .pub file. FP is the
      fingerprint typed from the paper certificate (64 hex digits, spaces ignored): it must match
      the key. Without --fingerprint the key's fingerprint is printed and, on a terminal, you
      confirm it against the certificate; outside a terminal --fingerprint is required.
      --name defaults to the code. Recorded as the database's lowest-numbered active manager.

  commission import --db FILE SNAPSHOT...
      Imports snapshot files (.gsnap), each checked and applied in its own transaction. Prints
      one line per file (accepted, duplicate or rejected with its reason) and a summary. Exit
      code 1 when any file was rejected.

  commission alerts --db FILE
      Lists the register's alerts (weapon held in two armouries, transfer out not answered,
      silent armoury, lost or stolen weapon, rejected import that suggests tampering).`;

async function run(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'enrol':
      return enrol(rest);
    case 'import':
      return importFiles(rest);
    case 'alerts':
      return listAlerts(rest);
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      return verb === undefined ? EXIT_USAGE : EXIT_OK;
    default:
      throw new UsageError(`unknown commission command "${verb}" (enrol, import or alerts)`, NAME);
  }
}

/** Opens a commission's database for writing; an armoury's is refused. */
function openCommission(path: string): Store {
  const store = Store.open(path);
  const kind = store.s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: string } | undefined;
  if (kind?.kind !== 'commission') {
    store.close();
    throw new CliError(`${path} is not a national commission's database${kind ? ' (it holds an armoury)' : ''}: create one with "init --commission"`);
  }
  return store;
}

/** The CLI acts as the trusted local administrator: its writes are recorded as the first active manager. */
function managerId(store: Store): number {
  const row = store.s.sql("SELECT id FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  if (!row) throw new CliError('the database has no active manager');
  return row.id;
}

async function enrol(argv: string[]): Promise<number> {
  const sub = `${NAME} enrol`;
  const values = parseOptions(sub, argv, {
    db: { type: 'string' }, armoury: { type: 'string' }, pubkey: { type: 'string' }, name: { type: 'string' }, fingerprint: { type: 'string' },
  });
  if (values.help) return help();
  const path = existingDatabasePath(sub, values);
  const armoury = requireString(sub, values, 'armoury');
  const keyArg = requireString(sub, values, 'pubkey');
  const publicKey = existsSync(keyArg) && statSync(keyArg).isFile() ? readFileSync(keyArg, 'utf8') : keyArg;
  const key = readPublicKey(publicKey);
  if (!key) throw new CliError('--pubkey is not a minisign public key line (RWQ...) nor a minisign .pub file');
  let fingerprint = optionalString(values, 'fingerprint');
  if (fingerprint === undefined) {
    console.log(pairs([['Key id', key.keyId], ['Fingerprint', key.fingerprint]]));
    if (!process.stdin.isTTY) throw new UsageError('--fingerprint is required outside a terminal (type it from the paper certificate)', sub);
    if (!(await confirm('Does this fingerprint match the paper certificate? Type "yes" to enrol: '))) throw new CliError('not enrolled');
    fingerprint = key.fingerprint;
  }
  const parsed = commissionOps['commission.enrol'].input.safeParse({ armoury, name: optionalString(values, 'name') ?? armoury, publicKey, fingerprint });
  if (!parsed.success) {
    const lines = fieldErrorLines(issuesToFields(parsed.error.issues), {
      armoury: { option: '--armoury', value: armoury }, name: { option: '--name', value: optionalString(values, 'name') },
      publicKey: { option: '--pubkey', value: keyArg }, fingerprint: { option: '--fingerprint', value: fingerprint },
    });
    for (const line of lines) console.error(`error: ${line}`);
    return EXIT_USAGE;
  }
  const store = openCommission(path);
  try {
    const enrolled = enrolArmoury(store, managerId(store), parsed.data);
    console.log(`Enrolled ${enrolled.code} (${enrolled.name})`);
    console.log(pairs([['Key id', key.keyId], ['Fingerprint', key.fingerprint], ['Journal', `head seq ${store.journal.getHead().seq}`]]));
  } catch (error) {
    // A refusal names the field: say which option was wrong.
    if (error instanceof AppError && error.fields) {
      const option = { fingerprint: '--fingerprint', publicKey: '--pubkey', armoury: '--armoury' } as Record<string, string>;
      for (const field of Object.keys(error.fields)) console.error(`error: ${option[field] ?? field}: ${error.message} [${error.code}]`);
      return EXIT_FAILURE;
    }
    throw error;
  } finally {
    store.close();
  }
  return EXIT_OK;
}

function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((done) => {
    rl.question(question, (answer) => {
      rl.close();
      done(answer.trim().toLowerCase() === 'yes');
    });
  });
}

async function importFiles(argv: string[]): Promise<number> {
  const sub = `${NAME} import`;
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error), sub);
  }
  if (parsed.values.help) return help();
  const path = existingDatabasePath(sub, parsed.values);
  if (parsed.positionals.length === 0) throw new UsageError('no snapshot file given', sub);
  const files = parsed.positionals.map((p) => resolve(p));
  const store = openCommission(path);
  const started = performance.now();
  const progress = new Progress('importing');
  let results;
  try {
    results = await importSnapshots(store, files, managerId(store), { onProgress: (done, total, item) => progress.update(done, total, `importing ${item}`) });
  } finally {
    progress.end();
    store.close();
  }
  for (const r of results) {
    const what = r.armoury ? `${r.armoury} #${r.number ?? '?'}` : '-';
    if (r.outcome === 'rejected') console.log(`rejected   ${r.fileName}  ${what}  ${r.reason ?? ''}: ${r.detail}`);
    else console.log(`${r.outcome.padEnd(9)}  ${r.fileName}  ${what}  +${int(r.eventsAdded)} events, ${int(r.weapons)} weapons`);
  }
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  console.log(
    `\n${int(results.length)} file(s): ${count('accepted')} accepted, ${count('duplicate')} duplicate, ${count('rejected')} rejected (${duration(performance.now() - started)})`,
  );
  return count('rejected') > 0 ? EXIT_FAILURE : EXIT_OK;
}

async function listAlerts(argv: string[]): Promise<number> {
  const sub = `${NAME} alerts`;
  const values = parseOptions(sub, argv, { db: { type: 'string' } });
  if (values.help) return help();
  const path = existingDatabasePath(sub, values);
  const db = openReadOnly(path);
  try {
    const s = new Statements(db);
    const kind = s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: string } | undefined;
    if (kind?.kind !== 'commission') throw new CliError(`${path} is not a national commission's database`);
    const list = alerts(s, readSettings(s), new Date());
    for (const a of list) {
      const params = Object.entries(a.params).map(([k, v]) => `${k}=${v}`).join(' ');
      console.log(`${a.kind.padEnd(23)}  ${(a.armoury || '-').padEnd(12)}  ${a.subject}  since ${a.since}${params ? `  ${params}` : ''}`);
    }
    console.log(`${int(list.length)} alert(s)`);
  } finally {
    db.close();
  }
  return EXIT_OK;
}

function help(): number {
  console.log(USAGE);
  return EXIT_OK;
}

export const commissionCommand: Command = { name: NAME, summary: 'national commission: enrol armoury keys, import snapshots, alerts', usage: USAGE, run };
