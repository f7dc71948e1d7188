import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { readSpreadsheet } from '../../src/main/core/spreadsheet/read/open';
import type { Cell } from '../../src/main/core/spreadsheet/read/table';
import { disposeHarnesses, scratchDir } from './support/harness';
import { writeCsv, writeXlsx, type XlsxValue } from './support/spreadsheet-files';

afterEach(disposeHarnesses);

const TYPES = ['Pistolet', 'Fusil d’assaut', 'Pistolet mitrailleur', 'Fusil mitrailleur', 'Revolver'];
const HOLDERS = ['Eaux et Forêts', 'Gendarmerie nationale', 'Police nationale', 'Douanes', 'Garde républicaine'];

/** One register row of a French armoury: serial with leading zeros, accents, a decimal-comma calibre, a quoted note. */
function weapon(i: number): string[] {
  return [
    String(i).padStart(8, '0'),
    i % 3 === 0 ? 'Manufacture d’armes de Saint-Étienne' : 'FN Herstal',
    `Modèle ${i % 97}`,
    TYPES[i % TYPES.length] ?? '',
    i % 2 ? '7,62' : '9',
    'Côte d’Ivoire',
    HOLDERS[i % HOLDERS.length] ?? '',
    `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/20${String(i % 25).padStart(2, '0')}`,
    i % 10 === 0 ? `Révisée; crosse changée « œuvre » n°${i}` : 'RAS – contrôle annuel effectué',
    `Magasin central, armoire ${i % 40}, râtelier ${i % 12}`,
  ];
}

/** Peak RSS seen at each progress call (the read breathes between chunks, so this samples it throughout). */
function memoryProbe(): { onProgress: () => void; peakMb: () => number } {
  let peak = process.memoryUsage.rss();
  return {
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage.rss());
    },
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage.rss()) / 1e6),
  };
}

test('a 50 MB Windows-1252 register is read completely', async () => {
  const rows = [['N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre', 'Pays', 'Service détenteur', 'Date d’entrée', 'Observations', 'Emplacement']];
  // Rows until a bit over 50 MB (one byte a character in Windows-1252, plus separators and CRLF).
  for (let i = 1, bytes = 0; bytes < 52 * 1024 * 1024; i++) {
    const row = weapon(i);
    rows.push(row);
    bytes += row.join(';').length + 4;
  }
  const path = join(scratchDir(), 'registre-1252.csv');
  writeCsv(path, rows, { encoding: 'windows-1252' });
  const size = statSync(path).size;
  expect(size).toBeGreaterThan(50 * 1024 * 1024);

  const before = Math.round(process.memoryUsage.rss() / 1e6);
  const probe = memoryProbe();
  const started = performance.now();
  const table = await readSpreadsheet(path, { onProgress: probe.onProgress });
  const ms = Math.round(performance.now() - started);
  console.log(`CSV ${(size / 1048576).toFixed(1)} MB, ${rows.length} rows: ${ms} ms, RSS ${before} -> peak ${probe.peakMb()} MB`);

  expect(table).toMatchObject({ encoding: 'windows-1252', separator: ';', columnCount: 10, size });
  expect(table.rows).toHaveLength(rows.length);
  expect(table.lines.at(-1)).toBe(rows.length);
  expect(table.rows.at(-1)).toEqual(rows.at(-1));
  // Every row, compared cheaply (toEqual on 300,000 rows is slower than the read itself).
  const differing = rows.findIndex((row, i) => row.join('\u0001') !== (table.rows[i] as Cell[]).join('\u0001'));
  expect(differing).toBe(-1);
}, 180_000);

test('a 100,000-row XLSX is read completely', async () => {
  const received = (i: number): Date => new Date(Date.UTC(2000 + (i % 25), i % 12, (i % 28) + 1));
  const rows: XlsxValue[][] = [['N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre (mm)', 'Pays', 'Service détenteur', 'Date d’entrée', 'Active']];
  for (let i = 1; rows.length <= 100_000; i++) {
    const [serial, make, model, type, , country, holder] = weapon(i);
    rows.push([serial ?? '', make ?? '', model ?? '', type ?? '', i % 2 ? 7.62 : 9, country ?? '', holder ?? '', received(i), i % 5 !== 0]);
  }
  const path = join(scratchDir(), 'registre.xlsx');
  await writeXlsx(path, rows, { textColumns: [0] });
  const size = statSync(path).size;

  const before = Math.round(process.memoryUsage.rss() / 1e6);
  const probe = memoryProbe();
  const started = performance.now();
  const table = await readSpreadsheet(path, { onProgress: probe.onProgress });
  const ms = Math.round(performance.now() - started);
  console.log(`XLSX ${(size / 1048576).toFixed(1)} MB, ${rows.length} rows: ${ms} ms, RSS ${before} -> peak ${probe.peakMb()} MB`);

  expect(table).toMatchObject({ format: 'xlsx', columnCount: 9 });
  expect(table.rows).toHaveLength(rows.length);
  expect(table.lines.at(-1)).toBe(rows.length);
  expect(table.rows.at(-1)).toEqual(rows.at(-1));
  expect(table.rows[4321]).toEqual(rows[4321]);
}, 180_000);
