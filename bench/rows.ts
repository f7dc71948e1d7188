import { demoWeapon, prng } from '../src/main/core/demo/generate';
import type { WeaponFields } from '../src/shared/domain/weapon';

// A fixed "today" and seed: the core and raw loads receive exactly the same rows.
const TODAY = new Date(Date.UTC(2025, 0, 15));
const SEED = 0x9a7d1e;

/**
 * The demo generator's weapons, in batches. Generation time is measured by the caller and left
 * out of the insert rates, so both loads are compared on the database work alone.
 */
export function* weaponBatches(total: number, batch: number): Generator<WeaponFields[]> {
  const r = prng(SEED);
  for (let start = 0; start < total; start += batch) {
    const list: WeaponFields[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) list.push(demoWeapon(i, r, TODAY));
    yield list;
  }
}
