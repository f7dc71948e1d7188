import type { WeaponStatus } from '../../../shared/domain/enums';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { WeaponField, WeaponFields } from '../../../shared/domain/weapon';
import { addRef } from '../armoury/project';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import { FIELD_COLUMNS, KEYED_FIELDS } from './columns';
import { statusAfter } from './transitions';
import { OUT_STATUSES } from '../../../shared/domain/custody';
import { closeCustodyLine } from '../custody/lines';

const INSERT_WEAPON = `INSERT INTO weapons (
  id, national_code, national_code_key, serial, serial_key, manufacturer, manufacturer_key, model, model_key,
  country, year, type, calibre, marking_location, agency, location, acquisition_date, acquisition_mode,
  acquisition_source, acquisition_document, condition, status, import_country, import_year, importer,
  other_marks, marks_illegible, marking_date, marking_operator, marking_machine, notes, registered_at, updated_seq
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The indexed text: both keys joined by a line feed. Keys and search text never contain control
 * characters (normalizeKey drops them), so no trigram spans the two and a search cannot match
 * "end of the national code + start of the serial" (as a space would allow).
 */
export function searchKeys(nationalCodeKey: string, serialKey: string): string {
  return `${nationalCodeKey}\n${serialKey}`;
}

function bumpCount(s: Statements, status: string, delta: number): void {
  s.sql('INSERT INTO weapon_status_counts (status, n) VALUES (?, ?) ON CONFLICT (status) DO UPDATE SET n = n + excluded.n').run(status, delta);
}

/** Moves a weapon to another status and keeps the counts in step (custody events use it too). */
export function setWeaponStatus(s: Statements, weaponId: number, from: WeaponStatus, to: WeaponStatus): void {
  if (from === to) return;
  s.sql('UPDATE weapons SET status = ? WHERE id = ?').run(to, weaponId);
  bumpCount(s, from, -1);
  bumpCount(s, to, 1);
}

function insertWeapon(s: Statements, id: number, w: WeaponFields, at: string): void {
  const nck = normalizeKey(w.nationalCode);
  const sk = normalizeKey(w.serial);
  s.sql(INSERT_WEAPON).run(
    id, w.nationalCode, nck, w.serial, sk, w.manufacturer, normalizeKey(w.manufacturer), w.model, normalizeKey(w.model),
    w.countryOfManufacture, w.yearOfManufacture, w.type, w.calibre, w.markingLocation, w.agency, w.location,
    w.acquisitionDate, w.acquisitionMode, w.acquisitionSource, w.acquisitionDocument, w.condition, 'in_store',
    w.importCountry, w.importYear, w.importer, w.otherMarks, w.marksIllegible ? 1 : 0, w.markingDate,
    w.markingOperator, w.markingMachine, w.notes, at, id,
  );
  s.sql('INSERT INTO weapon_search (rowid, keys) VALUES (?, ?)').run(id, searchKeys(nck, sk));
  bumpCount(s, 'in_store', 1);
}

function applyCorrection(s: Statements, id: number, field: WeaponField, value: unknown): void {
  const column = FIELD_COLUMNS[field];
  const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  if (KEYED_FIELDS.includes(field)) {
    s.sql(`UPDATE weapons SET ${column} = ?, ${column}_key = ? WHERE id = ?`).run(stored, normalizeKey(String(value)), id);
    const keys = s.sql('SELECT national_code_key AS n, serial_key AS k FROM weapons WHERE id = ?').get(id) as { n: string; k: string };
    s.sql('DELETE FROM weapon_search WHERE rowid = ?').run(id);
    s.sql('INSERT INTO weapon_search (rowid, keys) VALUES (?, ?)').run(id, searchKeys(keys.n, keys.k));
  } else {
    s.sql(`UPDATE weapons SET ${column} = ? WHERE id = ?`).run(stored, id);
  }
}

/** weapon.* events -> weapons, weapon_search, weapon_status_counts, event_refs. */
export function projectRegister(s: Statements, e: StoredEvent): boolean {
  if (!e.type.startsWith('weapon.')) return false;
  if (e.type === 'weapon.registered' || e.type === 'weapon.transferred_in') {
    insertWeapon(s, e.seq, e.data as WeaponFields, e.at);
    addRef(s, `w:${e.seq}`, e.seq);
    return true;
  }
  const d = e.data as { weaponId: number; field?: WeaponField; to?: unknown; location?: string; condition?: string };
  const current = s.sql('SELECT status, condition FROM weapons WHERE id = ?').get(d.weaponId) as
    | { status: WeaponStatus; condition: string }
    | undefined;
  if (!current) throw new Error(`event ${e.seq} names unknown weapon ${d.weaponId}`);
  if (e.type === 'weapon.corrected' && d.field) applyCorrection(s, d.weaponId, d.field, d.to);
  // An empty location (a recovery whose place is not yet known) keeps the last one on record.
  if (d.location) s.sql('UPDATE weapons SET location = ? WHERE id = ?').run(d.location, d.weaponId);
  if (d.condition !== undefined) s.sql('UPDATE weapons SET condition = ? WHERE id = ?').run(d.condition, d.weaponId);
  const next = statusAfter(e.type, current.status, d.condition ?? current.condition);
  setWeaponStatus(s, d.weaponId, current.status, next);
  // A weapon reported lost or stolen while out with an officer leaves the weapons-out register.
  if (next !== current.status && OUT_STATUSES.includes(current.status)) closeCustodyLine(s, d.weaponId, e.seq, 'lost');
  s.sql('UPDATE weapons SET updated_seq = ? WHERE id = ?').run(e.seq, d.weaponId);
  addRef(s, `w:${d.weaponId}`, e.seq);
  return true;
}
