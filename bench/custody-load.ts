import { storeCredentials } from '../src/main/core/accounts/credentials';
import { hashPassword } from '../src/main/core/accounts/password';
import { addDays, addMonths, today } from '../src/main/core/ammunition/dates';
import { receiveNewLot } from '../src/main/core/ammunition/movements';
import { createStore } from '../src/main/core/ammunition/stores';
import { prng } from '../src/main/core/demo/generate';
import { authoriseOfficer, registerOfficer, setOfficerStatus } from '../src/main/core/officers/officers';
import { Store } from '../src/main/core/store';
import { Progress } from '../src/main/cli/progress';
import type { WeaponType } from '../src/shared/domain/enums';
import type { BenchConfig } from './config';
import { BenchClock, CustodyHistory, WeaponPool, type Counts, type Officer } from './custody-history';
import { AMMO_BAY, AMMO_LICENCE, AMMO_STORE, DAY, HOUR, LOT_COUNT, benchOfficer, custodyLot } from './custody-rows';
import { BENCH_MANAGER } from './load-core';
import { fileBytes } from './load-result';
import type { MemoryPeaks } from './stats';

/** The account the router measurements sign in with: a storekeeper at the counter. */
export const BENCH_STOREKEEPER = { username: 'magasinier', fullName: 'Sergent Moussa Keïta', password: 'bench-storekeeper-password' };

export interface CustodyLoadResult {
  weapons: number;
  officers: number;
  /** officer.registered, officer.authorised and officer.status_changed events. */
  officerEvents: number;
  officerSeconds: number;
  weaponTypes: number;
  /** custody.issued + custody.returned + case.opened, history and weapons out together. */
  events: number;
  counts: Counts;
  /** History and weapons out: the core's checks, journal and projections (and the bench's few choices). */
  seconds: number;
  rate: number;
  out: { weapons: number; vouchers: number; overdue: number };
  from: string;
  to: string;
  bytesBefore: number;
  bytes: number;
}

/** The weapons out at the end: vouchers of one or two weapons adding up to `out`. */
function outPlan(out: number, r: ReturnType<typeof prng>): number[] {
  const sizes: number[] = [];
  for (let left = out; left > 0; ) {
    const n = left >= 2 && r.next() < 0.2 ? 2 : 1;
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

async function addStorekeeper(store: Store, managerId: number): Promise<number> {
  const hash = await hashPassword(BENCH_STOREKEEPER.password);
  return store.journal.write(() => {
    const data = { username: BENCH_STOREKEEPER.username, fullName: BENCH_STOREKEEPER.fullName, role: 'storekeeper' };
    const e = store.journal.append({ type: 'user.created', actor: managerId, data });
    storeCredentials(store.s, e.seq, hash, e.at);
    return e.seq;
  });
}

/** Officers through the core (register, authorise for every weapon type, 2% left the service), a batch per journal write. */
function addOfficers(store: Store, clock: BenchClock, managerId: number, c: BenchConfig['custody'], types: WeaponType[], r: ReturnType<typeof prng>): { officers: Officer[]; events: number } {
  const officers: Officer[] = [];
  const expires = addDays(today(new Date()), 3 * 365);
  const perBatch = Math.max(1, Math.floor(c.batch / (types.length + 1)));
  const progress = new Progress(`officers, ${c.officers.toLocaleString('en-US')}`);
  let events = 0;
  for (let start = 0; start < c.officers; start += perBatch) {
    store.journal.write(() => {
      for (let i = start; i < Math.min(c.officers, start + perBatch); i++) {
        clock.to(clock.t + 60_000);
        const fields = benchOfficer(i, r);
        const id = registerOfficer(store, managerId, fields);
        for (const weaponType of types) authoriseOfficer(store, managerId, { officerId: id, weaponType, expires, reference: `HAB-${id}` });
        events += 1 + types.length;
        if (r.next() < 0.02) {
          setOfficerStatus(store, managerId, id, 'left', 'Mutation hors de la région');
          events++;
        } else officers.push({ id, serviceNumber: fields.serviceNumber });
      }
    });
    progress.update(Math.min(c.officers, start + perBatch), c.officers);
  }
  progress.end();
  return { officers, events };
}

/**
 * The custody section's data, on the weapons database the register section built: a storekeeper,
 * officers, an ammunition store with a few lots, a year of custody events through the core's
 * functions (one journal write per batch), then the weapons out now. Times run over the past year
 * up to now (the weapons themselves were registered by the bench, today).
 */
export async function loadCustody(path: string, weapons: number, c: BenchConfig['custody'], memory: MemoryPeaks): Promise<CustodyLoadResult> {
  const bytesBefore = fileBytes(path);
  const clock = new BenchClock();
  const realNow = Date.now();
  clock.t = realNow - 400 * DAY;
  const store = Store.open(path, { clock: clock.now });
  const r = prng(0xc057_0d1);
  try {
    const managerId = (store.s.sql('SELECT id FROM users WHERE username = ?').get(BENCH_MANAGER.username) as { id: number }).id;
    const storekeeperId = await addStorekeeper(store, managerId);
    const types = (store.s.sql('SELECT DISTINCT type FROM weapons ORDER BY type').all() as { type: WeaponType }[]).map((t) => t.type);

    let t = performance.now();
    const { officers, events: officerEvents } = addOfficers(store, clock, managerId, c, types, r);
    const officerSeconds = (performance.now() - t) / 1000;

    // one store, a few lots with rounds enough for the history (about one round in ten issued is fired or lost)
    const sizes = outPlan(c.out, r);
    const target = c.events - sizes.length;
    const perLot = 50_000 + Math.ceil(target / LOT_COUNT);
    const ammo = store.journal.write(() => {
      const storeId = createStore(store, managerId, { ...AMMO_STORE, licence: AMMO_LICENCE });
      const mc = { store, actor: storekeeperId, today: today(clock.now()) };
      const next = addMonths(today(new Date(realNow)), 18);
      const lotIds = Array.from({ length: LOT_COUNT }, (_, i) =>
        receiveNewLot(mc, { lot: custodyLot(i, next), place: { storeId, bay: AMMO_BAY }, quantity: perLot, date: mc.today, source: 'Direction du matériel', document: `BL-DOT-${i + 1}` }).lotId,
      );
      return { storeId, lotIds };
    });

    const ids = store.s.sql("SELECT id FROM weapons WHERE status = 'in_store' AND condition = 'serviceable'").pluck().all() as number[];
    const pool = new WeaponPool(Int32Array.from(ids), r);
    const start = realNow - 365 * DAY;
    const outFrom = realNow - 12 * HOUR;
    const history = new CustodyHistory(store, clock, r, pool, officers, ammo, { storekeeperId, managerId }, {
      target, start, arrivalsEnd: outFrom - DAY, keepOpenFrom: outFrom - 4 * DAY,
    });
    const total = c.events;
    const progress = new Progress(`custody events, ${total.toLocaleString('en-US')}`);
    t = performance.now();
    for (let more = true; more; ) {
      more = store.journal.write(() => {
        const stop = history.events + c.batch;
        while (history.events < stop) if (!history.step()) return false;
        return true;
      });
      memory.sample();
      progress.update(history.events, total);
    }
    const from = new Date(start).toISOString();

    // The weapons out now, issued over the last twelve hours: a few assignments, a few checkouts overdue.
    let overdue = 0;
    const base = Math.max(outFrom, clock.t);
    if (base > outFrom + HOUR) throw new Error(`the custody history ran past its end (${new Date(base).toISOString()})`);
    const step = (realNow - 10 * 60_000 - base) / sizes.length;
    for (let first = 0; first < sizes.length; first += c.batch) {
      store.journal.write(() => {
        for (let j = first; j < Math.min(sizes.length, first + c.batch); j++) {
          const at = base + j * step;
          const kind = r.next() < 0.08 ? 'assignment' : 'checkout';
          const late = kind === 'checkout' && j < sizes.length / 2 && r.next() < 0.06;
          if (late) overdue += sizes[j] as number;
          const expectedReturn = late ? at + r.int(60, 180) * 60_000 : realNow + r.int(60, 600) * 60_000;
          const weapons = Array.from({ length: sizes[j] as number }, () => pool.take());
          history.issue(at, { kind, weapons, expectedReturn, rounds: r.next() < 0.2 });
        }
      });
      progress.update(history.events, total);
    }
    progress.end();
    const seconds = (performance.now() - t) / 1000;
    memory.sample();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      weapons, officers: c.officers, officerEvents, officerSeconds, weaponTypes: types.length,
      events: history.events, counts: history.counts, seconds, rate: history.events / seconds,
      out: { weapons: c.out, vouchers: sizes.length, overdue },
      from, to: clock.now().toISOString(), bytesBefore, bytes: fileBytes(path),
    };
  } finally {
    store.close();
  }
}
