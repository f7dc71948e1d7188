import { existsSync, statSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../core/demo/accounts';
import { createDemoArmoury } from '../core/demo/generate';
import { integerOption, newDatabasePath, parseOptions } from './args';
import type { Command } from './command';
import { CliError, EXIT_OK } from './errors';
import { bytes, duration, int, pairs } from './format';
import { openReadOnly, readArmoury, storedHead } from './inspect';
import { Progress } from './progress';

const NAME = 'demo';
const DEFAULT_WEAPONS = 2000;
const MAX_WEAPONS = 1_000_000;

const USAGE = `Usage: npm run cli -- demo --db FILE [--weapons N]

Creates a demo armoury (Sahel makes, models and calibres, several agencies, a history of moves,
maintenance, losses, thefts, recoveries and two-person destructions) with three accounts.
Refuses an existing file.

  --db FILE      database file to create (its folder must exist)
  --weapons N    weapons to register, 1 to ${int(MAX_WEAPONS)} (default: ${int(DEFAULT_WEAPONS)})`;

async function run(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, { db: { type: 'string' }, weapons: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = newDatabasePath(NAME, values);
  const weapons = integerOption(NAME, values, 'weapons', DEFAULT_WEAPONS, 1, MAX_WEAPONS);
  if (existsSync(path)) throw new CliError(`${path} already exists: demo never overwrites a file`);

  const started = performance.now();
  const progress = new Progress('registering weapons');
  try {
    // Built under a temporary name and renamed when complete: a failure leaves no demo behind.
    await createDemoArmoury(path, { weapons, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.end();
  }
  const elapsed = performance.now() - started;

  const db = openReadOnly(path);
  try {
    const armoury = readArmoury(db);
    const head = storedHead(db);
    const count = (db.prepare('SELECT COUNT(*) AS n FROM weapons').get() as { n: number }).n;
    const statuses = db.prepare('SELECT status, n FROM weapon_status_counts WHERE n > 0 ORDER BY n DESC').all() as { status: string; n: number }[];
    console.log(`Created a demo armoury in ${path}`);
    console.log(
      pairs([
        ['Armoury', armoury ? `${armoury.code}, ${armoury.name}` : '?'],
        ['Weapons', `${int(count)} (${statuses.map((s) => `${s.status} ${int(s.n)}`).join(', ')})`],
        ['Events', head ? `${int(head.events)}, head seq ${head.seq}, hash ${head.hash}` : '?'],
        ['Size', bytes(statSync(path).size)],
        ['Time', duration(elapsed)],
        ['Accounts', DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')],
        ['Password', `${DEMO_PASSWORD} (every demo account)`],
      ]),
    );
  } finally {
    db.close();
  }
  return EXIT_OK;
}

export const demoCommand: Command = { name: NAME, summary: 'create a demo armoury with realistic data', usage: USAGE, run };
