import type { Statements } from '../db/statements';

/**
 * Ends a weapon's open custody line (its custody_out row and voucher_weapons outcome) when the
 * weapon leaves custody other than by a return: a loss or theft report, or a case written off.
 * Closes the voucher when it was its last open line.
 */
export function closeCustodyLine(s: Statements, weaponId: number, seq: number, outcome: 'lost'): void {
  void s; void weaponId; void seq; void outcome;
  throw new Error('not implemented');
}
