import type { MonthlyLine } from '../../../shared/contract/reports';

/** The month's bounds in the PC's local time, as UTC instants: [from, to). */
export function monthBounds(year: number, month: number): { from: string; to: string } {
  return { from: new Date(year, month - 1, 1).toISOString(), to: new Date(year, month, 1).toISOString() };
}

export type Column = Exclude<keyof MonthlyLine, 'opening' | 'closing'>;
/** A line being counted: everything but the closing, which the arithmetic gives. */
export type Tally = Omit<MonthlyLine, 'closing'>;

export const COLUMNS: readonly Column[] = ['receipts', 'issued', 'returned', 'losses', 'destroyed', 'transferredOut', 'adjusted'];

/**
 * How each column changes what is held. Weapons issued to officers stay on the armoury's charge;
 * rounds issued leave the stores (and come back when returned).
 */
export type Signs = Readonly<Record<Column, number>>;
export const WEAPON_SIGNS: Signs = { receipts: 1, issued: 0, returned: 0, losses: -1, destroyed: -1, transferredOut: -1, adjusted: 0 };
export const AMMO_SIGNS: Signs = { receipts: 1, issued: -1, returned: 1, losses: -1, destroyed: -1, transferredOut: -1, adjusted: 1 };

/** The column each single-quantity event counts in (weapons: one weapon per event; ammunition: its quantity, or delta). */
export const WEAPON_COLUMNS: Readonly<Record<string, Column>> = {
  'weapon.registered': 'receipts',
  'weapon.transferred_in': 'receipts',
  'weapon.recovered': 'receipts',
  'weapon.loss_reported': 'losses',
  'weapon.theft_reported': 'losses',
  'weapon.destroyed': 'destroyed',
  'weapon.deactivated': 'destroyed',
  'weapon.transferred_out': 'transferredOut',
};
export const AMMO_COLUMNS: Readonly<Record<string, Column>> = {
  'ammo.received': 'receipts',
  'ammo.transferred_in': 'receipts',
  'ammo.issued': 'issued',
  'ammo.returned': 'returned',
  'ammo.lost': 'losses',
  'ammo.destroyed': 'destroyed',
  'ammo.transferred_out': 'transferredOut',
  'ammo.adjusted': 'adjusted',
};
/**
 * ammo.* events that leave the stores' total as it was: expended rounds were already out (issued),
 * moves and re-conditioning stay in the stores. Listed so a test can check every ammo.* type of
 * the journal is one or the other.
 */
export const AMMO_NO_STOCK_CHANGE: readonly string[] = ['ammo.expended', 'ammo.moved', 'ammo.condition_changed', 'ammo.inspected', 'ammo.auto_suspended'];

export const emptyTally = (): Tally => ({ opening: 0, receipts: 0, issued: 0, returned: 0, losses: 0, destroyed: 0, transferredOut: 0, adjusted: 0 });

/** Counts a quantity: in its column when in the month, else in the opening with the column's effect. */
export function count(t: Tally, column: Column, quantity: number, inMonth: boolean, signs: Signs): void {
  if (inMonth) t[column] += quantity;
  else t.opening += signs[column] * quantity;
}

/** Takes `t` out of `from` and adds it to `to` (a weapon reclassified by a type correction). */
export function moveTally(from: Tally, to: Tally, t: Tally): void {
  for (const k of ['opening', ...COLUMNS] as const) {
    from[k] -= t[k];
    to[k] += t[k];
  }
}

/** The closing: the opening and every movement with its effect on what is held. */
export function closeLine(t: Tally, signs: Signs): MonthlyLine {
  return { ...t, closing: COLUMNS.reduce((n, c) => n + signs[c] * t[c], t.opening) };
}

export function sumLines(lines: readonly MonthlyLine[]): MonthlyLine {
  const total: MonthlyLine = { ...emptyTally(), closing: 0 };
  for (const l of lines) for (const k of ['opening', ...COLUMNS, 'closing'] as const) total[k] += l[k];
  return total;
}

/** A line worth printing: anything held or moved. */
export const hasFigures = (l: MonthlyLine): boolean => l.opening !== 0 || l.closing !== 0 || COLUMNS.some((c) => l[c] !== 0);
