import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** officer.* events -> officers, officer_authorisations; refs "o:<officerId>". */
export function projectOfficers(s: Statements, e: StoredEvent): boolean {
  void s;
  if (e.type.startsWith('officer.')) throw new Error(`no projection yet for ${e.type}`);
  return false;
}
