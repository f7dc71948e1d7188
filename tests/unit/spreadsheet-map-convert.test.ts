import { describe, expect, it } from 'vitest';
import enEnums from '../../locales/en/enums.json';
import enRegister from '../../locales/en/register.json';
import frAmmunition from '../../locales/fr/ammunition.json';
import frEnums from '../../locales/fr/enums.json';
import frOfficers from '../../locales/fr/officers.json';
import frRegister from '../../locales/fr/register.json';
import { columnLetter, convertRow, makeConverter, unknownValues } from '../../src/main/core/spreadsheet/map/convert';
import { ALPHA3 } from '../../src/main/core/spreadsheet/map/country-alpha3';
import { FIELD_KINDS, REQUIRED_FIELDS } from '../../src/main/core/spreadsheet/map/fields';
import { suggestMapping } from '../../src/main/core/spreadsheet/map/headers';
import type { Cell } from '../../src/main/core/spreadsheet/read/table';
import { lotFields } from '../../src/shared/domain/ammunition';
import { officerFields } from '../../src/shared/domain/custody';
import { IMPORT_FIELDS, IMPORT_KINDS, columnMapping, type ColumnMappingInput } from '../../src/shared/domain/spreadsheet';
import { WEAPON_FIELD_NAMES, weaponFields, type WeaponFields } from '../../src/shared/domain/weapon';
import { lotInput } from './support/ammunition';
import { officerInput } from './support/officers';
import { weaponInput } from './support/weapons';

const mappingOf = (input: ColumnMappingInput) => columnMapping.parse(input);
const dmy = (iso: string) => (iso === '' ? '' : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A weapon with every field filled, as the schema records it. */
const weapon: WeaponFields = weaponFields.parse(
  weaponInput({
    serial: '007-AB', condition: 'repairable', importCountry: 'BE', importYear: 1990, importer: 'FN Herstal SA', otherMarks: 'Poinçon de Liège',
    marksIllegible: true, markingDate: '2016-05-02', markingOperator: 'Sgt Traoré', markingMachine: 'Couach 8', notes: 'Crosse fêlée',
  }),
);

/** The weapon as a French register writes it: French labels, dd/mm/yyyy, country names, "oui". */
function frenchCell(field: keyof WeaponFields): Cell {
  const value = weapon[field];
  const countryName = (code: string) => (code === '' ? '' : (new Intl.DisplayNames(['fr'], { type: 'region' }).of(code) ?? code));
  switch (field) {
    case 'type': return frRegister.type[weapon.type];
    case 'agency': return frEnums.agency[weapon.agency];
    case 'acquisitionMode': return frRegister.acquisitionMode[weapon.acquisitionMode];
    case 'condition': return frRegister.condition[weapon.condition];
    case 'countryOfManufacture': case 'importCountry': return countryName(String(value));
    case 'acquisitionDate': case 'markingDate': return dmy(String(value));
    case 'marksIllegible': return value ? 'Oui' : 'Non';
    default: return value === null ? '' : typeof value === 'number' ? String(value) : String(value);
  }
}

/** The weapon as an English XLSX holds it: English labels, Date cells, number cells, alpha-3 codes, booleans. */
function englishCell(field: keyof WeaponFields): Cell {
  const value = weapon[field];
  switch (field) {
    case 'type': return enRegister.type[weapon.type];
    case 'agency': return enEnums.agency[weapon.agency];
    case 'acquisitionMode': return enRegister.acquisitionMode[weapon.acquisitionMode];
    case 'condition': return enRegister.condition[weapon.condition];
    case 'countryOfManufacture': case 'importCountry': return ALPHA3.get(String(value)) ?? '';
    case 'acquisitionDate': case 'markingDate': return utc(String(value));
    default: return value;
  }
}

describe('fields', () => {
  it('gives every import field a kind, in IMPORT_FIELDS order', () => {
    for (const kind of IMPORT_KINDS) expect(Object.keys(FIELD_KINDS[kind])).toEqual([...IMPORT_FIELDS[kind]]);
  });

  it('lists as required exactly the fields the schemas cannot do without', () => {
    // A field is required when the record fails without it and passes with it.
    const requiredBy = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, full: object) =>
      Object.keys(full).filter((field) => {
        const without = Object.fromEntries(Object.entries(full).filter(([f]) => f !== field));
        return schema.safeParse(without).error?.issues.some((issue) => issue.path[0] === field) ?? false;
      });
    expect(requiredBy(weaponFields, weapon).sort()).toEqual([...REQUIRED_FIELDS.weapons].sort());
    expect(requiredBy(officerFields, officerInput()).sort()).toEqual([...REQUIRED_FIELDS.officers].sort());
    const lot = lotFields.parse(lotInput());
    const { lotState: _state, ...importable } = lot;
    const receipt = ['store', 'quantity', 'date', 'source'];
    expect([...requiredBy(lotFields, importable), ...receipt].sort()).toEqual([...REQUIRED_FIELDS.lots].sort());
  });
});

describe('convertRow', () => {
  it.each([['French CSV', frenchCell, (f: string) => (frRegister.field as Record<string, string>)[f] ?? f], ['English XLSX', englishCell, (f: string) => (enRegister.field as Record<string, string>)[f] ?? f]] as const)(
    'turns a %s row into the record the schema takes',
    (_what, cellOf, header) => {
      const fields = [...WEAPON_FIELD_NAMES].reverse();
      const headers = ['N°', ...fields.map(header)];
      const cells: Cell[] = [1, ...fields.map(cellOf)];
      const mapping = suggestMapping(headers, 'weapons');
      const { input, errors } = convertRow('weapons', cells, mapping, 3, headers);
      expect(errors).toEqual([]);
      expect(weaponFields.parse(input)).toEqual(weapon);
      expect(input.yearOfManufacture).toBe(weapon.yearOfManufacture);
      expect(input.marksIllegible).toBe(true);
    },
  );

  it('turns officers and lots rows into their records, numbers as numbers', () => {
    const officer = officerFields.parse(officerInput({ agency: 'water_forestry' }));
    const officerHeaders = Object.keys(officer).map((f) => (frOfficers.field as Record<string, string>)[f] ?? f);
    const officerRow = Object.entries(officer).map(([f, v]) => (f === 'agency' ? 'Eaux & Forêts' : v));
    const converted = convertRow('officers', officerRow, suggestMapping(officerHeaders, 'officers'), 2, officerHeaders);
    expect(officerFields.parse(converted.input)).toEqual(officer);

    const lot = lotFields.parse(lotInput({ lastInspection: '2024-01-15', nextInspection: '2025-01-15', shelfLifeEnd: '2035-12-31', neqPerUnitKg: 0.01 }));
    const receipt = { store: 'MAG-1', bay: 'Travée 2', quantity: 12_000, date: '2024-02-01', source: 'Dotation centrale', document: 'BL-2024-7' };
    const lotHeaders = IMPORT_FIELDS.lots.map((f) => (frAmmunition.field as Record<string, string>)[f] ?? (f === 'source' ? 'Provenance' : f));
    const written: Record<string, Cell> = {
      ...lot, ...receipt, country: 'Chine', hazardDivision: '1,4', unNumber: 12, neqPerUnitKg: '0,010', roundsPerBox: '20', quantity: '12 000',
      yearOfManufacture: '2015', lastInspection: '15/01/2024', nextInspection: '2025-01-15', shelfLifeEnd: utc('2035-12-31'), date: '01/02/2024',
    };
    const lotRow = IMPORT_FIELDS.lots.map((f) => written[f] ?? null);
    const { input, errors } = convertRow('lots', lotRow, suggestMapping(lotHeaders, 'lots'), 9, lotHeaders);
    expect(errors).toEqual([]);
    expect(lotFields.parse(input)).toEqual(lot);
    expect(input).toMatchObject({ ...receipt, unNumber: '0012', neqPerUnitKg: 0.01, quantity: 12_000, roundsPerBox: 20 });
  });

  it('keeps text as written: leading zeros stay, a number cell has already lost them', () => {
    const mapping = mappingOf({ columns: { serial: 0, nationalCode: 1 } });
    expect(convertRow('weapons', ['007', ' 0012-A '], mapping, 2, []).input).toEqual({ serial: '007', nationalCode: '0012-A' });
    expect(convertRow('weapons', [7, 12.5], mapping, 2, []).input).toEqual({ serial: '7', nationalCode: '12.5' });
  });

  it('gives empty cells and cells beyond the row as "" or null, and leaves unmapped fields out', () => {
    const mapping = mappingOf({ columns: { serial: 0, type: 1, acquisitionDate: 2, yearOfManufacture: 3, marksIllegible: 4, notes: 40 } });
    const { input, errors } = convertRow('weapons', ['', null, '  ', 'Inconnue'], mapping, 2, []);
    expect(errors).toEqual([]);
    expect(input).toEqual({ serial: '', type: '', acquisitionDate: '', yearOfManufacture: null, marksIllegible: false, notes: '' });
  });

  it('fills a field from a constant, for every row or where its column is empty', () => {
    const mapping = mappingOf({ columns: { agency: 0 }, constants: { agency: 'gendarmerie', acquisitionMode: 'Saisie' } });
    expect(convertRow('weapons', ['Douanes'], mapping, 2, []).input).toEqual({ agency: 'customs', acquisitionMode: 'seizure' });
    expect(convertRow('weapons', [''], mapping, 3, []).input).toEqual({ agency: 'gendarmerie', acquisitionMode: 'seizure' });
    const wrong = convertRow('weapons', [], mappingOf({ constants: { type: 'Arbalète' } }), 4, ['Type']);
    expect(wrong.errors).toEqual([{ line: 4, column: '', header: '', field: 'type', code: 'unknown_value', params: { value: 'Arbalète' }, value: 'Arbalète' }]);
  });

  it('applies the user’s value mapping before the vocabulary, even over a word it knows', () => {
    const mapping = mappingOf({ columns: { type: 0, agency: 1, marksIllegible: 2, yearOfManufacture: 3 }, values: { type: { Arbalète: 'other' }, agency: { Police: 'gendarmerie' }, marksIllegible: { Effacé: 'oui' }, yearOfManufacture: { 'vers 1980': '1980' } } });
    expect(convertRow('weapons', ['Arbalète', 'Police', 'Effacé', 'vers 1980'], mapping, 2, []).input).toEqual({ type: 'other', agency: 'gendarmerie', marksIllegible: true, yearOfManufacture: 1980 });
    expect(convertRow('weapons', ['PM', 'Douanes', '', 1975], mapping, 3, []).input).toEqual({ type: 'submachine_gun', agency: 'customs', marksIllegible: false, yearOfManufacture: 1975 });
  });

  it('reports each unreadable cell with its line, column letter, header and value', () => {
    const headers = Array.from({ length: 30 }, (_, i) => `Colonne ${i + 1}`);
    const mapping = mappingOf({ columns: { acquisitionDate: 27, yearOfManufacture: 0, type: 25, marksIllegible: 26, countryOfManufacture: 29 } });
    const long = `Arbalète ${'x'.repeat(100)}`;
    const cells: Cell[] = [];
    cells[0] = 'vers 1980';
    cells[25] = long;
    cells[26] = 'peut-être';
    cells[27] = '31/02/2020';
    cells[29] = 'Atlantide';
    const { input, errors } = convertRow('weapons', cells, mapping, 42, headers);
    const at = (column: number) => ({ line: 42, column: columnLetter(column), header: headers[column] });
    expect(errors).toEqual([
      { ...at(29), field: 'countryOfManufacture', code: 'unknown_value', params: { value: 'Atlantide' }, value: 'Atlantide' },
      { ...at(0), field: 'yearOfManufacture', code: 'not_a_number', params: {}, value: 'vers 1980' },
      { ...at(25), field: 'type', code: 'unknown_value', params: { value: long.slice(0, 80) }, value: long.slice(0, 80) },
      { ...at(27), field: 'acquisitionDate', code: 'not_a_date', params: {}, value: '31/02/2020' },
      { ...at(26), field: 'marksIllegible', code: 'unknown_value', params: { value: 'peut-être' }, value: 'peut-être' },
    ]);
    expect(errors.map((e) => e.column)).toEqual(['AD', 'A', 'Z', 'AB', 'AA']);
    expect(input).toEqual({});
  });

  it('reads years from dates, and lot numbers that say there is none as a lot state', () => {
    const mapping = mappingOf({ columns: { yearOfManufacture: 0, importYear: 1 } });
    expect(convertRow('weapons', [utc('1985-06-01'), '12/03/1990'], mapping, 2, []).input).toEqual({ yearOfManufacture: 1985, importYear: 1990 });
    const lots = mappingOf({ columns: { lotNumber: 0, unNumber: 1 } });
    const states: [Cell, Record<string, unknown>][] = [
      ['LOT-0012', { lotNumber: 'LOT-0012' }], ['Mixte', { lotNumber: '', lotState: 'mixed' }], ['Sans numéro', { lotNumber: '', lotState: 'none' }],
      ['Inconnu', { lotNumber: '', lotState: 'unknown' }], [7, { lotNumber: '7' }],
    ];
    for (const [cell, expected] of states) expect(convertRow('lots', [cell, 'UN 0012'], lots, 2, []).input).toEqual({ ...expected, unNumber: '0012' });
    const mixed = { ...lotFields.parse(lotInput()), ...convertRow('lots', ['Lots mélangés'], mappingOf({ columns: { lotNumber: 0 } }), 2, []).input };
    expect(lotFields.safeParse(mixed).success).toBe(true);
  });

  it('builds one converter per mapping and reuses it', () => {
    const mapping = mappingOf({ columns: { serial: 0 } });
    const convert = makeConverter('weapons', mapping, ['Série']);
    expect(convert(['A1'], 2)).toEqual(convertRow('weapons', ['A1'], mapping, 2, ['Série']));
    expect(convertRow('weapons', ['A1'], mappingOf({ columns: { serial: 0 }, constants: { notes: 'Lot 2' } }), 2, []).input).toEqual({ serial: 'A1', notes: 'Lot 2' });
  });

  it('converts a 25-field weapons row in a few microseconds', () => {
    const fields = [...WEAPON_FIELD_NAMES];
    const headers = fields.map((f) => (frRegister.field as Record<string, string>)[f] ?? f);
    const row = fields.map(frenchCell);
    const convert = makeConverter('weapons', suggestMapping(headers, 'weapons'), headers);
    // Identifiers differ on every row, dates and years vary as in a real register.
    const varying: Record<string, (i: number) => Cell> = {
      nationalCode: (i) => `ML-PN-${i}`, serial: (i) => `S${i}`, notes: (i) => `Note ${i}`,
      acquisitionDate: (i) => `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${2000 + (i % 24)}`,
      yearOfManufacture: (i) => String(1950 + (i % 70)),
    };
    const rows = Array.from({ length: 100_000 }, (_, i) => row.map((cell, c) => varying[fields[c] ?? '']?.(i) ?? cell));
    rows.slice(0, 1000).forEach((cells, i) => convert(cells, i));
    const start = process.hrtime.bigint();
    let errors = 0;
    rows.forEach((cells, i) => (errors += convert(cells, i + 2).errors.length));
    const micros = Number(process.hrtime.bigint() - start) / 1000 / rows.length;
    console.log(`convertRow, 25-field weapons row: ${micros.toFixed(2)} µs per row`);
    expect(errors).toBe(0);
    // Generous: the CPU is shared with other test runs.
    expect(micros).toBeLessThan(30);
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    const known: [number, string][] = [[0, 'A'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA']];
    for (const [index, letters] of known) expect(columnLetter(index)).toBe(letters);
    // Read back as a base-26 numeral without zero, every index comes back.
    const indexOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    for (let i = 0; i < 2000; i++) expect(indexOf(columnLetter(i))).toBe(i);
  });
});

describe('unknownValues', () => {
  const rows: Cell[][] = [
    ['Arbalète', 'Police', 'Atlantide', 'x'],
    ['PM', 'Brigade fluviale', 'Chine', ''],
    ['Arbalète', 'Brigade fluviale', 'Atlantide', ''],
    ['Sarbacane', 'Brigade fluviale', '', ''],
    ['Inconnu', '?', 'URSS', ''],
  ];
  const lines = [5, 6, 8, 9, 12];

  it('lists the values no vocabulary understands, by field order then count, with their first line', () => {
    const mapping = mappingOf({ columns: { type: 0, agency: 1, countryOfManufacture: 2, notes: 3 } });
    expect(unknownValues('weapons', rows, lines, mapping)).toEqual([
      { field: 'countryOfManufacture', value: 'Atlantide', count: 2, firstLine: 5 },
      { field: 'type', value: 'Arbalète', count: 2, firstLine: 5 },
      { field: 'type', value: 'Sarbacane', count: 1, firstLine: 9 },
      { field: 'agency', value: 'Brigade fluviale', count: 3, firstLine: 6 },
    ]);
  });

  it('leaves out what the user’s value mapping understands', () => {
    const mapping = mappingOf({ columns: { type: 0, agency: 1 }, values: { type: { Arbalète: 'other', Sarbacane: 'pas un code' }, agency: { 'Brigade fluviale': 'Police nationale' } } });
    expect(unknownValues('weapons', rows, lines, mapping)).toEqual([{ field: 'type', value: 'Sarbacane', count: 1, firstLine: 9 }]);
  });

  it('lists the words of yes/no columns that are neither yes nor no', () => {
    const ticks: Cell[][] = [['Effacé'], ['oui'], ['✓'], [''], ['Effacé'], [true], ['NON']];
    const listed = unknownValues('weapons', ticks, ticks.map((_, i) => i + 2), mappingOf({ columns: { marksIllegible: 0 } }));
    expect(listed).toEqual([{ field: 'marksIllegible', value: 'Effacé', count: 2, firstLine: 2 }]);
  });

  it('lists at most 200 values per field, the most frequent first', () => {
    const many: Cell[][] = Array.from({ length: 450 }, (_, i) => [`Arme ${i % 300}`]);
    const listed = unknownValues('weapons', many, many.map((_, i) => i + 2), mappingOf({ columns: { type: 0 } }));
    expect(listed).toHaveLength(200);
    expect(listed.slice(0, 150).every((u) => u.count === 2)).toBe(true);
    expect(listed[0]).toEqual({ field: 'type', value: 'Arme 0', count: 2, firstLine: 2 });
  });
});
