import type { WeaponStatus } from './enums';

/**
 * Which weapon events may happen from which statuses. Shared so the dossier only offers what core
 * will accept; core enforces it.
 */
export const WEAPON_ACTIONS = [
  'correct', 'move', 'maintenance_out', 'maintenance_back', 'condition', 'loss', 'theft', 'recovery',
  'surplus', 'destruction', 'deactivation', 'transfer_out',
] as const;
export type WeaponAction = (typeof WEAPON_ACTIONS)[number];

const ANY_HELD: readonly WeaponStatus[] = ['in_store', 'in_maintenance', 'unserviceable', 'recovered', 'surplus'];
const ENDED: readonly WeaponStatus[] = ['destroyed', 'deactivated', 'transferred_out'];

export const ALLOWED_FROM: Record<WeaponAction, readonly WeaponStatus[] | 'any_not_ended'> = {
  correct: 'any_not_ended',
  move: ['in_store', 'unserviceable', 'recovered', 'surplus'],
  maintenance_out: ['in_store', 'unserviceable', 'recovered'],
  maintenance_back: ['in_maintenance'],
  condition: ['in_store', 'in_maintenance', 'unserviceable', 'recovered', 'surplus'],
  loss: ['in_store', 'issued', 'assigned', 'in_transit', 'in_maintenance', 'unserviceable', 'recovered', 'surplus'],
  theft: ['in_store', 'issued', 'assigned', 'in_transit', 'in_maintenance', 'unserviceable', 'recovered', 'surplus'],
  recovery: ['lost', 'stolen'],
  surplus: ['in_store', 'unserviceable', 'recovered'],
  destruction: ANY_HELD,
  deactivation: ANY_HELD,
  transfer_out: ['in_store', 'unserviceable', 'surplus'],
};

/** Two-person actions: a second account confirms with its credentials in the same dialog. */
export const TWO_PERSON_ACTIONS: readonly WeaponAction[] = ['destruction', 'deactivation', 'surplus'];

export function actionAllowed(action: WeaponAction, status: WeaponStatus): boolean {
  const from = ALLOWED_FROM[action];
  return from === 'any_not_ended' ? !ENDED.includes(status) : from.includes(status);
}
