import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own ZIP library (a dependency of it): to lay a workbook's entries out in any order.
import JSZip from 'jszip';
import { afterEach, describe, expect, test } from 'vitest';
import { AppError } from '../../src/main/core/errors';
import { readSpreadsheet } from '../../src/main/core/spreadsheet/read/open';
import { disposeHarnesses, scratchDir } from './support/harness';
import { xlsxBytes } from './support/fuzz/sheets';
import { writeCsv, writeXlsx, type XlsxValue } from './support/spreadsheet-files';

afterEach(disposeHarnesses);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('cells', () => {
  test('text, numbers, dates, booleans and empty cells keep their type; blank rows are dropped', async () => {
    const received = new Date(Date.UTC(2024, 2, 15));
    const rows: XlsxValue[][] = [
      ['N° de série', 'Calibre', 'Reçue le', 'Active', 'Note'],
      ['007', 7.62, received, true, null],
      [null, null, null, null, null],
      ['0012', 9, new Date(Date.UTC(1999, 11, 31)), false, '=1+1'],
      ['', '   ', null],
      ['+33', -5, null, null, '@SUM(A1)'],
    ];
    const path = join(scratchDir(), 'registre.xlsx');
    await writeXlsx(path, rows, { textColumns: [0] });
    const table = await readSpreadsheet(path);
    expect(table).toMatchObject({ fileName: 'registre.xlsx', format: 'xlsx', encoding: null, separator: null, columnCount: 5 });
    // exceljs writes '' as no cell at all, so the row of '' and spaces is blank; trailing empty cells are not cells.
    expect(table.rows).toEqual([rows[0], ['007', 7.62, received, true], rows[3], ['+33', -5, null, null, '@SUM(A1)']]);
    expect(table.lines).toEqual([1, 2, 4, 6]);
  });

  test('formulas give their cached result, rich text and hyperlinks their text, errors null', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Registre');
    sheet.addRow(['Série', 'Double', 'Texte calculé', 'Marque', 'Fiche', 'Erreur', 'Date calculée']);
    const row = sheet.addRow(['A-7', null, null, null, null, null, null]);
    row.getCell(2).value = { formula: 'LEN(A2)*2', result: 6 };
    row.getCell(3).value = { formula: 'A2&"-x"', result: 'A-7-x' };
    row.getCell(4).value = { richText: [{ text: 'Manufacture ' }, { font: { bold: true }, text: 'd’armes' }] };
    row.getCell(5).value = { text: 'fiche 7', hyperlink: 'https://example.org/7' };
    row.getCell(6).value = { error: '#N/A' };
    row.getCell(7).value = { formula: 'DATE(2024,1,31)', result: 45322 };
    row.getCell(7).numFmt = 'dd/mm/yyyy';
    sheet.addRow([null, { formula: 'NA()', result: { error: '#N/A' } }, { formula: 'B9' }]);
    const path = join(scratchDir(), 'formules.xlsx');
    await workbook.xlsx.writeFile(path);
    const table = await readSpreadsheet(path);
    expect(table.rows[1]).toEqual(['A-7', 6, 'A-7-x', 'Manufacture d’armes', 'fiche 7', null, new Date(Date.UTC(2024, 0, 31))]);
    // A row of errors and uncomputed formulas holds nothing.
    expect(table.rows).toHaveLength(2);
  });

  test('the first visible worksheet is read, whatever the others', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('Paramètres', { state: 'hidden' });
    hidden.addRow(['ne pas lire']);
    workbook.addWorksheet('Registre').addRow(['lire celle-ci']);
    workbook.addWorksheet('Autre').addRow(['pas celle-là']);
    const path = join(scratchDir(), 'onglets.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await readSpreadsheet(path)).rows).toEqual([['lire celle-ci']]);
  });

  test('without a shared strings part (inline strings): the visible tab, and nothing parked in /tmp', async () => {
    const bytes = xlsxBytes({
      omit: 'strings', second: true, firstHidden: true, header: true, rows: [], strings: [], junk: '', junkAt: 'sheet', sheetName: 'F', deflate: false,
    });
    const path = join(scratchDir(), 'inline.xlsx');
    writeFileSync(path, bytes);
    const parked = () => readdirSync(tmpdir()).filter((n) => n.startsWith('tmp-')).length;
    const before = parked();
    const table = await readSpreadsheet(path);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.[1]).toBe('N° de série');
    expect(parked()).toBe(before);
  });

  test('whatever order the parts are in: sheets before the workbook part and the shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Paramètres', { state: 'hidden' }).addRow(['ne pas lire']);
    workbook.addWorksheet('Registre').addRow(['lire celle-ci', 'Forêts']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    // The order that broke exceljs's reader: relations and shared strings, the sheets, then the workbook part.
    const early = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const sheetsFirst = [
      ...early, ...names.filter((n) => n.startsWith('xl/worksheets/')),
      ...names.filter((n) => !n.startsWith('xl/worksheets/') && !early.includes(n) && n !== 'xl/workbook.xml'), 'xl/workbook.xml',
    ];
    expect(new Set(sheetsFirst)).toEqual(new Set(names));
    const out = new JSZip();
    for (const name of sheetsFirst) out.file(name, await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer'));
    const path = join(scratchDir(), 'desordre.xlsx');
    writeFileSync(path, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await readSpreadsheet(path)).rows).toEqual([['lire celle-ci', 'Forêts']]);
  });

  test('accents survive the inflate chunk boundaries (exceljs decodes chunks on their own)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Pistolet mitrailleur n°${i} – Éèàçœ€’`, `Forêts ${i}`]);
    const path = join(scratchDir(), 'accents.xlsx');
    await writeXlsx(path, rows);
    expect((await readSpreadsheet(path)).rows).toEqual(rows);
  });

  test('an .xlsx named .csv is read as the workbook it is', async () => {
    const dir = scratchDir();
    await writeXlsx(join(dir, 'a.xlsx'), [['serial'], ['0042']]);
    copyFileSync(join(dir, 'a.xlsx'), join(dir, 'a.csv'));
    expect(await readSpreadsheet(join(dir, 'a.csv'))).toMatchObject({ format: 'xlsx', rows: [['serial'], ['0042']] });
  });
});

describe('refusals', () => {
  test('other formats by their extension', async () => {
    const dir = scratchDir();
    for (const name of ['old.xls', 'calc.ods', 'scan.pdf', 'noextension']) {
      writeFileSync(join(dir, name), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
      expect(await refusal(readSpreadsheet(join(dir, name)))).toMatchObject({ code: 'spreadsheet_format', params: { fileName: name } });
    }
  });

  test('a missing file', async () => {
    const error = await refusal(readSpreadsheet(join(scratchDir(), 'absent.xlsx')));
    expect(error).toMatchObject({ code: 'spreadsheet_not_found', params: { fileName: 'absent.xlsx' } });
  });

  test('truncated, encrypted (OLE), not a ZIP, a ZIP without a worksheet, corrupt data: damaged, never a hang', async () => {
    const dir = scratchDir();
    const good = join(dir, 'good.xlsx');
    await writeXlsx(good, Array.from({ length: 3000 }, (_, i) => [`série ${i}`, i]));
    const bytes = readFileSync(good);
    writeFileSync(join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(join(dir, 'encrypted.xlsx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 1)]));
    writeCsv(join(dir, 'text.xlsx'), [['a', 'b']]);
    writeFileSync(join(dir, 'content.xml'), '<office:document/>');
    execFileSync('zip', ['-q', join(dir, 'calc.xlsx'), 'content.xml'], { cwd: dir });
    // Flip bytes in the middle of the compressed worksheet: the ZIP directory is intact, the data is not.
    const corrupt = Buffer.from(bytes);
    const sheetAt = corrupt.indexOf('xl/worksheets/sheet1.xml');
    for (let i = sheetAt + 200; i < sheetAt + 400; i++) corrupt[i] = (corrupt[i] ?? 0) ^ 0x5a;
    writeFileSync(join(dir, 'corrupt.xlsx'), corrupt);
    for (const name of ['truncated.xlsx', 'encrypted.xlsx', 'text.xlsx', 'calc.xlsx', 'corrupt.xlsx']) {
      expect(await refusal(readSpreadsheet(join(dir, name))), name).toMatchObject({ code: 'spreadsheet_damaged', params: { fileName: name } });
    }
  });

  test('a cell beyond column 500 is too wide; a sheet of blank rows is empty', async () => {
    const dir = scratchDir();
    const wide: XlsxValue[] = Array.from({ length: 501 }, () => null);
    wide[500] = 'loin';
    await writeXlsx(join(dir, 'wide.xlsx'), [['a'], wide]);
    expect(await refusal(readSpreadsheet(join(dir, 'wide.xlsx')))).toMatchObject({ code: 'spreadsheet_too_wide', params: { max: 500 } });
    await writeXlsx(join(dir, 'blank.xlsx'), [[null], ['   ']]);
    expect((await refusal(readSpreadsheet(join(dir, 'blank.xlsx')))).code).toBe('spreadsheet_empty');
  });

  test('a cancel between batches of rows', async () => {
    const path = join(scratchDir(), 'long.xlsx');
    await writeXlsx(path, Array.from({ length: 10_000 }, (_, i) => [i]));
    let calls = 0;
    const error = await refusal(readSpreadsheet(path, { onProgress: () => calls++, isCancelled: () => calls >= 1 }));
    expect(error.code).toBe('import_cancelled');
  });
});
