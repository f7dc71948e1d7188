import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { localToday } from '../../src/shared/domain/weapon';
import { fileHash } from './support/db';
import { Harness, USERS, addStaff, disposeHarnesses, freshArmoury, scratchDir, tempDir } from './support/harness';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

describe('the router checks who calls before what they send', () => {
  it('answers forbidden, not a schema error, to a role without the right', async () => {
    const h = await freshArmoury();
    await addStaff(h);
    await h.ok('auth.logout', {});
    await h.login('storekeeper');
    const error = await h.fail('users.create', { username: '' } as never);
    expect(error.kind).toBe('forbidden');
    expect(error.fields).toBeUndefined();
  });

  it('answers auth_required, not a schema error, without a session', async () => {
    const h = await freshArmoury();
    await h.ok('auth.logout', {});
    const error = await h.fail('weapons.register', {} as never);
    expect(error.code).toBe('auth_required');
  });
});

describe('opening a file that is not an armoury database', () => {
  it('shows the error state and leaves the file exactly as it was', () => {
    const dir = tempDir();
    const path = `${dir}/armoury.sqlite`;
    writeFileSync(path, 'not a database, but somebody’s file'.repeat(200));
    const before = fileHash(path);
    const h = new Harness(dir);
    const status = h.app.status();
    expect(status.state).toBe('error');
    expect(status.error?.code).toBe('database_unreadable');
    h.close();
    expect(existsSync(path)).toBe(true);
    expect(fileHash(path)).toBe(before);
  });
});

describe('two-person rule', () => {
  it('refuses an auditor as the second person: auditors are read-only', async () => {
    const h = await freshArmoury();
    await addStaff(h);
    const weapon = await h.ok('weapons.register', weaponInput());
    const a = USERS.auditor;
    const error = await h.fail('weapons.declareSurplus', {
      weaponId: weapon.id, reason: 'Modèle réformé', reference: '', approver: { username: a.username, password: a.password },
    });
    expect(error.code).toBe('approver_read_only');
    expect(error.fields?.['approver.username']?.code).toBe('approver_read_only');
    expect((await h.ok('weapons.get', { id: weapon.id })).weapon.status).toBe('in_store');
  });
});

describe('locations', () => {
  it('a move must name the new location; a recovery without one keeps the last known place', async () => {
    const h = await freshArmoury();
    const weapon = await h.ok('weapons.register', weaponInput({ location: 'Râtelier B / 4' }));
    const refused = await h.fail('weapons.move', { weaponId: weapon.id, location: '  ' });
    expect(refused.fields?.location?.code).toBe('required');
    await h.ok('weapons.reportLoss', { weaponId: weapon.id, date: localToday(), circumstances: 'Non retrouvée à l’inventaire' });
    const recovered = await h.ok('weapons.recover', { weaponId: weapon.id, date: localToday(), circumstances: 'Retrouvée au poste', location: '' });
    expect(recovered.location).toBe('Râtelier B / 4');
  });
});

describe('verify', () => {
  it('names a dropped append-only trigger even when the chain is intact', async () => {
    const h = await freshArmoury();
    await h.ok('weapons.register', weaponInput());
    h.db.exec('DROP TRIGGER events_no_delete');
    const report = verifyDatabase(h.db);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.includes('events_no_delete'))).toBe(true);
  });
});

describe('the demo armoury', () => {
  it('is built under a temporary name: a stale unfinished file is replaced, none is left behind', async () => {
    const dir = scratchDir();
    const path = `${dir}/demo.sqlite`;
    writeFileSync(`${path}.partial`, 'left by an interrupted run');
    await createDemoArmoury(path, { weapons: 50 });
    expect(existsSync(`${path}.partial`)).toBe(false);
    const h = new Harness(dir);
    h.app.open('demo');
    expect(verifyDatabase(h.app.store?.db ?? expect.fail('not opened')).ok).toBe(true);
  });
});

describe('dates', () => {
  it('today is the calendar date of the PC, not of UTC', () => {
    expect(localToday(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01');
    expect(localToday(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});
