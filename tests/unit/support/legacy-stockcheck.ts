import Database from 'better-sqlite3';
import { join } from 'node:path';
import { storeCredentials } from '../../../src/main/core/accounts/credentials';
import { hashPassword } from '../../../src/main/core/accounts/password';
import { addRef, type ArmouryCreated } from '../../../src/main/core/armoury/project';
import type { NewArmoury } from '../../../src/main/core/armoury/setup';
import { openCase } from '../../../src/main/core/cases/open';
import { LATEST_VERSION } from '../../../src/main/core/db/migrations';
import { migrate, type Db } from '../../../src/main/core/db/open';
import { schemaV3 } from '../../../src/main/core/db/schema-v3';
import type { Statements } from '../../../src/main/core/db/statements';
import type { StoredEvent } from '../../../src/main/core/journal/event';
import { Journal } from '../../../src/main/core/journal/journal';
import { projectEvent } from '../../../src/main/core/projections';
import type { CheckClosed } from '../../../src/main/core/stockcheck/events';
import { Store } from '../../../src/main/core/store';
import { ARMOURY, Harness, tempDir, USERS } from './harness';

/** armoury.created as releases 1 to 5 projected it (no kind column before schema 6); other events as today. */
function legacyProject(s: Statements, e: StoredEvent): void {
  if (e.type !== 'armoury.created') return projectEvent(s, e);
  const d = e.data as ArmouryCreated;
  s.sql('INSERT INTO armoury (id, code, name, agency, region, language, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(d.code, d.name, d.agency, d.region, d.language, e.at);
  s.sql("INSERT INTO users (id, username, username_key, full_name, role, active, created_at) VALUES (?, ?, ?, ?, 'manager', 1, ?)").run(
    e.seq, d.manager.username, d.manager.username.toUpperCase(), d.manager.fullName, e.at,
  );
  addRef(s, `u:${e.seq}`, e.seq);
}

/**
 * Setup as releases 1 to 5 did it: armoury.created and the first manager's credentials, no
 * signing key (signed snapshots came with schema 6). Works on a database of any schema.
 */
export async function legacyCreateArmoury(store: Store, input: NewArmoury): Promise<number> {
  const hash = await hashPassword(input.manager.password);
  const journal = new Journal(store.s, legacyProject, store.clock);
  return journal.write(() => {
    const data: ArmouryCreated = { ...input.armoury, manager: { username: input.manager.username, fullName: input.manager.fullName } };
    const event = journal.append({ type: 'armoury.created', actor: 1, data }, input.armoury.code);
    storeCredentials(store.s, event.seq, hash, event.at);
    return event.seq;
  });
}

/**
 * An armoury whose journal has no signing key, run by today's app, its manager signed in: what
 * release 4 would have written, so that downgradeToV4 can turn it back into a true schema 4 file.
 * A stand-in key row (not journaled, dropped by the downgrade) keeps opening from creating a key.
 */
export async function keylessArmoury(): Promise<Harness> {
  const dir = tempDir();
  const raw = new Database(join(dir, 'armoury.sqlite'));
  migrate(raw);
  const store = new Store(raw);
  const m = USERS.manager;
  await legacyCreateArmoury(store, { armoury: { ...ARMOURY }, manager: { username: m.username, fullName: m.fullName, password: m.password } });
  raw.prepare("INSERT INTO signing_keys (key_id, public_key, fingerprint, created_seq, created_at, state) VALUES ('STAND-IN', '', '', 0, '', 'current')").run();
  store.close();
  const h = new Harness(dir);
  await h.login('manager');
  return h;
}

/**
 * Closes an open check the way release 4 did (before schema 5): the same stockcheck.closed, then
 * its cases with no checkId and their facts only in an English note (the unknown code, or
 * "shortage: book B, counted C (STORE bay)"). The witness is account 1 (the first manager).
 */
export function legacyClose(h: Harness, checkId: number): void {
  const store = h.app.store;
  const session = h.app.session;
  if (!store || !session) throw new Error('open an armoury and sign in first');
  const s = store.s;
  const now = h.clock.now();
  store.journal.write(() => {
    const ids = (sql: string) => (s.sql(sql).all(checkId) as { id: number }[]).map((r) => r.id);
    const missing = ids('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 1 AND counted = 0 ORDER BY weapon_id');
    const unexpected = ids('SELECT weapon_id AS id FROM stock_check_weapons WHERE check_id = ? AND book = 0 ORDER BY weapon_id');
    const unknown = (s.sql('SELECT code FROM stock_check_unknown WHERE check_id = ? ORDER BY code').all(checkId) as { code: string }[]).map((r) => r.code);
    const lots = s
      .sql(`SELECT x.lot_id AS lotId, x.store_id AS storeId, x.bay, x.book, COALESCE(x.counted, 0) AS counted, st.code AS storeCode
            FROM stock_check_lots x JOIN stores st ON st.id = x.store_id
            WHERE x.check_id = ? AND COALESCE(x.counted, 0) <> x.book ORDER BY x.lot_id, x.store_id, x.bay`)
      .all(checkId) as (CheckClosed['lots'][number] & { storeCode: string })[];
    const data: CheckClosed = { checkId, missing, unexpected, unknown, lots: lots.map(({ storeCode, ...l }) => (void storeCode, l)), note: '' };
    store.journal.append({ type: 'stockcheck.closed', actor: session.userId, approver: 1, data });
    const actor = session.userId;
    for (const weaponId of missing) openCase(store, actor, now, { source: 'stock_check', subject: 'weapon', weaponId, quantity: 1 });
    for (const code of unknown) openCase(store, actor, now, { source: 'stock_check', subject: 'weapon', quantity: 1, note: code });
    for (const l of lots) {
      const kind = l.counted < l.book ? 'shortage' : 'surplus';
      openCase(store, actor, now, {
        source: 'stock_check', subject: 'rounds', lotId: l.lotId, quantity: Math.abs(l.counted - l.book),
        note: `${kind}: book ${l.book}, counted ${l.counted} (${l.storeCode} ${l.bay})`.trim(),
      });
    }
  });
}

/** The cases table and its indexes as schema 3 created them (schema 4 left them alone). */
function casesV3(): { table: string; indexes: string } {
  const start = schemaV3.indexOf('CREATE TABLE cases (');
  const indexes = schemaV3.indexOf('CREATE INDEX cases_by_status', start);
  const end = schemaV3.indexOf('CREATE TABLE', indexes);
  return { table: schemaV3.slice(start, indexes), indexes: schemaV3.slice(indexes, end) };
}

/** What schemas 6 and later added, read from the migrations themselves: their new tables (virtual first) and new columns. */
function addedBySchema6(): { tables: string[]; columns: [string, string][]; indexes: string[] } {
  const shape = (upTo: number) => {
    const d = new Database(':memory:');
    try {
      migrate(d, { upTo });
      const tables = d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
      const columns = tables.flatMap((t) => (d.prepare('SELECT name FROM pragma_table_info(?)').all(t.name) as { name: string }[]).map((c) => `${t.name}.${c.name}`));
      const indexes = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[]).map((i) => i.name);
      return { tables, columns: new Set(columns), indexes: new Set(indexes) };
    } finally {
      d.close();
    }
  };
  const v5 = shape(5);
  const v6 = shape(LATEST_VERSION);
  const old = new Set(v5.tables.map((t) => t.name));
  const added = v6.tables.filter((t) => !old.has(t.name));
  const tables = [...added.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)), ...added.filter((t) => !/^CREATE VIRTUAL/i.test(t.sql))].map((t) => t.name);
  const columns = [...v6.columns]
    .filter((c) => !v5.columns.has(c) && old.has(c.split('.')[0] ?? ''))
    .map((c) => c.split('.') as [string, string]);
  // Indexes later schemas put on older tables (schema 9's on events) go too; those of dropped tables go with them.
  const indexes = [...v6.indexes].filter((i) => !v5.indexes.has(i));
  return { tables, columns, indexes };
}

/**
 * Turns a closed database of the latest schema back into schema 4: the tables and columns of schema 6 and later
 * dropped, the cases table without the columns schema 5 added (rebuilt, as
 * SQLite does not drop a column that references another table), user_version 4. The journal is
 * untouched, so the file is what release 4 would have left; it must therefore hold no event of a
 * later release (build it with keylessArmoury).
 */
export function downgradeToV4(db: Db): void {
  const later = db.prepare("SELECT seq, type FROM events WHERE type LIKE 'signing_key.%' OR type LIKE 'snapshot.%' OR type LIKE 'commission.%' LIMIT 1").get() as
    | { seq: number; type: string }
    | undefined;
  if (later) throw new Error(`seq ${later.seq} is a ${later.type}: release 4 never wrote one (build the armoury with keylessArmoury)`);
  const v3 = casesV3();
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    const v6 = addedBySchema6();
    // A virtual table takes its shadow tables with it: IF EXISTS for those.
    for (const index of v6.indexes) db.exec(`DROP INDEX IF EXISTS ${index}`);
    for (const table of v6.tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
    for (const [table, column] of v6.columns) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('cases')").all() as { name: string }[]).map((c) => c.name);
    const v4 = columns.slice(0, columns.indexOf('check_id')).join(', ');
    db.exec(v3.table.replace('CREATE TABLE cases (', 'CREATE TABLE cases_v4 ('));
    db.exec(`INSERT INTO cases_v4 (${v4}) SELECT ${v4} FROM cases`);
    db.exec('DROP TABLE cases');
    db.exec('ALTER TABLE cases_v4 RENAME TO cases');
    db.exec(v3.indexes);
    db.pragma('user_version = 4');
  })();
  db.pragma('foreign_keys = ON');
}
