import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { ArmouryIdentity } from '../../../shared/domain/accounts';

export interface ArmouryCreated extends ArmouryIdentity {
  manager: { username: string; fullName: string };
  /** 'commission' for the national commission's register; absent (an armoury) in older journals. */
  kind?: 'armoury' | 'commission';
}

export function addRef(s: Statements, ref: string, seq: number): void {
  s.sql('INSERT OR IGNORE INTO event_refs (ref, seq) VALUES (?, ?)').run(ref, seq);
}

/** armoury.created also creates the first manager, whose user id is that event's seq. */
export function projectArmoury(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'armoury.created': {
      const d = e.data as ArmouryCreated;
      s.sql('INSERT INTO armoury (id, code, name, agency, region, language, created_at, kind) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(
        d.code, d.name, d.agency, d.region, d.language, e.at, d.kind ?? 'armoury',
      );
      s.sql('INSERT INTO users (id, username, username_key, full_name, role, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)').run(
        e.seq, d.manager.username, d.manager.username.toUpperCase(), d.manager.fullName, 'manager', e.at,
      );
      addRef(s, `u:${e.seq}`, e.seq);
      return true;
    }
    case 'settings.changed': {
      const d = e.data as { key: string; value: unknown };
      s.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        d.key, JSON.stringify(d.value),
      );
      return true;
    }
    default:
      return false;
  }
}
