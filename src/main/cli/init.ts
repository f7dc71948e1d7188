import { existsSync } from 'node:fs';
import { createArmoury } from '../core/armoury/setup';
import { createCommission } from '../core/commission/setup';
import { commissionSetupInput } from '../../shared/contract/commission';
import { Store } from '../core/store';
import { armouryIdentity, fullName, newPassword, setupInput, username } from '../../shared/domain/accounts';
import { AGENCIES, LANGUAGES } from '../../shared/domain/enums';
import { issuesToFields, z } from '../../shared/validation';
import { newDatabasePath, optionalString, parseOptions, requireString } from './args';
import type { Command } from './command';
import { CliError, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { describeCoded, fieldErrorLines } from './fields';
import { pairs } from './format';
import { inspectFile } from './inspect';
import { readNewPassword } from './password';

const NAME = 'init';

const USAGE = `Usage: npm run cli -- init --db FILE --armoury CODE --name NAME --agency AGENCY [options]
       npm run cli -- init --commission --db FILE [--armoury CODE] [--name NAME] [--language LANG]
                        [--manager USERNAME] [--manager-name NAME]

Creates an armoury database and its first manager account, or with --commission the national
commission's register (which imports the armouries' snapshots; code default COMMISSION, name
default "Commission nationale" / "National commission"; no agency, no region, no signing key).
The password is read from GARDIEN_PASSWORD, or else asked twice on the terminal (not echoed).
Never overwrites a file that already holds an armoury or a register.

  --db FILE              database file to create (its folder must exist)
  --armoury CODE         armoury code: letters A-Z, digits and "-", 2 to 20 characters
  --name NAME            armoury name
  --agency AGENCY        ${AGENCIES.join(', ')}
  --region REGION        region (default: "Non précisée" / "Not specified")
  --language LANG        ${LANGUAGES.join(' or ')} (default: fr)
  --manager USERNAME     first manager's username (default: admin)
  --manager-name NAME    first manager's full name (default: "Gestionnaire" / "Manager")
  --commission           create the national commission's register instead of an armoury`;

const OPTIONS = {
  db: { type: 'string' },
  armoury: { type: 'string' },
  name: { type: 'string' },
  agency: { type: 'string' },
  region: { type: 'string' },
  language: { type: 'string' },
  manager: { type: 'string' },
  'manager-name': { type: 'string' },
  commission: { type: 'boolean' },
} as const;

// Validated before the password is asked, so a typo in --agency does not cost a password prompt.
const identityInput = z.object({ armoury: armouryIdentity, manager: z.object({ username, fullName }) });

async function run(argv: string[]): Promise<number> {
  const values = parseOptions(NAME, argv, OPTIONS);
  if (values.help) return help();
  const path = newDatabasePath(NAME, values);
  if (values.commission) return initCommission(values, path);
  const language = optionalString(values, 'language') ?? 'fr';
  const raw = {
    armoury: {
      code: requireString(NAME, values, 'armoury'),
      name: requireString(NAME, values, 'name'),
      agency: requireString(NAME, values, 'agency'),
      region: optionalString(values, 'region') ?? (language === 'en' ? 'Not specified' : 'Non précisée'),
      language,
    },
    manager: {
      username: optionalString(values, 'manager') ?? 'admin',
      fullName: optionalString(values, 'manager-name') ?? (language === 'en' ? 'Manager' : 'Gestionnaire'),
    },
  };
  const options = {
    'armoury.code': { option: '--armoury', value: raw.armoury.code },
    'armoury.name': { option: '--name', value: raw.armoury.name },
    'armoury.agency': { option: '--agency', value: raw.armoury.agency, choices: AGENCIES },
    'armoury.region': { option: '--region', value: raw.armoury.region },
    'armoury.language': { option: '--language', value: raw.armoury.language, choices: LANGUAGES },
    'manager.username': { option: '--manager', value: raw.manager.username },
    'manager.fullName': { option: '--manager-name', value: raw.manager.fullName },
    'manager.password': { option: 'password', value: undefined },
    'manager.passwordConfirm': { option: 'password', value: undefined },
  };
  const identity = identityInput.safeParse(raw);
  if (!identity.success) return invalid(fieldErrorLines(issuesToFields(identity.error.issues), options));

  refuseExisting(path);
  const password = await readNewPassword(NAME, (p) => {
    const checked = newPassword.safeParse(p);
    return checked.success ? null : `password ${describeCoded(issuesToFields(checked.error.issues)._ ?? { code: 'invalid' })}`;
  });
  const parsed = setupInput.safeParse({ ...raw, manager: { ...raw.manager, password, passwordConfirm: password } });
  if (!parsed.success) return invalid(fieldErrorLines(issuesToFields(parsed.error.issues), options));

  const store = Store.open(path, { create: true });
  try {
    const managerId = await createArmoury(store, { armoury: parsed.data.armoury, manager: parsed.data.manager });
    const head = store.journal.getHead();
    const a = parsed.data.armoury;
    console.log(`Created armoury ${a.code} in ${path}`);
    console.log(
      pairs([
        ['Armoury', `${a.code}, ${a.name} (${a.agency}, ${a.region}, ${a.language})`],
        ['Manager', `${parsed.data.manager.username}, ${parsed.data.manager.fullName} (user ${managerId})`],
        ['Journal', `head seq ${head.seq}, hash ${head.hash}`],
      ]),
    );
  } finally {
    store.close();
  }
  return EXIT_OK;
}

/** init --commission: the national register, created like an armoury (same accounts, same journal). */
async function initCommission(values: ReturnType<typeof parseOptions>, path: string): Promise<number> {
  for (const option of ['agency', 'region'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to a commission`, NAME);
  }
  const language = optionalString(values, 'language') ?? 'fr';
  const raw = {
    commission: {
      code: optionalString(values, 'armoury') ?? 'COMMISSION',
      name: optionalString(values, 'name') ?? (language === 'en' ? 'National commission' : 'Commission nationale'),
      language,
    },
    manager: {
      username: optionalString(values, 'manager') ?? 'admin',
      fullName: optionalString(values, 'manager-name') ?? (language === 'en' ? 'Manager' : 'Gestionnaire'),
    },
  };
  const options = {
    'commission.code': { option: '--armoury', value: raw.commission.code },
    'commission.name': { option: '--name', value: raw.commission.name },
    'commission.language': { option: '--language', value: raw.commission.language, choices: LANGUAGES },
    'manager.username': { option: '--manager', value: raw.manager.username },
    'manager.fullName': { option: '--manager-name', value: raw.manager.fullName },
    'manager.password': { option: 'password', value: undefined },
    'manager.passwordConfirm': { option: 'password', value: undefined },
  };
  const probe = commissionSetupInput.safeParse({ ...raw, manager: { ...raw.manager, password: 'x'.repeat(12), passwordConfirm: 'x'.repeat(12) } });
  if (!probe.success) return invalid(fieldErrorLines(issuesToFields(probe.error.issues), options));

  refuseExisting(path);
  const password = await readNewPassword(NAME, (p) => {
    const checked = newPassword.safeParse(p);
    return checked.success ? null : `password ${describeCoded(issuesToFields(checked.error.issues)._ ?? { code: 'invalid' })}`;
  });
  const parsed = commissionSetupInput.safeParse({ ...raw, manager: { ...raw.manager, password, passwordConfirm: password } });
  if (!parsed.success) return invalid(fieldErrorLines(issuesToFields(parsed.error.issues), options));

  const store = Store.open(path, { create: true });
  try {
    const managerId = await createCommission(store, parsed.data);
    const c = parsed.data.commission;
    console.log(`Created the national commission's register ${c.code} in ${path}`);
    console.log(
      pairs([
        ['Commission', `${c.code}, ${c.name} (${c.language})`],
        ['Manager', `${parsed.data.manager.username}, ${parsed.data.manager.fullName} (user ${managerId})`],
        ['Journal', `head seq ${store.journal.getHead().seq}, hash ${store.journal.getHead().hash}`],
      ]),
    );
  } finally {
    store.close();
  }
  return EXIT_OK;
}

/** An existing file is accepted only when it is an empty database or a Gardien one without armoury. */
function refuseExisting(path: string): void {
  if (!existsSync(path)) return;
  const found = inspectFile(path);
  if (found.armoury) {
    throw new CliError(`${path} already holds armoury ${found.armoury.code} (${found.armoury.name}): init never overwrites a database`);
  }
  if (found.version === 0 && found.tables > 0) {
    throw new CliError(`${path} is an SQLite database that Gardien did not create: choose another file`);
  }
}

function invalid(lines: string[]): number {
  for (const line of lines) console.error(`error: ${line}`);
  console.error(`(see: npm run cli -- ${NAME} --help)`);
  return EXIT_USAGE;
}

function help(): number {
  console.log(USAGE);
  return EXIT_OK;
}

export const initCommand: Command = { name: NAME, summary: 'create an armoury database and its first manager', usage: USAGE, run };
