import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerMany } from '../../src/main/core/register/service';
import type { OpInput } from '../../src/shared/contract';
import { PRINT_MAX_ROWS } from '../../src/shared/contract/reports';
import { weaponFields } from '../../src/shared/domain/weapon';
import { addStaff, disposeHarnesses, Template, type Harness } from './support/harness';
import { act } from './support/lifecycle';
import { weaponInput } from './support/weapons';

let template: Template;

/** Weapons of several types, agencies, calibres and statuses (a few lost or transferred out). */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
    const types = ['pistol', 'assault_rifle', 'rifle', 'shotgun'] as const;
    const agencies = ['police', 'gendarmerie', 'customs'] as const;
    for (let i = 0; i < 36; i++) {
      const w = await h.ok('weapons.register', weaponInput({
        type: types[i % 4] ?? 'other', agency: agencies[i % 3] ?? 'other', calibre: i % 2 ? '9x19mm' : '7.62x39mm', location: `Râtelier ${i % 5}`,
      }));
      if (i % 7 === 0) expect((await act(h, 'loss', w.id)).ok).toBe(true);
      if (i % 11 === 5) expect((await act(h, 'transfer_out', w.id)).ok).toBe(true);
    }
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function as(role: 'manager' | 'auditor'): Promise<Harness> {
  const h = template.copy();
  await h.login(role);
  return h;
}

type Query = OpInput<'reports.register'>;

describe('the printed register', () => {
  it('prints every row the screen lists, with the same search, filters and sort', async () => {
    const h = await as('auditor');
    const queries: Query[] = [
      {},
      { filters: { type: 'pistol' } },
      { filters: { agency: 'customs', calibre: '9x19mm' }, sort: 'nationalCode', dir: 'desc' },
      { filters: { status: 'lost' }, sort: 'type' },
      { search: 'QX0', sort: 'serial', dir: 'desc' },
      { search: 'QX0', filters: { location: 'Râtelier 3' }, sort: 'status' },
      { filters: { type: 'mortar' } },
    ];
    for (const q of queries) {
      const screen = await h.ok('weapons.list', { ...q, offset: 0, limit: 500 });
      const print = await h.ok('reports.register', q);
      expect(print.rows, JSON.stringify(q)).toEqual(screen.rows);
      expect(screen.rows.length > 0, JSON.stringify(q)).toBe(q.filters?.type !== 'mortar');
      expect([print.total, print.capped]).toEqual([screen.total, false]);
      expect(print.head).toEqual(h.head());
      expect(print.at).toBe(h.clock.now().toISOString());
    }
    expect((await h.ok('reports.register', { filters: { type: 'pistol' } })).rows.map((r) => r.type)).toEqual(Array(9).fill('pistol'));
  });

  it(`prints up to ${PRINT_MAX_ROWS} rows and asks for a filter past them (or past a search's own cap)`, async () => {
    const h = await as('manager');
    const store = h.app.store ?? expect.fail('no store');
    const bulk = Array.from({ length: PRINT_MAX_ROWS }, () => weaponFields.parse(weaponInput({ type: 'carbine', agency: 'armed_forces' })));
    registerMany(store, h.app.session?.userId ?? 1, bulk);
    const all = await h.ok('reports.register', {});
    expect([all.total, all.capped, all.rows]).toEqual([PRINT_MAX_ROWS + 36, true, []]);
    const carbines = await h.ok('reports.register', { filters: { type: 'carbine' }, sort: 'serial', dir: 'desc' });
    expect([carbines.total, carbines.capped, carbines.rows.length]).toEqual([PRINT_MAX_ROWS, false, PRINT_MAX_ROWS]);
    expect(carbines.rows[0]).toEqual((await h.ok('weapons.list', { filters: { type: 'carbine' }, sort: 'serial', dir: 'desc', limit: 1 })).rows[0]);
    // a search stops at its own cap: its first thousand hits are not the whole register
    const search = await h.ok('reports.register', { search: 'ML-PN-T' });
    expect([search.capped, search.rows]).toEqual([true, []]);
    const few = await h.ok('reports.register', { filters: { agency: 'customs' } });
    expect([few.total, few.capped, few.rows.length]).toEqual([12, false, 12]);
  });
});
