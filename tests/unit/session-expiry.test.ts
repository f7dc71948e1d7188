import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_MAX_MS } from '../../src/main/core/session';
import { addStaff, disposeHarnesses, Template, TestClock, USERS } from './support/harness';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function lastEvent(h: ReturnType<Template['copy']>): { type: string; data: Record<string, unknown> } {
  const row = h.db.prepare('SELECT type, CAST(body AS TEXT) AS body FROM events ORDER BY seq DESC LIMIT 1').get() as { type: string; body: string };
  return { type: row.type, data: (JSON.parse(row.body) as { data: Record<string, unknown> }).data };
}

/** Keeps the user busy: one read every 10 minutes, so the idle lock never fires. */
async function workFor(h: ReturnType<Template['copy']>, clock: TestClock, ms: number): Promise<void> {
  for (let done = 0; done + 10 * MINUTE <= ms; done += 10 * MINUTE) {
    clock.advance(10 * MINUTE);
    await h.ok('settings.get', {});
  }
}

describe('the 12-hour session limit', () => {
  it('ends a session 12 hours after its login, however busy, with a typed error and a logged sign-out', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('storekeeper');
    await workFor(h, clock, SESSION_MAX_MS - 10 * MINUTE);
    await h.ok('weapons.list', {});
    clock.advance(10 * MINUTE);
    expect(await h.fail('weapons.list', {})).toMatchObject({ kind: 'forbidden', code: 'auth_expired' });
    expect(h.app.session).toBeNull();
    expect(lastEvent(h)).toEqual({ type: 'session.logout', data: { userId: expect.any(Number), reason: 'expired' } });
    // Ended, not locked: the next call finds no session at all.
    expect(await h.fail('weapons.list', {})).toMatchObject({ code: 'auth_required' });
    expect(h.app.status().session).toBeNull();
  });

  it('cannot be extended by unlocking: the limit counts from the login, not from the last unlock', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('manager');
    clock.advance(11 * HOUR); // idle: locked
    expect(await h.fail('weapons.list', {})).toMatchObject({ code: 'auth_locked' });
    await h.ok('auth.unlock', { password: USERS.manager.password });
    await h.ok('weapons.list', {});
    await workFor(h, clock, 50 * MINUTE);
    await h.ok('weapons.list', {});
    clock.advance(10 * MINUTE);
    expect(await h.fail('auth.unlock', { password: USERS.manager.password })).toMatchObject({ code: 'auth_expired' });
    expect(h.app.session).toBeNull();
  });

  it('answers auth_expired even to a locked session trying to unlock after 12 hours', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('auditor');
    clock.advance(SESSION_MAX_MS + HOUR);
    expect(await h.fail('auth.unlock', { password: USERS.auditor.password })).toMatchObject({ code: 'auth_expired' });
    expect(await h.fail('auth.logout', {})).toMatchObject({ code: 'auth_required' });
  });

  it('gives a new sign-in a fresh 12 hours', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('manager');
    clock.advance(SESSION_MAX_MS);
    await h.fail('settings.get', {});
    await h.login('manager');
    await workFor(h, clock, 6 * HOUR);
    await h.ok('weapons.list', {});
    const rows = (await h.ok('audit.list', { kind: 'logins', limit: 10 })).rows;
    expect(rows.slice(0, 2).map((r) => [r.kind, r.reason])).toEqual([['login', ''], ['logout', 'expired']]);
  });

  it('records a failed unlock where it happened, never with the password', async () => {
    const clock = new TestClock();
    const h = template.copy({ clock });
    await h.login('storekeeper');
    await h.ok('auth.lock', {});
    await h.fail('auth.unlock', { password: 'mauvais-mot-de-passe' });
    const rows = h.db.prepare('SELECT username, reason, place FROM failed_logins').all();
    expect(rows).toEqual([{ username: USERS.storekeeper.username, reason: 'wrong_password', place: 'unlock' }]);
  });
});
