import { existsSync, statSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../core/demo/accounts';
import { createDemoArmoury } from '../core/demo/generate';
import { localToday } from '../../shared/domain/weapon';
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
maintenance, losses, thefts, recoveries and two-person destructions; three ammunition stores with
their licences and a year of movements over a few dozen lots; officers with their authorisations, a
year of issues and returns, a few weapons out now with one overdue, one open discrepancy case, the
key register and a shift handover; quarterly inventories and spot checks, one lot difference
adjusted in the book and one missing weapon found) with three accounts.
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
        ...ammunitionSummary(db),
        ...custodySummary(db),
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

/** Stores and lots, read back from the projections: what the demo's ammunition side holds. */
function ammunitionSummary(db: ReturnType<typeof openReadOnly>): [string, string][] {
  const stores = db.prepare('SELECT code, licence FROM stores ORDER BY code').all() as { code: string; licence: string }[];
  const expiries = stores.map((s) => `${s.code} ${(JSON.parse(s.licence) as { expiry: string }).expiry}`);
  const divisions = db.prepare('SELECT hazard_division AS d, COUNT(*) AS n FROM lots GROUP BY d ORDER BY d').all() as { d: string; n: number }[];
  const lots = divisions.reduce((n, d) => n + d.n, 0);
  const movements = (db.prepare("SELECT COUNT(*) AS n FROM events WHERE type LIKE 'ammo.%'").get() as { n: number }).n;
  const suspended = (
    db.prepare("SELECT COUNT(*) AS n FROM lots l WHERE l.suspended = 1 OR EXISTS (SELECT 1 FROM ammo_balances b WHERE b.lot_id = l.id AND b.condition = 'suspended')").get() as { n: number }
  ).n;
  const overdue = (
    db.prepare("SELECT COUNT(*) AS n FROM lots l WHERE l.suspended = 0 AND l.next_inspection > '' AND l.next_inspection < ? AND EXISTS (SELECT 1 FROM ammo_balances b WHERE b.lot_id = l.id)").get(localToday()) as { n: number }
  ).n;
  return [
    ['Stores', `${int(stores.length)} (licence expiry: ${expiries.join(', ')})`],
    ['Lots', `${int(lots)} (${divisions.map((d) => `${d.d}: ${int(d.n)}`).join(', ')}), ${int(movements)} movements, ${int(overdue)} overdue for inspection, ${int(suspended)} suspended`],
  ];
}

/** Officers, vouchers, weapons out and cases: what the demo's custody side holds. */
function custodySummary(db: ReturnType<typeof openReadOnly>): [string, string][] {
  const n = (sql: string, ...params: string[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const now = new Date().toISOString();
  const out = n('SELECT COUNT(*) AS n FROM custody_out');
  const overdue = n("SELECT COUNT(*) AS n FROM custody_out WHERE kind = 'checkout' AND expected_return < ?", now);
  const cases = n("SELECT COUNT(*) AS n FROM cases WHERE status = 'open'");
  return [
    ['Officers', `${int(n('SELECT COUNT(*) AS n FROM officers'))}, ${int(n('SELECT COUNT(*) AS n FROM officer_authorisations'))} authorisations`],
    ['Custody', `${int(n('SELECT COUNT(*) AS n FROM vouchers'))} vouchers, ${int(out)} weapons out now (${int(overdue)} overdue), ${int(cases)} open discrepancy case${cases === 1 ? '' : 's'}`],
  ];
}

export const demoCommand: Command = { name: NAME, summary: 'create a demo armoury with realistic data', usage: USAGE, run };
