import { projectAccounts } from './accounts/project';
import { projectArmoury } from './armoury/project';
import type { Statements } from './db/statements';
import type { StoredEvent } from './journal/event';
import { projectRegister } from './register/project';

const PROJECTORS = [projectArmoury, projectAccounts, projectRegister];

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
];
