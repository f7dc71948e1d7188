import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureDelayMs } from '../../src/main/core/accounts/authenticate';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/accounts';
import { weaponInput } from './support/weapons';
import { Harness, Template, TestClock, addStaff, disposeHarnesses, USERS } from './support/harness';

let template: Template;

beforeAll(async () => {
  template = await Template.build(async (h) => addStaff(h));
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const MINUTE = 60_000;

async function code(h: Harness, op: 'weapons.list' | 'weapons.counts' | 'settings.get'): Promise<string> {
  const r = await h.app.router.call(op, {});
  return r.ok ? 'ok' : r.error.code;
}

describe('idle lock', () => {
  it('locks after idleLockMinutes without activity, and auth.unlock with the right password restores access', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('storekeeper');
    const idle = DEFAULT_SETTINGS.idleLockMinutes * MINUTE;
    expect((await h.ok('settings.get', {})).idleLockMinutes).toBe(DEFAULT_SETTINGS.idleLockMinutes);

    clock.advance(idle - MINUTE);
    expect(await code(h, 'weapons.list')).toBe('ok');
    clock.advance(idle - MINUTE); // activity above reset the timer: still open
    expect(await code(h, 'weapons.counts')).toBe('ok');

    clock.advance(idle + 1);
    expect(await code(h, 'weapons.list')).toBe('auth_locked');
    expect(await code(h, 'settings.get')).toBe('auth_locked');
    expect((await h.ok('app.status', {})).session?.locked).toBe(true);

    expect((await h.fail('auth.unlock', { password: 'pas-le-bon' })).code).toBe('auth_bad_credentials');
    expect(await code(h, 'weapons.list')).toBe('auth_locked');
    const unlocked = await h.ok('auth.unlock', { password: USERS.storekeeper.password });
    expect(unlocked.locked).toBe(false);
    expect(await code(h, 'weapons.list')).toBe('ok');
  });

  it('follows the idleLockMinutes setting, and auth.lock locks at once', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('manager');
    const minutes = DEFAULT_SETTINGS.idleLockMinutes - 10;
    await h.ok('settings.update', { idleLockMinutes: minutes });
    clock.advance(minutes * MINUTE + 1);
    expect(await code(h, 'weapons.list')).toBe('auth_locked');
    await h.ok('auth.unlock', { password: USERS.manager.password });
    await h.ok('auth.lock', {});
    expect(await code(h, 'weapons.list')).toBe('auth_locked');
    await h.ok('auth.unlock', { password: USERS.manager.password });
    expect(await code(h, 'weapons.list')).toBe('ok');
  });
});

describe('failed logins', () => {
  it('wait longer after each consecutive failure and start again after a success', async () => {
    const h = template.copy();
    const { username, password } = USERS.storekeeper;
    for (let i = 0; i < 4; i++) expect((await h.fail('auth.login', { username, password: `faux-${i}` })).code).toBe('auth_bad_credentials');
    expect(h.sleeps).toEqual([1, 2, 3, 4].map(failureDelayMs));
    for (let i = 1; i < h.sleeps.length; i++) expect(h.sleeps[i]).toBeGreaterThan(h.sleeps[i - 1] ?? Infinity);

    await h.ok('auth.login', { username, password });
    expect(h.sleeps).toHaveLength(4);
    await h.ok('auth.logout', {});
    await h.fail('auth.login', { username, password: 'encore-faux' });
    expect(h.sleeps.at(-1)).toBe(h.sleeps[0]);
  });

  it('count per account: failures on one name do not slow another', async () => {
    const h = template.copy();
    await h.fail('auth.login', { username: USERS.storekeeper.username, password: 'faux' });
    await h.fail('auth.login', { username: USERS.storekeeper.username, password: 'faux' });
    await h.fail('auth.login', { username: USERS.auditor.username, password: 'faux' });
    expect(h.sleeps).toEqual([failureDelayMs(1), failureDelayMs(2), failureDelayMs(1)]);
  });

  it('treat an unknown username like a wrong password: same error, same delay, same scrypt work', async () => {
    const h = template.copy();
    const time = async (username: string): Promise<number> => {
      const t0 = performance.now();
      const error = await h.fail('auth.login', { username, password: 'mauvais-mot' });
      expect(error.code).toBe('auth_bad_credentials');
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(USERS.auditor.username));
      unknown.push(await time('personne'));
    }
    expect(h.sleeps.filter((_, i) => i % 2 === 1)).toEqual([1, 2, 3].map(failureDelayMs));
    expect(h.sleeps.filter((_, i) => i % 2 === 0)).toEqual([1, 2, 3].map(failureDelayMs));
    // scrypt dominates a failed login (tens of ms); skipping it for unknown names would be ~100x faster
    expect(Math.min(...known)).toBeGreaterThan(10);
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.4);
  });
});

describe('disabled accounts', () => {
  it('cannot log in, and an open session of theirs ends at its next call', async () => {
    const storekeeperApp = template.copy();
    await storekeeperApp.login('storekeeper');
    expect(await code(storekeeperApp, 'weapons.list')).toBe('ok');
    // the manager at another instance on the same file
    const managerApp = new Harness(storekeeperApp.dir);
    await managerApp.login('manager');
    const id = template.info.storekeeper ?? expect.fail('no storekeeper');
    const disabled = await managerApp.ok('users.disable', { userId: id, reason: 'Mutation' });
    expect(disabled.active).toBe(false);

    expect(await code(storekeeperApp, 'weapons.list')).toBe('auth_account_disabled');
    expect(storekeeperApp.app.session).toBeNull();
    expect(await code(storekeeperApp, 'weapons.list')).toBe('auth_required');
    const login = await storekeeperApp.fail('auth.login', { username: USERS.storekeeper.username, password: USERS.storekeeper.password });
    expect(login.code).toBe('auth_account_disabled');
    expect(storekeeperApp.app.session).toBeNull();

    await managerApp.ok('users.enable', { userId: id });
    await storekeeperApp.login('storekeeper');
  });

  it('a manager who disables their own account (another manager remaining) is signed out', async () => {
    const h = template.copy();
    await h.login('manager');
    await h.ok('users.setRole', { userId: template.info.auditor ?? 0, role: 'manager' });
    const me = h.app.session?.userId ?? expect.fail('no session');
    await h.ok('users.disable', { userId: me, reason: 'Départ en retraite' });
    expect(await code(h, 'weapons.list')).toBe('auth_account_disabled');
    expect(h.app.session).toBeNull();
  });
});

describe('role changes', () => {
  it('apply to an open session at its next call, not at its next login', async () => {
    const demoted = template.copy();
    await demoted.login('manager');
    const promoterApp = new Harness(demoted.dir);
    await promoterApp.login('storekeeper');
    const storekeeperId = promoterApp.app.session?.userId ?? expect.fail('no session');
    const managerId = demoted.app.session?.userId ?? expect.fail('no session');
    // the manager promotes the storekeeper, who then demotes the manager from another instance
    await demoted.ok('users.setRole', { userId: storekeeperId, role: 'manager' });
    expect(await code(promoterApp, 'weapons.list')).toBe('ok');
    await promoterApp.ok('users.list', {});
    await promoterApp.ok('users.setRole', { userId: managerId, role: 'auditor' });

    const r = await demoted.fail('users.list', {});
    expect([r.kind, r.code]).toEqual(['forbidden', 'forbidden']);
    expect((await demoted.fail('weapons.register', weaponInput())).code).toBe('forbidden');
    expect((await demoted.ok('app.status', {})).session?.role).toBe('auditor');
  });
});

describe('the last active manager', () => {
  it('cannot be disabled or demoted; a disabled manager does not count', async () => {
    const h = template.copy();
    await h.login('manager');
    const me = h.app.session?.userId ?? expect.fail('no session');
    const other = template.info.storekeeper ?? expect.fail('no storekeeper');
    const head = h.head();
    expect((await h.fail('users.disable', { userId: me, reason: 'Essai' })).code).toBe('last_manager');
    const demote = await h.fail('users.setRole', { userId: me, role: 'storekeeper' });
    expect([demote.kind, demote.code, demote.fields?.role?.code]).toEqual(['conflict', 'last_manager', 'last_manager']);
    expect(h.head()).toEqual(head);

    await h.ok('users.setRole', { userId: other, role: 'manager' });
    await h.ok('users.disable', { userId: other, reason: 'Congé' });
    expect((await h.fail('users.setRole', { userId: me, role: 'auditor' })).code).toBe('last_manager');
    await h.ok('users.enable', { userId: other });
    const demoted = await h.ok('users.setRole', { userId: me, role: 'storekeeper' });
    expect(demoted.role).toBe('storekeeper');
  });
});
