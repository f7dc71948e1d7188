import { openDatabase, schemaVersion, type Db } from '../core/db/open';

export interface ArmouryInfo {
  code: string;
  name: string;
  agency: string;
  region: string;
  language: string;
  created_at: string;
}

/** Opens an existing database read-only: no migration, no pragma that writes, future schemas refused. */
export function openReadOnly(path: string): Db {
  return openDatabase(path, { readonly: true });
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** What an existing file holds, without changing it: schema version, any tables, the armoury. */
export function inspectFile(path: string): { version: number; tables: number; armoury: ArmouryInfo | null } {
  const db = openReadOnly(path);
  try {
    const version = schemaVersion(db);
    const tables = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    return { version, tables, armoury: readArmoury(db) };
  } finally {
    db.close();
  }
}

export function readArmoury(db: Db): ArmouryInfo | null {
  if (!hasTable(db, 'armoury')) return null;
  const row = db.prepare('SELECT code, name, agency, region, language, created_at FROM armoury WHERE id = 1').get() as ArmouryInfo | undefined;
  return row ?? null;
}

/** The stored head of the journal (not re-hashed: `verify` does that). */
export function storedHead(db: Db): { seq: number; hash: string; at: string; events: number } | null {
  if (!hasTable(db, 'events')) return null;
  const row = db.prepare('SELECT seq, hash, at FROM events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: Buffer; at: string }
    | undefined;
  const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  return row ? { seq: row.seq, hash: row.hash.toString('hex'), at: row.at, events } : { seq: 0, hash: '', at: '', events };
}
