import { TRACE_CAP, type ImportLogRow, type NationalWeapon, type nationalQuery } from '../../../shared/contract/commission';
import { SEARCH_MIN } from '../../../shared/contract/register';
import { normalizeKey } from '../../../shared/domain/normalize';
import { TAMPER_REASONS, type RejectionReason } from '../../../shared/domain/snapshot';
import type { z } from '../../../shared/validation';
import { ftsPhrase, type Statements } from '../db/statements';

/** national_weapons columns as a NationalWeapon (alias w). */
export const NATIONAL_COLUMNS = `w.armoury, w.id, w.national_code AS nationalCode, w.serial, w.manufacturer, w.model, w.type, w.calibre,
  w.agency, w.status, w.country AS countryOfManufacture, w.year AS yearOfManufacture, w.registered_at AS registeredAt`;

/** Upper bound for a prefix range on a key column: above every character a key can hold. */
const PREFIX_END = '\u{10FFFF}';

type Query = z.output<typeof nationalQuery>;

/** The national register, filtered by armoury, agency, type and status (each on its own column). */
export function nationalWeapons(s: Statements, q: Query): { rows: NationalWeapon[]; total: number } {
  const where: string[] = [];
  const params: string[] = [];
  for (const column of ['armoury', 'agency', 'type', 'status'] as const) {
    const value = q[column];
    if (value === undefined) continue;
    where.push(`w.${column} = ?`);
    params.push(value);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (s.sql(`SELECT COUNT(*) AS n FROM national_weapons w ${clause}`).get(...params) as { n: number }).n;
  const rows = s
    .sql(`SELECT ${NATIONAL_COLUMNS} FROM national_weapons w ${clause} ORDER BY w.armoury, w.id LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as NationalWeapon[];
  return { rows, total };
}

/**
 * Trace across every armoury. Three characters or more: anywhere in the national code or the
 * serial, through the trigram index (the text is one quoted phrase, so quotes and FTS operators
 * are plain characters). Shorter: the start of either key, on their indexes. Normalised as the
 * armoury's register normalises its own searches. At most `cap` records (TRACE_CAP), ordered by
 * national code (then armoury, id).
 */
export function trace(s: Statements, text: string, cap = TRACE_CAP): NationalWeapon[] {
  const q = normalizeKey(text);
  if (!q) return [];
  if (q.length >= SEARCH_MIN) {
    return s
      .sql(
        `SELECT ${NATIONAL_COLUMNS} FROM national_weapons w
         WHERE w.rowid IN (SELECT rowid FROM national_search WHERE national_search MATCH ? LIMIT ${cap})
         ORDER BY w.national_code_key, w.armoury, w.id`,
      )
      .all(ftsPhrase(q)) as NationalWeapon[];
  }
  // A prefix of one or two characters can match most of the register: each key's index range is
  // read in its own order and stops after `cap` rows, then the two short lists are merged and cut.
  // So beyond `cap` hits the records are the first `cap` by national code among those whose code
  // starts with the text, and the first `cap` by serial among those whose serial does, merged.
  const end = q + PREFIX_END;
  return s
    .sql(
      `SELECT * FROM (
         SELECT * FROM (
           SELECT ${NATIONAL_COLUMNS}, w.national_code_key AS k FROM national_weapons w
           WHERE w.national_code_key >= ? AND w.national_code_key < ? ORDER BY w.national_code_key, w.armoury, w.id LIMIT ${cap})
         UNION
         SELECT * FROM (
           SELECT ${NATIONAL_COLUMNS}, w.national_code_key AS k FROM national_weapons w
           WHERE w.serial_key >= ? AND w.serial_key < ? ORDER BY w.serial_key, w.armoury, w.id LIMIT ${cap})
       ) ORDER BY k, armoury, id LIMIT ${cap}`,
    )
    .all(q, end, q, end)
    .map((r) => {
      const { k: _k, ...row } = r as NationalWeapon & { k: string };
      return row;
    });
}

interface ImportRow {
  id: number;
  at: string;
  actor: string;
  file_name: string;
  file_sha256: string;
  outcome: 'accepted' | 'rejected';
  reason: RejectionReason | null;
  detail: string;
  armoury: string | null;
  number: number | null;
  events_added: number;
  weapons: number;
}

export function isTamper(reason: RejectionReason | null): boolean {
  return reason !== null && TAMPER_REASONS.includes(reason);
}

/** The import log, newest first, with who imported (their username). */
export function importLog(s: Statements, offset: number, limit: number): { rows: ImportLogRow[]; total: number } {
  const total = (s.sql('SELECT COUNT(*) AS n FROM national_imports').get() as { n: number }).n;
  const rows = s
    .sql(
      `SELECT i.id, i.at, COALESCE(u.username, '?') AS actor, i.file_name, i.file_sha256, i.outcome, i.reason, i.detail, i.armoury, i.number,
         i.events_added, i.weapons
       FROM national_imports i LEFT JOIN users u ON u.id = i.actor ORDER BY i.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as ImportRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, fileName: r.file_name, fileSha256: r.file_sha256, outcome: r.outcome, reason: r.reason,
      detail: r.detail, armoury: r.armoury, number: r.number, eventsAdded: r.events_added, weapons: r.weapons, tamper: isTamper(r.reason),
    })),
  };
}
