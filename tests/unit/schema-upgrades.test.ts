import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createArmoury } from '../../src/main/core/armoury/setup';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { migrate, schemaVersion } from '../../src/main/core/db/open';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { registerMany } from '../../src/main/core/register/service';
import { Store } from '../../src/main/core/store';
import { weaponFields } from '../../src/shared/domain/weapon';
import { newStore, receiveNew } from './support/ammunition';
import { disposeHarnesses, Harness, tempDir, USERS } from './support/harness';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

/** An armoury written by an older release: its schema stops at `version`, with two weapons. */
async function olderArmoury(version: number): Promise<string> {
  const dir = tempDir();
  const raw = new Database(join(dir, 'armoury.sqlite'));
  migrate(raw, { upTo: version });
  const old = new Store(raw);
  const m = USERS.manager;
  await createArmoury(old, {
    armoury: { code: 'ML-OLD-01', name: 'Armurerie ancienne', agency: 'police', region: 'Kayes', language: 'fr' },
    manager: { username: m.username, fullName: m.fullName, password: m.password },
  });
  registerMany(old, 1, [weaponFields.parse(weaponInput({ type: 'pistol' })), weaponFields.parse(weaponInput({ type: 'pistol' }))]);
  expect(schemaVersion(raw)).toBe(version);
  old.close();
  return dir;
}

describe.each([1, 2])('an armoury created with schema %i', (version) => {
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
