import type { AmmoCondition, Licence, LotFields } from '../../../shared/domain/ammunition';
import { addDays, addMonths, today as dayOf } from '../ammunition/dates';
import { balancesOf, recordInspection, suspendOverdueLots } from '../ammunition/inspection';
import { getLot } from '../ammunition/lots';
import {
  changeCondition, expend, issue, move, receive, receiveNewLot, returnUnexpended, takeOut, transferIn, type MovementCtx,
} from '../ammunition/movements';
import { storeView, suggestLots } from '../ammunition/queries';
import { addBay, changeLicence, createStore, getStore } from '../ammunition/stores';
import type { At } from '../ammunition/events';
import { Store } from '../store';
import { historyClock, type HistoryClock } from './clock';
import { DEMO_LOTS, DEMO_STORES, LICENCE_AUTHORITY, OFFICERS, RANGES, RIOT_UNITS, SUPPLIERS, UNITS, type DemoLot, type DemoStoreKey } from './ammunition-catalogue';
import { prng } from './generate';

/** Its own seed: the weapons' PRNG sequence, and so the weapons demo, stays exactly as it was. */
const SEED = 0xa330_0de;
const DAYS = 365;

export interface AmmunitionDemoOptions {
  now: Date;
  managerId: number;
  storekeeperId: number;
}

/** What happens beside the ammunition's days, on the same store and clock: the custody counter. */
export interface DayHooks {
  /** Before the day's ammunition movements (from 08:00). */
  morning(day: string, d: number): void;
  /** After them. */
  evening(day: string, d: number): void;
  /** Today, after the history's last day (yesterday). */
  today(): void;
}

/** dd/mm/yyyy, as French references write a date. */
const fr = (iso: string) => iso.split('-').reverse().join('/');

/** Adds a year of ammunition to the demo armoury: stores, ~30 lots, movements of every kind. */
export function addDemoAmmunition(base: Store, o: AmmunitionDemoOptions, beside?: (store: Store, clock: HistoryClock) => DayHooks): void {
  const clock = historyClock(base);
  const store = new Store(base.db, clock.now);
  store.journal.write(() => {
    const hooks = beside?.(store, clock);
    new History(store, clock, o, hooks).run();
    hooks?.today();
  });
}

class History {
  private readonly r = prng(SEED);
  private readonly end: string;
  private readonly start: string;
  private readonly stores = {} as Record<DemoStoreKey, number>;
  /** Lot ids, by index in DEMO_LOTS. */
  private readonly lots: number[] = [];
  private readonly counters = new Map<string, number>();
  private readonly dutyReturns: { day: number; lotId: number; at: At; quantity: number; from: string }[] = [];
  private day = '';

  constructor(
    private readonly store: Store,
    private readonly clock: HistoryClock,
    private readonly o: AmmunitionDemoOptions,
    private readonly hooks?: DayHooks,
  ) {
    this.end = dayOf(o.now);
    this.start = addDays(this.end, -DAYS);
  }

  /** The storekeeper records every movement, on the history's current day. */
  private get ctx(): MovementCtx {
    return { store: this.store, actor: this.o.storekeeperId, today: this.day };
  }

  /** A running document number: BL-2026-0107, BP-2026-0412… */
  private doc(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 100) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${this.day.slice(0, 4)}-${String(n).padStart(4, '0')}`;
  }

  private lotIndex = (plan: DemoLot['plan']) => DEMO_LOTS.findIndex((l) => l.plan === plan);

  private lotId(index: number): number {
    const id = this.lots[index];
    if (id === undefined) throw new Error(`demo lot ${index} was not received`);
    return id;
  }

  /** The place in a store holding the most of a lot in a condition (null when it holds none). */
  private placeOf(lotId: number, storeKey: DemoStoreKey, condition: AmmoCondition = 'serviceable'): (At & { quantity: number }) | null {
    const rows = balancesOf(this.store.s, lotId).filter((b) => b.storeId === this.stores[storeKey] && b.condition === condition);
    const best = rows.sort((a, b) => b.quantity - a.quantity)[0];
    return best ? { storeId: best.storeId, bay: best.bay, quantity: best.quantity } : null;
  }

  run(): void {
    for (let d = 0; d < DAYS; d++) {
      this.day = addDays(this.start, d);
      this.hooks?.morning(this.day, d);
      this.clock.startDay(this.day);
      if (d === 0) this.createStores();
      if (d >= 1 && d <= 6) DEMO_LOTS.forEach((lot, i) => i % 6 === d - 1 && lot.plan !== 'transfer' && this.receiveLot(i));
      this.special(d);
      if (d % 7 === 0) this.weeklyCheck();
      if (d >= 10 && d % 7 === 3) this.training();
      if (d >= 8 && (d % 7 === 1 || d % 7 === 4)) this.dutyIssue(d);
      if (d % 30 === 17) this.riotControl();
      if (d % 91 === 40) this.signalExercise();
      if (d % 30 === 25) this.resupply();
      for (const due of this.dutyReturns.filter((x) => x.day === d)) {
        returnUnexpended(this.ctx, { lotId: due.lotId, place: due.at, quantity: due.quantity, from: due.from, document: this.doc('BR') });
      }
      this.hooks?.evening(this.day, d);
    }
  }

  private licence = (key: DemoStoreKey, reference: string, expiry: string): Licence => ({ maxNeqKg: DEMO_STORES[key].maxNeqKg, authority: LICENCE_AUTHORITY, reference, expiry });

  private createStores(): void {
    // B's licence runs out within 60 days of the demo's today; C's lapses mid-year and is renewed.
    const expiry = { A: addDays(this.end, 400), B: addDays(this.end, 41), C: addDays(this.start, 190) };
    for (const key of ['A', 'B', 'C'] as const) {
      const { code, name, bays } = DEMO_STORES[key];
      const licence = this.licence(key, `DM/LLE-${this.day.slice(0, 4)}-${DEMO_STORES[key].licenceNo}`, expiry[key]);
      this.stores[key] = createStore(this.store, this.o.managerId, { code, name, bays, licence });
    }
  }

  /** Last inspected within one interval before receipt, so the weekly checks inspect it when due. */
  private lastInspection(l: DemoLot): string {
    if (l.dueIn !== undefined) return addMonths(addDays(this.end, l.dueIn), -l.months);
    // Old stock from another armoury: overdue past twice its interval, suspended automatically here.
    if (l.plan === 'transfer') return addMonths(this.start, -40);
    // Inspected early in the year, so still in date when its misfires suspend it.
    if (l.plan === 'misfire') return addDays(this.day, -(l.months * 30 - 60));
    return addDays(this.day, -this.r.int(30, l.months * 30 - 45));
  }

  private lotFields(l: DemoLot): LotFields {
    const made = l.age === null ? null : Number(this.end.slice(0, 4)) - l.age;
    const serial = String(this.r.int(100, 9999)).padStart(4, '0');
    return {
      lotState: l.lotState ?? 'numbered',
      lotNumber: l.lotState === undefined ? `${l.prefix}-${made ?? ''}-${serial}` : '',
      nature: l.nature, calibre: l.calibre, manufacturer: l.manufacturer, country: l.country, yearOfManufacture: made,
      hazardDivision: l.hd, compatibilityGroup: l.cg, unNumber: l.un, neqPerUnitKg: l.neq,
      roundsPerBox: l.perBox, boxesPerCase: l.perCase, inspectionIntervalMonths: l.months,
      lastInspection: this.lastInspection(l), nextInspection: '',
      shelfLifeEnd: l.shelfYears && made ? `${made + l.shelfYears}-12-31` : '',
    };
  }

  private receiveLot(index: number): void {
    const l = DEMO_LOTS[index] as DemoLot;
    const place = { storeId: this.stores[l.store], bay: l.bay };
    const lot = this.lotFields(l);
    const result = l.plan === 'transfer'
      ? transferIn(this.ctx, { lot, place, quantity: l.quantity, date: this.day, transferId: this.doc('TR-MPT'), fromArmoury: 'ML-MPT-01', document: this.doc('BT') })
      : receiveNewLot(this.ctx, { lot, place, quantity: l.quantity, date: this.day, source: this.r.pick(SUPPLIERS), document: this.doc('BL') });
    this.lots[index] = result.lotId;
  }

  /** The oldest issuable lot of a calibre (the app's suggestion) holding `need` in one place of the store. */
  private suggest(calibre: string, key: DemoStoreKey, need: number) {
    for (const lot of suggestLots(this.store.s, { calibre, storeId: this.stores[key] }, this.day)) {
      const at = this.placeOf(lot.id, key);
      if (at && at.quantity >= need) return { lot, at };
    }
    return null;
  }

  /** Issue, expend part (training or operation) and return the rest: one session's movements. */
  private session(calibre: string, key: DemoStoreKey, wanted: number, unit: string, purpose: 'training' | 'operation', reference: string, used: number): void {
    const found = this.suggest(calibre, key, wanted);
    if (!found) return;
    const { lot, at } = found;
    const quantity = wanted;
    issue(this.ctx, { lotId: lot.id, place: at, quantity, recipient: { kind: 'unit', name: unit }, document: this.doc('BP') });
    const spent = Math.max(1, Math.min(quantity, Math.round(quantity * used)));
    expend(this.ctx, { lotId: lot.id, quantity: spent, purpose, reference });
    if (quantity > spent) returnUnexpended(this.ctx, { lotId: lot.id, place: at, quantity: quantity - spent, from: unit, document: this.doc('BR') });
  }

  private training(): void {
    const calibre = this.r.pick(['9x19mm', '9x19mm', '9x19mm', '7.62x39mm', '7.62x39mm', '5.56x45mm', '7.62x51mm', '12/70']);
    const shooters = this.r.int(8, 30);
    const rounds = shooters * this.r.pick([20, 30, 40, 50]);
    const reference = `Séance de tir — ${this.r.pick(RANGES)}, ${fr(this.day)}`;
    this.session(calibre, 'A', rounds, this.r.pick(UNITS), 'training', reference, 0.8 + this.r.next() * 0.15);
  }

  /** An officer draws 2 or 3 magazines for duty and brings them back a few days later. */
  private dutyIssue(d: number): void {
    const officer = this.r.pick(OFFICERS);
    const quantity = 15 * this.r.int(2, 3);
    const found = this.suggest('9x19mm', 'A', quantity);
    if (!found) return;
    issue(this.ctx, { lotId: found.lot.id, place: found.at, quantity, recipient: { kind: 'officer', name: officer }, document: this.doc('BP') });
    let back = quantity;
    if (this.r.next() < 0.15) {
      const fired = this.r.int(2, 6);
      expend(this.ctx, { lotId: found.lot.id, quantity: fired, purpose: 'operation', reference: `Intervention — ${this.doc('PV')}` });
      back -= fired;
    }
    this.dutyReturns.push({ day: d + this.r.int(1, 3), lotId: found.lot.id, at: found.at, quantity: back, from: officer });
  }

  private riotControl(): void {
    const unit = this.r.pick(RIOT_UNITS);
    const reference = `Maintien de l'ordre — ${this.doc('PV')}`;
    this.session('Grenade à main', 'B', this.r.int(20, 40), unit, 'operation', reference, 0.3 + this.r.next() * 0.5);
    if (this.r.next() < 0.5) this.session('56mm', 'B', this.r.int(10, 20), unit, 'operation', reference, 0.3 + this.r.next() * 0.4);
  }

  private signalExercise(): void {
    this.session('Feu à main', 'B', 10, this.r.pick(UNITS), 'training', `Exercice de signalisation — Champ de tir de Samanko, ${fr(this.day)}`, 0.8);
  }

  /** A monthly delivery into the newest lot of the two busiest calibres, while the licence leaves room. */
  private resupply(): void {
    for (const [calibre, cases] of [['9x19mm', 5], ['7.62x39mm', 4]] as const) {
      const index = DEMO_LOTS.reduce((best, l, i) => (l.calibre === calibre && l.store === 'A' && !l.lotState && (best < 0 || (l.age ?? 99) < (DEMO_LOTS[best]?.age ?? 99)) ? i : best), -1);
      const l = DEMO_LOTS[index] as DemoLot;
      const quantity = cases * l.perBox * l.perCase;
      const view = storeView(this.store.s, getStore(this.store.s, this.stores.A), this.day);
      const limit = DEMO_STORES.A.maxNeqKg[l.hd] ?? 0;
      if ((view.neqKg[l.hd] ?? 0) + quantity * l.neq > 0.85 * limit) continue;
      receive(this.ctx, { lotId: this.lotId(index), place: { storeId: this.stores.A, bay: l.bay }, quantity, date: this.day, source: SUPPLIERS[0] as string, document: this.doc('BL') });
    }
  }

  /** Monday: the dashboard is opened (automatic suspension) and the lots due are inspected. */
  private weeklyCheck(): void {
    if (this.lots.length === 0) return;
    suspendOverdueLots(this.store, this.o.managerId, this.day);
    DEMO_LOTS.forEach((l, i) => {
      const id = this.lots[i];
      if (id === undefined || l.dueIn !== undefined) return;
      const lot = getLot(this.store.s, id);
      if (lot.suspended || lot.nextInspection === '' || lot.nextInspection > this.day || !this.placeOf(id, l.store)) return;
      recordInspection(this.ctx, { lotId: id, date: this.day, result: 'serviceable', nextDue: addMonths(this.day, l.months), notes: 'Contrôle visuel et comptage : RAS' });
    });
  }

  /** Where a planned event finds its stock: the demo is wrong, not skipped, when it is missing. */
  private stock(lotId: number, key: DemoStoreKey, condition: AmmoCondition = 'serviceable') {
    const at = this.placeOf(lotId, key, condition);
    if (!at) throw new Error(`demo: lot ${lotId} has no ${condition} stock in store ${key} on ${this.day}`);
    return at;
  }

  /** The year's one-off events, by day (lots by their index in DEMO_LOTS). */
  private special(d: number): void {
    const { A, C } = this.stores;
    const events: Record<number, () => unknown> = {
      20: () => addBay(this.store, this.o.managerId, A, 'Travée 5'),
      45: () => this.receiveLot(this.lotIndex('transfer')),
      80: () => move(this.ctx, { lotId: this.lotId(0), from: this.stock(this.lotId(0), 'A'), to: { storeId: A, bay: 'Travée 5' }, condition: 'serviceable', quantity: 2000, document: this.doc('OM') }),
      120: () => {
        const from = this.stock(this.lotId(10), 'A');
        return move(this.ctx, { lotId: this.lotId(10), from, to: { storeId: C, bay: 'Caisson 2' }, condition: 'serviceable', quantity: Math.min(4000, from.quantity), document: this.doc('OM') });
      },
      150: () => this.recondition('damp', 'A', 500, 'repairable', "Étuis carton gonflés par l'humidité (fuite de toiture au-dessus de la travée 1)"),
      160: () => this.session('Grenade à main', 'C', 12, 'Escadron de gendarmerie mobile n° 2', 'training', `Instruction au lancer de grenades — Camp Soundiata Keïta (Kati), ${fr(this.day)}`, 1),
      180: () => changeLicence(this.store, this.o.managerId, C, this.licence('C', `DM/LLE-${this.day.slice(0, 4)}-077`, addDays(this.end, 730))),
      200: () => this.recondition('misfire', 'B', 0, 'suspended', `Ratés d'allumage sur 3 fusées lors de l'exercice du ${fr(addDays(this.day, -2))} : lot suspendu en attente d'expertise`),
      230: () => takeOut(this.ctx, 'ammo.lost', {
        lotId: this.lotId(1), place: this.stock(this.lotId(1), 'A'), condition: 'serviceable', quantity: 50, date: this.day,
        circumstances: 'Boîte de 50 cartouches manquante au retour de mission, recherches vaines', document: this.doc('PV'),
      }),
      250: () => this.recondition('dispose', 'C', 1200, 'awaiting_disposal', 'Étuis corrodés : déclassement prononcé par la commission de réforme (DEC-12)'),
      // Two-person: the storekeeper records, the manager approves.
      265: () => {
        const id = this.lotId(this.lotIndex('dispose'));
        const at = this.stock(id, 'C', 'awaiting_disposal');
        return takeOut(this.ctx, 'ammo.destroyed', {
          lotId: id, place: at, condition: 'awaiting_disposal', quantity: at.quantity, date: this.day,
          method: 'Brûlage en fosse sur le champ de tir de Samanko', certificate: this.doc('PVD'), document: this.doc('OD'),
        }, this.o.managerId);
      },
      280: () => takeOut(this.ctx, 'ammo.transferred_out', {
        lotId: this.lotId(6), place: this.stock(this.lotId(6), 'A'), condition: 'serviceable', quantity: 1440, date: this.day,
        transferId: this.doc('TR-BKO'), toArmoury: 'ML-KTI-02', document: this.doc('BT'),
      }),
      // (the two-person book adjustment comes from a quarterly inventory's case: see stockchecks.ts)
    };
    events[d]?.();
  }

  /** Changes the condition of `quantity` of a planned lot where it sits (0: all its serviceable stock there). */
  private recondition(plan: DemoLot['plan'], key: DemoStoreKey, quantity: number, to: AmmoCondition, reason: string): void {
    const id = this.lotId(this.lotIndex(plan));
    const at = this.stock(id, key);
    changeCondition(this.ctx, { lotId: id, place: at, from: 'serviceable', to, quantity: quantity || at.quantity, reason });
  }
}
