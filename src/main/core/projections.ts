import { projectAccounts } from './accounts/project';
import { projectAmmunition } from './ammunition/project';
import { projectArmoury } from './armoury/project';
import { projectBackups } from './backup/project';
import { projectCases } from './cases/project';
import { projectCommission } from './commission/project';
import { projectCustody } from './custody/project';
import { projectHandover } from './handover/project';
import { projectOfficers } from './officers/project';
import { projectStockChecks } from './stockcheck/project';
import type { Statements } from './db/statements';
import type { StoredEvent } from './journal/event';
import { projectRegister } from './register/project';
import { projectSnapshots } from './snapshot/project';
import { projectImports } from './spreadsheet/project';

const PROJECTORS = [projectArmoury, projectAccounts, projectRegister, projectAmmunition, projectOfficers, projectCustody, projectCases, projectHandover, projectStockChecks, projectCommission, projectSnapshots, projectImports, projectBackups];

/** Applies one event to every projection; an event nobody understands is a bug, not a no-op. */
export function projectEvent(s: Statements, e: StoredEvent): void {
  for (const project of PROJECTORS) if (project(s, e)) return;
  throw new Error(`no projection for event type ${e.type} (seq ${e.seq})`);
}

/** Tables a replay must rebuild exactly, with the order that makes their dumps comparable. */
export const PROJECTION_TABLES: readonly { table: string; orderBy: string }[] = [
  { table: 'armoury', orderBy: 'id' },
  { table: 'users', orderBy: 'id' },
  { table: 'settings', orderBy: 'key' },
  { table: 'weapons', orderBy: 'id' },
  { table: 'weapon_status_counts', orderBy: 'status' },
  { table: 'event_refs', orderBy: 'ref, seq' },
  { table: 'stores', orderBy: 'id' },
  { table: 'store_overrides', orderBy: 'store_id, group_a, group_b' },
  { table: 'lots', orderBy: 'id' },
  { table: 'ammo_balances', orderBy: 'lot_id, store_id, bay, condition' },
  { table: 'store_lots', orderBy: 'store_id, lot_id' },
  { table: 'store_neq', orderBy: 'store_id, division' },
  { table: 'store_groups', orderBy: 'store_id, grp' },
  { table: 'lot_outstanding', orderBy: 'lot_id' },
  { table: 'officers', orderBy: 'id' },
  { table: 'officer_authorisations', orderBy: 'officer_id, weapon_type' },
  { table: 'vouchers', orderBy: 'id' },
  { table: 'voucher_weapons', orderBy: 'voucher_id, weapon_id' },
  { table: 'voucher_rounds', orderBy: 'voucher_id, lot_id, store_id, bay' },
  { table: 'custody_out', orderBy: 'weapon_id' },
  { table: 'cases', orderBy: 'id' },
  { table: 'handovers', orderBy: 'id' },
  { table: 'armoury_keys', orderBy: 'id' },
  { table: 'stock_checks', orderBy: 'id' },
  { table: 'stock_check_weapons', orderBy: 'check_id, weapon_id' },
  { table: 'stock_check_lots', orderBy: 'check_id, lot_id, store_id, bay' },
  { table: 'stock_check_unknown', orderBy: 'check_id, code' },
  { table: 'signing_keys', orderBy: 'key_id' },
  { table: 'snapshots', orderBy: 'number' },
  { table: 'national_armouries', orderBy: 'code' },
  { table: 'national_keys', orderBy: 'key_id' },
  { table: 'national_imports', orderBy: 'id' },
  { table: 'imports', orderBy: 'id' },
  { table: 'import_mappings', orderBy: 'kind, shape' },
  { table: 'backups', orderBy: 'seq' },
];
