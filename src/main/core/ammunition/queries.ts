import type { AmmoDashboard, HoldingRow, LotDossier, LotRow, StockCardLine, StoreView } from '../../../shared/contract/ammunition';
import {
  aggregateGroups, COMPATIBILITY_TABLE, mostHazardous, type AmmoCondition, type CompatibilityGroup, type HazardDivision,
} from '../../../shared/domain/ammunition';
import { normalizeKey } from '../../../shared/domain/normalize';
import { escapeLike, type Statements } from '../db/statements';
import { history } from '../register/queries';
import type { Store } from '../store';
import { addDays } from './dates';
import { balancesOf, suspendOverdueLots } from './inspection';
import { DUE_WITHIN_DAYS, getLot, LOT_COLUMNS, toLotRecord, toLotRow } from './lots';
import { toMicrograms, UG_PER_KG } from './balances';
import { storeGroups, storeNeq, storeWarnings } from './safety';
import { allStores, getStore, overridesOf, type StoreRecord } from './stores';

export function storeView(s: Statements, store: StoreRecord, today: string): StoreView {
  const neq = storeNeq(s, store.id);
  const groups = storeGroups(s, store.id) as CompatibilityGroup[];
  return {
    ...store,
    licenceExpired: store.licence.expiry < today,
    neqKg: Object.fromEntries(Object.entries(neq).map(([d, ug]) => [d, ug / UG_PER_KG])) as Partial<Record<HazardDivision, number>>,
    mostHazardous: mostHazardous(Object.keys(neq)),
    groups,
    aggregateGroups: aggregateGroups(groups),
    overrides: overridesOf(s, store.id),
    warnings: storeWarnings(store, neq, today),
  };
}

export const listStores = (s: Statements, today: string): StoreView[] => allStores(s).map((st) => storeView(s, st, today));

export function holdings(s: Statements, storeId: number, today: string): { store: StoreView; holdings: HoldingRow[] } {
  const store = getStore(s, storeId);
  const rows = s
    .sql('SELECT lot_id AS lotId, bay, condition, quantity FROM ammo_balances WHERE store_id = ? ORDER BY lot_id, bay, condition')
    .all(storeId) as { lotId: number; bay: string; condition: AmmoCondition; quantity: number }[];
  const lots = new Map<number, LotRow>();
  const lotRow = (id: number) => {
    let row = lots.get(id);
    if (!row) lots.set(id, (row = toLotRow(s, getLot(s, id), today)));
    return row;
  };
  const out = rows.map((r) => {
    const lot = lotRow(r.lotId);
    return { ...r, lot, neqKg: (r.quantity * toMicrograms(lot.neqPerUnitKg)) / UG_PER_KG };
  });
  return { store: storeView(s, store, today), holdings: out };
}

/** Lots holding stock whose next inspection falls within 30 days (or is past). */
const DUE = `l.next_inspection > '' AND l.next_inspection <= ? AND EXISTS (SELECT 1 FROM ammo_balances b WHERE b.lot_id = l.id)`;
/** Suspended as a whole, or with some stock suspended. */
const SUSPENDED = `(l.suspended = 1 OR EXISTS (SELECT 1 FROM ammo_balances b WHERE b.lot_id = l.id AND b.condition = 'suspended'))`;
const LIST_CAP = 5000;

export interface LotQuery {
  search: string;
  storeId?: number | undefined;
  dueOnly: boolean;
  suspendedOnly: boolean;
}

/** The lots list's filters and order as SQL (shared by the list and the spreadsheet export, which has no cap). */
export function lotFilter(q: LotQuery, today: string): { clause: string; params: (string | number)[]; order: string } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const search = q.search.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    where.push("(l.lot_number LIKE ? ESCAPE '\\' OR l.nature LIKE ? ESCAPE '\\' OR l.calibre LIKE ? ESCAPE '\\')");
    params.push(like, like, like);
  }
  if (q.storeId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM ammo_balances b WHERE b.store_id = ? AND b.lot_id = l.id)');
    params.push(q.storeId);
  }
  if (q.dueOnly) {
    where.push(DUE);
    params.push(addDays(today, DUE_WITHIN_DAYS));
  }
  if (q.suspendedOnly) where.push(SUSPENDED);
  return {
    clause: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    order: q.dueOnly ? 'ORDER BY l.next_inspection, l.id' : 'ORDER BY l.id',
  };
}

export function listLots(s: Statements, q: LotQuery, today: string): LotRow[] {
  const { clause, params, order } = lotFilter(q, today);
  const rows = s.sql(`SELECT ${LOT_COLUMNS} FROM lots l ${clause} ${order} LIMIT ${LIST_CAP}`).all(...params) as Record<string, unknown>[];
  return rows.map((r) => toLotRow(s, toLotRecord(r), today));
}

/** Issuable lots, oldest first (year of manufacture, then receipt, then id); never a suspended lot. */
export function suggestLots(s: Statements, q: { calibre: string; storeId?: number | undefined }, today: string): LotRow[] {
  const where = ['l.suspended = 0'];
  const params: (string | number)[] = [];
  const calibre = normalizeKey(q.calibre);
  if (calibre) {
    where.push('l.calibre_key = ?');
    params.push(calibre);
  }
  const inStore = q.storeId !== undefined ? 'AND b.store_id = ?' : '';
  if (q.storeId !== undefined) params.push(q.storeId);
  where.push(`EXISTS (SELECT 1 FROM ammo_balances b WHERE b.lot_id = l.id AND b.condition = 'serviceable' ${inStore})`);
  const rows = s
    .sql(`SELECT ${LOT_COLUMNS} FROM lots l WHERE ${where.join(' AND ')}
      ORDER BY l.year_of_manufacture IS NULL, l.year_of_manufacture, l.received_at, l.id LIMIT 50`)
    .all(...params) as Record<string, unknown>[];
  return rows.map((r) => toLotRow(s, toLotRecord(r), today));
}

const INTO = new Set(['ammo.received', 'ammo.transferred_in', 'ammo.returned']);
const OUT = new Set(['ammo.issued', 'ammo.transferred_out', 'ammo.lost', 'ammo.destroyed']);

type CardRounds = { lotId: number; quantity?: number; returned?: number }[];

/** The rounds of one lot in a custody voucher's lines (a voucher may take a lot from two places). */
const roundsOf = (data: Record<string, unknown>, lotId: number, key: 'quantity' | 'returned'): number =>
  ((data.rounds ?? []) as CardRounds).filter((r) => r.lotId === lotId).reduce((n, r) => n + Number(r[key] ?? 0), 0);

/**
 * How an event changes a lot's total on hand (moves and re-conditioning change nothing). A
 * custody issue takes its rounds, a return brings back those returned, and a rounds case closed
 * as returned brings back its quantity (read from the case, which the closing event names).
 */
export function cardChange(s: Statements, lotId: number, type: string, data: Record<string, unknown>): number {
  if (type === 'ammo.adjusted') return Number(data.delta);
  if (INTO.has(type)) return Number(data.quantity);
  if (OUT.has(type)) return -Number(data.quantity);
  if (type === 'custody.issued') return -roundsOf(data, lotId, 'quantity');
  if (type === 'custody.returned') return roundsOf(data, lotId, 'returned');
  if (type === 'case.closed' && data.outcome === 'returned') {
    const c = s.sql('SELECT subject, lot_id AS lotId, quantity FROM cases WHERE id = ?').get(data.caseId) as
      | { subject: string; lotId: number | null; quantity: number }
      | undefined;
    return c?.subject === 'rounds' && c.lotId === lotId ? c.quantity : 0;
  }
  return 0;
}

/** The stock record card (fiche de stock): every event of the lot with its running balance. */
export function stockCard(s: Statements, lotId: number): StockCardLine[] {
  let balance = 0;
  return history(s, `l:${lotId}`).map((h) => {
    const change = cardChange(s, lotId, h.type, h.data);
    balance += change;
    return { seq: h.seq, at: h.at, type: h.type, actor: h.actor, approver: h.approver, change, balance, data: h.data };
  });
}

export function lotDossier(s: Statements, lotId: number, today: string): LotDossier {
  const lot = toLotRow(s, getLot(s, lotId, 'id'), today);
  const codes = new Map(allStores(s).map((st) => [st.id, st.code]));
  const balances = balancesOf(s, lotId).map((b) => ({ ...b, storeCode: codes.get(b.storeId) ?? '?' }));
  return { lot, balances, card: stockCard(s, lotId) };
}

/**
 * The ammunition dashboard. Runs the automatic suspension first (as the signed-in user, in an
 * ammo.auto_suspended event), so what it lists is already the state after it.
 */
export function dashboard(store: Store, actor: number, today: string): AmmoDashboard {
  const autoSuspended = suspendOverdueLots(store, actor, today);
  const s = store.s;
  const stores = listStores(s, today);
  const soon = addDays(today, 60);
  return {
    dueWithin30Days: listLots(s, { search: '', dueOnly: true, suspendedOnly: false }, today),
    suspended: listLots(s, { search: '', dueOnly: false, suspendedOnly: true }, today),
    autoSuspended,
    licencesExpiringWithin60Days: stores.filter((st) => st.licence.expiry >= today && st.licence.expiry <= soon),
    licencesExpired: stores.filter((st) => st.licenceExpired),
    compatibilityTable: { id: COMPATIBILITY_TABLE.id, status: COMPATIBILITY_TABLE.status },
  };
}
