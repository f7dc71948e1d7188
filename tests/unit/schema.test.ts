import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { closeDatabase, openDatabase, schemaVersion, type Db } from '../../src/main/core/db/open';
import { registerMany } from '../../src/main/core/register/service';
import { weaponFields } from '../../src/shared/domain/weapon';
import { Harness, Template, disposeHarnesses, scratchDir } from './support/harness';
import { plan, sqlUsedBy } from './support/plans';
import { weaponInput } from './support/weapons';

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * The schema as SQLite holds it, normalized: every table, index, trigger and view with its SQL
 * (white space collapsed), minus the shadow tables FTS5 makes for itself (they belong to SQLite).
 */
function normalizedSchema(db: Db): { userVersion: number; objects: MasterRow[] } {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as MasterRow[];
  const virtual = rows.filter((r) => r.sql?.startsWith('CREATE VIRTUAL TABLE')).map((r) => r.name);
  const objects = rows
    .filter((r) => !virtual.some((v) => r.name.startsWith(`${v}_`)))
    .map((r) => ({ ...r, sql: r.sql === null ? null : r.sql.replace(/\s+/g, ' ').trim() }));
  return { userVersion: schemaVersion(db), objects };
}

afterEach(disposeHarnesses);

describe('the schema', () => {
  it('matches the committed snapshot (an accidental schema change fails here)', async () => {
    const db = openDatabase(join(scratchDir(), 'snapshot.sqlite'), { create: true });
    const schema = normalizedSchema(db);
    closeDatabase(db);
    expect(schema.userVersion).toBe(LATEST_VERSION);
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/schema.json');
  });

  it('guards the journal with its three triggers', () => {
    const db = openDatabase(join(scratchDir(), 'triggers.sqlite'), { create: true });
    const triggers = normalizedSchema(db).objects.filter((o) => o.type === 'trigger' && o.tbl_name === 'events').map((o) => o.name);
    closeDatabase(db);
    expect(triggers.sort()).toEqual(['events_no_delete', 'events_no_gap', 'events_no_update']);
  });
});

describe('hot queries use indexes', () => {
  let template: Template;
  const WEAPONS = 600;

  beforeAll(async () => {
    template = await Template.build(async (h) => {
      const store = h.app.store ?? expect.fail('no store');
      const list = Array.from({ length: WEAPONS }, (_, i) =>
        weaponFields.parse(weaponInput(i % 3 === 0 ? { type: 'pistol', model: 'MAC 50', manufacturer: 'MAC' } : {})),
      );
      registerMany(store, 1, list);
    });
  });
  afterAll(() => template.dispose());

  /** Plans of every statement that reads weapons; a "SCAN" of weapons would read all of them. */
  function weaponPlans(h: Harness, sources: string[]): string[][] {
    const reads = sources.filter((s) => /^\s*SELECT/i.test(s) && /\bweapons\b/.test(s));
    expect(reads.length).toBeGreaterThan(0);
    return reads.map((s) => plan(h.db, s));
  }

  async function reopened(): Promise<Harness> {
    // a restart runs PRAGMA optimize on close, so the planner has real statistics
    const h = template.copy();
    h.close();
    const again = new Harness(h.dir);
    await again.login('manager');
    return again;
  }

  it('looks up by serial_key and national_code_key through their indexes', async () => {
    const h = await reopened();
    const sources = await sqlUsedBy(h, () => h.ok('weapons.lookup', { code: 'qx000005z' }));
    const details = weaponPlans(h, sources).flat();
    expect(details.some((d) => d.includes('weapons_by_serial'))).toBe(true);
    expect(details.some((d) => d.includes('weapons_by_national_code'))).toBe(true);
    expect(details.filter((d) => /^SCAN (w|weapons)\b/.test(d))).toEqual([]);
  });

  it('checks duplicates at registration through the unique indexes', async () => {
    const h = await reopened();
    const sources = await sqlUsedBy(h, () => h.ok('weapons.register', weaponInput()));
    const details = weaponPlans(h, sources.filter((s) => s.includes('_key = ?'))).flat();
    expect(details.some((d) => d.includes('weapons_by_national_code'))).toBe(true);
    expect(details.some((d) => d.includes('weapons_by_identity'))).toBe(true);
    expect(details.filter((d) => /^SCAN (w|weapons)\b/.test(d))).toEqual([]);
  });

  it('counts by status without reading weapons, and filters by status through its index', async () => {
    const h = await reopened();
    const countSql = await sqlUsedBy(h, () => h.ok('weapons.counts', {}));
    expect(countSql.every((s) => !/\bweapons\b/.test(s))).toBe(true);
    const counts = await h.ok('weapons.counts', {});
    expect(counts.total).toBe(WEAPONS);

    const filtered = await sqlUsedBy(h, () => h.ok('weapons.list', { filters: { status: 'lost' } }));
    const details = weaponPlans(h, filtered).flat();
    expect(details.some((d) => d.includes('weapons_by_status'))).toBe(true);
    expect(details.filter((d) => /^SCAN (w|weapons)\b(?! USING)/.test(d))).toEqual([]);
  });

  it('searches through the trigram index and reaches weapons by primary key only', async () => {
    const h = await reopened();
    for (const sort of ['registered', 'serial', 'type'] as const) {
      const sources = await sqlUsedBy(h, () => h.ok('weapons.list', { search: '0004', sort, filters: { type: 'pistol' } }));
      const details = weaponPlans(h, sources).flat();
      expect(details.some((d) => /VIRTUAL TABLE INDEX/.test(d))).toBe(true);
      expect(details.filter((d) => /^SCAN (w|weapons)\b/.test(d))).toEqual([]);
    }
  });
});
