import type { NationalEvent, NationalWeapon, WeaponHistory } from '../../../shared/contract/commission';
import { normalizeKey } from '../../../shared/domain/normalize';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { NATIONAL_COLUMNS } from './queries';

interface Keys {
  nck: string;
  sk: string;
  mk: string;
}

/** The records of one weapon in every armoury: same national code, else same make and serial. */
export function sameWeaponRecords(s: Statements, armoury: string, weaponId: number): NationalWeapon[] {
  const keys = s
    .sql('SELECT national_code_key AS nck, serial_key AS sk, manufacturer_key AS mk FROM national_weapons WHERE armoury = ? AND id = ?')
    .get(armoury, weaponId) as Keys | undefined;
  if (!keys) throw new AppError('national_weapon_not_found', `no weapon ${weaponId} of ${armoury} in the national register`, { params: { armoury, weaponId } });
  return s
    .sql(
      `SELECT * FROM (
         SELECT ${NATIONAL_COLUMNS} FROM national_weapons w WHERE w.armoury = ? AND w.id = ?
         UNION SELECT ${NATIONAL_COLUMNS} FROM national_weapons w WHERE ? <> '' AND w.national_code_key = ?
         UNION SELECT ${NATIONAL_COLUMNS} FROM national_weapons w WHERE ? <> '' AND w.serial_key = ? AND w.manufacturer_key = ?
       ) ORDER BY registeredAt, armoury, id`,
    )
    .all(armoury, weaponId, keys.nck, keys.nck, keys.sk, keys.sk, keys.mk) as NationalWeapon[];
}

interface EventRow {
  armoury: string;
  seq: number;
  type: string;
  at: string;
  hash: Buffer;
  body: Buffer;
}

function eventsOf(s: Statements, record: NationalWeapon): NationalEvent[] {
  const rows = s
    .sql(
      `SELECT e.armoury, e.seq, e.type, e.at, e.hash, e.body FROM national_weapon_events r
       JOIN national_events e ON e.armoury = r.armoury AND e.seq = r.seq
       WHERE r.armoury = ? AND r.weapon_id = ? ORDER BY e.seq`,
    )
    .all(record.armoury, record.id) as EventRow[];
  return rows.map((r) => ({
    armoury: r.armoury, seq: r.seq, type: r.type, at: r.at, hash: r.hash.toString('hex'),
    data: (JSON.parse(r.body.toString('utf8')) as { data: unknown }).data, link: null,
  }));
}

const OUT = 'weapon.transferred_out';
const IN = 'weapon.transferred_in';

function transferKey(e: NationalEvent): string {
  const id = (e.data as { transferId?: unknown } | null)?.transferId;
  return typeof id === 'string' ? normalizeKey(id) : '';
}

/**
 * A weapon's history across armouries. Events run in time order, except that each transfer in is
 * placed right after the transfer out it answers (two armouries' clocks and paperwork need not
 * agree on which came first): the transfer in at another armoury with the same transfer
 * reference, else the first unanswered transfer in at another armoury after it.
 */
export function weaponHistory(s: Statements, armoury: string, weaponId: number): WeaponHistory {
  const records = sameWeaponRecords(s, armoury, weaponId);
  const all = records.flatMap((r) => eventsOf(s, r)).sort((a, b) => a.at.localeCompare(b.at) || a.armoury.localeCompare(b.armoury) || a.seq - b.seq);
  const ins = all.filter((e) => e.type === IN);
  for (const out of all.filter((e) => e.type === OUT)) {
    const free = ins.filter((i) => i.armoury !== out.armoury && i.link === null);
    const match = free.find((i) => transferKey(i) !== '' && transferKey(i) === transferKey(out)) ?? free.find((i) => i.at >= out.at);
    if (!match) continue;
    out.link = { armoury: match.armoury, seq: match.seq };
    match.link = { armoury: out.armoury, seq: out.seq };
  }
  const events: NationalEvent[] = [];
  const placed = new Set<NationalEvent>();
  for (const e of all) {
    if (placed.has(e)) continue;
    if (e.type === IN && e.link) continue; // placed after its transfer out
    events.push(e);
    placed.add(e);
    if (e.type === OUT && e.link) {
      const link = e.link;
      const answer = all.find((i) => i.armoury === link.armoury && i.seq === link.seq);
      if (answer) {
        events.push(answer);
        placed.add(answer);
      }
    }
  }
  return { records, events };
}
