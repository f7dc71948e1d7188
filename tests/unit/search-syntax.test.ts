import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_MIN } from '../../src/shared/contract/register';
import { normalizeKey } from '../../src/shared/domain/normalize';
import type { WeaponRow } from '../../src/shared/domain/weapon';
import { Harness, freshArmoury } from './support/harness';
import { weaponInput } from './support/weapons';

/** Identifiers full of what users type by accident or on purpose: LIKE wildcards, quotes, FTS5 syntax. */
const IDENTIFIERS: [string, string][] = [
  ['ML-PN-0001', 'A%B_C-01'],
  ['ML-PN-0002', "X'Y\"Z-02"],
  ['ML-PN-0003', 'BS\\PATH\\03'],
  ['ML-PN-0004', 'AND-OR-NOT-04'],
  ['ML-PN-0005', 'NEAR(5)-05'],
  ['ML-PN-0006', 'ST*R^-06'],
  ['ML-PN-0007', 'CO:LON-07'],
  ['ML-PN-0008', '(PAR)-08'],
  ['ML-PN-0009', 'QU"OTE-09'],
  ['ML-PN-0010', '50%_OFF-10'],
  ['ML-PN-X001', 'AK47-011'],
  ['ML-GN-0012', 'ak47-012'],
  ['ML-GN-0013', 'AB1%2013'],
  ['ML-GN-0014', 'AB1X2014'],
  ['ML-GN-0015', 'O\'NEIL-15'],
  ['ML-GN-0016', 'E\u0301CLAIR-16'],
  ['ML-GN-0017', 'L-OR-EAL NEAR 17'],
];

const QUERIES = [
  '%%%', '___', 'A%B', 'B_C', '%_C', '%_', '50%', '_OF', 'B1%', 'B1_', "X'Y", "'''", "O'N", 'Y"Z', '"""', 'U"O', '"-0',
  '\\\\\\', 'S\\P', '\\03', 'AND', 'OR-', '-OR-', 'NOT', 'NEAR', 'NEAR(', 'R(5', '(5)', '***', 'ST*', 'T*R', 'R^-', '^^^',
  ':::', 'CO:', 'O:L', '(((', ')))', '(PA', 'AR)', 'AK47 OR X', 'AK* NOT 01', 'NEAR(AK47 ML)', '"AK47"', 'col:AK', 'keys:AK4',
  '^AK4', 'AK4*', 'ak47', 'K47-0', '-011', 'éclair', 'ÉCLAIR', 'ECLAIR', 'L-OR-EAL NEAR', 'EAL NEAR 1',
  // spans the end of a national code and the start of its serial: a substring of neither
  'X001 AK', '001 AK4', '0012 AK', 'NN-OOO',
];

let h: Harness;
let all: WeaponRow[];

beforeAll(async () => {
  h = await freshArmoury();
  for (const [nationalCode, serial] of IDENTIFIERS) await h.ok('weapons.register', weaponInput({ nationalCode, serial }));
  all = (await h.ok('weapons.list', { limit: 500 })).rows;
  expect(all).toHaveLength(IDENTIFIERS.length);
});
afterAll(() => h.dispose());

/** The true answer: weapons whose normalized national code or serial contains the normalized text. */
function substringMatches(text: string): number[] {
  const key = normalizeKey(text);
  if (key.length < SEARCH_MIN) return all.map((w) => w.id);
  return all.filter((w) => normalizeKey(w.nationalCode).includes(key) || normalizeKey(w.serial).includes(key)).map((w) => w.id);
}

async function search(text: string): Promise<number[]> {
  const page = await h.ok('weapons.list', { search: text, limit: 500 });
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((w) => w.id);
}

describe('search', () => {
  it.each(QUERIES)('returns exactly the true substring matches for %j, without error', async (text) => {
    expect(await search(text)).toEqual(substringMatches(text));
  });

  it('finds something for most of those queries (the fixture really contains them)', () => {
    const hits = QUERIES.filter((q) => substringMatches(q).length > 0);
    expect(hits.length).toBeGreaterThan(QUERIES.length / 2);
  });

  it('finds partial serials and national codes at any position, whatever the case', async () => {
    const ak = all.filter((w) => normalizeKey(w.serial).startsWith('AK47')).map((w) => w.id);
    expect(ak).toHaveLength(2);
    for (const q of ['ak4', 'AK47', 'k47', '47-01', 'Ak47-0']) expect(await search(q), q).toEqual(ak);
    const last = all.at(-1) ?? expect.fail('no weapons');
    for (const q of [last.serial.slice(0, 3), last.serial.slice(4, 9), last.serial.slice(-3), last.nationalCode.slice(-4).toLowerCase()]) {
      expect(await search(q), q).toContain(last.id);
    }
    expect(await search('ZZZZ')).toEqual([]);
  });

  it('applies no search filter under three characters (after normalization)', async () => {
    for (const q of ['', '%', '_', '"', '*', 'AK', '  a  ', '\u200bAK\u200b\r', 'ak\u200e']) {
      const page = await h.ok('weapons.list', { search: q, limit: 500 });
      expect([page.total, page.capped, page.rows.length], JSON.stringify(q)).toEqual([all.length, false, all.length]);
    }
  });

  it('normalizes the search text as the identifiers are (NFC/NFD, invisible characters)', async () => {
    const eclair = substringMatches('ÉCLAIR');
    expect(eclair).toHaveLength(1);
    for (const q of ['e\u0301clair', '\u200bÉCL\u200eAIR\r', 'écl']) expect(await search(q), q).toEqual(eclair);
  });
});

describe('lookup (what a scanner sends)', () => {
  it('finds the exact serial or national code, normalized, and nothing for a part', async () => {
    const target = all.find((w) => w.serial === 'A%B_C-01') ?? expect.fail('fixture');
    for (const code of ['a%b_c-01', '\u200bA%B_C-01\r', '  A%B_C-01\n', target.nationalCode.toLowerCase(), `\u202e${target.nationalCode}`]) {
      expect((await h.ok('weapons.lookup', { code })).map((w) => w.id), JSON.stringify(code)).toEqual([target.id]);
    }
    for (const code of ['A%B', '%', '_', 'A%B_C-0_', 'A%B_C-0%', '', '\r']) {
      expect(await h.ok('weapons.lookup', { code }), JSON.stringify(code)).toEqual([]);
    }
    const both = await h.ok('weapons.lookup', { code: 'ak47-011' });
    expect(both.map((w) => w.serial)).toEqual(['AK47-011']);
  });
});
