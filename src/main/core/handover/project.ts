import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** handover.* and key.* events -> handovers, armoury_keys. */
export function projectHandover(s: Statements, e: StoredEvent): boolean {
  void s;
  if (e.type.startsWith('handover.') || e.type.startsWith('key.')) throw new Error(`no projection yet for ${e.type}`);
  return false;
}
