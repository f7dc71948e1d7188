import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { migrate, schemaVersion } from '../../src/main/core/db/open';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { registerMany } from '../../src/main/core/register/service';
import { Store } from '../../src/main/core/store';
import { weaponFields } from '../../src/shared/domain/weapon';
import { newStore, receiveNew } from './support/ammunition';
import { handoverWeapon, openDirect } from './support/cases';
import { disposeHarnesses, Harness, tempDir, USERS } from './support/harness';
import { downgradeToV4, keylessArmoury, legacyClose, legacyCreateArmoury } from './support/legacy-stockcheck';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

/** An armoury written by an older release: its schema stops at `version`, with two weapons. */
async function olderArmoury(version: number): Promise<string> {
  const dir = tempDir();
  const raw = new Database(join(dir, 'armoury.sqlite'));
  migrate(raw, { upTo: version });
  const old = new Store(raw);
  const m = USERS.manager;
  await legacyCreateArmoury(old, {
    armoury: { code: 'ML-OLD-01', name: 'Armurerie ancienne', agency: 'police', region: 'Kayes', language: 'fr' },
    manager: { username: m.username, fullName: m.fullName, password: m.password },
  });
  registerMany(old, 1, [weaponFields.parse(weaponInput({ type: 'pistol' })), weaponFields.parse(weaponInput({ type: 'pistol' }))]);
  expect(schemaVersion(raw)).toBe(version);
  old.close();
  return dir;
}

describe.each([1, 2, 3, 4, 5])('an armoury created with schema %i', (version) => {
  it('upgrades in place at open, keeps the weapons, verifies, then takes ammunition and custody', async () => {
    const h = new Harness(await olderArmoury(version));
    expect(schemaVersion(h.db)).toBe(LATEST_VERSION);
    await h.login('manager');
    expect((await h.ok('weapons.counts', {})).total).toBe(2);
    const storeId = await newStore(h);
    const lotId = await receiveNew(h, storeId, 250, { calibre: '9x19mm' });
    expect((await h.ok('lots.get', { id: lotId })).lot.total).toBe(250);

    const officer = await h.ok('officers.register', { serviceNumber: 'MLP-0451', name: 'Sergent Coulibaly', rank: 'Sergent', unit: 'CSP Kayes', agency: 'police' });
    await h.ok('officers.authorise', { id: officer.id, weaponType: 'pistol', expires: '2099-12-31', reference: 'HAB-1' });
    const voucher = await h.ok('custody.issue', {
      kind: 'assignment', officerId: officer.id, weapons: [{ weaponId: 2, magazines: 2 }], rounds: [{ lotId, storeId, bay: 'A1', quantity: 30 }],
      duty: 'Garde du poste', acknowledgement: 'MLP-0451',
    });
    expect(voucher.weapons.map((w) => w.weapon.status)).toEqual(['assigned']);
    expect((await h.ok('lots.get', { id: lotId })).lot.outstanding).toBe(30);
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });
});

describe('an armoury created with schema 4, with stock check cases', () => {
  /** A check closed by release 4 (facts in English notes) and a handover case with its own note, saved at schema 4. */
  async function schema4Armoury(): Promise<{ dir: string; checkId: number; handoverCase: number; ids: Record<string, number> }> {
    const h = await keylessArmoury();
    const w1 = (await h.ok('weapons.register', weaponInput({ location: 'Râtelier A' }))).id;
    const w2 = (await h.ok('weapons.register', weaponInput({ location: 'Râtelier B' }))).id;
    const storeId = await newStore(h, { code: 'MAG-V4', bays: ['A1'] });
    const lotId = await receiveNew(h, storeId, 1_000);
    const check = await h.ok('stockchecks.start', { scope: 'full' });
    await h.ok('stockchecks.count', { checkId: check.id, weapons: [w1], unknown: ['ZZ-ANCIEN-1'], lots: [{ lotId, storeId, bay: 'A1', quantity: 990 }] });
    legacyClose(h, check.id);
    const handoverCase = openDirect(h, { ...handoverWeapon(w1), note: 'Signalé au chef de poste' });
    h.release();
    const raw = new Database(join(h.dir, 'armoury.sqlite'));
    downgradeToV4(raw);
    expect(schemaVersion(raw)).toBe(4);
    expect((raw.prepare("SELECT name FROM pragma_table_info('cases') WHERE name = 'note'").all())).toEqual([]);
    raw.close();
    return { dir: h.dir, checkId: check.id, handoverCase, ids: { w2, storeId, lotId } };
  }

  it('fills each case’s check, code, place, book, count and note from its case.opened, and verifies', async () => {
    const old = await schema4Armoury();
    const h = new Harness(old.dir);
    expect(schemaVersion(h.db)).toBe(LATEST_VERSION);
    await h.login('manager');
    const report = await h.ok('stockchecks.report', { id: old.checkId });
    expect(report.cases.map((c) => [c.subject, c.weapon?.id ?? null, c.checkId, c.code, c.place, c.book, c.counted, c.note])).toEqual([
      ['weapon', old.ids.w2, old.checkId, '', null, null, null, ''],
      ['weapon', null, old.checkId, 'ZZ-ANCIEN-1', null, null, null, ''],
      ['rounds', null, old.checkId, '', { storeId: old.ids.storeId, storeCode: 'MAG-V4', bay: 'A1' }, 1000, 990, ''],
    ]);
    expect((await h.ok('cases.get', { id: old.handoverCase })).case).toMatchObject({ note: 'Signalé au chef de poste', checkId: null, code: '', place: null });
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });
});

describe('an armoury created with schema 5, before signed snapshots', () => {
  it('gets its signing key when first opened for writing, in its first manager’s name, and verifies', async () => {
    const dir = await olderArmoury(5);
    const before = new Database(join(dir, 'armoury.sqlite'), { readonly: true });
    const lastSeq = (before.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    before.close();

    // Read-only (the CLI's verify, head): nothing is written, not even the migration.
    const readOnly = Store.open(join(dir, 'armoury.sqlite'), { readonly: true });
    expect(schemaVersion(readOnly.db)).toBe(5);
    readOnly.close();

    const h = new Harness(dir);
    expect(schemaVersion(h.db)).toBe(LATEST_VERSION);
    const keyEvent = h.db.prepare('SELECT seq, type, actor, body FROM events WHERE seq > ?').all(lastSeq) as { seq: number; type: string; actor: number; body: Buffer }[];
    expect(keyEvent.map((e) => [e.seq, e.type, e.actor])).toEqual([[lastSeq + 1, 'signing_key.created', 1]]);
    await h.login('manager');
    const keys = await h.ok('snapshots.keys', {});
    expect(keys.next).toBeNull();
    expect(JSON.parse(keyEvent[0]?.body.toString() ?? '{}').data).toEqual({ keyId: keys.current.keyId, publicKey: keys.current.publicKey, fingerprint: keys.current.fingerprint });
    expect(h.db.prepare('SELECT key_id FROM signing_secrets').all()).toEqual([{ key_id: keys.current.keyId }]);

    // Opening again does not make a second key.
    h.close();
    const again = new Harness(dir);
    expect(again.db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get('signing_key.created')).toEqual({ n: 1 });
    await again.login('manager');
    const summary = await again.ok('snapshots.export', { full: false });
    expect(summary).toMatchObject({ number: 1, full: true, fromSeq: 1, weapons: 2, keyId: keys.current.keyId });
    expect(verifyDatabase(again.db).problems).toEqual([]);
  });
});
