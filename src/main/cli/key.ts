import { signingKeys } from '../core/snapshot/keys';
import { Store } from '../core/store';
import type { SigningKeyInfo } from '../../shared/contract/snapshot';
import { existingDatabasePath, parseOptions } from './args';
import type { Command } from './command';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { pairs } from './format';
import { readArmoury } from './inspect';

const NAME = 'key';

const USAGE = `Usage: npm run cli -- key show --db FILE [--line]

Prints the armoury's public signing key as minisign's public key file (an untrusted comment line
and the key line that "minisign -P" takes), then its key id and fingerprint (what the key
registration certificate shows and the commission types). "minisign -p" reads the whole output
as a .pub file. With --line, prints only the key line.

An armoury created before signed snapshots gets its key here, as when Gardien opens it.`;

function describe(label: string, k: SigningKeyInfo): [string, string][] {
  return [
    [label, k.publicKey],
    ['Key id', k.keyId],
    ['Fingerprint', k.fingerprint],
    ['Since', `seq ${k.createdSeq}, ${k.createdAt}`],
  ];
}

async function run(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    console.log(USAGE);
    return verb === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (verb !== 'show') throw new UsageError(`unknown key command "${verb}" (known: show)`, NAME);
  const values = parseOptions(NAME, rest, { db: { type: 'string' }, line: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath(NAME, values);
  const store = Store.open(path);
  try {
    const keys = signingKeys(store);
    if (values.line) {
      console.log(keys.current.publicKey);
      return EXIT_OK;
    }
    const armoury = readArmoury(store.db);
    process.stdout.write(keys.current.publicKeyFile);
    console.log('');
    const rows: [string, string][] = [['Armoury', armoury ? `${armoury.code}, ${armoury.name}` : '(none)'], ...describe('Public key', keys.current)];
    if (keys.next) rows.push(...describe('Next key', keys.next).map(([l, v]): [string, string] => [l === 'Next key' ? l : `  ${l}`, v]));
    console.log(pairs(rows));
    if (keys.next) console.log('\nThe next key is announced by the next snapshot and signs the ones after it.');
  } finally {
    store.close();
  }
  return EXIT_OK;
}

export const keyCommand: Command = { name: NAME, summary: "show the armoury's public signing key and its fingerprint", usage: USAGE, run };
