import { existingDatabasePath, parseOptions } from './args';
import type { Command } from './command';
import { CliError, EXIT_OK } from './errors';
import { int, pairs } from './format';
import { openReadOnly, readArmoury, storedHead } from './inspect';

const NAME = 'head';

const USAGE = `Usage: npm run cli -- head --db FILE

Prints the journal head (last seq and its SHA-256) as stored, to match a printed inventory or a
snapshot against the record. It does not re-hash the chain: run verify for that.`;

async function run(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, { db: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath(NAME, values);
  const db = openReadOnly(path);
  try {
    const head = storedHead(db);
    if (!head) throw new CliError(`${path} holds no Gardien journal`);
    const armoury = readArmoury(db);
    console.log(
      pairs([
        ['Armoury', armoury ? `${armoury.code}, ${armoury.name}` : '(none)'],
        ['Events', int(head.events)],
        ['Head seq', String(head.seq)],
        ['Head hash', head.hash || '(empty journal)'],
        ['Last event', head.at || '-'],
      ]),
    );
  } finally {
    db.close();
  }
  return EXIT_OK;
}

export const headCommand: Command = { name: NAME, summary: 'print the journal head (seq and hash) as stored', usage: USAGE, run };
