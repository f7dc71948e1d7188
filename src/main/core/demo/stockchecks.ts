import { addDays, today as dayOf } from '../ammunition/dates';
import { adjust } from '../ammunition/movements';
import { readSettings } from '../armoury/settings';
import { appendCaseClosing } from '../cases/close';
import { appendClose } from '../stockcheck/close';
import { recordCount, type CountBatch } from '../stockcheck/count';
import { PRESENT_SQL } from '../stockcheck/project';
import { addMonths } from '../stockcheck/schedule';
import { startCheck } from '../stockcheck/start';
import type { Store } from '../store';
import type { DayHooks } from './ammunition';
import { localTime, type HistoryClock } from './clock';
import { AUTHORISED_TYPES } from './custody-catalogue';
import { prng } from './generate';

/** Its own seed: the other parts of the demo stay as they were. */
const SEED = 0x570c_c4ec;
const DAYS = 365;
/** Above this many weapons on the shelves (the benchmark's demos) the full inventories are left out, as the handover's count is. */
const FULL_COUNT_MAX = 50_000;
/** Spot checks: this many items, every four weeks, the last one this many days before yesterday. */
const SPOT_SIZE = 20;
const SPOT_EVERY = 28;
const SPOT_LAG = 10;

export interface StockCheckDemoOptions {
  now: Date;
  managerId: number;
  storekeeperId: number;
}

type Beside = (store: Store, clock: HistoryClock) => DayHooks;
type Story = 'missing' | 'short';
type Place = { lotId: number; storeId: number; bay: string };

/** dd/mm/yyyy, as French notes write a date. */
const fr = (iso: string) => iso.split('-').reverse().join('/');
const QUARTERS = ['1er', '2e', '3e', '4e'];

/**
 * The stock checks beside the custody counter's day (both on the ammunition's days and clock):
 * a full inventory at the end of every quarter and a spot check every four weeks, in the early
 * afternoon, before the evening's returns. What is out with an officer then is not on the book the
 * check copies (issued and assigned weapons are not on the shelves), so it is neither counted nor missing.
 */
export function withStockChecks(o: StockCheckDemoOptions, counter: Beside): Beside {
  return (store, clock) => {
    const custody = counter(store, clock);
    const checks = new Checks(store, clock, o);
    return {
      morning: (day, d) => custody.morning(day, d),
      evening: (day, d) => {
        checks.afternoon(day);
        custody.evening(day, d);
      },
      today: () => custody.today(),
    };
  };
}

class Checks {
  private readonly r = prng(SEED);
  /** Full inventories by day, with the story each tells (a weapon missing, a lot counted short). */
  private readonly full = new Map<string, Story | null>();
  private readonly spots = new Set<string>();
  /** What happens on a later day: a case closed, a book adjusted. */
  private readonly later = new Map<string, (() => void)[]>();

  constructor(
    private readonly store: Store,
    private readonly clock: HistoryClock,
    private readonly o: StockCheckDemoOptions,
  ) {
    const end = dayOf(o.now);
    const start = addDays(end, -DAYS);
    const yesterday = addDays(end, -1);
    const present = (store.s.sql(`SELECT COUNT(*) AS n FROM weapons WHERE ${PRESENT_SQL}`).get() as { n: number }).n;
    const settings = readSettings(store.s);
    if (present <= FULL_COUNT_MAX) {
      const days: string[] = [];
      for (let d = 0; d < DAYS; d++) {
        const day = addDays(start, d);
        if (day.slice(5, 7) !== addDays(day, 1).slice(5, 7) && Number(day.slice(5, 7)) % 3 === 0) days.push(day);
      }
      // Today the last quarter's end and the period may not meet (30 Sep + 3 months = 30 Dec): the
      // quarter's inventory is then held a day early, yesterday, so the app opens on none overdue.
      const last = days[days.length - 1];
      if (last === undefined || addMonths(last, settings.fullInventoryMonths) < end) days.push(yesterday);
      days.forEach((day, i) => this.full.set(day, i === days.length - 3 ? 'missing' : i === days.length - 2 ? 'short' : null));
    }
    const lag = Math.min(SPOT_LAG, settings.spotCheckDays - 1);
    for (let d = DAYS - 1 - lag; d >= 14; d -= SPOT_EVERY) this.spots.add(addDays(start, d));
  }

  private get sk(): number {
    return this.o.storekeeperId;
  }

  afternoon(day: string): void {
    for (const run of this.later.get(day) ?? []) run();
    if (this.spots.has(day) && !this.full.has(day)) this.spot(day);
    const story = this.full.get(day);
    if (story !== undefined) this.inventory(day, story);
  }

  private at(day: string, hours: number, minutes = 0): Date {
    return this.clock.at(localTime(day, hours, minutes));
  }

  private laterOn(day: string, run: () => void): void {
    this.later.set(day, [...(this.later.get(day) ?? []), run]);
  }

  /** The weapons on the sheet: what the book expects on the shelves (nothing out with an officer). */
  private sheetWeapons(checkId: number): number[] {
    return (this.store.s.sql('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 ORDER BY weapon_id').all(checkId) as { id: number }[])
      .map((w) => w.id);
  }

  /** The sheet's lot places with what is on them (the book: nothing moved since the start). */
  private places(checkId: number): (Place & { quantity: number })[] {
    return this.store.s
      .sql('SELECT lot_id AS lotId, store_id AS storeId, bay, book AS quantity FROM stock_check_lots WHERE check_id = ? ORDER BY store_id, bay, lot_id')
      .all(checkId) as (Place & { quantity: number })[];
  }

  private count(checkId: number, batch: Partial<CountBatch>): void {
    recordCount(this.store, this.sk, checkId, { weapons: [], unknown: [], lots: [], ...batch });
  }

  /**
   * A quarter's full inventory: the storekeeper scans the racks and counts the lots, enters it all
   * as one batch (each batch returns the whole sheet: a second one cost a fifth of the checks' time
   * at 20,000 weapons), and closes with the manager as witness. One tells of a weapon put back in
   * the wrong rack (found the next morning), one of a box of rounds short (the book adjusted the
   * next day, two-person, naming the case).
   */
  private inventory(day: string, story: Story | null): void {
    const month = Number(day.slice(5, 7));
    this.at(day, 12, 30);
    const note = `Inventaire trimestriel (${QUARTERS[Math.floor((month - 1) / 3)] ?? ''} trimestre ${day.slice(0, 4)}) : comptage intégral des armes et des munitions`;
    const checkId = startCheck(this.store, this.sk, { scope: 'full', note });
    const weapons = this.sheetWeapons(checkId);
    const missing = story === 'missing' ? this.misplaced(weapons) : undefined;
    const places = this.places(checkId);
    const short = story === 'short' ? this.shortPlace(places) : undefined;
    const lots = places.map((p) => ({ lotId: p.lotId, storeId: p.storeId, bay: p.bay, quantity: p === short?.place ? p.quantity - short.rounds : p.quantity }));
    this.at(day, 14, 15);
    this.count(checkId, { weapons: weapons.filter((id) => id !== missing), lots });
    const closeNote = missing !== undefined
      ? 'Une arme non trouvée à son emplacement : recherches en cours.'
      : short ? `Écart de ${short.rounds} cartouches sur un lot : recomptage contradictoire demain.` : 'Inventaire conforme au registre.';
    const when = this.at(day, 14, 30);
    appendClose(this.store, this.sk, this.o.managerId, when, checkId, closeNote);
    const caseOf = (where: string) =>
      (this.store.s.sql(`SELECT id FROM cases WHERE check_id = ? AND ${where}`).get(checkId) as { id: number } | undefined)?.id;
    const next = addDays(day, 1);
    if (missing !== undefined) {
      const id = caseOf('weapon_id IS NOT NULL');
      if (id === undefined) throw new Error(`demo: check ${checkId} opened no case for weapon ${missing}`);
      this.laterOn(next, () =>
        appendCaseClosing(this.store, this.sk, this.o.managerId, this.at(next, 9, 30), {
          id, outcome: 'found', reference: '',
          explanation: `Arme retrouvée le ${fr(next)} au matin dans un autre râtelier : rangée au mauvais emplacement lors d’une réintégration. Emplacement corrigé, registre conforme.`,
        }));
    }
    if (short) {
      const id = caseOf('lot_id IS NOT NULL');
      if (id === undefined) throw new Error(`demo: check ${checkId} opened no case for lot ${short.place.lotId}`);
      this.laterOn(next, () => this.settle(next, id, short.place, short.rounds));
    }
  }

  /** The weapon not found at its place: one the counter does not issue (its case stays open overnight). */
  private misplaced(ids: number[]): number | undefined {
    const idle = this.store.s
      .sql(`SELECT id FROM weapons WHERE id IN (SELECT value FROM json_each(?)) AND type NOT IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids), JSON.stringify(AUTHORISED_TYPES)) as { id: number }[];
    const pool = idle.length > 0 ? idle.map((w) => w.id) : ids;
    return pool.length > 0 ? this.r.pick(pool) : undefined;
  }

  /** A box short on the place holding the most serviceable 7.62x39 mm rounds (else any calibre). */
  private shortPlace(places: (Place & { quantity: number })[]): { place: Place & { quantity: number }; rounds: number } | undefined {
    const s = this.store.s;
    const ranked = places
      .map((p) => {
        const lot = s.sql('SELECT calibre, rounds_per_box AS perBox FROM lots WHERE id = ?').get(p.lotId) as { calibre: string; perBox: number };
        const serviceable = (s.sql("SELECT quantity FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = 'serviceable'")
          .get(p.lotId, p.storeId, p.bay) as { quantity: number } | undefined)?.quantity ?? 0;
        return { p, rounds: lot.perBox, rank: (lot.calibre === '7.62x39mm' ? 1e9 : 0) + serviceable, ok: serviceable >= 10 * lot.perBox };
      })
      .filter((x) => x.ok)
      .sort((a, b) => b.rank - a.rank);
    const best = ranked[0];
    return best ? { place: best.p, rounds: best.rounds } : undefined;
  }

  /** The recount confirms the difference: the book is adjusted (storekeeper and manager) naming the case, which then closes. */
  private settle(day: string, caseId: number, place: Place, rounds: number): void {
    this.at(day, 10);
    adjust({ store: this.store, actor: this.sk, today: day }, {
      lotId: place.lotId, place: { storeId: place.storeId, bay: place.bay }, condition: 'serviceable', delta: -rounds,
      reason: `Boîte de ${rounds} cartouches manquante, écart confirmé au recomptage contradictoire du ${fr(day)}`, caseReference: '', caseId,
    }, this.o.managerId);
    appendCaseClosing(this.store, this.sk, this.o.managerId, this.at(day, 10, 5), {
      id: caseId, outcome: 'adjusted', reference: '',
      explanation: 'Écart confirmé au recomptage contradictoire ; enquête interne sans résultat. Livre corrigé par ajustement validé par le chef de dépôt.',
    });
  }

  /**
   * A spot check of SPOT_SIZE items, counted as found, drawn by startCheck itself with the demo's
   * PRNG instead of crypto.randomInt, so the same demo is built every time.
   */
  private spot(day: string): void {
    this.at(day, 11);
    const input = { scope: 'spot' as const, note: `Contrôle inopiné du ${fr(day)}`, spotSize: SPOT_SIZE };
    const checkId = startCheck(this.store, this.sk, input, (n) => Math.floor(this.r.next() * n));
    const ids = this.sheetWeapons(checkId);
    const lots = this.places(checkId).map((p) => ({ lotId: p.lotId, storeId: p.storeId, bay: p.bay, quantity: p.quantity }));
    this.at(day, 11, 25);
    this.count(checkId, { weapons: ids, lots });
    appendClose(this.store, this.sk, this.o.managerId, this.at(day, 11, 40), checkId, 'Contrôle conforme.');
  }
}
