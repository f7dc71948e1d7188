import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditKind, AuditPage, AuditRow } from '../../src/shared/contract/audit';
import { auditEventsSql } from '../../src/main/core/audit/queries';
import { AUDITED_TYPES } from '../../src/main/core/audit/types';
import { custodyWorld, checkout, creds, infoOf, SN } from './support/custody';
import { disposeHarnesses, Harness, Template, TestClock, USERS } from './support/harness';
import { today } from './support/weapons';

let template: Template;
let id: (key: string) => number;

beforeAll(async () => {
  template = await Template.build(custodyWorld);
  id = infoOf(template.info);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const DAY = 86_400_000;
const WRONG = 'pas-le-bon-mot-de-passe';

/**
 * On a copy of the custody world: a failed sign-in with a known name and one with an unknown name,
 * the storekeeper's sign-in, an issue on a manager's override, sign-out; then the manager signs in
 * and records a compatibility override. Each step a day after the one before.
 */
async function scenario(): Promise<{ h: Harness; clock: TestClock; voucher: number; store: number }> {
  // After the template's own events (written at the real time it was built).
  const clock = new TestClock(Date.now() + 10 * DAY);
  const h = template.copy({ clock });
  await h.fail('auth.login', { username: USERS.storekeeper.username, password: WRONG });
  await h.fail('auth.login', { username: 'intrus', password: WRONG });
  clock.advance(DAY);
  await h.login('storekeeper');
  const override = { ...creds('manager'), reason: 'Renfort urgent' };
  const v = await h.ok('custody.issue', checkout(h, id('rookie'), [id('r1')], { acknowledgement: SN.rookie, override }));
  await h.ok('auth.logout', {});
  clock.advance(DAY);
  await h.login('manager');
  await h.ok('stores.recordOverride', { storeId: id('store'), groupA: 'G', groupB: 'F', authority: 'Autorité technique', reference: 'DER-7', date: today() });
  return { h, clock, voucher: v.id, store: id('store') };
}

async function all(h: Harness, filter: { kind?: AuditKind; userId?: number; from?: string; to?: string } = {}): Promise<AuditRow[]> {
  return (await h.ok('audit.list', { ...filter, limit: 200 })).rows;
}

describe('audit.list', () => {
  it('lists sign-ins, sign-outs, failed sign-ins, overrides and two-person actions, newest first', async () => {
    const { h, voucher, store } = await scenario();
    const rows = await all(h);
    const at = rows.map((r) => r.at);
    expect(at).toEqual([...at].sort().reverse());

    const failed = rows.filter((r) => r.kind === 'failed_login');
    expect(failed.map((r) => [r.typedName, r.reason, r.place, r.user?.username ?? null])).toEqual([
      ['intrus', 'unknown_user', 'login', null],
      ['magasinier', 'wrong_password', 'login', 'magasinier'],
    ]);
    expect(rows.filter((r) => r.kind === 'login').map((r) => r.user?.username).slice(0, 2)).toEqual(['chef', 'magasinier']);
    expect(rows.find((r) => r.kind === 'logout')?.user?.username).toBe('magasinier');

    const issue = rows.find((r) => r.type === 'custody.issued') ?? expect.fail('no override row');
    expect([issue.kind, issue.user?.username, issue.overrideBy?.username, issue.detail, issue.link]).toEqual([
      'override', 'magasinier', 'chef', 'Renfort urgent', { kind: 'voucher', id: voucher },
    ]);
    const compat = rows.find((r) => r.type === 'store.override_recorded') ?? expect.fail('no compatibility override');
    expect([compat.kind, compat.user?.username, compat.link]).toEqual(['override', 'chef', { kind: 'store', id: store }]);
    expect(compat.detail).toContain('DER-7');

    // The world declared a weapon surplus with the storekeeper as second person.
    const surplus = rows.find((r) => r.type === 'weapon.surplus_declared') ?? expect.fail('no two-person row');
    expect([surplus.kind, surplus.user?.username, surplus.approver?.username, surplus.link]).toEqual([
      'two_person', 'chef', 'magasinier', { kind: 'weapon', id: id('surplus') },
    ]);
    // A loss reported from a dossier is one person's act: not listed.
    expect(rows.some((r) => r.type === 'weapon.loss_reported')).toBe(false);
    expect(rows.map((r) => r.key)).toEqual([...new Set(rows.map((r) => r.key))]);
  });

  it('never keeps the typed password', async () => {
    const { h } = await scenario();
    const dump = JSON.stringify(h.db.prepare('SELECT * FROM failed_logins').all());
    expect(dump).toContain('intrus');
    expect(dump).not.toContain(WRONG);
    expect(JSON.stringify(await all(h))).not.toContain(WRONG);
  });

  it('filters by kind, account and time range', async () => {
    const { h, clock } = await scenario();
    const kinds: Record<AuditKind, AuditRow['kind'][]> = {
      logins: ['login', 'logout'], failed_logins: ['failed_login'], overrides: ['override'], two_person: ['two_person', 'override'],
    };
    for (const [kind, allowed] of Object.entries(kinds) as [AuditKind, AuditRow['kind'][]][]) {
      const rows = await all(h, { kind });
      expect(rows.length, kind).toBeGreaterThan(0);
      expect(rows.filter((r) => !allowed.includes(r.kind)), kind).toEqual([]);
    }
    // Two-person rows are exactly those with a second person.
    expect((await all(h, { kind: 'two_person' })).every((r) => r.approver !== null)).toBe(true);

    const storekeeper = id('storekeeper');
    const mine = await all(h, { userId: storekeeper });
    const involves = (r: AuditRow) => [r.user?.id, r.approver?.id, r.overrideBy?.id].includes(storekeeper);
    expect(mine.every(involves)).toBe(true);
    expect(mine.filter((r) => r.kind === 'failed_login').map((r) => r.typedName)).toEqual(['magasinier']);
    expect(mine.filter(involves).length).toBe((await all(h)).filter(involves).length);

    // The middle day only: the storekeeper's sign-in, the override, the sign-out.
    const day2 = new Date(clock.t - DAY).toISOString().slice(0, 10);
    const from = `${day2}T00:00:00.000Z`;
    const to = new Date(Date.parse(from) + DAY).toISOString();
    const middle = await all(h, { from, to });
    expect(middle.map((r) => r.kind)).toEqual(['logout', 'override', 'login']);
    expect(middle.every((r) => r.at >= from && r.at < to)).toBe(true);
  });

  it('pages with a keyset cursor: every row once, in order, to the end', async () => {
    const { h } = await scenario();
    // Several rows share one instant (the clock stands still): the cursor must still split them.
    for (let i = 0; i < 3; i++) await h.fail('auth.unlock', { password: WRONG });
    const everything = await all(h);
    const seen: AuditRow[] = [];
    let before: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page: AuditPage = await h.ok('audit.list', { limit: 2, ...(before ? { before } : {}) });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows);
      if (!page.next) break;
      before = page.next;
    }
    expect(seen.map((r) => r.key)).toEqual(everything.map((r) => r.key));
    expect(everything.filter((r) => r.place === 'unlock')).toHaveLength(3);
    const failedPages: string[] = [];
    before = undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page: AuditPage = await h.ok('audit.list', { kind: 'failed_logins', limit: 1, ...(before ? { before } : {}) });
      failedPages.push(...page.rows.map((r) => r.key));
      if (!page.next) break;
      before = page.next;
    }
    expect(failedPages).toEqual(everything.filter((r) => r.kind === 'failed_login').map((r) => r.key));
  });

  it('is for managers and auditors: a storekeeper is refused, an auditor reads', async () => {
    const { h } = await scenario();
    await h.ok('auth.logout', {});
    await h.login('storekeeper');
    expect(await h.fail('audit.list', { limit: 10 })).toMatchObject({ kind: 'forbidden', code: 'forbidden' });
    await h.ok('auth.logout', {});
    await h.login('auditor');
    const rows = await all(h);
    expect(rows.some((r) => r.kind === 'failed_login')).toBe(true);
    expect(rows[0]?.user?.username).toBe(USERS.auditor.username);
  });

  it('rejects a malformed cursor as a validation error', async () => {
    const { h } = await scenario();
    expect(await h.fail('audit.list', { limit: 10, before: "x' OR 1=1" })).toMatchObject({ kind: 'validation', code: 'invalid_input' });
  });

  it('walks the events_audit index, not the whole journal', async () => {
    const h = template.copy();
    for (const types of [AUDITED_TYPES, ['session.login', 'session.logout']]) {
      const plan = h.db.prepare(`EXPLAIN QUERY PLAN ${auditEventsSql(types)}`).all({ from: '', to: '9', at: '9', seq: 1 }) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX events_audit/);
    }
  });
});
