import { readSettings } from '../armoury/settings';
import type { Store } from '../store';
import type { CaseOpened } from './events';

export type CaseDraft = Omit<CaseOpened, 'owner' | 'deadline' | 'note'> & { owner?: number; note?: string };

/**
 * Opens a discrepancy case inside the caller's write (a return, a handover, a stock check): its
 * owner is the account that found it unless given, its deadline the armoury's setting from now.
 * Returns the case id (the seq of its case.opened event).
 */
export function openCase(store: Store, actor: number, now: Date, draft: CaseDraft): number {
  const hours = readSettings(store.s).caseDeadlineHours;
  const deadline = new Date(now.getTime() + hours * 3_600_000).toISOString();
  const data: CaseOpened = { ...draft, owner: draft.owner ?? actor, deadline, note: draft.note ?? '' };
  return store.journal.append({ type: 'case.opened', actor, data }).seq;
}
