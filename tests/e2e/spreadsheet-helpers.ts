import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import enImports from '../../locales/en/imports.json';
import frImports from '../../locales/fr/imports.json';
import type { GardienApp } from '../../src/main/core/app';
import { expect } from './fixtures';

export { enImports, frImports };
export { writeCsv, writeXlsx } from '../unit/support/spreadsheet-files';

/** Every event of a type, its stored body parsed (the journal holds JSON bytes). */
export function eventsOfType(app: GardienApp, type: string): Record<string, unknown>[] {
  const store = app.store;
  if (!store) throw new Error('no armoury open');
  const rows = store.s.sql('SELECT body FROM events WHERE type = ? ORDER BY seq').all(type) as { body: Uint8Array }[];
  return rows.map((r) => JSON.parse(Buffer.from(r.body).toString('utf8')) as Record<string, unknown>);
}

/** The journal's length: an import that was cancelled or refused must leave it as it was. */
export function journalSize(app: GardienApp): number {
  const row = app.store?.s.sql('SELECT COUNT(*) AS n FROM events').get() as { n: number } | undefined;
  return row?.n ?? 0;
}

/** The first value found under `key` anywhere in an event body (its data may be nested). */
export function findKey(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object') return undefined;
  if (key in value) return (value as Record<string, unknown>)[key];
  for (const v of Object.values(value)) {
    const found = findKey(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A CSV file as Gardien wrote it: its bytes' BOM, its separator, and its rows parsed back. */
export function readCsvFile(path: string, delimiter: string): { bom: boolean; text: string; rows: string[][] } {
  const bytes = readFileSync(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.subarray(bom ? 3 : 0).toString('utf8');
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  return { bom, text, rows: parsed.data };
}

export interface XlsxCell {
  value: ExcelJS.CellValue;
  type: ExcelJS.ValueType;
  /** A text cell (a shared or inline string, or a one-run rich text: never a number nor a formula). */
  isText: boolean;
  /** What the cell shows as text. */
  text: string;
}

/** The first worksheet of an XLSX, read back with exceljs: each cell's value, type and text. */
export async function readXlsxFile(path: string): Promise<XlsxCell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: XlsxCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: XlsxCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const isText = cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.RichText;
      cells.push({ value: cell.value, type: cell.type, isText, text: cell.text });
    }
    rows.push(cells);
  });
  return rows;
}

/** Chooses an export format in a screen's "Export ▾" menu and waits for the copy on the stick. */
export async function exportAs(page: Page, testId: string, format: 'csv' | 'xlsx'): Promise<{ path: string; rows: number }> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-${format}`).click();
  const saved = page.getByTestId(`${testId}-saved`);
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const path = (await saved.getAttribute('data-path')) ?? '';
  expect(path.endsWith(`.${format}`)).toBe(true);
  return { path, rows: Number(await saved.getAttribute('data-rows')) };
}
