import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { searchKeys } from '../register/project';
import type { StateCheck, WeaponLedger } from './state-check';
import { weaponIdsOf } from './weapon-refs';

/** One event of an accepted file, as the reader verified it. */
export interface IncomingEvent {
  seq: number;
  hash: Buffer;
  type: string;
  at: string;
  body: Buffer;
  data: unknown;
}

/** One weapon of the file's state/weapons.ndjson (the armoury's register at the file's to-seq). */
export interface IncomingWeapon {
  id: number;
  nationalCode: string;
  serial: string;
  manufacturer: string;
  model: string;
  type: string;
  calibre: string;
  agency: string;
  status: string;
  countryOfManufacture: string;
  yearOfManufacture: number | null;
  registeredAt: string;
  updatedSeq: number;
}

/**
 * Stores the events the register does not hold yet (seq above `lastSeq`) and which weapons each
 * concerns, and feeds them to `ledger` (the state cross-check). Runs inside the import's transaction. Returns how many were added, and the public key
 * line of the last signing_key.rotated among them (a rotation the file announces).
 */
export function storeEvents(
  s: Statements, armoury: string, events: Iterable<IncomingEvent>, lastSeq: number, ledger?: WeaponLedger,
): { added: number; rotatedKey: string | null } {
  const insertEvent = s.sql('INSERT INTO national_events (armoury, seq, hash, type, at, body) VALUES (?, ?, ?, ?, ?, ?)');
  const insertRef = s.sql('INSERT OR IGNORE INTO national_weapon_events (armoury, weapon_id, seq) VALUES (?, ?, ?)');
  const storedCase = s.sql(
    "SELECT json_extract(CAST(body AS TEXT), '$.data.weaponId') AS w FROM national_events WHERE armoury = ? AND seq = ? AND type = 'case.opened'",
  );
  // Cases opened in this file are looked up here; earlier ones in what the register already holds.
  const cases = new Map<number, number | null>();
  const caseWeapon = (caseId: number): number | null => {
    if (cases.has(caseId)) return cases.get(caseId) ?? null;
    const row = storedCase.get(armoury, caseId) as { w: unknown } | undefined;
    return typeof row?.w === 'number' ? row.w : null;
  };
  let added = 0;
  let rotatedKey: string | null = null;
  for (const e of events) {
    if (e.seq <= lastSeq) continue;
    insertEvent.run(armoury, e.seq, e.hash, e.type, e.at, e.body);
    ledger?.observe(e);
    if (e.type === 'case.opened') {
      const w = (e.data as { weaponId?: unknown } | null)?.weaponId;
      cases.set(e.seq, typeof w === 'number' ? w : null);
    }
    if (e.type === 'signing_key.rotated') {
      const line = (e.data as { publicKey?: unknown } | null)?.publicKey;
      rotatedKey = typeof line === 'string' ? line : rotatedKey;
    }
    for (const id of weaponIdsOf(e.type, e.seq, e.data, caseWeapon)) insertRef.run(armoury, id, e.seq);
    added++;
  }
  return { added, rotatedKey };
}

/**
 * Replaces the armoury's rows of the national register (and their search keys) with the file's
 * state. `check` (state-check.ts) compares each line with the row of that id, which it reads and
 * deletes page by page ahead of the inserts, and refuses a state that leaves any row out: so every
 * row is replaced. status_at is when the weapon's last event happened (its updatedSeq), already stored.
 */
export function replaceWeapons(s: Statements, armoury: string, weapons: Iterable<IncomingWeapon>, check: StateCheck): number {
  s.sql('DELETE FROM national_search WHERE rowid IN (SELECT rowid FROM national_weapons WHERE armoury = ?)').run(armoury);
  const insert = s.sql(
    `INSERT INTO national_weapons (armoury, id, national_code, national_code_key, serial, serial_key, manufacturer, manufacturer_key,
       model, type, calibre, agency, status, country, year, registered_at, updated_seq, status_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT at FROM national_events WHERE armoury = ? AND seq = ?), ?))`,
  );
  let n = 0;
  for (const w of weapons) {
    check.line(w);
    insert.run(
      armoury, w.id, w.nationalCode, normalizeKey(w.nationalCode), w.serial, normalizeKey(w.serial), w.manufacturer, normalizeKey(w.manufacturer),
      w.model, w.type, w.calibre, w.agency, w.status, w.countryOfManufacture, w.yearOfManufacture, w.registeredAt, w.updatedSeq, armoury, w.updatedSeq,
      w.registeredAt,
    );
    n++;
  }
  check.end();
  // One statement for the whole index: FTS5 then writes its segments once, not once per row.
  // The indexed text is the armoury register's (searchKeys): both keys, one line feed between.
  s.sql(`INSERT INTO national_search (rowid, keys) SELECT rowid, national_code_key || ? || serial_key FROM national_weapons WHERE armoury = ?`).run(
    searchKeys('', ''), armoury,
  );
  return n;
}
