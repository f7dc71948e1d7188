import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import table from '../../src/shared/data/compatibility-groups.json';
import {
  aggregateGroups, compatibility, COMPATIBILITY_GROUPS, COMPATIBILITY_TABLE, HAZARD_DIVISIONS, mostHazardous,
  type CompatibilityGroup,
} from '../../src/shared/domain/ammunition';
import { lotInput, newStore, receiveNew, refused } from './support/ammunition';
import { addStaff, disposeHarnesses, Template } from './support/harness';
import { today } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const groups = table.groups as CompatibilityGroup[];
const pairs = groups.flatMap((present) => groups.map((incoming) => [present, incoming] as const));
const cell = (a: string, b: string) => (table.matrix as Record<string, Record<string, string>>)[a]?.[b];
const override = { authority: 'Autorité technique nationale', reference: 'DER-2026-04', date: today() };

describe('the shipped compatibility table', () => {
  it('covers the 13 groups, is symmetric and carries its id and status', () => {
    expect(groups).toEqual([...COMPATIBILITY_GROUPS]);
    expect(pairs).toHaveLength(169);
    for (const [a, b] of pairs) {
      expect(['Y', 'C', 'N']).toContain(cell(a, b));
      expect(cell(a, b), `${a}${b}`).toBe(cell(b, a));
      expect(compatibility(a, b)).toBe(cell(a, b));
    }
    expect(COMPATIBILITY_TABLE).toEqual({ id: table.id, status: table.status });
  });

  it('treats anything not listed as N', () => {
    expect(compatibility('A', 'Z')).toBe('N');
    expect(compatibility('Q', 'S')).toBe('N');
    expect(compatibility('', '')).toBe('N');
  });
});

describe('every mixing rule of the table, enforced on receipt', () => {
  it('accepts Y, refuses N, and refuses C until the store has an override (all 13x13 pairs)', async () => {
    const h = template.copy();
    await h.login('manager');
    const seen = { Y: 0, C: 0, N: 0 };
    for (const [present, incoming] of pairs) {
      const rule = compatibility(present, incoming);
      seen[rule]++;
      const storeId = await newStore(h);
      await receiveNew(h, storeId, 10, { compatibilityGroup: present });
      const receipt = {
        lot: lotInput({ compatibilityGroup: incoming }), place: { storeId, bay: 'A2' }, quantity: 10, date: today(),
        source: 'Dotation', document: 'BL-2',
      };
      const label = `${present} then ${incoming} (${rule})`;
      if (rule === 'Y') {
        const r = await h.ok('ammo.receiveNewLot', receipt);
        expect(r.warnings, label).toEqual([]);
        continue;
      }
      const code = rule === 'N' ? 'incompatible_groups' : 'compatibility_override_required';
      const error = await refused(h, 'ammo.receiveNewLot', receipt, code);
      expect(error.kind).toBe('conflict');
      expect(error.params, label).toEqual({ incoming, present, store: expect.any(String) });
      if (rule === 'C') {
        await h.ok('stores.recordOverride', { storeId, groupA: present, groupB: incoming, ...override });
        await h.ok('ammo.receiveNewLot', receipt);
      } else {
        const r = await h.call('stores.recordOverride', { storeId, groupA: present, groupB: incoming, ...override });
        expect(r.ok ? 'ok' : r.error.code, label).toBe('override_not_conditional');
      }
    }
    expect(seen.Y + seen.C + seen.N).toBe(169);
    expect(seen.C).toBeGreaterThan(0);
    expect(seen.N).toBeGreaterThan(0);
  }, 120_000);

  it('lets more of the same lot in even where the group is conditional with itself (L, K)', async () => {
    const h = template.copy();
    await h.login('manager');
    for (const group of ['L', 'K'] as const) {
      expect(compatibility(group, group)).toBe('C');
      const storeId = await newStore(h);
      const lotId = await receiveNew(h, storeId, 10, { compatibilityGroup: group });
      await h.ok('ammo.receive', { lotId, place: { storeId, bay: 'A1' }, quantity: 5, date: today(), source: 'Dotation' });
      await refused(h, 'ammo.receiveNewLot', {
        lot: lotInput({ compatibilityGroup: group }), place: { storeId, bay: 'A1' }, quantity: 1, date: today(), source: 'Dotation',
      }, 'compatibility_override_required');
    }
  });

  it('applies the rules to moves between stores and to transfers in, not to moves inside a store', async () => {
    const h = template.copy();
    await h.login('manager');
    const a = await newStore(h);
    const b = await newStore(h);
    const lotG = await receiveNew(h, a, 10, { compatibilityGroup: 'G', hazardDivision: '1.3' });
    await receiveNew(h, b, 10, { compatibilityGroup: 'H', hazardDivision: '1.2' });
    await h.ok('ammo.move', { lotId: lotG, from: { storeId: a, bay: 'A1' }, to: { storeId: a, bay: 'A2' }, condition: 'serviceable', quantity: 4 });
    const e = await refused(h, 'ammo.move', {
      lotId: lotG, from: { storeId: a, bay: 'A1' }, to: { storeId: b, bay: 'A1' }, condition: 'serviceable', quantity: 1,
    }, 'incompatible_groups');
    expect(e.params).toMatchObject({ incoming: 'G', present: 'H' });
    await refused(h, 'ammo.transferIn', {
      lot: lotInput({ compatibilityGroup: 'J' }), place: { storeId: b, bay: '' }, quantity: 1, date: today(),
      transferId: 'TR-7', fromArmoury: 'ML-GAO-01',
    }, 'incompatible_groups');
  });

  it('records overrides for the unordered pair, shown on the store, by managers only', async () => {
    const h = template.copy();
    await h.login('manager');
    const storeId = await newStore(h);
    const view = await h.ok('stores.recordOverride', { storeId, groupA: 'G', groupB: 'B', ...override });
    expect(view.overrides).toEqual([{ groupA: 'B', groupB: 'G', ...override }]);
    await receiveNew(h, storeId, 1, { compatibilityGroup: 'G' });
    await receiveNew(h, storeId, 1, { compatibilityGroup: 'B' });
    await h.login('storekeeper');
    const e = await refused(h, 'stores.recordOverride', { storeId, groupA: 'F', groupB: 'G', ...override }, 'forbidden');
    expect(e.kind).toBe('forbidden');
  });

  it('checks the incoming group against what the mixture counts as', async () => {
    const h = template.copy();
    await h.login('manager');
    const storeId = await newStore(h);
    await receiveNew(h, storeId, 1, { compatibilityGroup: 'N', hazardDivision: '1.6' });
    await receiveNew(h, storeId, 1, { compatibilityGroup: 'C', hazardDivision: '1.1' });
    const view = (await h.ok('stores.list', {})).find((s) => s.id === storeId);
    expect(view?.groups).toEqual(['C', 'N']);
    expect(view?.aggregateGroups).toEqual(['D']);
    // F with N is N in the table (and F with D, what N+C counts as, is only C): the stricter rule refuses.
    const e = await refused(h, 'ammo.receiveNewLot', {
      lot: lotInput({ compatibilityGroup: 'F' }), place: { storeId, bay: 'A1' }, quantity: 1, date: today(), source: 'Dotation',
    }, 'incompatible_groups');
    expect(e.params).toMatchObject({ incoming: 'F', present: 'N' });
  });
});

describe('aggregation rules', () => {
  it('counts N mixed with C, D or E as D', () => {
    expect(aggregateGroups(['N', 'C'])).toEqual(['D']);
    expect(aggregateGroups(['N', 'D'])).toEqual(['D']);
    expect(aggregateGroups(['N', 'E', 'S'])).toEqual(['D', 'S']);
    expect(aggregateGroups(['N', 'S'])).toEqual(['N', 'S']);
    expect(aggregateGroups(['N'])).toEqual(['N']);
  });

  it('counts C, D and E together (any two or more) as E', () => {
    expect(aggregateGroups(['C', 'D'])).toEqual(['E']);
    expect(aggregateGroups(['C', 'E'])).toEqual(['E']);
    expect(aggregateGroups(['D', 'E'])).toEqual(['E']);
    expect(aggregateGroups(['C', 'D', 'E', 'S'])).toEqual(['E', 'S']);
    expect(aggregateGroups(['C', 'N', 'E'])).toEqual(['E']);
    expect(aggregateGroups(['N', 'C', 'D', 'S'])).toEqual(['E', 'S']);
    expect(aggregateGroups(['D'])).toEqual(['D']);
    expect(aggregateGroups([])).toEqual([]);
  });

  it('names the most hazardous division by IATG precedence', () => {
    expect(HAZARD_DIVISIONS).toEqual(['1.1', '1.5', '1.2', '1.3', '1.6', '1.4']);
    expect(mostHazardous(['1.4', '1.3'])).toBe('1.3');
    expect(mostHazardous(['1.2', '1.5'])).toBe('1.5');
    expect(mostHazardous(['1.6', '1.4'])).toBe('1.6');
    expect(mostHazardous(['1.4', '1.1', '1.2'])).toBe('1.1');
    expect(mostHazardous([])).toBeNull();
  });
});
