import type { WeaponStatus } from '../../../shared/domain/enums';
import type { WeaponAction } from '../../../shared/domain/lifecycle';

/** The journal event type each weapon action appends. */
export const ACTION_EVENTS: Record<WeaponAction, string> = {
  correct: 'weapon.corrected',
  move: 'weapon.moved',
  maintenance_out: 'weapon.maintenance_out',
  maintenance_back: 'weapon.maintenance_back',
  condition: 'weapon.condition_changed',
  loss: 'weapon.loss_reported',
  theft: 'weapon.theft_reported',
  recovery: 'weapon.recovered',
  surplus: 'weapon.surplus_declared',
  destruction: 'weapon.destroyed',
  deactivation: 'weapon.deactivated',
  transfer_out: 'weapon.transferred_out',
};

const FIXED: Record<string, WeaponStatus> = {
  'weapon.maintenance_out': 'in_maintenance',
  'weapon.loss_reported': 'lost',
  'weapon.theft_reported': 'stolen',
  'weapon.recovered': 'recovered',
  'weapon.surplus_declared': 'surplus',
  'weapon.destroyed': 'destroyed',
  'weapon.deactivated': 'deactivated',
  'weapon.transferred_out': 'transferred_out',
};

/**
 * The status a weapon has after an event. Condition decides between "in store" and
 * "unserviceable" for weapons on the shelf; a recovered weapon moved to a rack is back in store.
 */
export function statusAfter(type: string, current: WeaponStatus, condition: string): WeaponStatus {
  const fixed = FIXED[type];
  if (fixed) return fixed;
  const shelfStatus: WeaponStatus = condition === 'unserviceable' ? 'unserviceable' : 'in_store';
  switch (type) {
    case 'weapon.maintenance_back':
      return shelfStatus;
    case 'weapon.condition_changed':
      return current === 'in_store' || current === 'unserviceable' ? shelfStatus : current;
    case 'weapon.moved':
      return current === 'recovered' ? shelfStatus : current;
    default:
      return current;
  }
}
