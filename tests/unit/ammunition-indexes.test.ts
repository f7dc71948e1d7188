import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/core/db/open';
import { newStore, receiveNew } from './support/ammunition';
import { disposeHarnesses, Harness, Template } from './support/harness';
import { plan, sqlUsedBy } from './support/plans';
import { today } from './support/weapons';

const STORES = 4;
const LOTS = 120;

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const stores: number[] = [];
    for (let i = 0; i < STORES; i++) stores.push(await newStore(h));
    let lotId = 0;
    let lotStore = 0;
    for (let i = 0; i < LOTS; i++) {
      lotStore = stores[i % STORES] ?? 0;
      lotId = await receiveNew(h, lotStore, 100 + i, { calibre: i % 2 ? '9x19mm' : '7.62x39mm', nextInspection: `2030-0${1 + (i % 9)}-15` });
    }
    return { storeId: stores[0] ?? 0, lotId, lotStore };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

/** Full scans among the plans of the SELECTs (a scan of the few stores is fine). */
function scans(db: Db, sources: string[]): string[] {
  return sources
    .filter((s) => /^\s*SELECT/i.test(s))
    .flatMap((s) => plan(db, s).map((d) => `${d}  <- ${s.slice(0, 80)}`))
    // the journal head is read backwards by rowid, one row
    .filter((d) => /^SCAN (?!stores\b|events\b)/.test(d));
}

async function reopened(): Promise<Harness> {
  const h = template.copy();
  h.close();
  const again = new Harness(h.dir);
  await again.login('manager');
  return again;
}

describe('hot ammunition queries use indexes', () => {
  it('a receipt with its safety checks reads no table in full', async () => {
    const h = await reopened();
    const storeId = template.info.storeId ?? 0;
    const lotId = template.info.lotId ?? 0;
    const sources = await sqlUsedBy(h, async () => {
      await h.ok('ammo.receive', { lotId, place: { storeId: template.info.lotStore ?? 0, bay: 'A1' }, quantity: 5, date: today(), source: 'Dotation' });
      await receiveNew(h, storeId, 10);
    });
    expect(sources.some((s) => s.includes('store_neq'))).toBe(true);
    expect(scans(h.db, sources)).toEqual([]);
  });

  it('the automatic suspension at login and the suggestion read no table in full', async () => {
    const h = await reopened();
    const sources = await sqlUsedBy(h, async () => {
      await h.login('manager');
      await h.ok('lots.suggest', { calibre: '9x19mm' });
    });
    expect(sources.some((s) => s.includes('suspend_after'))).toBe(true);
    expect(scans(h.db, sources)).toEqual([]);
  });
});
