import { expect } from 'vitest';
import type { OperationName } from '../../../src/shared/contract';
import type { WeaponStatus } from '../../../src/shared/domain/enums';
import type { WeaponAction } from '../../../src/shared/domain/lifecycle';
import type { WeaponRecord } from '../../../src/shared/domain/weapon';
import type { Result } from '../../../src/shared/result';
import { USERS, type Harness } from './harness';
import { nextNumber, today, weaponInput } from './weapons';

/** The router operation behind each lifecycle action. */
export const ACTION_OPS: Record<WeaponAction, OperationName> = {
  correct: 'weapons.correct',
  move: 'weapons.move',
  maintenance_out: 'weapons.maintenanceOut',
  maintenance_back: 'weapons.maintenanceBack',
  condition: 'weapons.changeCondition',
  loss: 'weapons.reportLoss',
  theft: 'weapons.reportTheft',
  recovery: 'weapons.recover',
  surplus: 'weapons.declareSurplus',
  destruction: 'weapons.destroy',
  deactivation: 'weapons.deactivate',
  transfer_out: 'weapons.transferOut',
};

export const managerApproval = () => ({ username: USERS.manager.username, password: USERS.manager.password });

/** A valid input for each action on a weapon (two-person actions approved by the manager). */
export function actionInput(action: WeaponAction, weaponId: number, approver = managerApproval()): Record<string, unknown> {
  const date = today();
  const n = nextNumber();
  switch (action) {
    case 'correct': return { weaponId, field: 'notes', value: `Note ${n}`, reason: 'Erreur de saisie' };
    case 'move': return { weaponId, location: `Râtelier C / ${n}`, reason: 'Rangement' };
    case 'maintenance_out': return { weaponId, workshop: 'Atelier central', reason: 'Révision annuelle' };
    case 'maintenance_back': return { weaponId, condition: 'serviceable' };
    case 'condition': return { weaponId, condition: 'repairable', reason: 'Usure du canon' };
    case 'loss': return { weaponId, date, circumstances: 'Absente à l’inventaire' };
    case 'theft': return { weaponId, date, circumstances: 'Volée lors d’une attaque' };
    case 'recovery': return { weaponId, date, circumstances: 'Retrouvée lors d’une opération' };
    case 'surplus': return { weaponId, reason: 'Modèle réformé', approver };
    case 'destruction':
      return { weaponId, date, method: 'cutting', certificate: `PVD-${n}`, witnesses: ['Capitaine Coulibaly', 'M. Touré'], approver };
    case 'deactivation': return { weaponId, date, certificate: `NEUT-${n}`, approver };
    case 'transfer_out': return { weaponId, date, transferId: `TR-${n}`, toArmoury: 'ML-GAO-01' };
  }
}

export function act(h: Harness, action: WeaponAction, weaponId: number, approver = managerApproval()): Promise<Result<WeaponRecord>> {
  return h.app.router.call(ACTION_OPS[action], actionInput(action, weaponId, approver)) as Promise<Result<WeaponRecord>>;
}

export async function actOk(h: Harness, action: WeaponAction, weaponId: number): Promise<WeaponRecord> {
  const r = await act(h, action, weaponId);
  if (!r.ok) expect.fail(`${action} on ${weaponId} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** How to bring a freshly registered weapon to each status this slice can reach. */
export const PATHS: Partial<Record<WeaponStatus, WeaponAction[]>> = {
  in_store: [],
  in_maintenance: ['maintenance_out'],
  lost: ['loss'],
  stolen: ['theft'],
  recovered: ['loss', 'recovery'],
  surplus: ['surplus'],
  destroyed: ['destruction'],
  deactivated: ['deactivation'],
  transferred_out: ['transfer_out'],
};

/** A new weapon in the given status (unserviceable goes through a change of condition). */
export async function weaponIn(h: Harness, status: WeaponStatus): Promise<WeaponRecord> {
  let w = await h.ok('weapons.register', weaponInput());
  if (status === 'unserviceable') {
    w = await h.ok('weapons.changeCondition', { weaponId: w.id, condition: 'unserviceable', reason: 'Culasse fêlée' });
  } else {
    for (const action of PATHS[status] ?? expect.fail(`no path to ${status}`)) w = await actOk(h, action, w.id);
  }
  expect(w.status).toBe(status);
  return w;
}

export const REACHABLE: WeaponStatus[] = [...(Object.keys(PATHS) as WeaponStatus[]), 'unserviceable'];
