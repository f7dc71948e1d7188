import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** custody.* events -> vouchers, voucher_weapons, voucher_rounds, custody_out, weapon statuses, ammunition balances. */
export function projectCustody(s: Statements, e: StoredEvent): boolean {
  void s;
  return e.type.startsWith('custody.') ? notYet(e.type) : false;
}

function notYet(type: string): never {
  throw new Error(`no projection yet for ${type}`);
}
