import { appendCaseClosing } from '../src/main/core/cases/close';
import type { IssueParsed } from '../src/main/core/custody/checks';
import { appendIssue } from '../src/main/core/custody/issue';
import { appendReturn, type ReturnParsed } from '../src/main/core/custody/return';
import type { Store } from '../src/main/core/store';
import type { CaseOutcome, VoucherKind } from '../src/shared/domain/custody';
import type { WeaponCondition } from '../src/shared/domain/enums';
import { ASSIGNMENT_DUTY, AMMO_BAY, DAY, DUTIES, FIRING_REFERENCE, HOUR, Timeline, type Rng } from './custody-rows';

/** The journal's clock for the build: set forward by the history, never back. */
export class BenchClock {
  t = 0;
  readonly now = (): Date => new Date(this.t);

  to(ms: number): Date {
    if (ms > this.t) this.t = ms;
    return new Date(this.t);
  }
}

/** Weapons that may be issued (in store, serviceable), by index: 0 free, 1 out, 2 no longer serviceable. */
export class WeaponPool {
  private readonly state: Uint8Array;

  constructor(
    readonly ids: Int32Array,
    private readonly r: Rng,
  ) {
    this.state = new Uint8Array(ids.length);
  }

  take(): number {
    for (let tries = 0; tries < 10_000; tries++) {
      const i = this.r.int(0, this.ids.length - 1);
      if (this.state[i] === 0) {
        this.state[i] = 1;
        return i;
      }
    }
    throw new Error('too few weapons in store for this custody history: raise BENCH_SIZES or lower BENCH_CUSTODY_EVENTS / BENCH_CUSTODY_OUT');
  }

  release(i: number, serviceable: boolean): void {
    this.state[i] = serviceable ? 0 : 2;
  }
}

export interface Officer {
  id: number;
  serviceNumber: string;
}

export interface Counts {
  issued: number;
  returned: number;
  casesOpened: number;
  casesClosed: number;
  /** Issues with rounds, assignments, two-weapon vouchers. */
  withRounds: number;
  assignments: number;
  twoWeapons: number;
}

interface ReturnDue {
  at: number;
  kind: 'return';
  voucherId: number;
  weapons: number[];
  magazines: number;
  rounds: { lotId: number; quantity: number }[];
}
interface CloseDue {
  at: number;
  kind: 'close';
  caseId: number;
  subject: 'rounds' | 'magazines';
}

export interface HistoryPlan {
  /** Custody events the history stops at (the weapons out at the end come on top). */
  target: number;
  /** Issues arrive from `start` to about `arrivalsEnd`; cases opened after `keepOpenFrom` (at least 60 hours before it) stay open. */
  start: number;
  arrivalsEnd: number;
  keepOpenFrom: number;
}

/**
 * The past custody events, driven through the core's own functions as a busy armoury would
 * produce them: issues arriving all year round, each returned when due (checkouts within the
 * shift, assignments weeks later), a few returns with rounds or a magazine unaccounted, and their
 * cases closed by a manager within the deadline. Events are applied in time order.
 */
export class CustodyHistory {
  readonly counts: Counts = { issued: 0, returned: 0, casesOpened: 0, casesClosed: 0, withRounds: 0, assignments: 0, twoWeapons: 0 };
  private readonly due = new Timeline<ReturnDue | CloseDue>();
  private nextArrival: number;
  private arrivals = 0;
  private readonly gap: number;
  private arriving = true;
  private openVouchers = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: BenchClock,
    private readonly r: Rng,
    private readonly pool: WeaponPool,
    private readonly officers: Officer[],
    private readonly ammo: { storeId: number; lotIds: number[] },
    private readonly who: { storekeeperId: number; managerId: number },
    private readonly plan: HistoryPlan,
  ) {
    // two events per voucher, and a few cases
    this.gap = (plan.arrivalsEnd - plan.start) / Math.max(1, plan.target / 2.005);
    this.nextArrival = plan.start;
  }

  get events(): number {
    return this.counts.issued + this.counts.returned + this.counts.casesOpened;
  }

  /** Applies the next event in time; false once the history is complete. */
  step(): boolean {
    if (this.arriving && this.events + this.openVouchers >= this.plan.target) this.arriving = false;
    const top = this.due.peek();
    if (top && (!this.arriving || top.at <= this.nextArrival)) {
      this.due.pop();
      if (top.kind === 'return') this.returnVoucher(top);
      else this.closeCase(top);
      return true;
    }
    if (!this.arriving) return false;
    this.issueVoucher(this.nextArrival);
    // one issue per gap, at a random moment within it: random times that never drift past the end
    this.nextArrival = this.plan.start + (++this.arrivals + this.r.next()) * this.gap;
    return true;
  }

  /** Issues one voucher at `at` (history or the weapons out at the end); returns its id. */
  issue(at: number, o: { kind: VoucherKind; weapons: number[]; expectedReturn: number; rounds: boolean }): { voucherId: number; magazines: number; rounds: ReturnDue['rounds'] } {
    const r = this.r;
    const now = this.clock.to(at);
    const officer = r.pick(this.officers);
    const magazines = o.weapons.map(() => r.int(1, 3));
    const rounds = o.rounds ? [{ lotId: r.pick(this.ammo.lotIds), quantity: 15 * r.int(1, 4) }] : [];
    // typed as the contract's parsed input (what custody.issue hands the core), without running zod per event
    const input: IssueParsed = {
      kind: o.kind,
      officerId: officer.id,
      weapons: o.weapons.map((i, n) => ({ weaponId: this.pool.ids[i] as number, magazines: magazines[n] as number })),
      rounds: rounds.map((l) => ({ ...l, storeId: this.ammo.storeId, bay: AMMO_BAY })),
      duty: o.kind === 'assignment' ? ASSIGNMENT_DUTY : r.pick(DUTIES),
      expectedReturn: o.kind === 'checkout' ? new Date(o.expectedReturn).toISOString() : '',
      note: '',
      acknowledgement: officer.serviceNumber,
    };
    const voucherId = appendIssue(this.store, this.who.storekeeperId, now, input, {});
    this.counts.issued++;
    if (rounds.length > 0) this.counts.withRounds++;
    if (o.kind === 'assignment') this.counts.assignments++;
    if (o.weapons.length > 1) this.counts.twoWeapons++;
    return { voucherId, magazines: magazines.reduce((a, b) => a + b, 0), rounds };
  }

  private issueVoucher(at: number): void {
    const r = this.r;
    // assignments last up to 45 days: none so late that it would still be out when the history ends
    const kind: VoucherKind = at < this.plan.arrivalsEnd - 46 * DAY && r.next() < 0.03 ? 'assignment' : 'checkout';
    const weapons = r.next() < 0.2 ? [this.pool.take(), this.pool.take()] : [this.pool.take()];
    // a checkout is due back within its shift, and comes back around then; an assignment weeks later
    const expectedReturn = at + r.int(3 * 60, 12 * 60) * 60_000;
    const v = this.issue(at, { kind, weapons, expectedReturn, rounds: r.next() < 0.2 });
    const back = kind === 'checkout' ? Math.max(at + HOUR, expectedReturn + r.int(-60, 30) * 60_000) : at + r.int(3, 45) * DAY;
    this.due.push({ at: back, kind: 'return', voucherId: v.voucherId, weapons, magazines: v.magazines, rounds: v.rounds });
    this.openVouchers++;
  }

  /** Settles a voucher: weapons back (a few no longer serviceable), rounds reconciled, now and then something unaccounted. */
  private returnVoucher(d: ReturnDue): void {
    const r = this.r;
    const now = this.clock.to(d.at);
    const conditions: WeaponCondition[] = d.weapons.map(() => (r.next() < 0.002 ? 'repairable' : 'serviceable'));
    let roundsCases = 0;
    const rounds = d.rounds.map((l) => {
      const x = r.next();
      const expended = x < 0.15 ? r.int(1, l.quantity - 1) : 0;
      const unaccounted = x > 0.99 ? r.int(1, Math.min(5, l.quantity - expended)) : 0;
      if (unaccounted > 0) roundsCases++;
      return { lotId: l.lotId, storeId: this.ammo.storeId, bay: AMMO_BAY, returned: l.quantity - expended - unaccounted, expended };
    });
    const magazinesReturned = d.magazines - (r.next() < 0.001 ? 1 : 0);
    const input: ReturnParsed = {
      voucherId: d.voucherId,
      weapons: d.weapons.map((i, n) => ({ weaponId: this.pool.ids[i] as number, returned: true, condition: conditions[n] as WeaponCondition })),
      magazinesReturned,
      rounds,
      reference: rounds.some((l) => l.expended > 0) ? FIRING_REFERENCE : '',
      note: '',
    };
    const caseIds = appendReturn(this.store, this.who.storekeeperId, now, input);
    d.weapons.forEach((i, n) => this.pool.release(i, conditions[n] === 'serviceable'));
    this.counts.returned++;
    this.counts.casesOpened += caseIds.length;
    this.openVouchers--;
    if (d.at >= this.plan.keepOpenFrom) return;
    // cases come in the return's order: rounds lines first, then magazines (no weapon is kept back here)
    caseIds.forEach((caseId, n) => {
      this.due.push({ at: d.at + r.int(6, 60) * HOUR, kind: 'close', caseId, subject: n < roundsCases ? 'rounds' : 'magazines' });
    });
  }

  /** A manager closes the case, through the core's closing rules (as closeCase once the password is checked). */
  private closeCase(d: CloseDue): void {
    const now = this.clock.to(d.at);
    const x = this.r.next();
    const outcome: CaseOutcome = d.subject === 'rounds' ? (x < 0.5 ? 'expended' : x < 0.8 ? 'returned' : 'loss') : x < 0.6 ? 'returned' : 'loss';
    appendCaseClosing(this.store, this.who.storekeeperId, this.who.managerId, now, {
      id: d.caseId, outcome, explanation: 'Compte rendu de l’agent, vérifié par le chef de poste',
      reference: outcome === 'expended' ? FIRING_REFERENCE : '',
    });
    this.counts.casesClosed++;
  }
}
