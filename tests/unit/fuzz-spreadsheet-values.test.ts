import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, meansBlank, parseBoolean, parseDate, parseNumber } from '../../src/main/core/spreadsheet/map/values';
import type { Cell } from '../../src/main/core/spreadsheet/read/table';
import { fuzzParams } from './support/fuzz/env';

/**
 * Properties of the cell parsers the importer maps every value with: they never throw, answer a
 * value of their type or null, and read back what a register writes (ISO and French dates, French
 * and English numbers). FUZZ_RUNS scales, FUZZ_SEED replays.
 */

const dateCell = fc.date({ min: new Date(Date.UTC(-271_000, 0, 1)), max: new Date(Date.UTC(275_000, 0, 1)) });

/** Any cell a reader can hand over: text (of every kind), numbers (all doubles), booleans, Dates (valid or not), null. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[\d ./,+-]{0,24}$/),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  dateCell,
  fc.constant(new Date(Number.NaN)),
  fc.constant(null),
);

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

describe('the cell parsers', () => {
  it('never throw, and answer their type or null', () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (c, integer) => {
        const date = parseDate(c);
        expect(date === null || ISO.test(date), `parseDate → ${String(date)}`).toBe(true);
        const n = parseNumber(c, integer);
        // A number the schema can take: finite (a 400-digit text is not a number of rounds).
        expect(n === null || Number.isFinite(n), `parseNumber → ${String(n)}`).toBe(true);
        const b = parseBoolean(c);
        expect(b === null || typeof b === 'boolean').toBe(true);
        const text = cellText(c);
        expect(typeof text).toBe('string');
        expect(typeof meansBlank(text)).toBe('boolean');
      }),
      fuzzParams(3_000),
    );
  });

  it('read back every day of years 1000-9999 as ISO, as dd/mm/yyyy, d/m/yyyy and as a UTC Date cell', () => {
    const day = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('/', '-', '.'), (d, sep) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const dd = d.getUTCDate();
        const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(dd)}`;
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${pad(dd)}${sep}${pad(m)}${sep}${y}`)).toBe(iso);
        expect(parseDate(` ${dd}${sep}${m}${sep}${y} `)).toBe(iso);
        expect(parseDate(new Date(Date.UTC(y, m - 1, dd)))).toBe(iso);
        expect(parseDate(cellText(new Date(Date.UTC(y, m - 1, dd))))).toBe(iso);
      }),
      fuzzParams(2_000),
    );
  });

  it('read numbers written the French or the English way, and integers with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.boolean(), (whole, fraction, negative) => {
        const sign = negative ? '-' : '';
        const decimals = String(fraction).padStart(6, '0').replace(/0+$/, '') || '0';
        const expected = Number(`${sign}${whole}.${decimals}`);
        expect(parseNumber(`${sign}${whole},${decimals}`)).toBe(expected);
        expect(parseNumber(`${sign}${whole}.${decimals}`)).toBe(expected);
        const grouped = (mark: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, mark);
        expect(parseNumber(`${sign}${grouped('\u00a0')},${decimals}`)).toBe(expected);
        expect(parseNumber(`${sign}${grouped(' ')},${decimals}`)).toBe(expected);
        if (whole >= 1000) {
          expect(parseNumber(`${sign}${grouped('.')},${decimals}`)).toBe(expected);
          expect(parseNumber(`${sign}${grouped(',')}.${decimals}`)).toBe(expected);
          expect(parseNumber(`${sign}${grouped('.')}`, true)).toBe(negative ? -whole : whole);
        }
        // Through a number cell and back (+ 0: a cell shows -0 as 0).
        expect((parseNumber(cellText(expected)) ?? Number.NaN) + 0).toBe(expected + 0);
      }),
      fuzzParams(2_000),
    );
  });
});
