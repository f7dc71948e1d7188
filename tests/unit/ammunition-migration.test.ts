import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createArmoury } from '../../src/main/core/armoury/setup';
import { migrate, schemaVersion } from '../../src/main/core/db/open';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { registerMany } from '../../src/main/core/register/service';
import { Store } from '../../src/main/core/store';
import { weaponFields } from '../../src/shared/domain/weapon';
import { newStore, receiveNew } from './support/ammunition';
import { disposeHarnesses, Harness, tempDir, USERS } from './support/harness';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

describe('schema 2 (ammunition) on an armoury created with schema 1', () => {
  it('upgrades in place at open, keeps the weapons, verifies, and takes ammunition', async () => {
    const dir = tempDir();
    const raw = new Database(join(dir, 'armoury.sqlite'));
    migrate(raw, { upTo: 1 });
    const v1 = new Store(raw);
    const m = USERS.manager;
    await createArmoury(v1, {
      armoury: { code: 'ML-OLD-01', name: 'Armurerie ancienne', agency: 'police', region: 'Kayes', language: 'fr' },
      manager: { username: m.username, fullName: m.fullName, password: m.password },
    });
    registerMany(v1, 1, [weaponFields.parse(weaponInput()), weaponFields.parse(weaponInput())]);
    expect(schemaVersion(raw)).toBe(1);
    v1.close();

    const h = new Harness(dir);
    expect(schemaVersion(h.db)).toBe(2);
    await h.login('manager');
    expect((await h.ok('weapons.counts', {})).total).toBe(2);
    const storeId = await newStore(h);
    const lotId = await receiveNew(h, storeId, 250);
    expect((await h.ok('lots.get', { id: lotId })).lot.total).toBe(250);
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });
});
