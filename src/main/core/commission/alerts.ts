import type { Alert } from '../../../shared/contract/commission';
import type { Settings } from '../../../shared/domain/accounts';
import type { WeaponStatus } from '../../../shared/domain/enums';
import { TAMPER_REASONS } from '../../../shared/domain/snapshot';
import type { Statements } from '../db/statements';
import { daysSince } from './registry';

/**
 * Statuses in which an armoury holds a weapon (in store, out with an officer, in maintenance...):
 * everything but the ends of its life there and a loss or theft. The same weapon held by two
 * armouries at once is a double registration, or a transfer recorded in only one of them.
 */
export const HELD_STATUSES: readonly WeaponStatus[] = [
  'in_store', 'issued', 'assigned', 'in_transit', 'in_maintenance', 'unserviceable', 'recovered', 'surplus',
];

const DAY_MS = 86_400_000;
const held = `(${HELD_STATUSES.map((st) => `'${st}'`).join(', ')})`;

/** Every alert, computed from the register as it is now (nothing is stored). */
export function alerts(s: Statements, settings: Settings, now: Date): Alert[] {
  return [
    ...heldTwice(s),
    ...unmatchedTransfers(s, settings.transferMatchDays, now),
    ...silentArmouries(s, settings.silentArmouryDays, now),
    ...lostOrStolen(s),
    ...tamperedImports(s),
  ];
}

interface HeldRow {
  armoury: string;
  id: number;
  code: string;
  registered_at: string;
  grp: string;
}

/**
 * The same weapon (national code, or make + serial) held in two armouries or more: one alert per
 * weapon. Keys present more than once at all come first, from the key indexes alone (no row is
 * read); only their few records are then read and checked for status and armoury.
 */
function heldTwice(s: Statements): Alert[] {
  const byKey = (candidates: string, join: string, grp: string) =>
    s
      .sql(
        `WITH c AS (${candidates})
         SELECT w.armoury, w.id, w.national_code AS code, w.registered_at, ${grp} AS grp FROM c JOIN national_weapons w ON ${join}
         WHERE w.status IN ${held} ORDER BY grp, w.registered_at, w.armoury, w.id`,
      )
      .all() as HeldRow[];
  const lists: [string, HeldRow[]][] = [
    [
      'n',
      byKey(
        "SELECT national_code_key AS k FROM national_weapons WHERE national_code_key <> '' GROUP BY national_code_key HAVING COUNT(*) > 1",
        'w.national_code_key = c.k',
        'w.national_code_key',
      ),
    ],
    [
      's',
      byKey(
        "SELECT serial_key AS sk, manufacturer_key AS mk FROM national_weapons WHERE serial_key <> '' GROUP BY serial_key, manufacturer_key HAVING COUNT(*) > 1",
        'w.serial_key = c.sk AND w.manufacturer_key = c.mk',
        'w.manufacturer_key || char(10) || w.serial_key',
      ),
    ],
  ];
  const groups = new Map<string, HeldRow[]>();
  for (const [prefix, rows] of lists) {
    for (const r of rows) groups.set(`${prefix}${r.grp}`, [...(groups.get(`${prefix}${r.grp}`) ?? []), r]);
  }
  const out: Alert[] = [];
  const seen = new Set<string>();
  for (const rows of groups.values()) {
    if (new Set(rows.map((r) => r.armoury)).size < 2) continue;
    // The most recent record is the newcomer the alert points at; a pair found by both keys once.
    const newest = rows.at(-1);
    if (!newest) continue;
    const id = rows.map((r) => `${r.armoury}:${r.id}`).sort().join(' ');
    if (seen.has(id)) continue;
    seen.add(id);
    const others = [...new Set(rows.filter((r) => r.armoury !== newest.armoury).map((r) => r.armoury))];
    out.push({
      kind: 'active_in_two_armouries', armoury: newest.armoury, subject: newest.code, since: newest.registered_at,
      params: { otherArmoury: others.join(', '), count: rows.length }, weapon: { armoury: newest.armoury, id: newest.id },
    });
  }
  return out;
}

interface OutRow {
  armoury: string;
  id: number;
  code: string;
  nck: string;
  sk: string;
  mk: string;
  at: string;
  body: Buffer;
}

/**
 * A transfer out that no armoury has answered with a transfer in of the same weapon (national
 * code, or make + serial) within transferMatchDays. A transfer in recorded up to that many days
 * before the transfer out still answers it (paperwork does not always travel in order).
 */
function unmatchedTransfers(s: Statements, days: number, now: Date): Alert[] {
  const outs = s
    .sql(
      `SELECT w.armoury, w.id, w.national_code AS code, w.national_code_key AS nck, w.serial_key AS sk, w.manufacturer_key AS mk, e.at, e.body
       FROM national_weapons w
       JOIN national_events e ON e.armoury = w.armoury AND e.seq = (
         SELECT MAX(r.seq) FROM national_weapon_events r JOIN national_events x ON x.armoury = r.armoury AND x.seq = r.seq
         WHERE r.armoury = w.armoury AND r.weapon_id = w.id AND x.type = 'weapon.transferred_out')
       WHERE w.status = 'transferred_out'`,
    )
    .all() as OutRow[];
  const answered = s.sql(
    `SELECT 1 FROM national_weapons w JOIN national_events e ON e.armoury = w.armoury AND e.seq = w.id AND e.type = 'weapon.transferred_in'
     WHERE w.armoury <> ? AND ((? <> '' AND w.national_code_key = ?) OR (? <> '' AND w.serial_key = ? AND w.manufacturer_key = ?)) AND e.at >= ?
     LIMIT 1`,
  );
  const out: Alert[] = [];
  for (const o of outs) {
    const waited = daysSince(o.at, now);
    if (waited <= days) continue;
    const earliest = new Date(Date.parse(o.at) - days * DAY_MS).toISOString();
    if (answered.get(o.armoury, o.nck, o.nck, o.sk, o.sk, o.mk, earliest)) continue;
    const d = (JSON.parse(o.body.toString('utf8')) as { data: { toArmoury?: string; transferId?: string } }).data;
    out.push({
      kind: 'unmatched_transfer', armoury: o.armoury, subject: o.code, since: o.at,
      params: { days: waited, toArmoury: d.toArmoury ?? '', transferId: d.transferId ?? '' }, weapon: { armoury: o.armoury, id: o.id },
    });
  }
  return out;
}

/** An armoury whose last snapshot (or enrolment, before any) is older than silentArmouryDays. */
function silentArmouries(s: Statements, days: number, now: Date): Alert[] {
  const rows = s.sql('SELECT code, COALESCE(last_created, enrolled_at) AS since FROM national_armouries ORDER BY code').all() as { code: string; since: string }[];
  return rows
    .filter((r) => daysSince(r.since, now) > days)
    .map((r) => ({ kind: 'silent_armoury', armoury: r.code, subject: r.code, since: r.since, params: { days: daysSince(r.since, now) }, weapon: null }));
}

function lostOrStolen(s: Statements): Alert[] {
  const rows = s
    .sql("SELECT armoury, id, national_code AS code, serial, status, status_at FROM national_weapons WHERE status IN ('lost', 'stolen') ORDER BY status_at DESC")
    .all() as { armoury: string; id: number; code: string; serial: string; status: string; status_at: string }[];
  return rows.map((r) => ({
    kind: 'lost_or_stolen', armoury: r.armoury, subject: r.code, since: r.status_at, params: { status: r.status, serial: r.serial },
    weapon: { armoury: r.armoury, id: r.id },
  }));
}

function tamperedImports(s: Statements): Alert[] {
  const reasons = TAMPER_REASONS.map((r) => `'${r}'`).join(', ');
  const rows = s
    .sql(`SELECT at, file_name, armoury, reason FROM national_imports WHERE outcome = 'rejected' AND reason IN (${reasons}) ORDER BY id DESC`)
    .all() as { at: string; file_name: string; armoury: string | null; reason: string }[];
  return rows.map((r) => ({
    kind: 'tampered_import', armoury: r.armoury ?? '', subject: r.file_name, since: r.at, params: { reason: r.reason }, weapon: null,
  }));
}
