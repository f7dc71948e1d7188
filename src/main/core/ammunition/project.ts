import { normalizeKey } from '../../../shared/domain/normalize';
import type { LotFields } from '../../../shared/domain/ammunition';
import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import { changeBalance, changeOutstanding, toMicrograms } from './balances';
import type { StoredEvent } from '../journal/event';
import { effectiveNextInspection, suspendAfter } from './dates';
import type {
  Adjusted, AutoSuspended, BayAdded, ConditionChanged, Expended, Inspected, Issued, LicenceChanged, Moved,
  OverrideRecorded, Received, Recondition, Returned, StoreCreated, TakenOut, TransferredIn,
} from './events';
import { SUSPENSION_REASONS } from './events';
import { pairKey } from './stores';

const INSERT_LOT = `INSERT INTO lots (
  id, lot_state, lot_number, nature, calibre, calibre_key, manufacturer, country, year_of_manufacture,
  hazard_division, compatibility_group, un_number, neq_per_unit_kg, rounds_per_box, boxes_per_case,
  neq_per_unit_ug, inspection_interval_months, last_inspection, next_inspection, shelf_life_end, suspend_after,
  suspended, suspension_reason, received_at, updated_seq
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?)`;

function insertLot(s: Statements, id: number, l: LotFields, receivedAt: string): void {
  const next = effectiveNextInspection(l.lastInspection, l.nextInspection, l.inspectionIntervalMonths);
  s.sql(INSERT_LOT).run(
    id, l.lotState, l.lotNumber, l.nature, l.calibre, normalizeKey(l.calibre), l.manufacturer, l.country,
    l.yearOfManufacture, l.hazardDivision, l.compatibilityGroup, l.unNumber, l.neqPerUnitKg, l.roundsPerBox,
    l.boxesPerCase, toMicrograms(l.neqPerUnitKg), l.inspectionIntervalMonths, l.lastInspection, next, l.shelfLifeEnd,
    suspendAfter(next, l.inspectionIntervalMonths), receivedAt, id,
  );
}

function recondition(s: Statements, lotId: number, moved: readonly Recondition[]): number[] {
  for (const m of moved) {
    changeBalance(s, lotId, m, m.from, -m.quantity, false);
    changeBalance(s, lotId, m, m.to, m.quantity, false);
  }
  return moved.map((m) => m.storeId);
}

/** store.* events -> stores, store_overrides; refs "s:<storeId>". */
function projectStore(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'store.created': {
      const d = e.data as StoreCreated;
      s.sql('INSERT INTO stores (id, code, name, bays, licence, created_at, updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        e.seq, d.code, d.name, JSON.stringify(d.bays), JSON.stringify(d.licence), e.at, e.seq,
      );
      addRef(s, `s:${e.seq}`, e.seq);
      return true;
    }
    case 'store.licence_changed': {
      const d = e.data as LicenceChanged;
      s.sql('UPDATE stores SET licence = ?, updated_seq = ? WHERE id = ?').run(JSON.stringify(d.licence), e.seq, d.storeId);
      addRef(s, `s:${d.storeId}`, e.seq);
      return true;
    }
    case 'store.bay_added': {
      const d = e.data as BayAdded;
      const row = s.sql('SELECT bays FROM stores WHERE id = ?').get(d.storeId) as { bays: string };
      const bays = [...(JSON.parse(row.bays) as string[]), d.bay];
      s.sql('UPDATE stores SET bays = ?, updated_seq = ? WHERE id = ?').run(JSON.stringify(bays), e.seq, d.storeId);
      addRef(s, `s:${d.storeId}`, e.seq);
      return true;
    }
    case 'store.override_recorded': {
      const d = e.data as OverrideRecorded;
      const [a, b] = pairKey(d.groupA, d.groupB);
      s.sql(
        `INSERT INTO store_overrides (store_id, group_a, group_b, authority, reference, date, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (store_id, group_a, group_b) DO UPDATE SET authority = excluded.authority, reference = excluded.reference,
         date = excluded.date, seq = excluded.seq`,
      ).run(d.storeId, a, b, d.authority, d.reference, d.date, e.seq);
      addRef(s, `s:${d.storeId}`, e.seq);
      return true;
    }
    default:
      return false;
  }
}

/** Applies one ammo.* event to balances and outstanding quantities; returns its lot and the stores it touched. */
function applyMovement(s: Statements, e: StoredEvent): { lotId: number; stores: number[] } | null {
  switch (e.type) {
    case 'ammo.received':
    case 'ammo.transferred_in': {
      const d = e.data as Received | TransferredIn;
      const lotId = 'lotId' in d && d.lotId !== undefined ? d.lotId : e.seq;
      if (d.lot) insertLot(s, e.seq, d.lot, d.date);
      changeBalance(s, lotId, d, d.condition, d.quantity);
      return { lotId, stores: [d.storeId] };
    }
    case 'ammo.issued': {
      const d = e.data as Issued;
      changeBalance(s, d.lotId, d, 'serviceable', -d.quantity);
      changeOutstanding(s, d.lotId, d.quantity);
      return { lotId: d.lotId, stores: [d.storeId] };
    }
    case 'ammo.returned': {
      const d = e.data as Returned;
      changeOutstanding(s, d.lotId, -d.quantity);
      changeBalance(s, d.lotId, d, d.condition, d.quantity);
      return { lotId: d.lotId, stores: [d.storeId] };
    }
    case 'ammo.expended': {
      const d = e.data as Expended;
      changeOutstanding(s, d.lotId, -d.quantity);
      return { lotId: d.lotId, stores: [] };
    }
    case 'ammo.moved': {
      const d = e.data as Moved;
      // between bays of one store the store's totals do not change
      const across = d.from.storeId !== d.to.storeId;
      changeBalance(s, d.lotId, d.from, d.condition, -d.quantity, across);
      changeBalance(s, d.lotId, d.to, d.condition, d.quantity, across);
      return { lotId: d.lotId, stores: [d.from.storeId, d.to.storeId] };
    }
    case 'ammo.transferred_out':
    case 'ammo.lost':
    case 'ammo.destroyed': {
      const d = e.data as TakenOut;
      changeBalance(s, d.lotId, d, d.condition, -d.quantity);
      return { lotId: d.lotId, stores: [d.storeId] };
    }
    case 'ammo.adjusted': {
      const d = e.data as Adjusted;
      changeBalance(s, d.lotId, d, d.condition, d.delta);
      return { lotId: d.lotId, stores: [d.storeId] };
    }
    case 'ammo.condition_changed': {
      const d = e.data as ConditionChanged;
      changeBalance(s, d.lotId, d, d.from, -d.quantity, false);
      changeBalance(s, d.lotId, d, d.to, d.quantity, false);
      return { lotId: d.lotId, stores: [d.storeId] };
    }
    case 'ammo.inspected': {
      const d = e.data as Inspected;
      const stores = recondition(s, d.lotId, d.moved);
      const lot = s.sql('SELECT inspection_interval_months AS i FROM lots WHERE id = ?').get(d.lotId) as { i: number };
      const suspended = d.result === 'suspended';
      s.sql('UPDATE lots SET last_inspection = ?, next_inspection = ?, suspend_after = ?, suspended = ?, suspension_reason = ? WHERE id = ?').run(
        d.date, d.nextDue, suspended ? '' : suspendAfter(d.nextDue, lot.i), suspended ? 1 : 0, suspended ? SUSPENSION_REASONS.inspection : '', d.lotId,
      );
      return { lotId: d.lotId, stores };
    }
    case 'ammo.auto_suspended': {
      const d = e.data as AutoSuspended;
      const stores = recondition(s, d.lotId, d.moved);
      s.sql("UPDATE lots SET suspend_after = '', suspended = 1, suspension_reason = ? WHERE id = ?").run(d.reason, d.lotId);
      return { lotId: d.lotId, stores };
    }
    default:
      return null;
  }
}

/**
 * store.* and ammo.* events -> stores, store_overrides, lots, ammo_balances, store_lots, store_neq,
 * store_groups, lot_outstanding, event_refs.
 */
export function projectAmmunition(s: Statements, e: StoredEvent): boolean {
  if (e.type.startsWith('store.')) return projectStore(s, e);
  if (!e.type.startsWith('ammo.')) return false;
  const applied = applyMovement(s, e);
  if (!applied) return false;
  s.sql('UPDATE lots SET updated_seq = ? WHERE id = ?').run(e.seq, applied.lotId);
  addRef(s, `l:${applied.lotId}`, e.seq);
  for (const storeId of new Set(applied.stores)) addRef(s, `s:${storeId}`, e.seq);
  // an adjustment that settles a stock check's case shows in the case's history (and lets it close as adjusted)
  const caseId = e.type === 'ammo.adjusted' ? (e.data as Adjusted).caseId : undefined;
  if (caseId !== undefined) addRef(s, `c:${caseId}`, e.seq);
  return true;
}
