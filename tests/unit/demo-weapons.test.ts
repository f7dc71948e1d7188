import { describe, expect, it } from 'vitest';
import { demoWeapon, prng } from '../../src/main/core/demo/generate';
import { normalizeKey } from '../../src/shared/domain/normalize';
import { weaponFields } from '../../src/shared/domain/weapon';

// The benchmark and `cli demo --weapons N` register up to a million demo weapons in batches:
// one duplicate aborts a whole batch. Random serial digits used to collide from ~50,000 weapons.
describe('demo weapons', () => {
  it('never repeat a national code or a (manufacturer, model, serial) identity', () => {
    const r = prng(42);
    const today = new Date();
    const codes = new Set<string>();
    const identities = new Set<string>();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const w = demoWeapon(i, r, today);
      codes.add(normalizeKey(w.nationalCode));
      identities.add(`${normalizeKey(w.manufacturer)}|${normalizeKey(w.model)}|${normalizeKey(w.serial)}`);
    }
    expect(codes.size).toBe(n);
    expect(identities.size).toBe(n);
  });

  it('pass the registration schema unchanged', () => {
    const r = prng(7);
    const today = new Date();
    for (let i = 0; i < 500; i++) {
      const w = demoWeapon(i, r, today);
      expect(weaponFields.parse(w)).toEqual(w);
    }
  });
});
