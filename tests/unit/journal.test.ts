import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_PREV, decodeEvent } from '../../src/main/core/journal/event';
import { registerMany } from '../../src/main/core/register/service';
import { weaponFields } from '../../src/shared/domain/weapon';
import { count, dumpProjections, eventRows, sha256 } from './support/db';
import { Harness, Template, TestClock, addStaff, disposeHarnesses, USERS } from './support/harness';
import { today, weaponInput } from './support/weapons';

let template: Template;

beforeAll(async () => {
  template = await Template.build(async (h) => addStaff(h));
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

/** A copy of the template with a storekeeper signed in and a few weapons with some history. */
async function withHistory(clock?: TestClock): Promise<Harness> {
  const h = template.copy(clock ? { clock } : {});
  await h.login('storekeeper');
  for (let i = 0; i < 3; i++) {
    const w = await h.ok('weapons.register', weaponInput());
    clock?.advance(1000);
    await h.ok('weapons.move', { weaponId: w.id, location: `Râtelier B / ${i}`, reason: 'Rangement' });
    clock?.advance(1000);
  }
  return h;
}

describe('the journal is append-only', () => {
  it('refuses UPDATE and DELETE on events through raw SQL and leaves the rows as they were', async () => {
    const h = await withHistory();
    const before = eventRows(h.db);
    expect(before.length).toBeGreaterThan(3);
    expect(() => h.db.prepare('UPDATE events SET type = ? WHERE seq = 2').run('weapon.destroyed')).toThrow(/append-only/);
    expect(() => h.db.prepare('UPDATE events SET body = ? WHERE seq = 1').run(Buffer.from('{}'))).toThrow(/append-only/);
    expect(() => h.db.prepare('DELETE FROM events WHERE seq = ?').run(before.length)).toThrow(/append-only/);
    expect(() => h.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(eventRows(h.db)).toEqual(before);
  });

  it('refuses an inserted seq that skips, repeats or goes back', async () => {
    const h = await withHistory();
    const head = h.head();
    const insert = h.db.prepare('INSERT INTO events (seq, type, at, actor, body, hash) VALUES (?, ?, ?, ?, ?, ?)');
    const row = (seq: number) => [seq, 'x', new Date().toISOString(), 1, Buffer.from('{}'), Buffer.alloc(32)] as const;
    for (const seq of [head.seq + 2, head.seq + 100, head.seq, 1]) {
      expect(() => insert.run(...row(seq))).toThrow(/follow the head|UNIQUE|PRIMARY/);
    }
    expect(count(h.db, 'events')).toBe(head.seq);
  });
});

describe('the hash chain', () => {
  it('stores each event as the exact bytes hashed, each prev the hash of the one before, from 64 zeros', async () => {
    const h = await withHistory();
    const rows = eventRows(h.db);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    let prev = GENESIS_PREV;
    expect(prev).toMatch(/^0{64}$/);
    for (const row of rows) {
      expect(sha256(row.body)).toBe(row.hash.toString('hex'));
      const e = decodeEvent(row.body);
      expect(e.prev).toBe(prev);
      expect(e.seq).toBe(row.seq);
      prev = row.hash.toString('hex');
    }
    expect(h.head()).toEqual({ seq: rows.length, hash: prev });
    expect(await h.ok('journal.head', {})).toEqual(h.head());
  });

  it('puts an actor and a time on every event: who acted, when the clock said', async () => {
    const clock = new TestClock(Date.UTC(2024, 4, 1, 8, 0, 0));
    const h = template.copy({ clock });
    const startSeq = h.head().seq;
    await h.login('storekeeper');
    const loginAt = clock.now().toISOString();
    clock.advance(90_000);
    const w = await h.ok('weapons.register', weaponInput());
    const registeredAt = clock.now().toISOString();
    clock.advance(10 * 60_000);
    await h.ok('weapons.move', { weaponId: w.id, location: 'Armoire forte 1', reason: 'Rangement' });
    const movedAt = clock.now().toISOString();

    const storekeeperId = (h.db.prepare('SELECT id FROM users WHERE username = ?').get(USERS.storekeeper.username) as { id: number }).id;
    const fresh = eventRows(h.db).filter((r) => r.seq > startSeq);
    expect(fresh.map((r) => [r.type, r.at, r.actor])).toEqual([
      ['session.login', loginAt, storekeeperId],
      ['weapon.registered', registeredAt, storekeeperId],
      ['weapon.moved', movedAt, storekeeperId],
    ]);
    const userIds = new Set((h.db.prepare('SELECT id FROM users').all() as { id: number }[]).map((u) => u.id));
    for (const row of eventRows(h.db)) {
      const e = decodeEvent(row.body);
      expect(userIds.has(e.actor), `actor of seq ${row.seq}`).toBe(true);
      expect(new Date(e.at).toISOString()).toBe(e.at);
      expect([e.type, e.at, e.actor]).toEqual([row.type, row.at, row.actor]);
      expect(e.armoury).toBe('ML-TST-01');
    }
  });
});

describe('a failing operation writes nothing', () => {
  it('rolls back a whole registerMany batch when one weapon inside is a duplicate', async () => {
    const h = await withHistory();
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const before = { head: h.head(), projections: dumpProjections(h.db), events: count(h.db, 'events') };
    const list = [weaponInput(), weaponInput(), weaponInput(), weaponInput()].map((w) => weaponFields.parse(w));
    const first = list[0];
    const third = list[2];
    if (!first || !third) throw new Error('unreachable');
    third.nationalCode = first.nationalCode.toLowerCase();
    expect(() => registerMany(store, 1, list)).toThrow(/national code already registered/);
    expect(h.head()).toEqual(before.head);
    expect(count(h.db, 'events')).toBe(before.events);
    expect(dumpProjections(h.db)).toEqual(before.projections);
    const lookups = await h.ok('weapons.lookup', { code: first.nationalCode });
    expect(lookups).toEqual([]);
  });

  it('leaves head and projections unchanged on refused router operations', async () => {
    const h = await withHistory();
    const existing = await h.ok('weapons.register', weaponInput());
    const before = { head: h.head(), projections: dumpProjections(h.db) };
    await h.fail('weapons.register', weaponInput({ nationalCode: existing.nationalCode }));
    await h.fail('weapons.maintenanceBack', { weaponId: existing.id, condition: 'serviceable' });
    await h.fail('weapons.recover', { weaponId: existing.id, date: today(), circumstances: 'Retrouvée' });
    await h.fail('weapons.move', { weaponId: 999_999, location: 'X', reason: 'Rangement' });
    expect(h.head()).toEqual(before.head);
    expect(dumpProjections(h.db)).toEqual(before.projections);
  });

  it('rolls back an event whose projection fails after it was inserted, and keeps the chain going', async () => {
    const h = await withHistory();
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const before = { head: h.head(), projections: dumpProjections(h.db), events: count(h.db, 'events') };
    expect(() =>
      store.journal.write(() => store.journal.append({ type: 'weapon.moved', actor: 1, data: { weaponId: 999_999, location: 'X' } })),
    ).toThrow(/unknown weapon/);
    expect(h.head()).toEqual(before.head);
    expect(count(h.db, 'events')).toBe(before.events);
    expect(dumpProjections(h.db)).toEqual(before.projections);
    const w = await h.ok('weapons.register', weaponInput());
    const last = decodeEvent(eventRows(h.db).at(-1)?.body ?? Buffer.from('{}'));
    expect(last.seq).toBe(before.head.seq + 1);
    expect(last.prev).toBe(before.head.hash);
    expect(w.id).toBe(last.seq);
  });

  it('refuses an append outside a transaction', async () => {
    const h = await withHistory();
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const head = h.head();
    expect(() => store.journal.append({ type: 'session.logout', actor: 1, data: { userId: 1 } })).toThrow(/outside a transaction/);
    expect(h.head()).toEqual(head);
  });
});

describe('the head survives a reopen', () => {
  it('reads the same head after close and continues the chain from it', async () => {
    const h = await withHistory();
    const head = h.head();
    h.close();
    const again = new Harness(h.dir);
    expect(again.head()).toEqual(head);
    await again.login('manager');
    const rows = eventRows(again.db);
    const login = rows.at(-1);
    if (!login) throw new Error('no events');
    expect(login.seq).toBe(head.seq + 1);
    expect(decodeEvent(login.body).prev).toBe(head.hash);
    expect(await again.ok('journal.head', {})).toEqual({ seq: login.seq, hash: login.hash.toString('hex') });
  });
});
