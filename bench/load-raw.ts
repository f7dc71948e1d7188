import Database from 'better-sqlite3';
import { normalizeKey } from '../src/shared/domain/normalize';
import type { WeaponFields } from '../src/shared/domain/weapon';
import { Progress } from '../src/main/cli/progress';
import { searchKeys } from '../src/main/core/register/project';
import { fileBytes, type LoadResult } from './load-result';
import { RAW_SCHEMA } from './raw-schema';
import { weaponBatches } from './rows';
import type { MemoryPeaks } from './stats';

const INSERT = `INSERT INTO weapons (
  id, national_code, national_code_key, serial, serial_key, manufacturer, manufacturer_key, model, model_key,
  country, year, type, calibre, marking_location, agency, location, acquisition_date, acquisition_mode,
  acquisition_source, acquisition_document, condition, status, import_country, import_year, importer,
  other_marks, marks_illegible, marking_date, marking_operator, marking_machine, notes, registered_at, updated_seq
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The baseline: the same rows written straight into the same table, indexes and FTS5 table,
 * with the same pragmas and batch transactions, and no journal. Keys and search text are built
 * as core builds them, since the rows must be the same.
 */
export function loadRaw(path: string, total: number, batch: number, memory: MemoryPeaks): LoadResult {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_SCHEMA);
  const insert = db.prepare(INSERT);
  const search = db.prepare('INSERT INTO weapon_search (rowid, keys) VALUES (?, ?)');
  const at = new Date().toISOString();
  let id = 0;
  const write = db.transaction((list: readonly WeaponFields[]) => {
    for (const w of list) {
      id++;
      const nck = normalizeKey(w.nationalCode);
      const sk = normalizeKey(w.serial);
      insert.run(
        id, w.nationalCode, nck, w.serial, sk, w.manufacturer, normalizeKey(w.manufacturer), w.model, normalizeKey(w.model),
        w.countryOfManufacture, w.yearOfManufacture, w.type, w.calibre, w.markingLocation, w.agency, w.location,
        w.acquisitionDate, w.acquisitionMode, w.acquisitionSource, w.acquisitionDocument, w.condition, 'in_store',
        w.importCountry, w.importYear, w.importer, w.otherMarks, w.marksIllegible ? 1 : 0, w.markingDate,
        w.markingOperator, w.markingMachine, w.notes, at, id,
      );
      search.run(id, searchKeys(nck, sk));
    }
  });

  const progress = new Progress(`raw insert of ${total.toLocaleString('en-US')}`);
  let dbMs = 0;
  let genMs = 0;
  let t = performance.now();
  for (const list of weaponBatches(total, batch)) {
    const generated = performance.now();
    genMs += generated - t;
    write(list);
    t = performance.now();
    dbMs += t - generated;
    memory.sample();
    progress.update(id, total);
  }
  progress.end();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { weapons: id, seconds: dbMs / 1000, rate: id / (dbMs / 1000), generateSeconds: genMs / 1000, bytes: fileBytes(path) };
}
