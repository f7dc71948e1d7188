import { PRESENT_STATUSES } from '../../../shared/domain/custody';
import type { WeaponCondition } from '../../../shared/domain/enums';
import { addDays, today as dayOf } from '../ammunition/dates';
import { appendCaseClosing, type ClosingInput } from '../cases/close';
import type { IssueParsed } from '../custody/checks';
import { appendIssue } from '../custody/issue';
import { appendReturn, type ReturnParsed } from '../custody/return';
import { appendHandover } from '../handover/handover';
import { registerKey } from '../handover/keys';
import type { Store } from '../store';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import type { DayHooks } from './ammunition';
import { localTime, type HistoryClock } from './clock';
import { AUTHORISED_TYPES, CARRIED, DEMO_KEYS, DUTIES, FIRING_REPORTS, KNOWN_OFFICERS } from './custody-catalogue';
import { Personnel, SENIOR, type DemoOfficer } from './custody-people';
import { RoundsDesk, WeaponPool, type PoolWeapon, type RoundsLine } from './custody-pool';
import { prng } from './generate';

/** Its own seed: the weapons and the ammunition parts of the demo stay as they were. */
const SEED = 0xc057_0d1;
const MINUTE = 60_000;
/** Above this many weapons on the shelves (the benchmark's demos) the handover's full count is left out. */
const HANDOVER_MAX = 50_000;
/** The year's discrepancies, by history day: what was missing at the return, and how the manager closed it. */
const DISCREPANCIES: Record<number, { missing: 'rounds' | 'magazine'; after: number; close: Pick<ClosingInput, 'outcome' | 'explanation'> }> = {
  75: { missing: 'rounds', after: 1, close: { outcome: 'expended', explanation: 'L’agent a tiré lors d’une interpellation et n’a remis son compte rendu que le lendemain.' } },
  190: { missing: 'rounds', after: 2, close: { outcome: 'returned', explanation: 'Cartouches retrouvées dans le véhicule de patrouille et réintégrées au magasin.' } },
  290: { missing: 'magazine', after: 1, close: { outcome: 'returned', explanation: 'Chargeur oublié au poste de garde, rapporté le lendemain par le chef de poste.' } },
};
/** Days of the year's other events: long-term assignments, their withdrawals, status changes, the override. */
const ASSIGN_DAY = 7;
const WITHDRAWALS: Record<number, string> = {
  95: 'Fin de dotation : affecté à un poste administratif',
  180: 'Arme réintégrée pour révision annuelle, fin de dotation',
  320: 'Fin de la mission de protection rapprochée',
};
const SUSPEND_DAY = 200;
/** The first officer given an assignment is transferred away: their pistol comes back first. */
const LEAVE_DAY = 250;
/** Days before today of the issue on a manager's override of an expired authorisation. */
const OVERRIDE_DAYS_AGO = 40;

export interface CustodyDemoOptions {
  now: Date;
  managerId: number;
  storekeeperId: number;
}

/** How a voucher is issued, and how it will come back. */
interface Issue {
  kind: 'checkout' | 'assignment';
  expected: number;
  back: number;
  plan: Out['plan'];
  duty: string;
  actor: number;
  override?: string;
}

/** A voucher out with an officer, and how it comes back. */
interface Out {
  voucherId: number;
  officer: DemoOfficer;
  weapons: PoolWeapon[];
  magazines: number;
  rounds: RoundsLine[];
  back: number;
  plan: 'full' | 'fired' | 'jammed' | 'rounds' | 'magazine' | 'keep';
}

/** The custody counter's year, run beside the ammunition history (see DayHooks). */
export function custodyHistory(o: CustodyDemoOptions): (store: Store, clock: HistoryClock) => DayHooks {
  return (store, clock) => new Counter(store, clock, o);
}

class Counter implements DayHooks {
  private readonly r = prng(SEED);
  private readonly people: Personnel;
  private readonly desk: RoundsDesk;
  /** The weapons' statuses are final before the ammunition year starts: the shelves are read once. */
  private readonly pool: WeaponPool;
  private readonly end: string;
  private readonly yesterday: string;
  private storeA: number | null = null;
  /** Today's checkouts (and the one kept out overnight). */
  private out: Out[] = [];
  private readonly assignments: { out: Out; withdrawn: boolean }[] = [];
  private readonly closings = new Map<string, (ClosingInput & { at: number })[]>();
  private reports = 100;

  constructor(
    private readonly store: Store,
    private readonly clock: HistoryClock,
    private readonly o: CustodyDemoOptions,
  ) {
    this.end = dayOf(o.now);
    this.yesterday = addDays(this.end, -1);
    this.people = new Personnel(store, this.r, o.managerId, addDays(this.end, -365), this.end);
    this.desk = new RoundsDesk(store.s);
    this.pool = new WeaponPool(store.s, AUTHORISED_TYPES);
  }

  /** Officers the counter may serve: active, nothing out, no weapon of their own. */
  private free(o: DemoOfficer): boolean {
    return o.status === 'active' && !this.out.some((x) => x.officer === o) && !this.assignments.some((a) => !a.withdrawn && a.out.officer === o);
  }

  morning(day: string, d: number): void {
    if (d === 0) return;
    if (d % 7 === 0) this.desk.reset();
    this.clock.at(localTime(day, 6, 5));
    this.people.renew(day);
    if (d === ASSIGN_DAY) this.assign(day);
    const withdrawal = WITHDRAWALS[d];
    const held = this.assignments.filter((a) => !a.withdrawn);
    // the latest first, and one stays out to the end
    if (withdrawal && held.length > 1) this.withdraw(held[held.length - 1] as (typeof held)[number], withdrawal, day);
    const leaving = d === LEAVE_DAY ? this.assignments[0] : undefined;
    if (leaving) {
      if (!leaving.withdrawn) this.withdraw(leaving, 'Mutation : arme réintégrée avant le départ', day);
      this.people.setStatus(leaving.out.officer, 'left', 'Muté dans la région de Mopti');
    }
    const suspended = d === SUSPEND_DAY ? this.people.officers.find((o, i) => i >= 10 && this.free(o)) : undefined;
    if (suspended) this.people.setStatus(suspended, 'suspended', 'Suspension à titre conservatoire — enquête administrative n° IGSS-2026-014');

    const last = day === this.yesterday;
    let t = localTime(day, 6, 30);
    if (day === addDays(this.end, -OVERRIDE_DAYS_AGO)) this.override(t, day);
    const n = this.r.int(3, 8);
    for (let i = 0; i < n; i++) {
      t += this.r.int(3, 15) * MINUTE;
      const plan: Out['plan'] = last && i === 0 ? 'keep' : this.r.next() < 0.04 ? 'fired' : this.r.next() < 0.005 ? 'jammed' : 'full';
      const expected = localTime(day, this.r.pick([17, 18, 18, 19]), this.r.pick([0, 30]));
      const back = this.r.next() < 0.08 ? expected + this.r.int(5, 45) * MINUTE : expected - this.r.int(0, 120) * MINUTE;
      this.checkout(t, expected, back, plan, this.o.storekeeperId);
    }
    // the day's discrepancy (yesterday's is the case still open): a return with rounds, or magazines, falls short
    const discrepancy = DISCREPANCIES[d]?.missing ?? (last ? 'rounds' : undefined);
    const short = this.out.find((x) => x.plan !== 'keep' && (discrepancy === 'rounds' ? x.rounds.length > 0 : x.magazines > 0));
    if (discrepancy && short) short.plan = discrepancy;
  }

  evening(day: string, d: number): void {
    if (d === 0) {
      this.clock.at(localTime(day, 14));
      this.people.register();
      for (const k of DEMO_KEYS) {
        registerKey(this.store, this.o.managerId, { code: k.code, opens: k.opens, holder: k.holder === 'manager' ? this.o.managerId : this.o.storekeeperId });
      }
      return;
    }
    const steps = [
      ...(this.closings.get(day) ?? []).map((c) => ({ at: c.at, run: () => this.close(c) })),
      ...this.out.filter((x) => x.plan !== 'keep').map((x) => ({ at: x.back, run: () => this.giveBack(x, day, d) })),
    ].sort((a, b) => a.at - b.at);
    for (const step of steps) step.run();
    this.out = this.out.filter((x) => x.plan === 'keep');
    if (day === this.yesterday) this.handover(localTime(day, 19, 45));
  }

  /** Today: a few checkouts this morning by the manager, who took the keys over last night. */
  today(): void {
    const now = this.o.now.getTime();
    const n = 3;
    const expected = Math.max(localTime(this.end, 19), now + 3 * 60 * MINUTE);
    for (let i = 0; i < n; i++) {
      // this morning, or just before now when the demo is made in the small hours
      const t = Math.min(localTime(this.end, 7, 10 + 12 * i), now - (n - i) * 3 * MINUTE);
      this.checkout(t, expected, expected, 'keep', this.o.managerId);
    }
  }

  private stock(): number | null {
    this.storeA ??= (this.store.s.sql("SELECT id FROM stores WHERE code = 'MAG-A'").get() as { id: number } | undefined)?.id ?? null;
    return this.storeA;
  }

  /** Rounds for the weapons: per calibre, the magazines' worth (a shotgun's ten cartridges). */
  private roundsFor(weapons: PoolWeapon[], day: string): RoundsLine[] {
    const storeId = this.stock();
    if (storeId === null) return [];
    const need = new Map<string, number>();
    for (const w of weapons) {
      const c = CARRIED[w.type] ?? { magazines: 0, rounds: 0 };
      const perMagazine = w.calibre === '9x18mm' ? 8 : c.rounds;
      need.set(w.calibre, (need.get(w.calibre) ?? 0) + Math.max(1, c.magazines) * perMagazine);
    }
    return [...need].flatMap(([calibre, quantity]) => this.desk.draw(storeId, calibre, quantity, day) ?? []);
  }

  /** Issues one voucher through the core checks, at `at` (or just after the journal's last event). */
  private issue(at: number, officer: DemoOfficer, weapons: PoolWeapon[], how: Issue): Out {
    const when = this.clock.at(at);
    // the parsed shape written out whole (parsing a year of vouchers and returns cost about a quarter
    // of a second); the override's credentials are not stored, the event records who and why
    const input: IssueParsed = {
      kind: how.kind, officerId: officer.id, duty: how.duty, acknowledgement: officer.serviceNumber, note: '',
      weapons: weapons.map((w) => ({ weaponId: w.id, magazines: CARRIED[w.type]?.magazines ?? 0 })),
      rounds: this.roundsFor(weapons, dayOf(when)),
      expectedReturn: how.kind === 'checkout' ? new Date(Math.max(how.expected, when.getTime() + 60 * MINUTE)).toISOString() : '',
      ...(how.override ? { override: { username: DEMO_ACCOUNTS[0].username, password: DEMO_PASSWORD, reason: how.override } } : {}),
    };
    const voucherId = appendIssue(this.store, how.actor, when, input, how.override ? { overrideBy: this.o.managerId } : {});
    const magazines = input.weapons.reduce((n, w) => n + w.magazines, 0);
    return { voucherId, officer, weapons, magazines, rounds: input.rounds, back: how.back, plan: how.plan };
  }

  /** A checkout to a free officer, of a type they are authorised for (now and then a pistol with the rifle). */
  private checkout(at: number, expected: number, back: number, plan: Out['plan'], actor: number): void {
    const day = dayOf(new Date(at));
    for (let tries = 0; tries < 20; tries++) {
      const officer = this.r.pick(this.people.officers);
      const types = AUTHORISED_TYPES.filter((type) => this.people.authorised(officer, type, day) && this.pool.has(type));
      if (!this.free(officer) || types.length === 0) continue;
      const first = this.r.pick(types);
      const second = types.find((type) => type !== first && (type === 'pistol' || type === 'assault_rifle'));
      const kinds = second && this.r.next() < 0.1 ? [first, second] : [first];
      const weapons = kinds.map((type) => this.pool.take(type, officer.agency, this.r) as PoolWeapon);
      const duty = kinds.length > 1 ? 'Escorte de fonds — Banque de développement du Mali' : this.r.pick(DUTIES);
      this.out.push(this.issue(at, officer, weapons, { kind: 'checkout', expected, back, plan, duty, actor }));
      return;
    }
  }

  /** The officer whose rifle authorisation has lapsed is issued one on the manager's override. */
  private override(at: number, day: string): void {
    const officer = this.people.lapsed;
    if (!officer || !this.free(officer) || !this.pool.has('assault_rifle')) return;
    const weapon = this.pool.take('assault_rifle', officer.agency, this.r) as PoolWeapon;
    const expected = localTime(day, 18);
    this.out.push(this.issue(at, officer, [weapon], {
      kind: 'checkout', expected, back: expected - 30 * MINUTE, plan: 'full', duty: 'Renfort — sécurisation des épreuves du DEF', actor: this.o.storekeeperId,
      override: 'Renfort urgent demandé par le directeur régional ; recyclage au tir programmé le mois prochain',
    }));
  }

  private report(day: string): string {
    this.reports += this.r.int(1, 9);
    return `${this.r.pick(FIRING_REPORTS)} ${day.slice(0, 4)}/${String(this.reports).padStart(4, '0')}`;
  }

  /** The return: everything back, or rounds fired (with a report), a weapon jammed, something missing. */
  private giveBack(x: Out, day: string, d: number): void {
    const when = this.clock.at(x.back);
    const condition: WeaponCondition = x.plan === 'jammed' ? 'repairable' : 'serviceable';
    const fired = x.plan === 'fired' && x.rounds.length > 0 ? this.r.int(1, 6) : 0;
    const missing = x.plan === 'rounds' ? this.r.int(1, 3) : 0;
    const input: ReturnParsed = {
      voucherId: x.voucherId,
      weapons: x.weapons.map((w, i) => ({ weaponId: w.id, returned: true, condition: i === 0 ? condition : 'serviceable' })),
      magazinesReturned: x.magazines - (x.plan === 'magazine' ? 1 : 0),
      rounds: x.rounds.map((r, i) => {
        const expended = i === 0 ? Math.min(fired, r.quantity) : 0;
        const short = i === 0 ? Math.min(missing, r.quantity - expended) : 0;
        return { lotId: r.lotId, storeId: r.storeId, bay: r.bay, returned: r.quantity - expended - short, expended };
      }),
      reference: fired > 0 ? this.report(day) : '',
      note: fired > 0 ? 'Tirs lors d’une intervention, compte rendu joint' : x.plan === 'jammed' ? 'Enrayages signalés par l’agent : à revoir par l’armurier' : '',
    };
    const cases = appendReturn(this.store, this.o.storekeeperId, when, input);
    // a weapon handed in repairable waits for the armourer, off the counter's shelves
    for (const w of x.weapons) if (w !== x.weapons[0] || condition === 'serviceable') this.pool.put(w);
    const discrepancy = DISCREPANCIES[d];
    if (discrepancy && cases.length > 0) {
      const closeDay = addDays(day, discrepancy.after);
      const at = localTime(closeDay, 16, 30);
      this.closings.set(closeDay, [...(this.closings.get(closeDay) ?? []), ...cases.map((id) => ({ id, ...discrepancy.close, reference: '', at }))]);
    }
  }

  /** The storekeeper records the manager's decision; the manager approves it (rounds fired need their report). */
  private close(c: ClosingInput & { at: number }): void {
    const when = this.clock.at(c.at);
    const reference = c.outcome === 'expended' ? this.report(dayOf(when)) : c.reference;
    appendCaseClosing(this.store, this.o.storekeeperId, this.o.managerId, when, { id: c.id, outcome: c.outcome, explanation: c.explanation, reference });
  }

  /** Long-term assignments: service pistols for senior officers (the first assignee leaves during the year). */
  private assign(day: string): void {
    const officers = this.people.officers
      .filter((o, i) => i > KNOWN_OFFICERS.length && SENIOR.test(o.rank) && this.people.authorised(o, 'pistol', day))
      .slice(0, 5);
    let t = localTime(day, 6, 10);
    for (const officer of officers) {
      const weapon = this.pool.take('pistol', officer.agency, this.r);
      if (!weapon) return;
      const duty = 'Dotation individuelle — arme de service';
      const out = this.issue((t += 4 * MINUTE), officer, [weapon], { kind: 'assignment', expected: 0, back: 0, plan: 'full', duty, actor: this.o.storekeeperId });
      this.assignments.push({ out, withdrawn: false });
    }
  }

  private withdraw(a: { out: Out; withdrawn: boolean }, note: string, day: string): void {
    const x = a.out;
    const input: ReturnParsed = {
      voucherId: x.voucherId, weapons: x.weapons.map((w) => ({ weaponId: w.id, returned: true, condition: 'serviceable' as const })),
      magazinesReturned: x.magazines, rounds: x.rounds.map((r) => ({ lotId: r.lotId, storeId: r.storeId, bay: r.bay, returned: r.quantity, expended: 0 })),
      reference: '', note,
    };
    appendReturn(this.store, this.o.storekeeperId, this.clock.at(localTime(day, 6, 20)), input);
    a.withdrawn = true;
    for (const w of x.weapons) this.pool.put(w);
  }

  /** Yesterday evening the storekeeper hands over to the manager: a full count, and the keys held. */
  private handover(at: number): void {
    const present = PRESENT_STATUSES.map((st) => `'${st}'`).join(', ');
    const ids = (sql: string, ...params: number[]) => (this.store.s.sql(sql).raw(true).all(...params) as [number][]).map((r) => r[0]);
    const counted = ids(`SELECT id FROM weapons WHERE status IN (${present}) ORDER BY id`);
    if (counted.length > HANDOVER_MAX) return;
    const keys = ids('SELECT id FROM armoury_keys WHERE holder = ? ORDER BY id', this.o.storekeeperId);
    const note = 'Fin de service : comptage intégral conforme au registre. Une arme non réintégrée à l’heure prévue, signalée au chef de poste.';
    appendHandover(this.store, this.o.storekeeperId, this.o.managerId, this.clock.at(at), { counted, keys, note });
  }
}
