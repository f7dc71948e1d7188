import { normalizeKey } from '../../../shared/domain/normalize';
import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import type { HandoverRecorded, KeyRegistered } from './events';

/**
 * handover.recorded and key.registered -> handovers, armoury_keys. Refs: "h:<handoverId>", "k:<keyId>"
 * for every key registered or handed over, "w:<weaponId>" for each weapon found missing or unexpected.
 */
export function projectHandover(s: Statements, e: StoredEvent): boolean {
  switch (e.type) {
    case 'key.registered': {
      const d = e.data as KeyRegistered;
      s.sql('INSERT INTO armoury_keys (id, code, code_key, opens, holder, since, updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        e.seq, d.code, normalizeKey(d.code), d.opens, d.holder, e.at, e.seq,
      );
      addRef(s, `k:${e.seq}`, e.seq);
      return true;
    }
    case 'handover.recorded': {
      const d = e.data as HandoverRecorded;
      // the incoming storekeeper signs as the event's approver; a handover without one is not a handover
      if (e.approver === undefined) throw new Error(`handover ${e.seq} has no incoming account`);
      s.sql(
        `INSERT INTO handovers (id, at, outgoing, incoming, expected, counted, missing, unexpected, keys, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(e.seq, e.at, e.actor, e.approver, d.expected, d.counted.length, d.missing.length, d.unexpected.length, d.keys.length, d.note);
      addRef(s, `h:${e.seq}`, e.seq);
      for (const keyId of d.keys) {
        s.sql('UPDATE armoury_keys SET holder = ?, since = ?, updated_seq = ? WHERE id = ?').run(e.approver, e.at, e.seq, keyId);
        addRef(s, `k:${keyId}`, e.seq);
      }
      for (const weaponId of [...d.missing, ...d.unexpected]) addRef(s, `w:${weaponId}`, e.seq);
      return true;
    }
    default:
      return false;
  }
}
