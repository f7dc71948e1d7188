import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileHash } from './support/db';
import { writeCsv } from './support/spreadsheet-files';
import { WEAPON_HEADERS, weaponLine, weaponRegister } from './support/spreadsheet-registers';

// The CLI runs as a child process, exactly as `npm run cli` does (tsx over the sources).
const root = resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = root): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, GARDIEN_PASSWORD: 'correct horse battery' };
  delete env.GARDIEN_DEBUG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli.ts'), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** "Label  value" of a CLI summary line. */
function field(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${label} `));
  return line?.slice(label.length).trim() ?? '';
}

let dir: string;
let template: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gardien-cli-import-'));
  template = join(dir, 'template.sqlite');
  const r = cli(['init', '--db', template, '--armoury', 'ML-KYS-02', '--name', 'Armurerie de Kayes', '--agency', 'police', '--manager', 'capitaine']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
beforeEach(() => {
  db = join(dir, `armoury-${++n}.sqlite`);
  writeFileSync(db, readFileSync(template));
});

/** Eight weapons; row 2 has a type word no vocabulary knows, row 4 no serial. */
function register(name: string, prefix: string): string {
  const rows = weaponRegister(8, prefix);
  (rows[4] ?? [])[4] = 'MAS 36';
  (rows[6] ?? [])[1] = '';
  const path = join(dir, name);
  writeCsv(path, rows, { encoding: 'windows-1252' });
  return path;
}

const weapons = (path: string) => {
  const d = new Database(path, { readonly: true });
  try {
    return d.prepare('SELECT national_code AS code, serial, type FROM weapons ORDER BY id').all() as { code: string; serial: string; type: string }[];
  } finally {
    d.close();
  }
};

describe('cli import', () => {
  it('refuses a register with invalid rows, printing them and the report written next to the file (exit 1)', () => {
    const path = register('registre-a.csv', 'CA');
    const r = cli(['import', '--db', db, '--kind', 'weapons', path]);
    expect(r.code, r.stderr).toBe(1);
    expect(field(r.stdout, 'File')).toBe(`registre-a.csv (1.71 KiB, CSV, windows-1252, separator ";")`);
    expect(field(r.stdout, 'SHA-256')).toBe(fileHash(path));
    expect(field(r.stdout, 'Header row')).toBe(`line 3: ${WEAPON_HEADERS.join(' | ')}`);
    expect(field(r.stdout, 'Mapping')).toBe('detected from the headers');
    expect([field(r.stdout, 'Rows'), field(r.stdout, 'Valid'), field(r.stdout, 'Invalid')]).toEqual(['8', '6', '2']);
    expect(r.stdout).toContain(`line ${weaponLine(1)}, column E (Type d’arme): Type:`);
    expect(r.stdout).toContain(`line ${weaponLine(3)}, column B (N° de série): Manufacturer serial number: This field is required.`);
    const report = field(r.stdout, 'Error report');
    expect(report.startsWith(join(dir, 'registre-a-errors-'))).toBe(true);
    expect(existsSync(report)).toBe(true);
    // The armoury is French: so is the report.
    expect(readFileSync(report, 'utf8').split('\r\n')[0]).toBe('\uFEFF"Ligne";"Colonne";"En-tête dans le fichier";"Champ";"Erreur";"Valeur dans le fichier"');
    expect(weapons(db)).toEqual([]);
  });

  it('imports the valid rows with --skip-invalid (exit 0)', () => {
    const path = register('registre-b.csv', 'CB');
    const r = cli(['import', '--db', db, '--kind', 'weapons', path, '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect([field(r.stdout, 'Imported'), field(r.stdout, 'Skipped')]).toEqual(['6', '2']);
    expect(field(r.stdout, 'Recorded as')).toBe('capitaine');
    expect(weapons(db).map((w) => w.code)).toEqual(['ML-PN-CB000001', 'ML-PN-CB000003', 'ML-PN-CB000005', 'ML-PN-CB000006', 'ML-PN-CB000007', 'ML-PN-CB000008']);
    // Imported again: every row is now in the register.
    const again = cli(['import', '--db', db, '--kind', 'weapons', path, '--skip-invalid']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('import_has_errors');
  });

  it('takes a mapping file naming columns by index, with a value read by hand', () => {
    const path = register('registre-c.csv', 'CC');
    const mapping = join(dir, 'mapping-index.json');
    const columns = { nationalCode: 0, serial: 1, manufacturer: 2, model: 3, type: 4, calibre: 5, countryOfManufacture: 6, markingLocation: 8, agency: 9, acquisitionDate: 11, acquisitionMode: 12 };
    writeFileSync(mapping, JSON.stringify({ headerRow: 1, columns, constants: { condition: 'repairable' }, values: { type: { 'MAS 36': 'rifle' } } }));
    const r = cli(['import', '--db', db, '--kind', 'weapons', path, '--mapping', mapping, '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(r.stdout, 'Mapping')).toBe('from mapping-index.json');
    expect(r.stdout).toContain('type                       "MAS 36" read as "rifle"');
    expect([field(r.stdout, 'Imported'), field(r.stdout, 'Skipped')]).toEqual(['7', '1']);
    expect(weapons(db)[1]).toEqual({ code: 'ML-PN-CC000002', serial: '00000002', type: 'rifle' });
  });

  it('takes a mapping file naming columns by their headers, and names a header the file does not have', () => {
    const path = register('registre-d.csv', 'CD');
    const byName = join(dir, 'mapping-names.json');
    const columns = {
      nationalCode: 'N° national', serial: 'n° de SERIE', manufacturer: 'Marque', model: 'Modèle', type: 'Type d’arme', calibre: 'Calibre',
      countryOfManufacture: 'Pays de fabrication', markingLocation: 'Emplacement du marquage', agency: 'Service', acquisitionDate: 'Date d’acquisition',
      acquisitionMode: 'Mode d’acquisition',
    };
    writeFileSync(byName, JSON.stringify({ columns, values: { type: { 'MAS 36': 'carbine' } } }));
    const r = cli(['import', '--db', db, '--kind', 'weapons', path, '--mapping', byName, '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('serial                     <- column B "N° de série"');
    expect(weapons(db)[1]?.type).toBe('carbine');

    const wrong = join(dir, 'mapping-wrong.json');
    writeFileSync(wrong, JSON.stringify({ columns: { ...columns, serial: 'Numéro fabricant' } }));
    const bad = cli(['import', '--db', db, '--kind', 'weapons', path, '--mapping', wrong]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('field "serial" names the column "Numéro fabricant", which is not a header of the file');
  });

  it('refuses a mapping that does not fit the file and a file that is not a spreadsheet (exit 1)', () => {
    const path = register('registre-e.csv', 'CE');
    const partial = join(dir, 'mapping-partial.json');
    writeFileSync(partial, JSON.stringify({ columns: { nationalCode: 0 }, constants: { agency: 'pompiers' } }));
    const r = cli(['import', '--db', db, '--kind', 'weapons', path, '--mapping', partial]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the mapping does not fit the file');
    expect(r.stderr).toMatch(/agency: “pompiers” is not a known value/);
    expect(r.stderr).toMatch(/serial: Choose a column or a value for every row\./);
    const binary = join(dir, 'photo.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]));
    const notCsv = cli(['import', '--db', db, '--kind', 'weapons', binary]);
    expect(notCsv.code).toBe(1);
    expect(notCsv.stderr).toMatch(/^error: .*photo\.csv.* \[spreadsheet_/m);
    expect(weapons(db)).toEqual([]);
  });

  it('answers a wrong command line with exit 2, and an unknown --user with exit 1', () => {
    const path = register('registre-f.csv', 'CF');
    expect(cli(['import', '--db', db, path]).code).toBe(2);
    expect(cli(['import', '--db', db, '--kind', 'guns', path]).stderr).toContain('--kind must be one of weapons, officers, lots');
    expect(cli(['import', '--db', db, '--kind', 'weapons']).code).toBe(2);
    expect(cli(['import', '--db', db, '--kind', 'weapons', path, '--colour', 'red']).code).toBe(2);
    const user = cli(['import', '--db', db, '--kind', 'weapons', path, '--user', 'personne']);
    expect(user.code).toBe(1);
    expect(user.stderr).toContain('no account "personne"');
    expect(readdirSync(dir).filter((f) => f.startsWith('registre-f-errors-'))).toEqual([]);
  });
});
