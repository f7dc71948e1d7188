import type { MonthlyAmmoLine, MonthlyLine, MonthlyWeaponLine } from '../../../src/shared/contract/reports';
import { WEAPON_TYPES, type WeaponType } from '../../../src/shared/domain/enums';
import type { Db } from '../../../src/main/core/db/open';

export type Column = 'receipts' | 'issued' | 'returned' | 'losses' | 'destroyed' | 'transferredOut' | 'adjusted';

const ZERO: MonthlyLine = { opening: 0, receipts: 0, issued: 0, returned: 0, losses: 0, destroyed: 0, transferredOut: 0, adjusted: 0, closing: 0 };

/** The contract's arithmetic, written out again: weapons issued stay on charge, rounds issued leave the stores. */
export function weaponClosing(l: MonthlyLine): number {
  return l.opening + l.receipts - l.losses - l.destroyed - l.transferredOut;
}
export function ammoClosing(l: MonthlyLine): number {
  return l.opening + l.receipts - l.issued + l.returned - l.losses - l.destroyed - l.transferredOut + l.adjusted;
}

const WEAPON_EFFECT: Record<Column, number> = { receipts: 1, issued: 0, returned: 0, losses: -1, destroyed: -1, transferredOut: -1, adjusted: 0 };
const AMMO_EFFECT: Record<Column, number> = { receipts: 1, issued: -1, returned: 1, losses: -1, destroyed: -1, transferredOut: -1, adjusted: 1 };

const printable = (l: MonthlyLine) => Object.values(l).some((v) => v !== 0);

/**
 * What a test did, month by month (month = an index the test chooses, in time order), kept apart
 * from the code under test: the monthly return of month m must read exactly what this model gives.
 * A weapon is counted under the type it had at the end of month m (its registration's type, or
 * that of the last correction made by then).
 */
export class Ledger {
  private readonly weapons: { month: number; weaponId: number; column: Column }[] = [];
  private readonly ammo: { month: number; nature: string; calibre: string; column: Column; quantity: number }[] = [];
  private readonly types = new Map<number, { month: number; type: WeaponType }[]>();

  /** A weapon registered or transferred in during `month` as `type`. */
  weaponIn(month: number, weaponId: number, type: WeaponType): void {
    this.types.set(weaponId, [{ month, type }]);
    this.weapon(month, weaponId, 'receipts');
  }

  weapon(month: number, weaponId: number, column: Column): void {
    this.weapons.push({ month, weaponId, column });
  }

  retype(month: number, weaponId: number, type: WeaponType): void {
    this.types.get(weaponId)?.push({ month, type });
  }

  rounds(month: number, lot: { nature: string; calibre: string }, column: Column, quantity: number): void {
    this.ammo.push({ month, nature: lot.nature, calibre: lot.calibre, column, quantity });
  }

  private typeAt(weaponId: number, month: number): WeaponType {
    const history = (this.types.get(weaponId) ?? []).filter((t) => t.month <= month);
    const last = history.at(-1);
    if (!last) throw new Error(`weapon ${weaponId} not registered by month ${month}`);
    return last.type;
  }

  weaponLines(month: number): MonthlyWeaponLine[] {
    const lines = new Map<WeaponType, MonthlyLine>();
    for (const e of this.weapons.filter((w) => w.month <= month)) {
      const type = this.typeAt(e.weaponId, month);
      const line = lines.get(type) ?? { ...ZERO };
      lines.set(type, line);
      if (e.month < month) line.opening += WEAPON_EFFECT[e.column];
      else line[e.column]++;
    }
    return WEAPON_TYPES.flatMap((type) => {
      const l = lines.get(type);
      return l && printable(l) ? [{ type, ...l, closing: weaponClosing(l) }] : [];
    });
  }

  ammoLines(month: number): MonthlyAmmoLine[] {
    const lines = new Map<string, MonthlyAmmoLine>();
    for (const e of this.ammo.filter((a) => a.month <= month)) {
      const key = `${e.nature}|${e.calibre}`;
      const line = lines.get(key) ?? { nature: e.nature, calibre: e.calibre, ...ZERO };
      lines.set(key, line);
      if (e.month < month) line.opening += AMMO_EFFECT[e.column] * e.quantity;
      else line[e.column] += e.quantity;
    }
    return [...lines.values()]
      .map((l) => ({ ...l, closing: ammoClosing(l) }))
      .filter(printable)
      .sort((a, b) => a.nature.localeCompare(b.nature, 'fr') || a.calibre.localeCompare(b.calibre, 'fr'));
  }
}

/** Weapons on the armoury's charge now, by type: every status but lost, stolen and the ended ones. */
export function weaponsOnCharge(db: Db): Partial<Record<WeaponType, number>> {
  const rows = db
    .prepare("SELECT type, COUNT(*) AS n FROM weapons WHERE status NOT IN ('lost', 'stolen', 'destroyed', 'deactivated', 'transferred_out') GROUP BY type")
    .all() as { type: WeaponType; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** Rounds in the stores now (the balances projection), by the lots' nature and calibre. */
export function roundsInStores(db: Db): Record<string, number> {
  const rows = db
    .prepare('SELECT l.nature, l.calibre, SUM(b.quantity) AS n FROM ammo_balances b JOIN lots l ON l.id = b.lot_id GROUP BY l.nature, l.calibre')
    .all() as { nature: string; calibre: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.nature}|${r.calibre}`, r.n]));
}

export const sumOf = (lines: readonly MonthlyLine[]): MonthlyLine => {
  const total = { ...ZERO };
  for (const l of lines) for (const k of Object.keys(ZERO) as (keyof MonthlyLine)[]) total[k] += l[k];
  return total;
};
