import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { approver, refused } from './support/ammunition';
import { dumpProjections, events, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, USERS, type Harness } from './support/harness';
import { registerOfficer } from './support/officers';
import { weaponInput } from './support/weapons';

const HOUR = 3_600_000;
let template: Template;

/** Four weapons on the shelves in three racks, one in maintenance, and two keys. */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const reg = async (nationalCode: string, location: string) => (await h.ok('weapons.register', weaponInput({ nationalCode, location }))).id;
    const b2 = await reg('ML-PN-H0002', 'Râtelier B / 1');
    const a1 = await reg('ML-PN-H0003', 'Râtelier A / 1');
    const a0 = await reg('ML-PN-H0001', 'Râtelier A / 1');
    const c1 = await reg('ML-PN-H0004', 'Armoire forte');
    const away = await reg('ML-PN-H0005', 'Râtelier A / 2');
    await h.ok('weapons.maintenanceOut', { weaponId: away, workshop: 'Atelier central', reason: 'Révision annuelle' });
    const door = (await h.ok('keys.register', { code: 'K-01', opens: 'Porte blindée de l’armurerie', holderId: staff.storekeeper })).id;
    const safe = (await h.ok('keys.register', { code: 'K-02', opens: 'Armoire forte', holderId: staff.storekeeper })).id;
    const chef = (await h.ok('keys.register', { code: 'K-03', opens: 'Bureau du chef', holderId: 1 })).id;
    return { ...staff, a0, a1, b2, c1, away, door, safe, chef };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);
const present = () => [info('a0'), info('a1'), info('b2'), info('c1')];

async function as(role: 'manager' | 'storekeeper' | 'auditor'): Promise<Harness> {
  const h = template.copy();
  await h.login(role);
  return h;
}

const incoming = (role: 'manager' | 'storekeeper' | 'auditor' = 'manager') => approver(role);

describe('what the count is compared with', () => {
  it('lists the weapons on the shelves by location then national code, and the keys the account holds', async () => {
    const h = await as('storekeeper');
    const expected = await h.ok('handover.expected', {});
    expect(expected.weapons.map((w) => w.nationalCode)).toEqual(['ML-PN-H0004', 'ML-PN-H0001', 'ML-PN-H0003', 'ML-PN-H0002']);
    expect(expected.weapons[0]).toEqual({
      id: info('c1'), nationalCode: 'ML-PN-H0004', serial: expect.any(String), type: 'assault_rifle', model: 'Type 56', location: 'Armoire forte',
    });
    expect(expected.keys.map((k) => k.code)).toEqual(['K-01', 'K-02']);
    expect(expected.keys[0]?.holder).toEqual({ id: info('storekeeper'), username: USERS.storekeeper.username, fullName: USERS.storekeeper.fullName });
    const m = await as('manager');
    expect((await m.ok('handover.expected', {})).keys.map((k) => k.code)).toEqual(['K-03']);
  });
});

describe('recording a handover', () => {
  it('records a full count with no case, and passes the keys to the incoming account', async () => {
    const h = await as('storekeeper');
    const r = await h.ok('handover.record', { counted: [...present(), info('a0')], keys: [info('door'), info('safe')], incoming: incoming(), note: 'Relève de 18 h' });
    expect(r.handover).toMatchObject({
      outgoing: { id: info('storekeeper') }, incoming: { id: 1, username: USERS.manager.username }, expected: 4, counted: 4, missing: 0, unexpected: 0, keys: 2, note: 'Relève de 18 h',
    });
    expect(r.missing).toEqual([]);
    expect(r.unexpected).toEqual([]);
    expect(r.cases).toEqual([]);
    const last = events(h.db).at(-1);
    expect(last).toMatchObject({ type: 'handover.recorded', actor: info('storekeeper'), approver: 1, data: { expected: 4, counted: present().sort((a, b) => a - b), missing: [], unexpected: [], keys: [info('door'), info('safe')] } });
    const keys = await h.ok('keys.list', {});
    expect(keys.map((k) => [k.code, k.holder?.id, k.since])).toEqual([['K-01', 1, r.handover.at], ['K-02', 1, r.handover.at], ['K-03', 1, expect.any(String)]]);
    expect((await h.ok('handover.expected', {})).keys).toEqual([]);
    expect(await h.ok('handover.list', {})).toEqual([r.handover]);
  });

  it('opens a case per missing weapon, with the deadline the settings give', async () => {
    const h = await as('manager');
    await h.ok('settings.update', { caseDeadlineHours: 24 });
    const r = await h.ok('handover.record', { counted: [info('a0'), info('b2'), info('c1')], incoming: incoming('storekeeper') });
    expect(r.handover).toMatchObject({ expected: 4, counted: 3, missing: 1, unexpected: 0, keys: 0, outgoing: { id: 1 }, incoming: { id: info('storekeeper') } });
    expect(r.missing.map((w) => w.id)).toEqual([info('a1')]);
    expect(r.cases).toHaveLength(1);
    const c = r.cases[0] ?? expect.fail('no case');
    expect(c).toMatchObject({
      source: 'handover', subject: 'weapon', weapon: { id: info('a1'), nationalCode: 'ML-PN-H0003' }, quantity: 1, handoverId: r.handover.id,
      voucherId: null, officer: null, owner: { id: 1 }, status: 'open', overdue: false,
    });
    expect(c.deadline).toBe(new Date(h.clock.t + 24 * HOUR).toISOString());
    expect(c.openedAt).toBe(r.handover.at);
    expect(events(h.db).slice(-2).map((e) => e.type)).toEqual(['handover.recorded', 'case.opened']);
    // the handover is in the missing weapon's history
    expect((await h.ok('weapons.get', { id: info('a1') })).history.map((e) => e.type)).toEqual(['weapon.registered', 'handover.recorded', 'case.opened']);
  });

  it('uses the default 72 hours when the settings were not changed', async () => {
    const h = await as('storekeeper');
    const r = await h.ok('handover.record', { counted: [], incoming: incoming() });
    // one case per weapon, opened in the order of their ids
    expect(r.cases.map((c) => c.weapon?.id)).toEqual(present().sort((a, b) => a - b));
    expect(r.missing.map((w) => w.nationalCode)).toEqual(['ML-PN-H0004', 'ML-PN-H0001', 'ML-PN-H0003', 'ML-PN-H0002']);
    for (const c of r.cases) expect(c.deadline).toBe(new Date(h.clock.t + 72 * HOUR).toISOString());
  });

  it('records a weapon counted that the book says is away, without opening a case', async () => {
    const h = await as('storekeeper');
    const r = await h.ok('handover.record', { counted: [...present(), info('away')], incoming: incoming() });
    expect(r.handover).toMatchObject({ expected: 4, counted: 5, missing: 0, unexpected: 1 });
    expect(r.unexpected.map((w) => w.nationalCode)).toEqual(['ML-PN-H0005']);
    expect(r.cases).toEqual([]);
    expect(events(h.db).at(-1)?.data).toMatchObject({ unexpected: [info('away')] });
  });

  it('lists handovers latest first', async () => {
    const h = await as('storekeeper');
    const first = await h.ok('handover.record', { counted: present(), keys: [info('door')], incoming: incoming() });
    h.clock.advance(HOUR);
    await h.login('manager');
    const second = await h.ok('handover.record', { counted: present(), keys: [info('door')], incoming: incoming('storekeeper') });
    expect((await h.ok('handover.list', {})).map((x) => x.id)).toEqual([second.handover.id, first.handover.id]);
    expect((await h.ok('handover.list', { limit: 1 })).map((x) => x.id)).toEqual([second.handover.id]);
    expect((await h.ok('keys.list', {}))[0]).toMatchObject({ code: 'K-01', holder: { id: info('storekeeper') }, since: second.handover.at });
  });
});

describe('handover refusals', () => {
  it('needs another account, not an auditor, with the right password', async () => {
    const h = await as('storekeeper');
    const counted = present();
    let e = await refused(h, 'handover.record', { counted, incoming: incoming('storekeeper') }, 'approver_same_person');
    expect(e.fields?.['incoming.username']).toEqual({ code: 'approver_same_person' });
    e = await refused(h, 'handover.record', { counted, incoming: incoming('auditor') }, 'approver_read_only');
    expect(e.fields?.['incoming.username']).toEqual({ code: 'approver_read_only' });
    await refused(h, 'handover.record', { counted, incoming: { username: USERS.manager.username, password: 'pas-le-bon-mot-de-passe' } }, 'approver_bad_credentials');
    await refused(h, 'handover.record', { counted, incoming: { username: 'personne', password: 'pas-le-bon-mot-de-passe' } }, 'approver_bad_credentials');
  });

  it('refuses keys the outgoing account does not hold, unknown keys and counted ids that are not weapons', async () => {
    const h = await as('storekeeper');
    const counted = present();
    let e = await refused(h, 'handover.record', { counted, keys: [info('door'), info('chef')], incoming: incoming() }, 'key_not_held');
    expect(e.params).toEqual({ code: 'K-03' });
    expect(e.fields?.keys).toEqual({ code: 'key_not_held', params: { code: 'K-03' } });
    await refused(h, 'handover.record', { counted, keys: [9_999], incoming: incoming() }, 'key_not_found');
    const officer = await registerOfficer(h);
    e = await refused(h, 'handover.record', { counted: [...counted, officer.id], incoming: incoming() }, 'weapon_not_found');
    expect(e.fields?.counted).toEqual({ code: 'weapon_not_found' });
    // nothing waited for a password: those refusals come before it is checked
    expect(h.sleeps).toEqual([]);
  });

  it('is not for auditors', async () => {
    const h = await as('auditor');
    await refused(h, 'handover.record', { counted: present(), incoming: incoming() }, 'forbidden');
    expect((await h.ok('handover.list', {}))).toEqual([]);
  });
});

describe('the key register', () => {
  it('registers a key with its holder, refusing a number taken, compared normalized', async () => {
    const h = await as('manager');
    const row = await h.ok('keys.register', { code: ' k-10 ', opens: 'Magasin à munitions', holderId: info('storekeeper') });
    expect(row).toEqual({
      id: h.head().seq, code: 'k-10', opens: 'Magasin à munitions', since: expect.any(String),
      holder: { id: info('storekeeper'), username: USERS.storekeeper.username, fullName: USERS.storekeeper.fullName },
    });
    const e = await refused(h, 'keys.register', { code: 'K-10', opens: 'Autre porte', holderId: 1 }, 'key_code_taken');
    expect(e.fields?.code).toEqual({ code: 'key_code_taken', params: { value: 'K-10', keyId: row.id } });
    expect((await h.ok('keys.list', {})).map((k) => k.code)).toEqual(['K-01', 'K-02', 'K-03', 'k-10']);
  });

  it('needs an active account as holder', async () => {
    const h = await as('manager');
    let e = await refused(h, 'keys.register', { code: 'K-20', opens: 'Porte arrière', holderId: 9_999 }, 'user_not_found');
    expect(e.fields?.holderId).toEqual({ code: 'user_not_found' });
    await h.ok('users.disable', { userId: info('storekeeper'), reason: 'Mutation' });
    e = await refused(h, 'keys.register', { code: 'K-20', opens: 'Porte arrière', holderId: info('storekeeper') }, 'user_not_found');
    expect(e.fields?.holderId).toEqual({ code: 'user_not_found' });
  });

  it('is managed by managers only', async () => {
    for (const role of ['storekeeper', 'auditor'] as const) {
      const h = await as(role);
      await refused(h, 'keys.register', { code: 'K-30', opens: 'Porte', holderId: 1 }, 'forbidden');
      expect(await h.ok('keys.list', {})).toHaveLength(3);
    }
  });
});

describe('replay', () => {
  it('rebuilds keys, handovers and their cases exactly', async () => {
    const h = await as('storekeeper');
    await h.ok('handover.record', { counted: [info('a0'), info('away')], keys: [info('safe')], incoming: incoming(), note: 'Relève' });
    await h.login('manager');
    await h.ok('keys.register', { code: 'K-40', opens: 'Local radio', holderId: 1 });
    await h.ok('handover.record', { counted: present(), keys: [info('safe'), info('chef')], incoming: incoming('storekeeper') });
    expect(verifyDatabase(h.db).problems).toEqual([]);
    const rebuilt = replay(h.db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(h.db));
    rebuilt.close();
  });
});
