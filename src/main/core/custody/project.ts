import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** officer.* and custody.* events -> officers, officer_authorisations, vouchers, voucher lines, custody_out. */
export function projectCustody(s: Statements, e: StoredEvent): boolean {
  void s;
  return e.type.startsWith('officer.') || e.type.startsWith('custody.') ? notYet(e.type) : false;
}

function notYet(type: string): never {
  throw new Error(`no projection yet for ${type}`);
}
