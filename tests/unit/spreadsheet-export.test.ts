import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { csvStyle, csvValue } from '../../src/main/core/spreadsheet/export/csv';
import type { CellValue } from '../../src/main/core/spreadsheet/export/columns';
import { writeSheet } from '../../src/main/core/spreadsheet/export/job';
import { localDateTime } from '../../src/main/core/spreadsheet/export/time';
import { translator } from '../../src/main/core/i18n';
import { WEAPON_FIELD_NAMES, type WeaponFieldsInput, type WeaponRecord } from '../../src/shared/domain/weapon';
import { addStaff, ARMOURY, disposeHarnesses, scratchDir, type Harness, Template } from './support/harness';
import { weaponInput } from './support/weapons';

/** Serials a spreadsheet would evaluate or mangle, each on a weapon of its own. */
const AWKWARD: Partial<WeaponFieldsInput>[] = [
  { serial: '=HYPERLINK("http://exemple.test";"clic")', notes: 'Dit "le vieux", culasse d’origine' },
  { serial: '+33612345678', markingLocation: '@canon, côté droit' },
  { serial: '-0012', manufacturer: 'Manufacture d’armes de Saint-Étienne', countryOfManufacture: 'FR' },
  { serial: '@x', importCountry: 'BE', importYear: 2001, importer: 'Société Générale d’Armement', marksIllegible: true, markingDate: '2020-01-15' },
  { serial: '007', type: 'pistol', agency: 'water_forestry', acquisitionMode: 'seizure', yearOfManufacture: null },
];

let template: Template;

beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
    for (const w of AWKWARD) await h.ok('weapons.register', weaponInput(w));
    for (let i = 0; i < 3; i++) await h.ok('weapons.register', weaponInput());
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function manager(): Promise<Harness> {
  const h = template.copy();
  await h.login('manager');
  return h;
}

/** Every weapon's full record, in registration order (the export's default order). */
async function records(h: Harness): Promise<WeaponRecord[]> {
  const page = await h.ok('weapons.list', { limit: 500 });
  return Promise.all(page.rows.map(async (r) => (await h.ok('weapons.get', { id: r.id })).weapon));
}

const exportsDir = (h: Harness) => join(h.dir, 'exports');

/** Splits a CSV written by the exporter: every cell quoted, no newline inside a cell. */
function csvRows(text: string, separator: string): string[][] {
  const cell = '"((?:[^"]|"")*)"';
  const line = new RegExp(`^${cell}(?:${separator}${cell})*$`);
  return text
    .split('\r\n')
    .slice(0, -1)
    .map((l) => {
      expect(l, 'a line of quoted cells').toMatch(line);
      return [...l.matchAll(new RegExp(`${cell}(?:${separator}|$)`, 'g'))].map((m) => (m[1] ?? '').replace(/""/g, '"'));
    });
}

function readCsv(h: Harness, fileName: string) {
  const bytes = readFileSync(join(exportsDir(h), fileName));
  const text = bytes.subarray(3).toString('utf8');
  return { bytes, text };
}

describe('CSV', () => {
  it('in French: BOM, ";" between quoted cells, CRLF, the form’s labels, codes as labels, neutralised formulas', async () => {
    const h = await manager();
    const result = await h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'csv' });
    expect(result.fileName).toMatch(new RegExp(`^registre-des-armes-${ARMOURY.code}-\\d{8}-\\d{4}\\.csv$`));
    const { bytes, text } = readCsv(h, result.fileName);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = csvRows(text, ';');
    const list = await records(h);
    expect(result.rows).toBe(list.length);
    expect(rows).toHaveLength(list.length + 1);

    const t = translator('fr');
    const header = rows[0] ?? [];
    expect(header).toEqual([...WEAPON_FIELD_NAMES.map((f) => t(`register:field.${f}`)), t('register:field.status'), t('sheets:export.column.registeredAt')]);
    const col = (field: string) => header.indexOf(t(`register:field.${field}`));

    for (const [i, w] of list.entries()) {
      const row = rows[i + 1] ?? [];
      const neutral = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
      expect(row[col('nationalCode')]).toBe(w.nationalCode);
      expect(row[col('serial')]).toBe(neutral(w.serial));
      expect(row[col('manufacturer')]).toBe(w.manufacturer);
      expect(row[col('markingLocation')]).toBe(neutral(w.markingLocation));
      expect(row[col('type')]).toBe(t(`register:type.${w.type}`));
      expect(row[col('agency')]).toBe(t(`enums:agency.${w.agency}`));
      expect(row[col('acquisitionMode')]).toBe(t(`register:acquisitionMode.${w.acquisitionMode}`));
      expect(row[col('countryOfManufacture')]).toBe(w.countryOfManufacture);
      expect(row[col('yearOfManufacture')]).toBe(w.yearOfManufacture === null ? '' : String(w.yearOfManufacture));
      expect(row[col('acquisitionDate')]).toBe(w.acquisitionDate);
      expect(row[col('marksIllegible')]).toBe(w.marksIllegible ? 'Oui' : 'Non');
      expect(row[col('notes')]).toBe(w.notes);
      expect(row[col('status')]).toBe(t(`register:status.${w.status}`));
      expect(row.at(-1)).toBe(localDateTime(w.registeredAt));
    }
    // The raw bytes: quotes doubled, the apostrophe inside the quotes, before the formula.
    expect(text).toContain(`"'=HYPERLINK(""http://exemple.test"";""clic"")"`);
    expect(text).toContain(`"'+33612345678"`);
    expect(text).toContain(`"'-0012"`);
    expect(text).toContain(`"'@x"`);
    expect(text).toContain(`"'@canon, côté droit"`);
    expect(text).toContain('"007"');
    expect(text).toContain('"Fusil d’assaut"');
  });

  it('in English (the user’s language): "," between cells and English labels', async () => {
    const h = await manager();
    await h.ok('auth.setLanguage', { language: 'en' });
    const result = await h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'csv' });
    expect(result.fileName).toMatch(new RegExp(`^weapons-register-${ARMOURY.code}-\\d{8}-\\d{4}\\.csv$`));
    const rows = csvRows(readCsv(h, result.fileName).text, ',');
    const t = translator('en');
    expect(rows[0]?.slice(0, 3)).toEqual([t('register:field.nationalCode'), t('register:field.serial'), t('register:field.manufacturer')]);
    expect(rows.flat()).toContain('Assault rifle');
    expect(rows.flat()).toContain('Water and Forestry');
    expect(rows.flat()).not.toContain('Fusil d’assaut');
  });

  it('neutralises text starting with = + - @ tab or CR; numbers stay numbers, with a decimal comma in French', () => {
    const fr = csvStyle('fr');
    const en = csvStyle('en');
    expect(csvValue('\t=1+1', 'text', fr)).toBe(`"'\t=1+1"`);
    expect(csvValue('\r=1+1', 'text', fr)).toBe(`"'\r=1+1"`);
    expect(csvValue('=1+1', 'code', en)).toBe(`"'=1+1"`);
    expect(csvValue('-x', 'text', en)).toBe(`"'-x"`);
    expect(csvValue('a=b', 'text', en)).toBe('"a=b"');
    expect(csvValue(-5, 'integer', fr)).toBe('"-5"');
    expect(csvValue(0.001, 'decimal', fr)).toBe('"0,001"');
    expect(csvValue(0.001, 'decimal', en)).toBe('"0.001"');
    expect(csvValue(1e-7, 'decimal', en)).toBe('"0.0000001"');
    expect(csvValue(1234567, 'integer', fr)).toBe('"1234567"');
    expect(csvValue(null, 'integer', fr)).toBe('""');
  });
});

/** The first worksheet's XML as written (exceljs never sees it: what Excel would read). */
function sheetXml(path: string): string {
  return execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return typeof v === 'string' ? v : String(v);
};

describe('XLSX', () => {
  it('identifiers as text cells, dates as dates, numbers as numbers, no formula; bold frozen header', async () => {
    const h = await manager();
    const result = await h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'xlsx' });
    expect(result.fileName).toMatch(/^registre-des-armes-.*\.xlsx$/);
    const path = join(exportsDir(h), result.fileName);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    expect(ws.name).toBe('Registre des armes');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const t = translator('fr');
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    expect(header[0]).toBe(t('register:field.nationalCode'));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const col = (field: string) => header.indexOf(t(`register:field.${field}`)) + 1;

    const list = await records(h);
    expect(ws.actualRowCount).toBe(list.length + 1);
    for (const [i, w] of list.entries()) {
      const row = ws.getRow(i + 2);
      const serial = row.getCell(col('serial'));
      expect(serial.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cellText(serial.value)).toBe(w.serial);
      expect(serial.numFmt).toBe('@');
      expect(cellText(row.getCell(col('nationalCode')).value)).toBe(w.nationalCode);
      const date = row.getCell(col('acquisitionDate'));
      expect(date.value).toBeInstanceOf(Date);
      expect((date.value as Date).toISOString().slice(0, 10)).toBe(w.acquisitionDate);
      expect(date.numFmt).toBe('dd/mm/yyyy');
      const year = row.getCell(col('yearOfManufacture')).value;
      expect(year).toBe(w.yearOfManufacture);
      expect(cellText(row.getCell(col('type')).value)).toBe(t(`register:type.${w.type}`));
      const registered = row.getCell(header.length).value as Date;
      expect(registered).toBeInstanceOf(Date);
      expect(registered.toISOString().slice(0, 16).replace('T', ' ')).toBe(localDateTime(w.registeredAt));
    }

    const xml = sheetXml(path);
    expect(xml).not.toMatch(/<f[ >]/);
    // Every text cell is a literal inline string: none is a shared formula result (t="str").
    const types = [...xml.matchAll(/<c [^>]*?t="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(types)).toEqual(new Set(['inlineStr']));
    expect(xml).toContain('<t>=HYPERLINK(&quot;http://exemple.test&quot;;&quot;clic&quot;)</t>');
    expect(xml).toContain('<t>007</t>');
    expect(xml).toContain('state="frozen"');
  });

  it('writes French dates day first and English ones ISO', async () => {
    const h = await manager();
    await h.ok('auth.setLanguage', { language: 'en' });
    const result = await h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(exportsDir(h), result.fileName));
    const ws = book.worksheets[0];
    expect(ws?.name).toBe('Weapons register');
    const header = (ws?.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    const cell = ws?.getRow(2).getCell(header.indexOf('Acquisition date') + 1);
    expect(cell?.numFmt).toBe('yyyy-mm-dd');
    expect(cell?.value).toBeInstanceOf(Date);
  });
});

describe('exports.spreadsheet', () => {
  it('is open to an auditor (read access) and leaves nothing but the file in the exports folder', async () => {
    const h = template.copy();
    await h.login('auditor');
    const a = await h.ok('exports.spreadsheet', { kind: 'weapons', query: { filters: { type: 'pistol' } }, format: 'csv' });
    const b = await h.ok('exports.spreadsheet', { kind: 'officers', query: {}, format: 'xlsx' });
    expect(a.rows).toBe(1);
    expect(b.rows).toBe(0);
    expect(readdirSync(exportsDir(h)).sort()).toEqual([a.fileName, b.fileName].sort());
  });

  it('is refused while another long job runs, and runs as the job spreadsheet_export', async () => {
    const h = await manager();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = h.app.jobs.run('spreadsheet_import', 1, () => gate);
    const error = await h.fail('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'csv' });
    expect(error.code).toBe('import_running');
    release();
    await running;

    const seen: (string | null)[] = [];
    const jobs = h.app.jobs;
    const original = jobs.run.bind(jobs);
    jobs.run = (job, total, work) => {
      seen.push(job);
      return original(job, total, work);
    };
    await h.ok('exports.spreadsheet', { kind: 'weapons', query: {}, format: 'csv' });
    expect(seen).toEqual(['spreadsheet_export']);
    expect(h.app.jobs.busy).toBe(false);
  });

  it('refuses an unknown filter value as invalid input', async () => {
    const h = await manager();
    const error = await h.fail('exports.spreadsheet', { kind: 'weapons', query: { filters: { status: 'melted' as never } }, format: 'csv' });
    expect(error.code).toBe('invalid_input');
  });
});

describe('a failed export', () => {
  it('leaves no temporary file and the earlier file under the name as it was, in both formats', async () => {
    const dir = scratchDir();
    for (const format of ['csv', 'xlsx'] as const) {
      const path = join(dir, `registre.${format}`);
      writeFileSync(path, 'the earlier export');
      function* rows(): Generator<CellValue[]> {
        for (let i = 0; i < 5_000; i++) yield [`ML-PN-${i}`, i];
        throw new Error('the disk went away');
      }
      const sheet = { title: 'Registre', columns: [{ header: 'Code', kind: 'code' as const, width: 10 }, { header: 'N', kind: 'integer' as const, width: 6 }], total: 5_000, rows: rows() };
      await expect(writeSheet(sheet, path, format, 'fr', new Date())).rejects.toThrow('the disk went away');
      expect(readFileSync(path, 'utf8')).toBe('the earlier export');
    }
    expect(readdirSync(dir).sort()).toEqual(['registre.csv', 'registre.xlsx']);
  });
});
