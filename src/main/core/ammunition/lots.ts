import type { LotRow } from '../../../shared/contract/ammunition';
import type { AmmoCondition, LotFields } from '../../../shared/domain/ammunition';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { addDays } from './dates';

/** A lot as projected: its record plus what the journal added (receipt date, suspension). */
export interface LotRecord extends LotFields {
  id: number;
  receivedAt: string;
  suspended: boolean;
  suspensionReason: string;
}

export const LOT_COLUMNS = `l.id, l.lot_state AS lotState, l.lot_number AS lotNumber, l.nature, l.calibre,
  l.manufacturer, l.country, l.year_of_manufacture AS yearOfManufacture, l.hazard_division AS hazardDivision,
  l.compatibility_group AS compatibilityGroup, l.un_number AS unNumber, l.neq_per_unit_kg AS neqPerUnitKg,
  l.rounds_per_box AS roundsPerBox, l.boxes_per_case AS boxesPerCase,
  l.inspection_interval_months AS inspectionIntervalMonths, l.last_inspection AS lastInspection,
  l.next_inspection AS nextInspection, l.shelf_life_end AS shelfLifeEnd, l.received_at AS receivedAt,
  l.suspended, l.suspension_reason AS suspensionReason`;

export function toLotRecord(row: Record<string, unknown>): LotRecord {
  return { ...(row as unknown as LotRecord), suspended: row.suspended === 1 };
}

export function findLot(s: Statements, id: number): LotRecord | undefined {
  const row = s.sql(`SELECT ${LOT_COLUMNS} FROM lots l WHERE l.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row && toLotRecord(row);
}

export function getLot(s: Statements, id: number, field = 'lotId'): LotRecord {
  const lot = findLot(s, id);
  if (!lot) throw new AppError('lot_not_found', `no lot ${id}`, { params: { id }, fields: { [field]: { code: 'lot_not_found' } } });
  return lot;
}

/** Quantity on hand per condition, all stores (the primary key's lot_id prefix). */
export function onHandOf(s: Statements, lotId: number): Partial<Record<AmmoCondition, number>> {
  const rows = s
    .sql('SELECT condition, SUM(quantity) AS n FROM ammo_balances WHERE lot_id = ? GROUP BY condition ORDER BY condition')
    .all(lotId) as { condition: AmmoCondition; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.condition, r.n]));
}

export function outstandingOf(s: Statements, lotId: number): number {
  const row = s.sql('SELECT quantity FROM lot_outstanding WHERE lot_id = ?').get(lotId) as { quantity: number } | undefined;
  return row?.quantity ?? 0;
}

/** Days ahead within which an inspection counts as due. */
export const DUE_WITHIN_DAYS = 30;

export function toLotRow(s: Statements, lot: LotRecord, today: string): LotRow {
  const onHand = onHandOf(s, lot.id);
  const next = lot.nextInspection;
  return {
    ...lot,
    onHand,
    total: Object.values(onHand).reduce((a, b) => a + b, 0),
    outstanding: outstandingOf(s, lot.id),
    inspectionDue: next !== '' && next <= addDays(today, DUE_WITHIN_DAYS),
    inspectionOverdue: next !== '' && next < today,
  };
}
