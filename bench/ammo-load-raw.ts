import Database from 'better-sqlite3';
import { normalizeKey } from '../src/shared/domain/normalize';
import type { LotFields } from '../src/shared/domain/ammunition';
import { Progress } from '../src/main/cli/progress';
import { fileBytes } from './load-result';
import type { AmmoLoadResult } from './ammo-load-core';
import { ammoBatches, BENCH_BAYS, BENCH_DAY, benchLot, eventOf, type AmmoBenchSize, type AmmoOp, type RowAfter } from './ammo-rows';
import { RAW_AMMO_SCHEMA } from './raw-schema';
import type { MemoryPeaks } from './stats';

const NO_HASH = Buffer.alloc(32);
const NO_PREV = '0'.repeat(64);

/** A lot row's values by column, for whatever columns the app's lots table has now (unknown ones get a neutral value). */
function lotValues(db: Database.Database): (id: number, l: LotFields) => unknown[] {
  const columns = db.prepare('PRAGMA table_info(lots)').all() as { name: string; type: string }[];
  return (id, l) => {
    const known: Record<string, unknown> = {
      id, lot_state: l.lotState, lot_number: l.lotNumber, nature: l.nature, calibre: l.calibre, calibre_key: normalizeKey(l.calibre),
      manufacturer: l.manufacturer, country: l.country, year_of_manufacture: l.yearOfManufacture, hazard_division: l.hazardDivision,
      compatibility_group: l.compatibilityGroup, un_number: l.unNumber, neq_per_unit_kg: l.neqPerUnitKg, neq_per_unit_ug: Math.round(l.neqPerUnitKg * 1e9),
      rounds_per_box: l.roundsPerBox, boxes_per_case: l.boxesPerCase, inspection_interval_months: l.inspectionIntervalMonths,
      last_inspection: l.lastInspection, next_inspection: l.nextInspection, shelf_life_end: l.shelfLifeEnd, suspend_after: '',
      suspended: 0, suspension_reason: '', received_at: BENCH_DAY, updated_seq: id,
    };
    return columns.map((c) => (c.name in known ? known[c.name] : c.type === 'TEXT' ? '' : 0));
  };
}

/**
 * The baseline: the same movements written straight into the same tables and indexes with the
 * same pragmas and batch transactions: per movement one events row (its JSON body, no hash chain,
 * no guard triggers) and the balance and outstanding rows it changes, each as one upsert or delete.
 */
export function loadAmmoRaw(path: string, size: AmmoBenchSize, batch: number, memory: MemoryPeaks): AmmoLoadResult {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_AMMO_SCHEMA);
  const event = db.prepare('INSERT INTO events (seq, type, at, actor, body, hash) VALUES (?, ?, ?, ?, ?, ?)');
  const lotColumns = (db.prepare('PRAGMA table_info(lots)').all() as unknown[]).length;
  const lot = db.prepare(`INSERT INTO lots VALUES (${Array(lotColumns).fill('?').join(', ')})`);
  const values = lotValues(db);
  const upsert = db.prepare(
    "INSERT INTO ammo_balances (lot_id, store_id, bay, condition, quantity) VALUES (?, ?, ?, 'serviceable', ?) ON CONFLICT DO UPDATE SET quantity = excluded.quantity",
  );
  const remove = db.prepare("DELETE FROM ammo_balances WHERE lot_id = ? AND store_id = ? AND bay = ? AND condition = 'serviceable'");
  const outUpsert = db.prepare('INSERT INTO lot_outstanding (lot_id, quantity) VALUES (?, ?) ON CONFLICT DO UPDATE SET quantity = excluded.quantity');
  const outRemove = db.prepare('DELETE FROM lot_outstanding WHERE lot_id = ?');
  const at = new Date().toISOString();
  let seq = 0;
  const append = (type: string, data: object) => {
    seq++;
    const body = Buffer.from(JSON.stringify({ v: 1, seq, prev: NO_PREV, at, armoury: 'BENCH-01', type, actor: 1, data }));
    event.run(seq, type, at, 1, body, NO_HASH);
  };
  const storeIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < size.stores; i++) {
      append('store.created', { code: `MAG-${i + 1}`, bays: BENCH_BAYS });
      db.prepare('INSERT INTO stores VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, `MAG-${i + 1}`, `Magasin ${i + 1}`, JSON.stringify(BENCH_BAYS), '{}', at, seq);
      storeIds.push(seq);
    }
  })();
  const lotIds: number[] = [];
  const row = (lotId: number, r: RowAfter) => {
    const store = storeIds[r.store] as number;
    if (r.after === 0) remove.run(lotId, store, r.bay);
    else upsert.run(lotId, store, r.bay, r.after);
  };
  const write = db.transaction((list: readonly AmmoOp[]) => {
    for (const op of list) {
      const e = eventOf(op, lotIds[op.lot] ?? seq + 1, (i) => storeIds[i] as number);
      append(e.type, e.data);
      if (op.kind === 'new') {
        lot.run(...values(seq, benchLot(op.lot)));
        lotIds[op.lot] = seq;
      }
      const lotId = lotIds[op.lot] as number;
      for (const r of op.rows) row(lotId, r);
      if ('outstanding' in op) {
        if (op.outstanding === 0) outRemove.run(lotId);
        else outUpsert.run(lotId, op.outstanding);
      }
    }
  });

  const progress = new Progress(`raw ammunition insert of ${size.movements.toLocaleString('en-US')}`);
  let done = 0;
  let dbMs = 0;
  let genMs = 0;
  let t = performance.now();
  for (const list of ammoBatches(size, batch)) {
    const generated = performance.now();
    genMs += generated - t;
    write(list);
    done += list.length;
    t = performance.now();
    dbMs += t - generated;
    memory.sample();
    progress.update(done, size.movements);
  }
  progress.end();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { movements: done, seconds: dbMs / 1000, rate: done / (dbMs / 1000), generateSeconds: genMs / 1000, bytes: fileBytes(path), kinds: {} };
}
