import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { AppError } from '../../src/main/core/errors';
import { forgetTable, tableFor } from '../../src/main/core/spreadsheet/read/cache';
import { readSpreadsheet } from '../../src/main/core/spreadsheet/read/open';
import { cellBudget, MAX_CELLS, MAX_SPREADSHEET_MB } from '../../src/main/core/spreadsheet/read/table';
import { disposeHarnesses, scratchDir } from './support/harness';
import { csvText, writeCsv, type CsvFileOptions } from './support/spreadsheet-files';

afterEach(disposeHarnesses);

/** What the reader must give for rows written one record each: blank rows dropped, lines = written position. */
function expected(rows: string[][]): { rows: string[][]; lines: number[]; columnCount: number } {
  const kept = rows.map((row, i) => ({ row, line: i + 1 })).filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  return {
    rows: kept.map(({ row }) => (row.length ? row : [''])),
    lines: kept.map(({ line }) => line),
    columnCount: Math.max(...kept.map(({ row }) => row.length)),
  };
}

async function roundTrip(rows: string[][], opts: CsvFileOptions = {}, name = 'registre.csv') {
  const path = join(scratchDir(), name);
  writeCsv(path, rows, opts);
  const table = await readSpreadsheet(path);
  expect({ rows: table.rows, lines: table.lines, columnCount: table.columnCount }).toEqual(expected(rows));
  return table;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const ACCENTS = [
  ['N° de série', 'Marque', 'Détenteur', 'Observations'],
  ['007', 'Manufacture d’armes de Châtellerault', 'Eaux et Forêts', 'Œillet cassé, coût 120 €'],
  ['0012', 'FN Herstal', 'Gendarmerie', 'à réviser « avant » l’été'],
];

describe('encodings', () => {
  test.each(['utf-8', 'utf-8-bom', 'windows-1252'] as const)('%s: é è œ € ’ come through', async (encoding) => {
    const table = await roundTrip(ACCENTS, { encoding });
    expect(table.encoding).toBe(encoding);
    expect(table.format).toBe('csv');
    expect(table.separator).toBe(';');
  });

  test('a plain ASCII file is UTF-8, and its hash, size and name are of the exact bytes', async () => {
    const rows = [['serial', 'make'], ['A1', 'Glock']];
    const path = join(scratchDir(), 'plain.txt');
    writeCsv(path, rows, { separator: ',' });
    const table = await readSpreadsheet(path);
    const bytes = readFileSync(path);
    expect(table).toMatchObject({ fileName: 'plain.txt', size: bytes.length, encoding: 'utf-8', separator: ',', rows });
    expect(table.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  test('UTF-16LE with BOM (Excel "Unicode text", tab-separated)', async () => {
    const path = join(scratchDir(), 'unicode.txt');
    const text = csvText(ACCENTS, { separator: '\t' });
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const table = await readSpreadsheet(path);
    expect(table).toMatchObject({ encoding: 'utf-16le', separator: '\t', rows: ACCENTS });
  });
});

describe('separators, line ends and quoting', () => {
  const AWKWARD = [
    ['Numéro', 'Modèle', 'Note'],
    ['1', 'AK-47; "Kalachnikov"', 'ligne 1\nligne 2'],
    ['2', 'MAS 49/56, 7,5 mm', 'crlf\r\ninside'],
    ['3', 'tab\there', '"'],
  ];
  for (const separator of [';', ',', '\t'] as const) {
    for (const lineEnd of ['\r\n', '\n'] as const) {
      for (const quote of ['needed', 'all'] as const) {
        test(`${JSON.stringify(separator)} ${JSON.stringify(lineEnd)} quote ${quote}`, async () => {
          const table = await roundTrip(AWKWARD, { separator, lineEnd, quote });
          expect(table.separator).toBe(separator);
        });
      }
    }
  }

  test('a French file full of decimal commas is ";"-separated', async () => {
    const rows = [['Prix (€, HT)', 'Calibre', 'Poids']];
    for (let i = 0; i < 30; i++) rows.push([`${i},5`, '7,62', `3,${i}`]);
    expect((await roundTrip(rows)).separator).toBe(';');
  });

  test('one column, with a comma in a few names', async () => {
    const rows = [['Nom'], ['Dupont, Jean'], ['Traoré'], ['Keïta'], ['Diarra']];
    const table = await roundTrip(rows);
    expect(table.columnCount).toBe(1);
  });

  test('a quoted newline does not start a row: lines are the spreadsheet rows', async () => {
    const rows = [['a', 'b'], ['x', 'deux\nlignes\net trois'], [], ['y', 'z'], ['', ' '], ['fin', '1']];
    const table = await roundTrip(rows);
    expect(table.lines).toEqual([1, 2, 4, 6]);
  });

  test('CRLF rows then LF rows (a file edited with two tools) still split into rows', async () => {
    const rows = [['a', 'b'], ['1', '2'], ['3', '"q"'], ['4', '5']];
    const path = join(scratchDir(), 'mixed.csv');
    writeFileSync(path, csvText(rows.slice(0, 3), { lineEnd: '\r\n' }) + csvText(rows.slice(3), { lineEnd: '\n' }));
    expect((await readSpreadsheet(path)).rows).toEqual(rows);
  });

  test('old Mac line ends (CR alone)', async () => {
    const rows = [['a', 'b'], ['1', 'x\ny']];
    const path = join(scratchDir(), 'mac.csv');
    writeFileSync(path, csvText(rows).replaceAll('\r\n', '\r'));
    expect((await readSpreadsheet(path)).rows).toEqual(rows);
  });
});

describe('cells are kept exactly', () => {
  test('leading zeros, formula-like text, spaces', async () => {
    const rows = [
      ['serial', 'a', 'b', 'c', 'd'],
      ['007', '=1+1', '+33 6 12 34 56', '-5', '@SUM(A1:A2)'],
      ['0012', ' padded ', '1e5', 'TRUE', '31/12/2024'],
    ];
    await roundTrip(rows);
  });

  test('blank lines in the middle and at the end, ragged rows', async () => {
    const rows = [['a', 'b', 'c'], ['1'], [], ['', '', ''], ['2', '3', '4', '5', '6'], ['7', '8'], [], [' ', '\t'], []];
    const table = await roundTrip(rows);
    expect(table.columnCount).toBe(5);
    expect(table.rows.map((row) => row.length)).toEqual([3, 1, 5, 2]);
  });
});

describe('refusals', () => {
  test('a quote never closed is a damaged file, not rows swallowed into one cell', async () => {
    const path = join(scratchDir(), 'quote.csv');
    writeFileSync(path, 'a;b\r\n1;2\r\n"3;4\r\n5;6\r\n');
    const error = await refusal(readSpreadsheet(path));
    expect(error.code).toBe('spreadsheet_damaged');
    expect(error.params).toMatchObject({ fileName: 'quote.csv', line: 3 });
  });

  test('binary content named .csv (an old .xls, a PDF) is not a CSV', async () => {
    const dir = scratchDir();
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 7)]);
    writeFileSync(join(dir, 'old.csv'), ole);
    writeFileSync(join(dir, 'doc.csv'), '%PDF-1.7\n%âãÏÓ\n');
    writeFileSync(join(dir, 'nul.csv'), Buffer.from('a;b\r\n\0\0\0;x\r\n'));
    for (const name of ['old.csv', 'doc.csv', 'nul.csv']) {
      expect((await refusal(readSpreadsheet(join(dir, name)))).code).toBe('spreadsheet_format');
    }
  });

  test('more than 500 columns is too wide', async () => {
    const path = join(scratchDir(), 'wide.csv');
    writeCsv(path, [Array.from({ length: 501 }, (_, i) => `c${i}`)]);
    const error = await refusal(readSpreadsheet(path));
    expect(error).toMatchObject({ code: 'spreadsheet_too_wide', params: { fileName: 'wide.csv', max: 500 } });
  });

  test('over 100 MB is too large (refused before reading); a folder is not found', async () => {
    const dir = scratchDir();
    const path = join(dir, 'huge.csv');
    writeFileSync(path, 'a;b\r\n');
    truncateSync(path, MAX_SPREADSHEET_MB * 1024 * 1024 + 1); // sparse: nothing is written
    expect(await refusal(readSpreadsheet(path))).toMatchObject({ code: 'spreadsheet_too_large', params: { fileName: 'huge.csv', max: MAX_SPREADSHEET_MB } });
    mkdirSync(join(dir, 'dossier.csv'));
    expect((await refusal(readSpreadsheet(join(dir, 'dossier.csv')))).code).toBe('spreadsheet_not_found');
  });

  test('more cells than memory allows is too large', () => {
    const spend = cellBudget('bombe.xlsx');
    spend(MAX_CELLS);
    expect(() => spend(1)).toThrow(expect.objectContaining({ code: 'spreadsheet_too_many_cells', params: { fileName: 'bombe.xlsx', max: MAX_CELLS } }));
  });

  test('an empty file, or one of blank lines, is empty', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'blank.csv'), '\ufeff;;\r\n\r\n  ;\t\r\n');
    for (const name of ['empty.csv', 'blank.csv']) {
      expect(await refusal(readSpreadsheet(join(dir, name)))).toMatchObject({ code: 'spreadsheet_empty', params: { fileName: name } });
    }
  });
});

describe('large files: chunks, progress, cancel', () => {
  /** ~4 MB over several parser chunks, a multi-line cell every 7th row so some straddle a chunk boundary. */
  function register(count: number): string[][] {
    const rows = [['N° de série', 'Type', 'Observations']];
    for (let i = 1; i <= count; i++) {
      rows.push([String(i).padStart(7, '0'), 'Pistolet mitrailleur', i % 7 === 0 ? `révisée\r\nle ${i}; "ok"` : `arme n°${i} – Forêts`]);
    }
    return rows;
  }

  test.each(['utf-8', 'windows-1252'] as const)('%s: characters and quoted cells across chunk boundaries, progress to the end', async (encoding) => {
    const rows = register(60_000);
    const path = join(scratchDir(), 'big.csv');
    writeCsv(path, rows, { encoding });
    const progress: [number, number][] = [];
    const table = await readSpreadsheet(path, { onProgress: (done, total) => progress.push([done, total]) });
    expect(table.rows).toEqual(rows);
    expect(table.lines).toEqual(rows.map((_, i) => i + 1));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every(([, total]) => total === table.size)).toBe(true);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([table.size, table.size]);
  });

  test('a cancel between chunks stops the read with import_cancelled', async () => {
    const path = join(scratchDir(), 'big.csv');
    writeCsv(path, register(60_000));
    let calls = 0;
    const error = await refusal(readSpreadsheet(path, { onProgress: () => calls++, isCancelled: () => calls >= 2 }));
    expect(error.code).toBe('import_cancelled');
    expect(calls).toBe(2);
  });
});

describe('cache', () => {
  test('one file is parsed once while unchanged, again when saved again or forgotten', async () => {
    const path = join(scratchDir(), 'registre.csv');
    writeCsv(path, [['serial'], ['001']]);
    const first = await tableFor(path);
    expect(await tableFor(path)).toBe(first);
    writeCsv(path, [['serial'], ['002']]);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const second = await tableFor(path);
    expect(second).not.toBe(first);
    expect(second.rows).toEqual([['serial'], ['002']]);
    forgetTable();
    const third = await tableFor(path);
    expect(third).not.toBe(second);
    expect(third).toEqual(second);
    expect((await refusal(tableFor(join(scratchDir(), 'absent.csv')))).code).toBe('spreadsheet_not_found');
  });
});
