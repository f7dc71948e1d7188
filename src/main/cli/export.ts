import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { exportQuery } from '../../shared/contract/spreadsheet';
import { LANGUAGES, type Language } from '../../shared/domain/enums';
import { EXPORT_KINDS, type ExportFormat } from '../../shared/domain/spreadsheet';
import { LATEST_VERSION } from '../core/db/migrations';
import { schemaVersion } from '../core/db/open';
import { openExport } from '../core/spreadsheet/export/job';
import { Store } from '../core/store';
import { existingDatabasePath, optionalString, parseOptions, requireString } from './args';
import type { Command } from './command';
import { CliError, EXIT_OK, UsageError } from './errors';
import { duration, int, pairs } from './format';
import { Progress } from './progress';

const NAME = 'export';

const USAGE = `Usage: npm run cli -- export --db FILE --kind KIND --out FILE.csv|FILE.xlsx [options]

Writes the rows of one register as a spreadsheet, as the app's export buttons do: headers and
coded values (type, agency, status…) in the chosen language, dates as dates, serial numbers and
codes as text. The format follows the extension of --out. The file is written under a temporary
name, synced, then renamed over --out: it is complete or absent. The database is only read.

KIND        weapons | officers | lots | movements | issues
--lang      fr | en: language of the headers and values (default: the armoury's). A French CSV
            uses ';' and a decimal comma, an English one ',' and a decimal point.

Filters (the screens' own):
  --search TEXT     weapons (3+ characters of a serial or national code), officers (service
                    number, name or unit), lots (lot number, nature or calibre)
  --status CODE     weapons (in_store, issued, lost…) or officers (active, suspended, left)
  --type CODE       weapons (pistol, assault_rifle…)
  --agency CODE     weapons (police, gendarmerie, customs…)
  --due-only        lots whose inspection is due within 30 days
  --suspended-only  lots suspended or holding suspended rounds
  --from DATE       movements recorded on or after DATE (YYYY-MM-DD)
  --to DATE         movements recorded on or before DATE
  --open-only       issues (vouchers) not yet closed

Exit codes: 0 written, 1 failure, 2 wrong command line.`;

const OPTIONS = {
  db: { type: 'string' },
  kind: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  search: { type: 'string' },
  status: { type: 'string' },
  type: { type: 'string' },
  agency: { type: 'string' },
  'due-only': { type: 'boolean' },
  'suspended-only': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'open-only': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseOptions>;

/** Which filters each kind takes: any other given is a usage error rather than silently ignored. */
const FILTERS: Record<(typeof EXPORT_KINDS)[number], string[]> = {
  weapons: ['search', 'status', 'type', 'agency'],
  officers: ['search', 'status'],
  lots: ['search', 'due-only', 'suspended-only'],
  movements: ['from', 'to'],
  issues: ['open-only'],
};

function query(kind: (typeof EXPORT_KINDS)[number], v: Values): Record<string, unknown> {
  const given = Object.keys(FILTERS).flatMap((k) => FILTERS[k as keyof typeof FILTERS]).filter((f) => v[f] !== undefined);
  const wrong = given.filter((f) => !FILTERS[kind].includes(f));
  if (wrong.length > 0) throw new UsageError(`--${wrong[0]} does not apply to --kind ${kind}`, NAME);
  const text = (name: string) => optionalString(v, name);
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
  switch (kind) {
    case 'weapons':
      return { search: text('search') ?? '', filters: defined({ status: text('status'), type: text('type'), agency: text('agency') }) };
    case 'officers':
      return defined({ search: text('search') ?? '', status: text('status') });
    case 'lots':
      return { search: text('search') ?? '', dueOnly: v['due-only'] === true, suspendedOnly: v['suspended-only'] === true };
    case 'movements':
      return defined({ from: text('from'), to: text('to') });
    case 'issues':
      return { openOnly: v['open-only'] === true };
  }
}

/** The option a refused filter came from, with what it accepts. */
function describeIssue(issue: { path: PropertyKey[]; values?: unknown } | undefined, v: Values): string {
  const option = String(issue?.path.at(-1) ?? 'filter').replace(/Only$/, '-only');
  const given = optionalString(v, option) ?? '';
  const accepted = Array.isArray(issue?.values) ? `one of ${issue.values.join(', ')}` : option === 'from' || option === 'to' ? 'a date as YYYY-MM-DD' : 'a shorter text';
  return `invalid --${option} "${given}": expected ${accepted}`;
}

function target(out: string): { path: string; format: ExportFormat } {
  const path = resolve(out);
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(`--out must end in .csv or .xlsx (got "${out}")`, NAME);
  const parent = dirname(path);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`folder does not exist: ${parent}`, NAME);
  if (existsSync(path) && !statSync(path).isFile()) throw new CliError(`${path} exists and is not a file`);
  return { path, format: ext === '.csv' ? 'csv' : 'xlsx' };
}

async function run(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const kind = requireString(NAME, values, 'kind');
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${EXPORT_KINDS.join(', ')} (got "${kind}")`, NAME);
  const exportKind = kind as (typeof EXPORT_KINDS)[number];
  const lang = optionalString(values, 'lang');
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be fr or en (got "${lang}")`, NAME);
  const parsed = exportQuery.safeParse({ kind: exportKind, query: query(exportKind, values) });
  if (!parsed.success) throw new UsageError(describeIssue(parsed.error.issues[0], values), NAME);
  const { path, format } = target(requireString(NAME, values, 'out'));
  const db = existingDatabasePath(NAME, values);

  const started = performance.now();
  const store = Store.open(db, { readonly: true });
  const progress = new Progress('exporting');
  try {
    const version = schemaVersion(store.db);
    if (version !== LATEST_VERSION) throw new CliError(`${db} is at schema ${version}, this Gardien reads ${LATEST_VERSION}: open it once in the app to upgrade it`);
    const armoury = store.s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: string } | undefined;
    if (armoury?.kind !== 'armoury') throw new CliError(`${db} is not an armoury's database`);
    const job = openExport(store, { ...parsed.data, format }, { now: new Date(), ...(lang ? { language: lang as Language } : {}) });
    try {
      const rows = await job.write(path, (done) => progress.update(done, job.total));
      progress.end();
      console.log(
        pairs([
          ['Rows', int(rows)],
          ['File', path],
          ['Format', `${format.toUpperCase()}, ${job.language === 'fr' ? 'French' : 'English'}`],
          ['Time', duration(performance.now() - started)],
        ]),
      );
    } finally {
      job.close();
    }
  } finally {
    progress.end();
    store.close();
  }
  return EXIT_OK;
}

export const exportCommand: Command = { name: NAME, summary: 'write a register (weapons, officers, lots, movements, issues) as CSV or XLSX', usage: USAGE, run };
