import type { Licence } from '../src/shared/domain/ammunition';
import { createArmoury } from '../src/main/core/armoury/setup';
import { today } from '../src/main/core/ammunition/dates';
import {
  expend, issue, move, receive, receiveNewLot, returnUnexpended, type MovementCtx,
} from '../src/main/core/ammunition/movements';
import { createStore } from '../src/main/core/ammunition/stores';
import { Store } from '../src/main/core/store';
import { Progress } from '../src/main/cli/progress';
import { ammoBatches, BENCH_BAYS, BENCH_DAY, benchLot, TEXTS, type AmmoBenchSize, type AmmoOp } from './ammo-rows';
import { BENCH_MANAGER } from './load-core';
import { fileBytes } from './load-result';
import type { MemoryPeaks } from './stats';

export interface AmmoLoadResult {
  movements: number;
  /** Database work only (generation excluded), in seconds. */
  seconds: number;
  rate: number;
  generateSeconds: number;
  bytes: number;
  /** Movements per kind (new lots, receipts, issues…). */
  kinds: Partial<Record<AmmoOp['kind'], number>>;
}

/** The largest licence the contract accepts, for every division: the benchmark measures the checks, not refusals. */
const LICENCE: Licence = {
  maxNeqKg: { '1.1': 10_000, '1.2': 10_000, '1.3': 10_000, '1.4': 10_000, '1.5': 10_000, '1.6': 10_000 },
  authority: 'Direction du matériel, Ministère de la Sécurité',
  reference: 'DM/LLE-BENCH',
  expiry: '2099-12-31',
};

export const BENCH_AMMO_ARMOURY = { code: 'BENCH-02', name: 'Dépôt de munitions de mesure', agency: 'gendarmerie', region: 'Bamako', language: 'fr' } as const;

/** One movement through the core's service functions: the checks (lot, store, bay, quantities, safety rules), the event, its projections. */
function apply(c: MovementCtx, op: AmmoOp, lotIds: number[], storeIds: number[]): void {
  const lotId = lotIds[op.lot] as number;
  const place = (p: { store: number; bay: string }) => ({ storeId: storeIds[p.store] as number, bay: p.bay });
  const { source, document, unit, reference } = TEXTS;
  switch (op.kind) {
    case 'new':
      lotIds[op.lot] = receiveNewLot(c, { lot: benchLot(op.lot), place: place(op.at), quantity: op.quantity, date: BENCH_DAY, source, document }).lotId;
      return;
    case 'receive':
      receive(c, { lotId, place: place(op.at), quantity: op.quantity, date: BENCH_DAY, source, document });
      return;
    case 'issue':
      issue(c, { lotId, place: place(op.at), quantity: op.quantity, recipient: { kind: 'unit', name: unit }, document });
      return;
    case 'return':
      returnUnexpended(c, { lotId, place: place(op.at), quantity: op.quantity, from: unit, document });
      return;
    case 'expend':
      expend(c, { lotId, quantity: op.quantity, purpose: 'training', reference });
      return;
    case 'move':
      move(c, { lotId, from: place(op.from), to: place(op.to), condition: 'serviceable', quantity: op.quantity, document });
  }
}

/**
 * The core path: an armoury and its stores created as the app does, then the movements through
 * the ammunition service functions, a batch per journal write (one transaction, as registerMany
 * batches registrations): every check, the hash-chained event and its projections per movement.
 */
export async function loadAmmoCore(path: string, size: AmmoBenchSize, batch: number, memory: MemoryPeaks): Promise<AmmoLoadResult & { storeIds: number[]; lotIds: number[] }> {
  const store = Store.open(path, { create: true });
  const kinds: AmmoLoadResult['kinds'] = {};
  const lotIds: number[] = [];
  let done = 0;
  let dbMs = 0;
  let genMs = 0;
  try {
    const managerId = await createArmoury(store, { armoury: BENCH_AMMO_ARMOURY, manager: BENCH_MANAGER });
    const storeIds = store.journal.write(() =>
      Array.from({ length: size.stores }, (_, i) =>
        createStore(store, managerId, { code: `MAG-${i + 1}`, name: `Magasin ${i + 1}`, bays: BENCH_BAYS, licence: LICENCE }),
      ),
    );
    const c: MovementCtx = { store, actor: managerId, today: today(new Date()) };
    const progress = new Progress(`core ammunition movements, ${size.movements.toLocaleString('en-US')}`);
    let t = performance.now();
    for (const list of ammoBatches(size, batch)) {
      const generated = performance.now();
      genMs += generated - t;
      store.journal.write(() => {
        for (const op of list) apply(c, op, lotIds, storeIds);
      });
      t = performance.now();
      dbMs += t - generated;
      for (const op of list) kinds[op.kind] = (kinds[op.kind] ?? 0) + 1;
      done += list.length;
      memory.sample();
      progress.update(done, size.movements);
    }
    progress.end();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return { movements: done, seconds: dbMs / 1000, rate: done / (dbMs / 1000), generateSeconds: genMs / 1000, bytes: fileBytes(path), kinds, storeIds, lotIds };
  } finally {
    store.close();
  }
}
