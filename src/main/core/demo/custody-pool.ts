import type { Agency, WeaponType } from '../../../shared/domain/enums';
import { balancesOf } from '../ammunition/inspection';
import { suggestLots } from '../ammunition/queries';
import type { Statements } from '../db/statements';
import type { prng } from './generate';

export interface PoolWeapon {
  id: number;
  type: WeaponType;
  calibre: string;
  agency: Agency;
}

/**
 * The serviceable weapons on the shelves that officers may draw, by type and owning agency, kept
 * in memory as the counter's day goes: one query at the start rather than one per checkout.
 */
export class WeaponPool {
  private readonly shelves = new Map<WeaponType, Map<Agency, PoolWeapon[]>>();

  constructor(s: Statements, types: readonly WeaponType[]) {
    const rows = s
      .sql(`SELECT id, type, calibre, agency FROM weapons WHERE status = 'in_store' AND condition = 'serviceable'
        AND type IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(types)) as PoolWeapon[];
    for (const w of rows) this.put(w);
  }

  has(type: WeaponType): boolean {
    for (const list of this.shelves.get(type)?.values() ?? []) if (list.length > 0) return true;
    return false;
  }

  /** A weapon of the officer's own agency when there is one, else of the first agency that has one. */
  take(type: WeaponType, agency: Agency, r: ReturnType<typeof prng>): PoolWeapon | null {
    const byAgency = this.shelves.get(type);
    if (!byAgency) return null;
    const list = byAgency.get(agency)?.length ? byAgency.get(agency) : [...byAgency.values()].find((l) => l.length > 0);
    if (!list) return null;
    const i = Math.floor(r.next() * list.length);
    const w = list[i] as PoolWeapon;
    list[i] = list[list.length - 1] as PoolWeapon;
    list.pop();
    return w;
  }

  put(w: PoolWeapon): void {
    let byAgency = this.shelves.get(w.type);
    if (!byAgency) this.shelves.set(w.type, (byAgency = new Map()));
    const list = byAgency.get(w.agency);
    if (list) list.push(w);
    else byAgency.set(w.agency, [w]);
  }
}

export interface RoundsLine {
  lotId: number;
  storeId: number;
  bay: string;
  quantity: number;
}

/**
 * The rounds a checkout draws: the oldest issuable lot of the calibre (the app's suggestion)
 * holding the quantity in one place of the store. Suggestions are read once a week, and again when
 * a lot was received; a lot suspended meanwhile is passed over, as the suggestion would.
 */
export class RoundsDesk {
  private readonly suggested = new Map<string, number[]>();
  private lots = 0;

  constructor(private readonly s: Statements) {}

  /** Reads the suggestions again at the next draw (an inspection may have released a lot). */
  reset(): void {
    this.suggested.clear();
  }

  draw(storeId: number, calibre: string, quantity: number, day: string): RoundsLine | null {
    const lots = (this.s.sql('SELECT COUNT(*) AS n FROM lots').get() as { n: number }).n;
    if (lots !== this.lots) {
      this.lots = lots;
      this.reset();
    }
    let ids = this.suggested.get(calibre);
    if (!ids) {
      ids = suggestLots(this.s, { calibre, storeId }, day).map((l) => l.id);
      this.suggested.set(calibre, ids);
    }
    for (const lotId of ids) {
      if ((this.s.sql('SELECT suspended FROM lots WHERE id = ?').get(lotId) as { suspended: number }).suspended) continue;
      const place = balancesOf(this.s, lotId)
        .filter((b) => b.storeId === storeId && b.condition === 'serviceable' && b.quantity >= quantity)
        .sort((a, b) => b.quantity - a.quantity)[0];
      if (place) return { lotId, storeId, bay: place.bay, quantity };
    }
    return null;
  }
}
