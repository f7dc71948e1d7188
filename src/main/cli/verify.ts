import { statSync } from 'node:fs';
import { schemaVersion } from '../core/db/open';
import { LATEST_VERSION } from '../core/db/migrations';
import { verifyDatabase, type VerifyReport } from '../core/journal/verify';
import { existingDatabasePath, parseOptions } from './args';
import type { Command } from './command';
import { EXIT_FAILURE, EXIT_OK } from './errors';
import { bytes, duration, int, pairs } from './format';
import { openReadOnly, readArmoury } from './inspect';
import { Progress } from './progress';

const NAME = 'verify';
/** Above this size integrity_check alone takes seconds: say what is going on. */
const LARGE_FILE = 100 * 1024 * 1024;

const USAGE = `Usage: npm run cli -- verify --db FILE

Checks an armoury database without changing it (opened read-only, never migrated):
SQLite's integrity_check, the hash chain event by event (seq without gaps, each prev = SHA-256
of the previous event's bytes), and a replay of the whole journal compared with the
current-state tables. Prints every problem found; exit code 1 when there is any.`;

async function run(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, { db: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const path = existingDatabasePath(NAME, values);
  const started = performance.now();
  const db = openReadOnly(path);
  let report: VerifyReport;
  let header: [string, string][];
  try {
    const armoury = readArmoury(db);
    header = [
      ['Database', `${path} (${bytes(statSync(path).size)}, schema ${schemaVersion(db)} of ${LATEST_VERSION})`],
      ['Armoury', armoury ? `${armoury.code}, ${armoury.name}` : '(none: setup was never completed)'],
    ];
    const progress = new Progress('verifying');
    const size = statSync(path).size;
    if (size > LARGE_FILE) progress.note(`verifying ${bytes(size)}: integrity_check first, then the chain and the replay`);
    try {
      // verifyDatabase counts both passes over the journal as one total: split it back into phases.
      report = verifyDatabase(db, (done, total) => {
        const events = total / 2;
        if (done <= events) progress.update(done, events, 'checking the chain');
        else progress.update(done - events, events, 'replaying the journal');
      });
    } finally {
      progress.end();
    }
  } finally {
    db.close();
  }
  console.log(pairs([...header, ...summary(report), ['Time', duration(performance.now() - started)]]));
  if (report.problems.length > 0) {
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
    console.log(`\nProblems (${total}${total > report.problems.length ? `, only the first ${report.problems.length} are listed` : ''}):`);
    for (const p of report.problems) console.log(`  - ${p}`);
  }
  console.log(report.ok ? '\nResult: OK' : '\nResult: FAILED');
  return report.ok ? EXIT_OK : EXIT_FAILURE;
}

function summary(report: VerifyReport): [string, string][] {
  const { integrity, guards, chain, replay } = report.counts;
  const count = (n: number, what: string) => `${int(n)} ${what}${n === 1 ? '' : 's'}`;
  return [
    ['Integrity', integrity === 0 ? 'ok' : count(integrity, 'problem')],
    ['Guards', guards === 0 ? 'ok: the journal refuses updates and deletes' : count(guards, 'problem')],
    [
      'Chain',
      `${chain === 0 ? 'ok' : count(chain, 'problem')}: ${count(report.events, 'event')}, head seq ${report.head.seq}, hash ${report.head.hash}`,
    ],
    ['Replay', replay === 0 ? 'ok: the journal rebuilds every projection exactly' : count(replay, 'difference')],
  ];
}

export const verifyCommand: Command = { name: NAME, summary: 'check integrity, the hash chain and the replay of a database', usage: USAGE, run };
