import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/main/core/demo/accounts';
import { REGISTER_SORTS, SEARCH_CAP, type RegisterQuery, type RegisterSort } from '../../src/shared/contract/register';
import { normalizeKey } from '../../src/shared/domain/normalize';
import { Harness, tempDir } from './support/harness';

/** More weapons than the search cap, all sharing the "ML-" prefix of demo national codes. */
const WEAPONS = SEARCH_CAP + 300;

interface Raw {
  id: number;
  national_code: string;
  serial: string;
  national_code_key: string;
  serial_key: string;
  type: string;
  status: string;
  agency: string;
  calibre: string;
  location: string;
}

let h: Harness;
let raw: Raw[];

// Read-only tests share one demo armoury: none of them writes, so each starts from the same state.
beforeAll(async () => {
  h = new Harness(tempDir(), { demoWeapons: WEAPONS });
  await h.ok('app.openDemo', {});
  await h.ok('auth.login', { username: 'inspecteur', password: DEMO_PASSWORD });
  raw = h.db.prepare('SELECT id, national_code, serial, national_code_key, serial_key, type, status, agency, calibre, location FROM weapons').all() as Raw[];
  expect(raw).toHaveLength(WEAPONS);
}, 120_000);
afterAll(() => h.dispose());

const SORT_KEY: Record<RegisterSort, (w: Raw) => string | number> = {
  nationalCode: (w) => w.national_code_key,
  serial: (w) => w.serial_key,
  type: (w) => w.type,
  status: (w) => w.status,
  agency: (w) => w.agency,
  calibre: (w) => w.calibre,
  registered: (w) => w.id,
};

/** SQLite's BINARY order (UTF-8 bytes), then id, as the register promises. */
function expectedOrder(rows: Raw[], sort: RegisterSort, dir: 'asc' | 'desc'): number[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: Raw, b: Raw) => {
    const ka = SORT_KEY[sort](a);
    const kb = SORT_KEY[sort](b);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : Buffer.compare(Buffer.from(String(ka)), Buffer.from(String(kb)));
    return c !== 0 ? c : a.id - b.id;
  };
  return [...rows].sort((a, b) => sign * cmp(a, b)).map((w) => w.id);
}

function matches(w: Raw, q: RegisterQuery): boolean {
  const f = q.filters ?? {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && w[k as keyof Raw] !== v) return false;
  const key = normalizeKey(q.search ?? '');
  return key.length < 3 || w.national_code_key.includes(key) || w.serial_key.includes(key);
}

/** Pages through a query with offsets until a short page; returns every id in page order. */
async function allPages(q: RegisterQuery, limit: number): Promise<{ ids: number[]; total: number; capped: boolean }> {
  const ids: number[] = [];
  let first: { total: number; capped: boolean } | undefined;
  for (let offset = 0; ; offset += limit) {
    const page = await h.ok('weapons.list', { ...q, offset, limit });
    first ??= { total: page.total, capped: page.capped };
    expect(page.total).toBe(first.total);
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < limit) break;
  }
  return { ids, ...(first ?? { total: 0, capped: false }) };
}

describe('the register list', () => {
  it.each(REGISTER_SORTS)('pages by offset sorted by %s, both directions, never repeating or skipping a row', async (sort) => {
    for (const dir of ['asc', 'desc'] as const) {
      const { ids, total, capped } = await allPages({ sort, dir }, 97);
      expect([total, capped]).toEqual([WEAPONS, false]);
      expect(ids).toEqual(expectedOrder(raw, sort, dir));
    }
  });

  const FILTERED: RegisterQuery[] = [
    { filters: { type: 'pistol' }, sort: 'serial' },
    { filters: { status: 'in_store', agency: 'police' }, sort: 'calibre', dir: 'desc' },
    { filters: { calibre: '7.62x39mm' }, sort: 'nationalCode' },
    { filters: { status: 'lost' }, sort: 'type' },
    { filters: { agency: 'customs', type: 'assault_rifle' }, sort: 'registered', dir: 'desc' },
    { search: '-gn-', sort: 'serial' },
    { search: 'PN-000', filters: { type: 'assault_rifle' }, sort: 'status' },
    { search: '12', sort: 'serial' },
  ];

  it.each(FILTERED)('filters, searches and sorts like a plain reading of the table: %j', async (q) => {
    const expected = raw.filter((w) => matches(w, q));
    const { ids, total, capped } = await allPages(q, 41);
    expect([total, capped]).toEqual([expected.length, false]);
    expect(ids).toEqual(expectedOrder(expected, q.sort ?? 'registered', q.dir ?? 'asc'));
  });

  it('has a plausible fixture: the filters above select something but not everything', () => {
    const sizes = FILTERED.map((q) => raw.filter((w) => matches(w, q)).length);
    expect(sizes.filter((n) => n > 0 && n < WEAPONS).length).toBeGreaterThanOrEqual(FILTERED.length - 2);
  });
});

describe('a search with more matches than the cap', () => {
  it('reports the cap and capped=true, and its pages hold exactly SEARCH_CAP distinct true matches', async () => {
    const q: RegisterQuery = { search: 'ml-', sort: 'serial' };
    expect(raw.filter((w) => matches(w, q)).length).toBeGreaterThan(SEARCH_CAP);
    const { ids, total, capped } = await allPages(q, 250);
    expect([total, capped]).toEqual([SEARCH_CAP, true]);
    expect(ids).toHaveLength(SEARCH_CAP);
    expect(new Set(ids).size).toBe(SEARCH_CAP);
    const byId = new Map(raw.map((w) => [w.id, w]));
    expect(ids.every((id) => { const w = byId.get(id); return w !== undefined && matches(w, q); })).toBe(true);
    const shown = ids.map((id) => byId.get(id) ?? expect.fail(`unknown id ${id}`));
    expect(ids).toEqual(expectedOrder(shown, 'serial', 'asc'));
  });

  it('is not capped once a filter narrows it under the cap', async () => {
    const q: RegisterQuery = { search: 'ML-', filters: { type: 'pistol' } };
    const expected = raw.filter((w) => matches(w, q));
    expect(expected.length).toBeLessThan(SEARCH_CAP);
    const page = await h.ok('weapons.list', { ...q, limit: 500 });
    expect([page.total, page.capped]).toEqual([expected.length, false]);
  });
});

describe('lookup on the demo register', () => {
  it('finds a weapon by its exact serial or national code in any case, with scanner noise', async () => {
    const target = raw[Math.floor(raw.length / 2)] ?? expect.fail('no weapon');
    const sameSerial = raw.filter((w) => w.serial_key === target.serial_key).map((w) => w.id);
    expect((await h.ok('weapons.lookup', { code: `${target.serial.toLowerCase()}\r\n` })).map((w) => w.id)).toEqual(sameSerial);
    expect((await h.ok('weapons.lookup', { code: `\u200e${target.national_code.toLowerCase()}` })).map((w) => w.id)).toEqual([target.id]);
    const part = normalizeKey(target.national_code.slice(0, -1));
    const exact = raw.filter((w) => w.national_code_key === part || w.serial_key === part).map((w) => w.id);
    expect((await h.ok('weapons.lookup', { code: part })).map((w) => w.id)).toEqual(exact);
    expect(exact).not.toContain(target.id);
  });
});
