import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outstanding, qty, refused } from './support/ammunition';
import { checkout, creds, custodyWorld, HOUR, infoOf, later, outCount, SN, weaponState } from './support/custody';
import { events } from './support/db';
import { disposeHarnesses, Harness, Template } from './support/harness';

let template: Template;
let id: (key: string) => number;

beforeAll(async () => {
  template = await Template.build(custodyWorld);
  id = infoOf(template.info);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function as(role: 'storekeeper' | 'manager' | 'auditor'): Promise<Harness> {
  const h = template.copy();
  await h.login(role);
  return h;
}

const lastEvent = (h: Harness) => events(h.db).at(-1) ?? expect.fail('no events');

describe('issuing a voucher', () => {
  it('checks weapons and rounds out to the officer, with a numbered voucher', async () => {
    const h = await as('storekeeper');
    const [store, lot] = [id('store'), id('lot')];
    const input = checkout(h, id('bah'), [id('r1'), id('p1')], {
      rounds: [{ lotId: lot, storeId: store, bay: 'A1', quantity: 60 }, { lotId: lot, storeId: store, bay: 'A2', quantity: 30 }],
      note: 'Escorte',
    });
    const v = await h.ok('custody.issue', input);
    const e = lastEvent(h);
    expect(e.type).toBe('custody.issued');
    expect(v.id).toBe(e.seq);
    expect(v.number).toBe(`${new Date(e.at).getUTCFullYear()}-${String(e.seq).padStart(6, '0')}`);
    expect(e.data).toEqual({
      kind: 'checkout', officerId: id('bah'), weapons: [{ weaponId: id('r1'), magazines: 2 }, { weaponId: id('p1'), magazines: 2 }],
      rounds: [{ lotId: lot, storeId: store, bay: 'A1', quantity: 60 }, { lotId: lot, storeId: store, bay: 'A2', quantity: 30 }],
      duty: 'Patrouille de nuit', expectedReturn: input.expectedReturn, note: 'Escorte', acknowledgement: SN.bah,
    });
    expect(e.approver).toBeUndefined();
    expect([v.kind, v.officer.id, v.officer.weaponsOut, v.issuer.username, v.countersigner, v.override]).toEqual([
      'checkout', id('bah'), 2, 'magasinier', null, null,
    ]);
    expect(v.weapons.map((w) => [w.weapon.id, w.weapon.status, w.outcome, w.magazines])).toEqual(
      expect.arrayContaining([[id('r1'), 'issued', 'out', 2], [id('p1'), 'issued', 'out', 2]]),
    );
    expect(v.rounds.map((r) => [r.lotNumber, r.storeCode, r.bay, r.issued, r.returned, r.expended, r.unaccounted])).toEqual([
      ['BALL-2015', 'MAG-C', 'A1', 60, 0, 0, 0], ['BALL-2015', 'MAG-C', 'A2', 30, 0, 0, 0],
    ]);
    expect([v.magazines, v.settled, v.closed, v.overdue, v.cases, v.head]).toEqual([4, false, false, false, [], h.head()]);
    expect(weaponState(h, id('r1')).status).toBe('issued');
    expect(outCount(h)).toBe(2);
    expect([qty(h.db, lot, store, 'A1'), qty(h.db, lot, store, 'A2'), outstanding(h.db, lot)]).toEqual([940, 270, 90]);
    const counts = await h.ok('weapons.counts', {});
    expect(counts.byStatus.issued).toBe(2);
  });

  it('records an assignment as assigned, with no expected return', async () => {
    const h = await as('storekeeper');
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r2')], { kind: 'assignment', expectedReturn: '' }));
    expect([v.kind, v.expectedReturn, v.overdue]).toEqual(['assignment', '', false]);
    expect(weaponState(h, id('r2')).status).toBe('assigned');
    // an assignment stays out until withdrawn: a time typed anyway is not kept
    const w = await h.ok('custody.issue', checkout(h, id('bah'), [id('r3')], { kind: 'assignment' }));
    expect(w.expectedReturn).toBe('');
    later(h, 1_000 * HOUR);
    expect((await h.ok('custody.out', {})).overdue).toBe(0);
  });

  it('adds up the same lot taken twice from one place into one line', async () => {
    const h = await as('storekeeper');
    const place = { lotId: id('lot'), storeId: id('store'), bay: 'A1' };
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1')], { rounds: [{ ...place, quantity: 10 }, { ...place, quantity: 5 }] }));
    expect(v.rounds.map((r) => r.issued)).toEqual([15]);
    expect(qty(h.db, id('lot'), id('store'), 'A1')).toBe(985);
  });
});

describe('issue refusals (each leaves the journal and every projection as they were)', () => {
  it('refuses an unknown, inactive or unconfirmed officer and a missing or past return time', async () => {
    const h = await as('storekeeper');
    const base = checkout(h, id('bah'), [id('r1')]);
    const e1 = await refused(h, 'custody.issue', { ...base, officerId: 999_999 }, 'officer_not_found');
    expect(e1.fields).toEqual({ officerId: { code: 'officer_not_found' } });
    const e2 = await refused(h, 'custody.issue', { ...base, officerId: id('suspended'), acknowledgement: SN.suspended }, 'officer_not_active');
    expect(e2.params).toEqual({ name: 'Agent Suspendu' });
    const e3 = await refused(h, 'custody.issue', { ...base, acknowledgement: SN.diallo }, 'acknowledgement_mismatch');
    expect(Object.keys(e3.fields ?? {})).toEqual(['acknowledgement']);
    // typed or scanned: case and stray spaces do not matter
    await h.ok('custody.issue', { ...base, acknowledgement: ` ${SN.bah.toLowerCase()} ` });
    const base2 = checkout(h, id('bah'), [id('r2')]);
    const e4 = await refused(h, 'custody.issue', { ...base2, expectedReturn: '' }, 'expected_return_required');
    expect(Object.keys(e4.fields ?? {})).toEqual(['expectedReturn']);
    await refused(h, 'custody.issue', { ...base2, expectedReturn: new Date(h.clock.t - 60_000).toISOString() }, 'expected_return_past');
    await refused(h, 'custody.issue', { ...base2, expectedReturn: new Date(h.clock.t).toISOString() }, 'expected_return_past');
  });

  it('refuses every weapon that cannot go out, naming it on its line', async () => {
    const h = await as('storekeeper');
    const first = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1')]));
    const cases: [string, string][] = [
      ['r1', 'weapon_already_out'],
      ['maintenance', 'weapon_in_maintenance'],
      ['lost', 'weapon_lost'],
      ['stolen', 'weapon_lost'],
      ['unserviceable', 'weapon_not_serviceable'],
      ['repairable', 'weapon_not_serviceable'],
      ['surplus', 'weapon_not_in_store'],
      ['transferred', 'weapon_not_in_store'],
    ];
    for (const [key, code] of cases) {
      const error = await refused(h, 'custody.issue', checkout(h, id('diallo'), [id('r2'), id(key)], { acknowledgement: SN.diallo }), code);
      const nationalCode = (await h.ok('weapons.get', { id: id(key) })).weapon.nationalCode;
      expect(error.fields, key).toEqual({ 'weapons.1.weaponId': { code, params: error.params } });
      expect(error.params?.nationalCode, key).toBe(nationalCode);
    }
    const out = await refused(h, 'custody.issue', checkout(h, id('diallo'), [id('r1')], { acknowledgement: SN.diallo }), 'weapon_already_out');
    expect(out.params).toMatchObject({ voucherNumber: first.number, officer: 'Sergent Bah' });
    const missing = await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r2'), 999_999]), 'weapon_not_found');
    expect(Object.keys(missing.fields ?? {})).toEqual(['weapons.1.weaponId']);
    const twice = await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r2'), id('r3'), id('r2')]), 'weapon_listed_twice');
    expect(Object.keys(twice.fields ?? {})).toEqual(['weapons.2.weaponId']);
  });

  it('refuses an officer without a current authorisation for the type', async () => {
    const h = await as('storekeeper');
    const rookie = await refused(h, 'custody.issue', checkout(h, id('rookie'), [id('r1')], { acknowledgement: SN.rookie }), 'officer_not_authorised');
    expect(rookie.params).toMatchObject({ name: 'Agent Rookie', weaponType: 'assault_rifle' });
    await refused(h, 'custody.issue', checkout(h, id('expired'), [id('r1')], { acknowledgement: SN.expired }), 'officer_not_authorised');
    // authorised for rifles, not pistols: the pistol's line is named
    const pistol = await refused(h, 'custody.issue', checkout(h, id('diallo'), [id('r1'), id('p1')], { acknowledgement: SN.diallo }), 'officer_not_authorised');
    expect(Object.keys(pistol.fields ?? {})).toEqual(['weapons.1.weaponId']);
    expect(pistol.params).toMatchObject({ weaponType: 'pistol' });
  });

  it('refuses rounds from an unknown or suspended lot, or more than the place holds', async () => {
    const h = await as('storekeeper');
    const store = id('store');
    const issue = (lotId: number, quantity: number, bay = 'A1') => checkout(h, id('bah'), [id('r1')], { rounds: [{ lotId, storeId: store, bay, quantity }] });
    const e1 = await refused(h, 'custody.issue', issue(999_999, 1), 'lot_not_found');
    expect(Object.keys(e1.fields ?? {})).toEqual(['rounds.0.quantity']);
    await refused(h, 'custody.issue', issue(id('suspendedLot'), 1), 'lot_suspended');
    const e3 = await refused(h, 'custody.issue', issue(id('lot'), 301, 'A2'), 'insufficient_quantity');
    expect(e3.params).toEqual({ available: 300, requested: 301 });
    expect(e3.fields).toEqual({ 'rounds.0.quantity': { code: 'insufficient_quantity', params: { available: 300, requested: 301 } } });
    // two lines of one place are checked together
    const place = { lotId: id('lot'), storeId: store, bay: 'A2' };
    await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r1')], { rounds: [{ ...place, quantity: 200 }, { ...place, quantity: 101 }] }), 'insufficient_quantity');
    await h.ok('custody.issue', issue(id('lot'), 300, 'A2'));
    const e4 = await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r2')], { rounds: [{ ...place, quantity: 1 }] }), 'insufficient_quantity');
    expect(e4.params).toEqual({ available: 0, requested: 1 });
  });

  it('refuses an auditor', async () => {
    const h = await as('auditor');
    await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r1')]), 'forbidden');
  });
});

describe('authorisation override', () => {
  it('lets a manager override with credentials and a reason, recorded on the event, the voucher and the dashboard', async () => {
    const h = await as('storekeeper');
    const override = { ...creds('manager'), reason: 'Renfort urgent, habilitation en cours' };
    const v = await h.ok('custody.issue', checkout(h, id('rookie'), [id('r1'), id('r2'), id('p1')], { acknowledgement: SN.rookie, override }));
    const e = lastEvent(h);
    expect((e.data as { override?: unknown }).override).toEqual({ by: id('manager'), reason: override.reason, weaponTypes: ['assault_rifle', 'pistol'] });
    expect(v.override).toEqual({ by: expect.objectContaining({ id: id('manager'), username: 'chef' }), reason: override.reason, weaponTypes: ['assault_rifle', 'pistol'] });
    const board = await h.ok('custody.dashboard', {});
    expect(board.overrides).toEqual([{
      voucherId: v.id, voucherNumber: v.number, at: v.issuedAt, officer: { id: id('rookie'), serviceNumber: SN.rookie, name: 'Agent Rookie' },
      by: expect.objectContaining({ username: 'chef' }), issuer: expect.objectContaining({ username: 'magasinier' }), reason: override.reason,
      weaponTypes: ['assault_rifle', 'pistol'],
    }]);
    // only the uncovered types are overridden; an override that is not needed is not recorded (nor its password asked)
    const w = await h.ok('custody.issue', checkout(h, id('diallo'), [id('r3'), id('p2')], { acknowledgement: SN.diallo, override }));
    expect(w.override?.weaponTypes).toEqual(['pistol']);
    const sleepsBefore = h.sleeps.length;
    const plain = await h.ok('custody.issue', checkout(h, id('bah'), [id('r4')], { override: { ...creds('manager'), password: 'faux-mot-de-passe', reason: 'Inutile' } }));
    expect(plain.override).toBeNull();
    expect(h.sleeps.length).toBe(sleepsBefore);
  });

  it('accepts the signed-in manager re-entering their own password', async () => {
    const h = await as('manager');
    const v = await h.ok('custody.issue', checkout(h, id('expired'), [id('r1')], { acknowledgement: SN.expired, override: { ...creds('manager'), reason: 'Habilitation renouvelée, papier en cours' } }));
    expect(v.override?.by.id).toBe(id('manager'));
  });

  it("refuses a storekeeper's credentials and a wrong password, on the override's username", async () => {
    const h = await as('storekeeper');
    const input = (o: { username: string; password: string }) => checkout(h, id('rookie'), [id('r1')], { acknowledgement: SN.rookie, override: { ...o, reason: 'Renfort' } });
    const e1 = await refused(h, 'custody.issue', input(creds('storekeeper')), 'override_needs_manager');
    expect(Object.keys(e1.fields ?? {})).toEqual(['override.username']);
    const e2 = await refused(h, 'custody.issue', input({ ...creds('manager'), password: 'mauvais-mot-de-passe' }), 'approver_bad_credentials');
    expect(Object.keys(e2.fields ?? {})).toEqual(['override.username']);
    await refused(h, 'custody.issue', input(creds('auditor')), 'override_needs_manager');
  });

  it('asks for no password when the voucher would be refused anyway', async () => {
    const h = await as('storekeeper');
    const bad = { ...creds('manager'), password: 'mauvais-mot-de-passe', reason: 'Renfort' };
    await refused(h, 'custody.issue', checkout(h, id('rookie'), [id('maintenance')], { acknowledgement: SN.rookie, override: bad }), 'weapon_in_maintenance');
    await refused(h, 'custody.issue', checkout(h, id('rookie'), [id('r1')], {
      acknowledgement: SN.rookie, override: bad, rounds: [{ lotId: id('suspendedLot'), storeId: id('store'), bay: 'A1', quantity: 1 }],
    }), 'lot_suspended');
    expect(h.sleeps).toEqual([]);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM login_failures').get()).toEqual({ n: 0 });
  });
});

describe('countersignature', () => {
  async function requiring(): Promise<Harness> {
    const h = await as('manager');
    await h.ok('settings.update', { countersignIssues: true });
    await h.ok('auth.logout', {});
    await h.login('storekeeper');
    return h;
  }

  it('is required when the armoury says so, and recorded as the event approver', async () => {
    const h = await requiring();
    const e = await refused(h, 'custody.issue', checkout(h, id('bah'), [id('r1')]), 'countersign_required');
    expect(Object.keys(e.fields ?? {})).toEqual(['countersigner.username']);
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1')], { countersigner: creds('manager') }));
    expect(lastEvent(h).approver).toBe(id('manager'));
    expect(v.countersigner?.username).toBe('chef');
  });

  it('refuses the issuer themself, an auditor and wrong credentials', async () => {
    const h = await requiring();
    const input = (c: { username: string; password: string }) => checkout(h, id('bah'), [id('r1')], { countersigner: c });
    const e1 = await refused(h, 'custody.issue', input(creds('storekeeper')), 'approver_same_person');
    expect(Object.keys(e1.fields ?? {})).toEqual(['countersigner.username']);
    await refused(h, 'custody.issue', input(creds('auditor')), 'approver_read_only');
    const e3 = await refused(h, 'custody.issue', input({ ...creds('manager'), password: 'mauvais-mot-de-passe' }), 'approver_bad_credentials');
    expect(Object.keys(e3.fields ?? {})).toEqual(['countersigner.username']);
  });

  it('is recorded when given although not required', async () => {
    const h = await as('storekeeper');
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1')], { countersigner: creds('manager') }));
    expect(v.countersigner?.id).toBe(id('manager'));
  });
});

describe('one weapon is never issued twice', () => {
  const override = { ...creds('manager'), reason: 'Renfort urgent' };

  it('from two calls in a row', async () => {
    const h = await as('storekeeper');
    // the overrides make both calls wait for a password check after their first round of checks
    const input = (officer: 'rookie' | 'expired') => checkout(h, id(officer), [id('r5')], { acknowledgement: SN[officer], override });
    const results = await Promise.all([h.call('custody.issue', input('rookie')), h.call('custody.issue', input('expired'))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'weapon_already_out']);
    const plain = await Promise.all([h.call('custody.issue', checkout(h, id('bah'), [id('r6')])), h.call('custody.issue', checkout(h, id('bah'), [id('r6')]))]);
    expect(plain.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'weapon_already_out']);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM voucher_weapons WHERE weapon_id IN (?, ?)').get(id('r5'), id('r6'))).toEqual({ n: 2 });
  });

  it('from two app instances on the same file', async () => {
    const h = await as('storekeeper');
    const other = new Harness(h.dir, { clock: h.clock });
    await other.login('manager');
    const input = (x: Harness, officer: 'rookie' | 'expired') => checkout(x, id(officer), [id('r7'), id('r8')], { acknowledgement: SN[officer], override });
    const results = await Promise.all([h.call('custody.issue', input(h, 'rookie')), other.call('custody.issue', input(other, 'expired'))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'weapon_already_out']);
    expect(outCount(h)).toBe(2);
    expect((await other.ok('custody.out', {})).rows.map((r) => r.weapon.id).sort()).toEqual([id('r7'), id('r8')].sort());
    other.release();
  });
});

describe('custody.check', () => {
  it('gives each exact match of a serial or national code with its refusal and open voucher', async () => {
    const h = await as('storekeeper');
    const r1 = (await h.ok('weapons.get', { id: id('r1') })).weapon;
    const free = await h.ok('custody.check', { code: r1.serial.toLowerCase() });
    expect(free).toEqual([{ weapon: expect.objectContaining({ id: r1.id, status: 'in_store' }), refusal: null, open: null }]);
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [r1.id]));
    const [out] = await h.ok('custody.check', { code: ` ${r1.nationalCode} ` });
    expect(out?.refusal).toEqual({ code: 'weapon_already_out', params: { nationalCode: r1.nationalCode, voucherNumber: v.number, officer: 'Sergent Bah' } });
    expect(out?.open).toEqual({ voucherId: v.id, voucherNumber: v.number, officerName: 'Sergent Bah', serviceNumber: SN.bah, kind: 'checkout', expectedReturn: v.expectedReturn });
    const m = (await h.ok('weapons.get', { id: id('maintenance') })).weapon;
    expect((await h.ok('custody.check', { code: m.nationalCode }))[0]?.refusal?.code).toBe('weapon_in_maintenance');
    expect(await h.ok('custody.check', { code: 'NO-SUCH-CODE' })).toEqual([]);
    expect(await h.ok('custody.check', { code: '   ' })).toEqual([]);
  });
});
