import { addDays, addMonths, today } from '../src/main/core/ammunition/dates';
import { prng } from '../src/main/core/demo/generate';
import type { LotFields } from '../src/shared/domain/ammunition';

/**
 * The ammunition benchmark's movements: the same deterministic list for the core and the raw
 * load. The generator keeps every balance and outstanding quantity itself, so each movement is
 * one the core accepts (never more than a place holds, returns never above what is out), and it
 * hands the raw load the quantity each touched row ends with.
 */

export interface AmmoBenchSize {
  movements: number;
  lots: number;
  stores: number;
}

export interface Place {
  store: number;
  bay: string;
}

/** A balance row as it stands after the movement (0: the row goes). */
export interface RowAfter extends Place {
  after: number;
}

export type AmmoOp =
  | { kind: 'new' | 'receive'; lot: number; at: Place; quantity: number; rows: RowAfter[] }
  | { kind: 'issue' | 'return'; lot: number; at: Place; quantity: number; rows: RowAfter[]; outstanding: number }
  | { kind: 'expend'; lot: number; quantity: number; rows: RowAfter[]; outstanding: number }
  | { kind: 'move'; lot: number; from: Place; to: Place; quantity: number; rows: RowAfter[] };

export const BENCH_BAYS = ['B1', 'B2', 'B3', 'B4', 'B5'];
// A fixed "today" and seed: both loads receive exactly the same movements.
export const BENCH_DAY = '2025-01-15';
// Next inspections spread from 20 days ago to two years ahead of the run: a few dozen lots due or overdue, as in a real depot.
const RUN_DAY = today(new Date());
const SEED = 0xa330be;

/**
 * Lot i lives in store i % stores. One lot in ten is tear gas (1.4G) and sits in a store whose
 * index ends in 0, one in ten fragmentation grenades (1.1D) in a store ending in 5: G and D never
 * share a store, and small-arms rounds (1.4S) may go anywhere.
 */
const groupOf = (i: number) => (i % 10 === 0 ? 'G' : i % 10 === 5 ? 'D' : 'S');

export function benchLot(i: number): LotFields {
  const kind = groupOf(i);
  const base = {
    lotState: 'numbered' as const, lotNumber: `BENCH-${String(i + 1).padStart(5, '0')}`, manufacturer: 'Bench', country: 'FR' as const,
    yearOfManufacture: 2010 + (i % 14), inspectionIntervalMonths: 24, lastInspection: addMonths(addDays(RUN_DAY, ((i * 37) % 720) - 20), -24), nextInspection: '', shelfLifeEnd: '',
  };
  if (kind === 'G') return { ...base, nature: 'Grenade lacrymogène à main CS', calibre: 'Grenade à main', hazardDivision: '1.4', compatibilityGroup: 'G', unNumber: '0301', neqPerUnitKg: 0.08, roundsPerBox: 10, boxesPerCase: 2 };
  if (kind === 'D') return { ...base, nature: 'Grenade à main à fragmentation', calibre: 'Grenade à main', hazardDivision: '1.1', compatibilityGroup: 'D', unNumber: '0284', neqPerUnitKg: 0.06, roundsPerBox: 10, boxesPerCase: 2 };
  return { ...base, nature: 'Cartouche 9x19 mm ordinaire', calibre: '9x19mm', hazardDivision: '1.4', compatibilityGroup: 'S', unNumber: '0012', neqPerUnitKg: 0.00035, roundsPerBox: 50, boxesPerCase: 20 };
}

/** The texts every movement carries (what a storekeeper types: source, document, recipient, reference). */
export const TEXTS = {
  source: 'Direction du matériel — Dépôt central de Bamako',
  document: 'BL-2025-0107',
  unit: 'Escadron de gendarmerie mobile n° 2',
  reference: 'Séance de tir — Camp Soundiata Keïta (Kati)',
};

/**
 * The event a movement becomes, with the data the core records for it (the raw baseline writes
 * these bodies, so its rows are the size of the journal's). `store` maps a store index to its id.
 */
export function eventOf(op: AmmoOp, lotId: number, store: (index: number) => number): { type: string; data: object } {
  const at = (p: Place) => ({ storeId: store(p.store), bay: p.bay });
  const { source, document, unit, reference } = TEXTS;
  switch (op.kind) {
    case 'new':
      return { type: 'ammo.received', data: { lot: benchLot(op.lot), ...at(op.at), condition: 'serviceable', quantity: op.quantity, date: BENCH_DAY, source, document } };
    case 'receive':
      return { type: 'ammo.received', data: { lotId, ...at(op.at), condition: 'serviceable', quantity: op.quantity, date: BENCH_DAY, source, document } };
    case 'issue':
      return { type: 'ammo.issued', data: { lotId, ...at(op.at), quantity: op.quantity, recipient: { kind: 'unit', name: unit }, document } };
    case 'return':
      return { type: 'ammo.returned', data: { lotId, ...at(op.at), quantity: op.quantity, condition: 'serviceable', from: unit, document } };
    case 'expend':
      return { type: 'ammo.expended', data: { lotId, quantity: op.quantity, purpose: 'training', reference } };
    case 'move':
      return { type: 'ammo.moved', data: { lotId, from: at(op.from), to: at(op.to), condition: 'serviceable', quantity: op.quantity, document } };
  }
}

/** Per lot: balances by place and the quantity issued and not yet returned or expended. */
class Book {
  private readonly balances = new Map<string, number>();
  private readonly out = new Map<number, number>();

  private key = (lot: number, p: Place) => `${lot}|${p.store}|${p.bay}`;

  get(lot: number, p: Place): number {
    return this.balances.get(this.key(lot, p)) ?? 0;
  }

  add(lot: number, p: Place, delta: number): RowAfter {
    const after = this.get(lot, p) + delta;
    if (after < 0) throw new Error(`bench generator: balance of lot ${lot} would be ${after}`);
    if (after === 0) this.balances.delete(this.key(lot, p));
    else this.balances.set(this.key(lot, p), after);
    return { ...p, after };
  }

  outstanding(lot: number): number {
    return this.out.get(lot) ?? 0;
  }

  addOut(lot: number, delta: number): number {
    const after = this.outstanding(lot) + delta;
    this.out.set(lot, after);
    return after;
  }
}

/** The movements in batches: first one receipt per lot (new lots), then a mix on random lots. */
export function* ammoBatches(size: AmmoBenchSize, batch: number): Generator<AmmoOp[]> {
  const r = prng(SEED);
  const book = new Book();
  const home = (lot: number): Place => ({ store: lot % size.stores, bay: BENCH_BAYS[Math.floor(lot / size.stores) % BENCH_BAYS.length] as string });
  const small = (lot: number) => groupOf(lot) === 'S';
  // Round counts scaled for rounds (S) or items (grenades): a case, a draw, a return.
  const unit = (lot: number) => (small(lot) ? 50 : 1);

  const next = (i: number): AmmoOp => {
    if (i < size.lots) {
      const quantity = (small(i) ? 10_000 : 200) * r.int(1, 3);
      return { kind: 'new', lot: i, at: home(i), quantity, rows: [book.add(i, home(i), quantity)] };
    }
    const lot = r.int(0, size.lots - 1);
    const at = home(lot);
    const u = unit(lot);
    const have = book.get(lot, at);
    const out = book.outstanding(lot);
    const p = r.next();
    if (p < 0.4 && out > 0) {
      const quantity = Math.min(out, u * r.int(1, 10));
      if (r.next() < 0.25) return { kind: 'expend', lot, quantity, rows: [], outstanding: book.addOut(lot, -quantity) };
      return { kind: 'return', lot, at, quantity, rows: [book.add(lot, at, quantity)], outstanding: book.addOut(lot, -quantity) };
    }
    if (p < 0.75 && have >= u * 10) {
      const quantity = u * r.int(1, 10);
      return { kind: 'issue', lot, at, quantity, rows: [book.add(lot, at, -quantity)], outstanding: book.addOut(lot, quantity) };
    }
    if (p < 0.85 && have >= u * 20) {
      // Rounds go to the next store and come back; grenades only change bays in their own store.
      const to = small(lot) ? { store: (at.store + 1) % size.stores, bay: at.bay } : { store: at.store, bay: at.bay === 'B1' ? 'B2' : 'B1' };
      const quantity = u * r.int(1, 20);
      return { kind: 'move', lot, from: at, to, quantity, rows: [book.add(lot, at, -quantity), book.add(lot, to, quantity)] };
    }
    const away = small(lot) ? { store: (at.store + 1) % size.stores, bay: at.bay } : { store: at.store, bay: at.bay === 'B1' ? 'B2' : 'B1' };
    const back = book.get(lot, away);
    if (back > 0 && r.next() < 0.5) {
      return { kind: 'move', lot, from: away, to: at, quantity: back, rows: [book.add(lot, away, -back), book.add(lot, at, back)] };
    }
    const quantity = u * 10 * r.int(1, 3);
    return { kind: 'receive', lot, at, quantity, rows: [book.add(lot, at, quantity)] };
  };

  for (let start = 0; start < size.movements; start += batch) {
    const list: AmmoOp[] = [];
    for (let i = start; i < Math.min(size.movements, start + batch); i++) list.push(next(i));
    yield list;
  }
}
