import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/main/core/db/open';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/main/core/demo/accounts';
import { decodeEvent, encodeEvent } from '../../src/main/core/journal/event';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { count, dumpProjections, eventRows, fileHash, replay, sha256 } from './support/db';
import { Harness, disposeHarnesses, tempDir } from './support/harness';
import { today, weaponInput } from './support/weapons';

const DEMO_WEAPONS = 400;
let demoDir: string;
let demoFile: string;
const opened: { db: Db; dir: string }[] = [];

/** The demo armoury plus corrections, account changes, settings and a full lifecycle, through the router. */
async function buildHistory(h: Harness): Promise<void> {
  await h.ok('app.openDemo', {});
  await h.ok('auth.login', { username: 'chef', password: DEMO_PASSWORD });
  const ids = (await h.ok('weapons.list', { filters: { status: 'in_store' }, limit: 20 })).rows.map((r) => r.id);
  const id = (i: number) => ids[i] ?? expect.fail(`no weapon ${i}`);
  const reason = 'Erreur de saisie relevée à l’inventaire';
  await h.ok('weapons.correct', { weaponId: id(0), field: 'serial', value: 'CORR-0001', reason });
  await h.ok('weapons.correct', { weaponId: id(0), field: 'serial', value: 'corr-0002', reason });
  await h.ok('weapons.correct', { weaponId: id(1), field: 'yearOfManufacture', value: 1990, reason });
  await h.ok('weapons.correct', { weaponId: id(2), field: 'nationalCode', value: 'ML-PN-CORR-1', reason });
  await h.ok('weapons.correct', { weaponId: id(3), field: 'marksIllegible', value: true, reason });
  const users = await h.ok('users.list', {});
  const userId = (name: string) => users.find((u) => u.username === name)?.id ?? expect.fail(`no user ${name}`);
  await h.ok('users.disable', { userId: userId(DEMO_ACCOUNTS[1].username), reason: 'Mutation temporaire' });
  await h.ok('users.enable', { userId: userId(DEMO_ACCOUNTS[1].username) });
  await h.ok('users.setRole', { userId: userId(DEMO_ACCOUNTS[2].username), role: 'storekeeper' });
  await h.ok('settings.update', { idleLockMinutes: 30 });
  await h.ok('settings.update', { idleLockMinutes: 10 });
  await h.ok('weapons.move', { weaponId: id(4), location: 'Armoire forte 2 / 3', reason: 'Rangement' });
  await h.ok('weapons.maintenanceOut', { weaponId: id(5), workshop: 'Atelier central', reason: 'Enrayages' });
  await h.ok('weapons.changeCondition', { weaponId: id(5), condition: 'repairable', reason: 'Ressort cassé' });
  await h.ok('weapons.maintenanceBack', { weaponId: id(5), condition: 'unserviceable' });
  await h.ok('weapons.reportLoss', { weaponId: id(6), date: today(), circumstances: 'Non retrouvée' });
  await h.ok('weapons.recover', { weaponId: id(6), date: today(), circumstances: 'Retrouvée', location: 'Râtelier A / 2' });
  await h.ok('weapons.transferOut', { weaponId: id(7), date: today(), transferId: 'TR-1', toArmoury: 'ML-GAO-01' });
  await h.ok('weapons.transferIn', { ...weaponInput(), transferId: 'TR-9', fromArmoury: 'ML-KYS-01' });
  await h.ok('weapons.destroy', {
    weaponId: id(8), date: today(), method: 'cutting', certificate: 'PVD-1', witnesses: ['Capitaine Coulibaly', 'M. Touré'],
    approver: { username: DEMO_ACCOUNTS[1].username, password: DEMO_PASSWORD },
  });
  await h.ok('auth.logout', {});
}

beforeAll(async () => {
  demoDir = tempDir();
  const h = new Harness(demoDir, { demoWeapons: DEMO_WEAPONS });
  await buildHistory(h);
  h.release();
  demoFile = h.app.path('demo');
}, 120_000);
afterAll(() => rmSync(demoDir, { recursive: true, force: true }));
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
  disposeHarnesses();
});

/** A private copy of the demo database, opened the way the CLI's verify opens it. */
function copyOfDemo(): { db: Db; path: string } {
  const dir = tempDir();
  const path = join(dir, 'copy.sqlite');
  copyFileSync(demoFile, path);
  const db = openDatabase(path);
  opened.push({ db, dir });
  return { db, path };
}

/** What an attacker with the file can do: drop the journal's triggers. */
function dropTriggers(db: Db): void {
  for (const t of ['events_no_update', 'events_no_delete', 'events_no_gap']) db.exec(`DROP TRIGGER ${t}`);
}

function bodyOf(db: Db, seq: number): Buffer {
  return (db.prepare('SELECT body FROM events WHERE seq = ?').get(seq) as { body: Buffer }).body;
}

function seqOfType(db: Db, type: string, nth = 0): number {
  const rows = eventRows(db).filter((r) => r.type === type);
  return rows[nth]?.seq ?? expect.fail(`no ${type} event`);
}

describe('verifyDatabase on a varied history', () => {
  it('reports ok, and an independent replay rebuilds exactly the projections', () => {
    const { db } = copyOfDemo();
    const types = new Set(eventRows(db).map((r) => r.type));
    for (const t of ['weapon.corrected', 'user.disabled', 'user.enabled', 'user.role_changed', 'settings.changed', 'weapon.destroyed',
      'weapon.transferred_in', 'weapon.transferred_out', 'weapon.recovered', 'session.logout']) {
      expect(types.has(t), t).toBe(true);
    }
    expect(count(db, 'weapons')).toBe(DEMO_WEAPONS + 1);

    const report = verifyDatabase(db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const rows = eventRows(db);
    expect(report.events).toBe(rows.length);
    expect(report.head).toEqual({ seq: rows.length, hash: rows.at(-1)?.hash.toString('hex') });

    const rebuilt = replay(db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(db));
    rebuilt.close();
  });

  it('does not modify the database it checks', () => {
    const { db, path } = copyOfDemo();
    closeDatabase(db);
    const before = fileHash(path);
    const again = openDatabase(path);
    expect(verifyDatabase(again).ok).toBe(true);
    closeDatabase(again);
    expect(fileHash(path)).toBe(before);
  });
});

describe('verifyDatabase detects tampering', () => {
  it('names a projection row changed behind the journal', () => {
    const { db } = copyOfDemo();
    const destroyed = db.prepare("SELECT id FROM weapons WHERE status = 'destroyed' LIMIT 1").get() as { id: number };
    db.prepare("UPDATE weapons SET status = 'in_store' WHERE id = ?").run(destroyed.id);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.startsWith('weapons:') && p.includes(`"id":${destroyed.id}`))).toBe(true);
  });

  it('names a user whose role was raised in the table', () => {
    const { db } = copyOfDemo();
    const user = db.prepare("SELECT id FROM users WHERE role = 'storekeeper' LIMIT 1").get() as { id: number };
    db.prepare("UPDATE users SET role = 'manager' WHERE id = ?").run(user.id);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.startsWith('users:') && p.includes(`"id":${user.id}`))).toBe(true);
  });

  it('names the event whose stored bytes were edited', () => {
    const { db } = copyOfDemo();
    dropTriggers(db);
    const seq = seqOfType(db, 'weapon.registered', 10);
    const original = bodyOf(db, seq).toString('utf8');
    const e = decodeEvent(bodyOf(db, seq)) as ReturnType<typeof decodeEvent> & { data: { serial: string } };
    const forged = original.replace(JSON.stringify(e.data.serial), JSON.stringify('FORGED-1'));
    expect(forged).not.toBe(original);
    db.prepare('UPDATE events SET body = ? WHERE seq = ?').run(Buffer.from(forged), seq);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(`seq ${seq}: stored hash does not match its bytes`);
  });

  it('names the broken link when the forger also recomputes the hash', () => {
    const { db } = copyOfDemo();
    dropTriggers(db);
    const seq = seqOfType(db, 'weapon.destroyed');
    const e = decodeEvent(bodyOf(db, seq));
    const forged = encodeEvent({ ...e, data: { ...(e.data as object), certificate: 'PVD-FAUX' } });
    db.prepare('UPDATE events SET body = ?, hash = ? WHERE seq = ?').run(forged, Buffer.from(sha256(forged), 'hex'), seq);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(`seq ${seq + 1}: prev link broken`);
  });

  it('names the gap left by a deleted event', () => {
    const { db } = copyOfDemo();
    dropTriggers(db);
    const seq = seqOfType(db, 'user.disabled');
    db.prepare('DELETE FROM events WHERE seq = ?').run(seq);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(`seq ${seq + 1}: expected ${seq} (gap or reorder)`);
    expect(report.problems).toContain(`seq ${seq + 1}: prev link broken`);
  });

  it('notices a deleted last event through the projections it left behind', () => {
    const { db } = copyOfDemo();
    dropTriggers(db);
    const last = eventRows(db).at(-1) ?? expect.fail('no events');
    db.prepare('DELETE FROM events WHERE seq = ?').run(last.seq);
    const report = verifyDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.startsWith('event_refs:') && p.includes(`"seq":${last.seq}`))).toBe(true);
  });
});
