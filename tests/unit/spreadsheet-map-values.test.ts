import { describe, expect, it } from 'vitest';
import { cellText, meansBlank, parseBoolean, parseDate, parseNumber } from '../../src/main/core/spreadsheet/map/values';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Every 13th day from 1950 to 2030 (all months, leap days included), as [iso, y, m, d]. */
function days(): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  for (let t = Date.UTC(1950, 0, 1); t < Date.UTC(2030, 0, 1); t += 13 * DAY) {
    const d = new Date(t);
    out.push([d.toISOString().slice(0, 10), d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
  }
  for (const y of [1952, 1996, 2000, 2020, 2024]) out.push([`${y}-02-29`, y, 2, 29]);
  return out;
}

describe('cellText', () => {
  it('writes numbers as people read them', () => {
    const cases: [number, string][] = [[123, '123'], [1.5, '1.5'], [123.0, '123'], [-0.25, '-0.25'], [1e21, '1000000000000000000000'], [1e-7, '0.0000001'], [1.1000000000000001, '1.1'], [0.1 + 0.2, '0.3']];
    for (const [n, text] of cases) expect(cellText(n), String(n)).toBe(text);
    expect(cellText(Number.NaN)).toBe('');
  });

  it('writes Date cells as their UTC day, booleans as true/false, empty as ""', () => {
    for (const [iso, y, m, d] of days()) expect(cellText(new Date(Date.UTC(y, m - 1, d)))).toBe(iso);
    expect(cellText(new Date(Date.UTC(2020, 4, 17, 23, 59)))).toBe('2020-05-17');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
    expect(cellText(null)).toBe('');
    expect(cellText('')).toBe('');
  });

  it('trims the ends of text and keeps everything inside, leading zeros included', () => {
    expect(cellText('  007 ')).toBe('007');
    expect(cellText('\tAB  12\u00a0C \r\n')).toBe('AB  12\u00a0C');
    // An XLSX number cell has already lost its zeros: 007 typed as a number is 7.
    expect(cellText(7)).toBe('7');
  });
});

describe('parseDate', () => {
  it('reads every written form of every day', () => {
    for (const [iso, y, m, d] of days()) {
      const forms = [
        `${pad(d)}/${pad(m)}/${y}`, `${d}/${m}/${y}`, `${pad(d)}-${pad(m)}-${y}`, `${pad(d)}.${pad(m)}.${y}`, iso,
        `${y}/${pad(m)}/${pad(d)}`, `${y}/${m}/${d}`, ` ${pad(d)}/${pad(m)}/${y} `, `${pad(d)}/${pad(m)}/${y} 00:00`, `${iso}T00:00:00`,
      ];
      for (const form of forms) expect(parseDate(form), form).toBe(iso);
    }
  });

  it('reads two-digit years up to this year as this century, later ones as the last', () => {
    const yy = new Date().getFullYear() % 100;
    expect(parseDate(`15/06/${pad(yy)}`)).toBe(`${2000 + yy}-06-15`);
    expect(parseDate('01/01/00')).toBe('2000-01-01');
    if (yy < 99) expect(parseDate(`15/06/${pad(yy + 1)}`)).toBe(`${1901 + yy}-06-15`);
    expect(parseDate('31/12/99')).toBe('1999-12-31');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    const wrong = [
      '31/02/2020', '29/02/2021', '29/02/1900', '30/02/2000', '31/04/2020', '00/01/2020', '01/13/2020', '32/01/2020', '2020-13-01',
      '2020-02-30', '12/2020', '2020', 'hier', '', '12/03/20201', '1/2/3', 'Inconnue',
    ];
    for (const text of wrong) expect(parseDate(text), text).toBeNull();
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate(null)).toBeNull();
    expect(parseDate(true)).toBeNull();
  });

  it('reads Date cells by their UTC day', () => {
    for (const [iso, y, m, d] of days()) expect(parseDate(new Date(Date.UTC(y, m - 1, d)))).toBe(iso);
    expect(parseDate(new Date(Number.NaN))).toBeNull();
  });

  it('reads Excel serial numbers (1900 date system, with its phantom 29 February 1900)', () => {
    const known: [number, string][] = [[1, '1900-01-01'], [59, '1900-02-28'], [61, '1900-03-01'], [25569, '1970-01-01'], [36526, '2000-01-01'], [43831, '2020-01-01'], [45351, '2024-02-29'], [43831.75, '2020-01-01']];
    for (const [serial, iso] of known) expect(parseDate(serial), String(serial)).toBe(iso);
    // Every day after 1 March 1900 is one serial after the last.
    for (const [iso, y, m, d] of days()) expect(parseDate(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY)), iso).toBe(iso);
    for (const serial of [60, 0, -5, 100_000, 1e9]) expect(parseDate(serial), String(serial)).toBeNull();
    // A year typed alone into a date column is not a day of 1905.
    for (const year of [1850, 1985, 2020, 2100]) expect(parseDate(year), String(year)).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads decimal commas, decimal points and thousands separators of both languages', () => {
    const cases: [string, number][] = [
      ['1 234,5', 1234.5], ['1\u00a0234,5', 1234.5], ['1\u202f234,5', 1234.5], ['1.234,5', 1234.5], ['1,234.5', 1234.5], ['0,010', 0.01],
      ['12', 12], [' 12 ', 12], ['-3,5', -3.5], ['1 234 567', 1234567], ['1.234.567', 1234567], ['1,234,567', 1234567], ['1.234.567,25', 1234567.25],
      ['0.001', 0.001], [',5', 0.5], ['1,5', 1.5], ['1.5', 1.5], ['007', 7],
    ];
    for (const [text, n] of cases) expect(parseNumber(text), text).toBe(n);
  });

  it('takes number cells as they are, without binary noise', () => {
    for (const n of [0, 12, -3.5, 0.001, 1234567.25]) expect(parseNumber(n)).toBe(n);
    expect(parseNumber(0.1 + 0.2)).toBe(0.3);
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('reads "1.000" and "1,000" as a thousand where a count is expected, as one elsewhere', () => {
    expect(parseNumber('1.000', true)).toBe(1000);
    expect(parseNumber('1,000', true)).toBe(1000);
    expect(parseNumber('1.000')).toBe(1);
    expect(parseNumber('1,000')).toBe(1);
    expect(parseNumber('0,010', true)).toBe(0.01);
    expect(parseNumber('1,5', true)).toBe(1.5);
  });

  it('refuses what is not one number', () => {
    for (const text of ['', 'abc', '12 kg', '1 2', '12 34', '1,23,4', '1.2.3', '1,234,5.6.7', '1.234.5', '--1', '1e5', '٣']) expect(parseNumber(text), text).toBeNull();
    for (const cell of [null, true, new Date()]) expect(parseNumber(cell)).toBeNull();
  });
});

describe('parseBoolean and blank words', () => {
  it('reads yes and no in both languages, a cross as yes, anything else as unknown', () => {
    for (const cell of ['oui', 'OUI', 'Oui ', 'yes', 'Y', 'x', 'X', 'vrai', 'true', '1', '✓', 1, true]) expect(parseBoolean(cell), String(cell)).toBe(true);
    for (const cell of ['non', 'NON', 'no', 'n', 'faux', 'false', '0', 0, false]) expect(parseBoolean(cell), String(cell)).toBe(false);
    for (const cell of ['', 'peut-être', 2, null, new Date()]) expect(parseBoolean(cell), String(cell)).toBeNull();
  });

  it('counts "unknown" and "nothing" words as blank', () => {
    for (const text of ['', 'Inconnu', 'INCONNUE', 'unknown', 'N/A', 'n.d.', 'Néant', '-', '?', ' — ']) expect(meansBlank(text), text).toBe(true);
    for (const text of ['NA', 'Police', '0', 'x']) expect(meansBlank(text), text).toBe(false);
  });
});
