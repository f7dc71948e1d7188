import type { MonthlyAmmoLine, MonthlyReturn, MonthlyWeaponLine } from '../../../shared/contract/reports';
import { WEAPON_TYPES, type WeaponType } from '../../../shared/domain/enums';
import type { Statements } from '../db/statements';
import type { Store } from '../store';
import { AMMO_SIGNS, closeLine, emptyTally, hasFigures, monthBounds, moveTally, sumLines, WEAPON_SIGNS, type Tally } from './month';
import { inOneRead, readHead } from './read';
import { scanJournal, weaponShare, type Counted } from './scan';

const collator = new Intl.Collator('fr');

/** Weapons by the type each had at the month's end: a type correction moves a weapon's whole share to its new type. */
function weaponLines(s: Statements, c: Counted, from: string, to: string): MonthlyWeaponLine[] {
  const tallyOf = (type: WeaponType) => {
    let t = c.byType.get(type);
    if (!t) c.byType.set(type, (t = emptyTally()));
    return t;
  };
  for (const [weaponId, atEnd] of c.typeAtEnd) {
    const { type: current } = s.sql('SELECT type FROM weapons WHERE id = ?').get(weaponId) as { type: WeaponType };
    if (current !== atEnd) moveTally(tallyOf(current), tallyOf(atEnd), weaponShare(s, weaponId, from, to));
  }
  return WEAPON_TYPES.flatMap((type) => {
    const t = c.byType.get(type);
    return t ? [{ type, ...closeLine(t, WEAPON_SIGNS) }] : [];
  });
}

/** Ammunition by the lots' nature and calibre (fixed at the lot's receipt), sorted by nature then calibre. */
function ammoLines(s: Statements, c: Counted): MonthlyAmmoLine[] {
  const groups = new Map<string, { nature: string; calibre: string; t: Tally }>();
  for (const [lotId, t] of c.byLot) {
    const lot = s.sql('SELECT nature, calibre FROM lots WHERE id = ?').get(lotId) as { nature: string; calibre: string } | undefined;
    if (!lot) throw new Error(`the journal names unknown lot ${lotId}`);
    const key = JSON.stringify([lot.nature, lot.calibre]);
    const group = groups.get(key) ?? { ...lot, t: emptyTally() };
    groups.set(key, group);
    moveTally(emptyTally(), group.t, t);
  }
  return [...groups.values()]
    .map((g) => ({ nature: g.nature, calibre: g.calibre, ...closeLine(g.t, AMMO_SIGNS) }))
    .sort((a, b) => collator.compare(a.nature, b.nature) || collator.compare(a.calibre, b.calibre));
}

/**
 * The monthly return (état mensuel), derived from the journal alone: every event recorded before
 * the month's end (event time `at`, the month in the PC's local time) counts, those before its
 * start in the opening and those within it in their column; the closing is the arithmetic. Read
 * in one transaction with the journal head. docs/reports.md explains each figure.
 */
export function monthlyReturn(store: Store, year: number, month: number, now: Date): MonthlyReturn {
  const s = store.s;
  const { from, to } = monthBounds(year, month);
  return inOneRead(store, () => {
    const counted = scanJournal(s, from, to);
    const allWeapons = weaponLines(s, counted, from, to);
    const allAmmo = ammoLines(s, counted);
    // the last event of the month (the head for the running month): scanned back from the head
    const last = s.sql('SELECT seq FROM events WHERE at < ? ORDER BY seq DESC LIMIT 1').get(to) as { seq: number } | undefined;
    return {
      year,
      month,
      from,
      to,
      weapons: allWeapons.filter(hasFigures),
      ammunition: allAmmo.filter(hasFigures),
      weaponTotals: sumLines(allWeapons),
      ammunitionTotals: sumLines(allAmmo),
      throughSeq: last?.seq ?? 0,
      head: readHead(s),
      at: now.toISOString(),
    };
  });
}
