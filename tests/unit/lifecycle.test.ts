import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../src/main/core/journal/event';
import { ACTION_EVENTS } from '../../src/main/core/register/transitions';
import { WEAPON_STATUSES } from '../../src/shared/domain/enums';
import { TWO_PERSON_ACTIONS, WEAPON_ACTIONS, actionAllowed } from '../../src/shared/domain/lifecycle';
import { eventRows } from './support/db';
import { Harness, Template, addStaff, disposeHarnesses, USERS } from './support/harness';
import { ACTION_OPS, REACHABLE, act, actionInput, weaponIn } from './support/lifecycle';
import { weaponInput } from './support/weapons';

const SECOND = { username: 'magasinier2', fullName: 'Ibrahim Touré', password: 'second-magasin-9' };
const DEPUTY = { username: 'adjoint', fullName: 'Oumar Coulibaly', password: 'adjoint-chef-8' };

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const second = await h.ok('users.create', { ...SECOND, role: 'storekeeper' });
    const deputy = await h.ok('users.create', { ...DEPUTY, role: 'manager' });
    return { ...staff, second: second.id, deputy: deputy.id, manager: 1 };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const id = (key: string) => template.info[key] ?? expect.fail(`no ${key}`);

async function as(role: 'storekeeper' | 'manager'): Promise<Harness> {
  const h = template.copy();
  await h.login(role);
  return h;
}

function lastEvent(h: Harness) {
  const row = eventRows(h.db).at(-1) ?? expect.fail('no events');
  return decodeEvent(row.body);
}

it('covers every action and every status the slice can reach', () => {
  expect(Object.keys(ACTION_OPS).sort()).toEqual([...WEAPON_ACTIONS].sort());
  // issued, assigned and in_transit belong to custody (a later slice): no operation reaches them yet
  expect(WEAPON_STATUSES.filter((s) => !REACHABLE.includes(s)).sort()).toEqual(['assigned', 'in_transit', 'issued']);
});

describe.each(REACHABLE)('from %s', (status) => {
  it('allows exactly the actions lifecycle.ts lists, each appending its event; refusals change nothing', async () => {
    const h = await as('storekeeper');
    const refusedOn = await weaponIn(h, status);
    // a weapon still in `status` after an allowed action serves the next one (saves scrypt-costly setups)
    let spare: number | null = null;
    for (const action of WEAPON_ACTIONS) {
      if (actionAllowed(action, status)) {
        const w: { id: number } = { id: spare ?? (await weaponIn(h, status)).id };
        const r = await act(h, action, w.id);
        expect(r.ok ? 'ok' : r.error.code, `${action} from ${status}`).toBe('ok');
        spare = r.ok && r.value.status === status ? w.id : null;
        const e = lastEvent(h);
        expect([e.type, (e.data as { weaponId: number }).weaponId, e.actor]).toEqual([ACTION_EVENTS[action], w.id, id('storekeeper')]);
        expect(e.approver).toBe(TWO_PERSON_ACTIONS.includes(action) ? id('manager') : undefined);
      } else {
        const head = h.head();
        const r = await act(h, action, refusedOn.id);
        expect(r.ok ? 'ok' : [r.error.kind, r.error.code, r.error.params], `${action} from ${status}`).toEqual([
          'conflict', 'status_transition', { action, status },
        ]);
        expect(h.head()).toEqual(head);
      }
    }
    expect((await h.ok('weapons.get', { id: refusedOn.id })).weapon.status).toBe(status);
  });
});

describe('two-person actions', () => {
  it('record the approver when a storekeeper acts with a manager', async () => {
    const h = await as('storekeeper');
    const w = await weaponIn(h, 'in_store');
    await h.ok('weapons.declareSurplus', { weaponId: w.id, reason: 'Modèle réformé', approver: { username: DEPUTY.username, password: DEPUTY.password } });
    const dossier = await h.ok('weapons.get', { id: w.id });
    const last = dossier.history.at(-1) ?? expect.fail('no history');
    expect([last.type, last.actor.id, last.approver?.id, last.approver?.username]).toEqual([
      'weapon.surplus_declared', id('storekeeper'), id('deputy'), DEPUTY.username,
    ]);
    expect(dossier.weapon.status).toBe('surplus');
  });

  it('let a manager act with a storekeeper as the second person', async () => {
    const h = await as('manager');
    const w = await weaponIn(h, 'in_store');
    const r = await act(h, 'destruction', w.id, { username: USERS.storekeeper.username, password: USERS.storekeeper.password });
    expect(r.ok && r.value.status).toBe('destroyed');
    expect([lastEvent(h).actor, lastEvent(h).approver]).toEqual([id('manager'), id('storekeeper')]);
  });

  it('refuse two storekeepers, the same person twice, wrong or unknown credentials and a disabled approver', async () => {
    const h = await as('storekeeper');
    const w = await weaponIn(h, 'in_store');
    const head = h.head();
    const cases: [string, { username: string; password: string }, string, string][] = [
      ['two storekeepers', { username: SECOND.username, password: SECOND.password }, 'forbidden', 'approver_needs_manager'],
      ['same person', { username: USERS.storekeeper.username, password: USERS.storekeeper.password }, 'validation', 'approver_same_person'],
      ['wrong password', { username: USERS.manager.username, password: 'pas-le-sien' }, 'forbidden', 'approver_bad_credentials'],
      ['unknown approver', { username: 'fantome', password: USERS.manager.password }, 'forbidden', 'approver_bad_credentials'],
    ];
    for (const action of TWO_PERSON_ACTIONS) {
      for (const [label, approver, kind, code] of cases) {
        const r = await act(h, action, w.id, approver);
        expect(r.ok ? 'ok' : [r.error.kind, r.error.code], `${action}: ${label}`).toEqual([kind, code]);
      }
    }
    expect(h.head()).toEqual(head);
    expect(h.app.session?.username).toBe(USERS.storekeeper.username);

    const managerApp = new Harness(h.dir);
    await managerApp.login('manager');
    await managerApp.ok('users.disable', { userId: id('deputy'), reason: 'Mutation' });
    const disabled = await act(h, 'destruction', w.id, { username: DEPUTY.username, password: DEPUTY.password });
    expect(disabled.ok).toBe(false);
    expect((await h.ok('weapons.get', { id: w.id })).weapon.status).toBe('in_store');
  });

  it('refuse a manager confirming their own action', async () => {
    const h = await as('manager');
    const w = await weaponIn(h, 'in_store');
    const r = await h.fail('weapons.deactivate', { ...(actionInput('deactivation', w.id) as { weaponId: number; date: string; certificate: string }), approver: { username: USERS.manager.username, password: USERS.manager.password } });
    expect([r.code, r.fields?.['approver.username']?.code]).toEqual(['approver_same_person', 'approver_same_person']);
  });
});

describe('status counts', () => {
  it('stay equal to the statuses of the weapons through a sequence of events', async () => {
    const h = await as('storekeeper');
    const tally = async () => {
      const counts = await h.ok('weapons.counts', {});
      const rows = h.db.prepare('SELECT status, COUNT(*) AS n FROM weapons GROUP BY status').all() as { status: string; n: number }[];
      expect(counts.byStatus).toEqual(Object.fromEntries(rows.map((r) => [r.status, r.n])));
      expect(counts.total).toBe(rows.reduce((n, r) => n + r.n, 0));
      return counts;
    };
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await h.ok('weapons.register', weaponInput())).id);
    await tally();
    const steps: [number, Parameters<typeof act>[1]][] = [
      [0, 'loss'], [0, 'recovery'], [0, 'move'], [1, 'maintenance_out'], [1, 'maintenance_back'], [2, 'theft'],
      [3, 'surplus'], [3, 'destruction'], [4, 'transfer_out'], [5, 'deactivation'], [1, 'correct'],
    ];
    const model = new Map(ids.map((i) => [i, 'in_store']));
    for (const [i, action] of steps) {
      const weaponId = ids[i] ?? expect.fail('no weapon');
      const r = await act(h, action, weaponId);
      if (!r.ok) expect.fail(`${action}: ${r.error.code}`);
      model.set(weaponId, r.value.status);
      const counts = await tally();
      const expected: Record<string, number> = {};
      for (const s of model.values()) expected[s] = (expected[s] ?? 0) + 1;
      expect(counts.byStatus).toEqual(expected);
    }
    const unserviceable = await h.ok('weapons.changeCondition', { weaponId: ids[1] ?? 0, condition: 'unserviceable', reason: 'Culasse fêlée' });
    expect(unserviceable.status).toBe('unserviceable');
    expect((await tally()).byStatus.unserviceable).toBe(1);
  });
});
