import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import type { CaseRow } from '../../src/shared/contract/custody';
import { newStore, outstanding, qty, receiveNew, refused } from './support/ammunition';
import { credentials, handoverWeapon, HOUR, issue, magazines, OFFICER, openDirect, stockCheckWeapon } from './support/cases';
import { dumpProjections, eventRows, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, TestClock, USERS, type Harness } from './support/harness';
import { actionInput } from './support/lifecycle';
import { today, weaponInput } from './support/weapons';

let template: Template;

/** Staff, weapons in store, a lot of rounds and an authorised officer to issue them to. */
beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await h.ok('weapons.register', weaponInput())).id);
    const [w1, w2, w3, w4] = ids as [number, number, number, number];
    const store = await newStore(h);
    const lot = await receiveNew(h, store, 5_000, {}, 'A1');
    const officer = (await h.ok('officers.register', { ...OFFICER })).id;
    await h.ok('officers.authorise', { id: officer, weaponType: 'assault_rifle', expires: '2099-12-31', reference: 'HAB-CAS-1' });
    return { ...staff, manager: h.app.session?.userId ?? 0, w1, w2, w3, w4, store, lot, officer };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

async function signedIn(role: 'manager' | 'storekeeper' | 'auditor' = 'storekeeper', clock?: TestClock): Promise<Harness> {
  const h = template.copy(clock ? { clock } : {});
  await h.login(role);
  return h;
}

/** Moves the clock on and signs in again (the idle lock would refuse the next call). */
async function later(h: Harness, ms: number): Promise<void> {
  h.clock.advance(ms);
  await h.login(h.app.session?.role ?? 'storekeeper');
}

const close = (id: number, over: Record<string, unknown> = {}) => ({
  id, outcome: 'found' as const, explanation: 'Retrouvée au râtelier B', reference: '', approver: credentials('manager'), ...over,
});

describe('opening and reading cases', () => {
  it('owns a case by the account that found it, with the armoury’s deadline from now', async () => {
    const clock = new TestClock(Date.parse('2026-03-02T08:00:00Z'));
    const h = await signedIn('storekeeper', clock);
    const id = openDirect(h, handoverWeapon(info('w1')));
    const row = await h.ok('cases.get', { id });
    expect(row.case).toMatchObject({
      id, source: 'handover', subject: 'weapon', quantity: 1, status: 'open', overdue: false, outcome: '', explanation: '',
      owner: { id: info('storekeeper'), username: USERS.storekeeper.username, fullName: USERS.storekeeper.fullName },
      deadline: '2026-03-05T08:00:00.000Z', openedAt: '2026-03-02T08:00:00.000Z', closedAt: '', approver: null,
      voucherId: null, voucherNumber: '', lot: null, officer: null, handoverId: null,
    });
    const weapon = await h.ok('weapons.get', { id: info('w1') });
    expect(row.case.weapon).toEqual({ id: info('w1'), nationalCode: weapon.weapon.nationalCode, serial: weapon.weapon.serial });
    expect(row.outcomes).toEqual(['found', 'loss']);
    expect(row.history.map((e) => e.type)).toEqual(['case.opened']);
    expect(weapon.history.at(-1)?.type).toBe('case.opened');
  });

  it('follows settings.caseDeadlineHours', async () => {
    const clock = new TestClock(Date.parse('2026-03-02T08:00:00Z'));
    const h = await signedIn('manager', clock);
    await h.ok('settings.update', { caseDeadlineHours: 24 });
    const id = openDirect(h, magazines(2));
    expect((await h.ok('cases.get', { id })).case.deadline).toBe('2026-03-03T08:00:00.000Z');
  });

  it('is overdue once the clock passes its deadline, and lists overdue cases alone on request', async () => {
    const clock = new TestClock(Date.parse('2026-03-02T08:00:00Z'));
    const h = await signedIn('storekeeper', clock);
    const late = openDirect(h, handoverWeapon(info('w1')));
    await later(h, 48 * HOUR);
    const recent = openDirect(h, magazines(1));
    expect((await h.ok('cases.list', { overdueOnly: true })).map((c) => c.id)).toEqual([]);
    await later(h, 25 * HOUR);
    const overdue = await h.ok('cases.list', { overdueOnly: true });
    expect(overdue.map((c) => [c.id, c.overdue])).toEqual([[late, true]]);
    const open = await h.ok('cases.list', {});
    expect(open.map((c) => [c.id, c.overdue])).toEqual([[late, true], [recent, false]]);
    expect((await h.ok('cases.get', { id: late })).case.overdue).toBe(true);
  });

  it('lists open cases by deadline, then closed ones newest first', async () => {
    const clock = new TestClock(Date.parse('2026-03-02T08:00:00Z'));
    const h = await signedIn('manager', clock);
    const a = openDirect(h, handoverWeapon(info('w1')));
    await later(h, HOUR);
    const b = openDirect(h, handoverWeapon(info('w2')));
    await later(h, HOUR);
    const c = openDirect(h, magazines(3));
    await later(h, HOUR);
    const d = openDirect(h, stockCheckWeapon(info('w3')));
    await h.ok('cases.close', close(b));
    await later(h, HOUR);
    await h.ok('cases.close', close(a));
    const ids = async (status: 'open' | 'closed' | 'all') => (await h.ok('cases.list', { status })).map((r) => r.id);
    expect(await ids('open')).toEqual([c, d]);
    expect(await ids('closed')).toEqual([a, b]);
    expect(await ids('all')).toEqual([c, d, a, b]);
    expect(await h.ok('cases.list', { status: 'closed', overdueOnly: true })).toEqual([]);
  });

  it('refuses an unknown case', async () => {
    const h = await signedIn();
    expect((await h.fail('cases.get', { id: 999_999 })).code).toBe('case_not_found');
    await refused(h, 'cases.close', close(999_999), 'case_not_found');
    await refused(h, 'cases.update', { id: 999_999, explanation: 'Rien' }, 'case_not_found');
  });
});

describe('updating a case', () => {
  it('changes the owner and the explanation, and records who did it', async () => {
    const h = await signedIn('manager');
    const id = openDirect(h, handoverWeapon(info('w1')));
    const row = await h.ok('cases.update', { id, explanation: 'Recherches en cours', ownerId: info('storekeeper') });
    expect(row).toMatchObject({ explanation: 'Recherches en cours', owner: { id: info('storekeeper'), username: USERS.storekeeper.username } });
    // only the owner: the explanation stays
    const again = await h.ok('cases.update', { id, ownerId: info('manager') });
    expect(again).toMatchObject({ explanation: 'Recherches en cours', owner: { id: info('manager') } });
    const history = (await h.ok('cases.get', { id })).history;
    expect(history.map((e) => [e.type, e.data])).toEqual([
      ['case.opened', expect.anything()],
      ['case.updated', { caseId: id, explanation: 'Recherches en cours', owner: info('storekeeper') }],
      ['case.updated', { caseId: id, owner: info('manager') }],
    ]);
    // nothing changed, nothing written
    const head = h.head();
    await h.ok('cases.update', { id, explanation: 'Recherches en cours', ownerId: info('manager') });
    expect(h.head()).toEqual(head);
  });

  it('needs an active account as owner', async () => {
    const h = await signedIn('manager');
    const id = openDirect(h, handoverWeapon(info('w1')));
    const error = await refused(h, 'cases.update', { id, ownerId: 999 }, 'user_not_found');
    expect(error.fields).toEqual({ ownerId: { code: 'user_not_found' } });
    await h.ok('users.disable', { userId: info('auditor'), reason: 'Mutation' });
    await refused(h, 'cases.update', { id, ownerId: info('auditor') }, 'user_not_found');
  });

  it('refuses a closed case, and an auditor', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w1')));
    await h.ok('cases.close', close(id));
    await refused(h, 'cases.update', { id, explanation: 'Trop tard' }, 'case_closed');
    const a = template.copy();
    await a.login('auditor');
    await refused(a, 'cases.update', { id, explanation: 'Lecture seule' }, 'forbidden');
  });
});

describe('closing a case', () => {
  it('needs a manager’s approval: any active manager, the actor included', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w1')));
    const row = await h.ok('cases.close', close(id));
    expect(row).toMatchObject({
      status: 'closed', outcome: 'found', explanation: 'Retrouvée au râtelier B', overdue: false,
      approver: { id: info('manager'), username: USERS.manager.username },
    });
    expect(row.closedAt).not.toBe('');
    const dossier = await h.ok('cases.get', { id });
    expect(dossier.outcomes).toEqual([]);
    const closed = dossier.history.at(-1);
    expect(closed).toMatchObject({ type: 'case.closed', actor: { id: info('storekeeper') }, approver: { id: info('manager') } });
    expect(closed?.data).toEqual({ caseId: id, outcome: 'found', explanation: 'Retrouvée au râtelier B', reference: '' });
    expect((await h.ok('weapons.get', { id: info('w1') })).weapon.status).toBe('in_store');

    const m = await signedIn('manager');
    const other = openDirect(m, magazines(1));
    expect((await m.ok('cases.close', close(other, { outcome: 'loss' }))).approver?.id).toBe(info('manager'));
  });

  it('refuses storekeeper and auditor credentials, and a wrong password, writing nothing', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w1')));
    for (const role of ['storekeeper', 'auditor'] as const) {
      const error = await refused(h, 'cases.close', close(id, { approver: credentials(role) }), 'close_needs_manager');
      expect(error.fields).toEqual({ 'approver.username': { code: 'close_needs_manager' } });
    }
    await refused(h, 'cases.close', close(id, { approver: { username: USERS.manager.username, password: 'pas-le-bon-mot' } }), 'approver_bad_credentials');
    await refused(h, 'cases.close', close(id, { approver: { username: 'personne', password: 'pas-le-bon-mot' } }), 'approver_bad_credentials');
    expect((await h.ok('cases.get', { id })).case.status).toBe('open');
  });

  it('needs an explanation, an outcome that fits, and refuses a second closing', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w1')));
    const blank = await refused(h, 'cases.close', close(id, { explanation: '  ' }), 'invalid_input');
    expect(Object.keys(blank.fields ?? {})).toEqual(['explanation']);
    for (const outcome of ['returned', 'expended'] as const) {
      const error = await refused(h, 'cases.close', close(id, { outcome }), 'case_outcome_invalid');
      expect(error.fields).toEqual({ outcome: { code: 'case_outcome_invalid' } });
    }
    const mags = openDirect(h, magazines(2));
    await refused(h, 'cases.close', close(mags, { outcome: 'found' }), 'case_outcome_invalid');
    await h.ok('cases.close', close(id));
    await refused(h, 'cases.close', close(id), 'case_closed');
    await refused(h, 'cases.close', close(id, { approver: credentials('storekeeper') }), 'case_closed');
  });

  it('checks again inside the write: two closings at once, one wins', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w1')));
    const results = await Promise.all([h.call('cases.close', close(id)), h.call('cases.close', close(id, { explanation: 'Aussi retrouvée' }))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['case_closed', 'ok']);
    expect(eventRows(h.db).filter((e) => e.type === 'case.closed')).toHaveLength(1);
  });

  it('turns a weapon missing at a count into a loss report before the closing', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, handoverWeapon(info('w2')));
    await h.ok('cases.close', close(id, { outcome: 'loss', explanation: 'Introuvable après recherches' }));
    const weapon = await h.ok('weapons.get', { id: info('w2') });
    expect(weapon.weapon.status).toBe('lost');
    const [loss, closed] = weapon.history.slice(-2);
    expect(loss).toMatchObject({
      type: 'weapon.loss_reported', actor: { id: info('storekeeper') }, approver: { id: info('manager') },
      data: { weaponId: info('w2'), circumstances: 'Introuvable après recherches', reference: `case ${id}` },
    });
    expect(loss?.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(closed?.type).toBe('case.closed');
    expect((closed?.seq ?? 0) - (loss?.seq ?? 0)).toBe(1);
  });

  it('records a loss without a second report when the weapon was already reported lost', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, stockCheckWeapon(info('w3')));
    await h.ok('weapons.reportLoss', { weaponId: info('w3'), date: '2026-01-05', circumstances: 'Signalée perdue', reference: '' });
    await h.ok('cases.close', close(id, { outcome: 'loss' }));
    const history = (await h.ok('weapons.get', { id: info('w3') })).history.map((e) => e.type);
    expect(history.filter((t) => t === 'weapon.loss_reported')).toHaveLength(1);
  });

  it('refuses a loss the weapon’s status does not allow', async () => {
    const h = await signedIn('manager');
    const id = openDirect(h, handoverWeapon(info('w4')));
    await h.ok('weapons.destroy', actionInput('destruction', info('w4'), credentials('storekeeper')) as never);
    await refused(h, 'cases.close', close(id, { outcome: 'loss' }), 'status_transition');
  });

  it('needs a reference for rounds expended', async () => {
    const h = await signedIn('storekeeper');
    const id = openDirect(h, { source: 'custody', subject: 'rounds', lotId: info('lot'), quantity: 12 });
    const error = await refused(h, 'cases.close', close(id, { outcome: 'expended' }), 'reference_required');
    expect(error.fields).toEqual({ reference: { code: 'reference_required' } });
    await h.ok('cases.close', close(id, { outcome: 'expended', reference: 'RAP-TIR-7' }));
  });
});

/** A voucher of one weapon with two magazines and 100 rounds from the lot at A1. */
async function issued(h: Harness) {
  return issue(h, info('officer'), [info('w1')], [{ lotId: info('lot'), storeId: info('store'), bay: 'A1', quantity: 100 }]);
}

/** Returns the voucher's weapon, 60 rounds back, 30 fired, one magazine back: 10 rounds and a magazine unaccounted. */
async function shortReturn(h: Harness, voucherId: number) {
  return h.ok('custody.return', {
    voucherId, weapons: [{ weaponId: info('w1'), returned: true, condition: 'serviceable' }], magazinesReturned: 1,
    rounds: [{ lotId: info('lot'), storeId: info('store'), bay: 'A1', returned: 60, expended: 30 }], reference: 'TIR-2026-4',
  });
}

describe('cases from a return', () => {
  it('opens one case per thing unaccounted; rounds returned later go back where they were issued from', async () => {
    const h = await signedIn('storekeeper');
    const lot = info('lot');
    const store = info('store');
    const voucher = await issued(h);
    expect([qty(h.db, lot, store, 'A1'), outstanding(h.db, lot)]).toEqual([4_900, 100]);
    const result = await shortReturn(h, voucher.id);
    expect([qty(h.db, lot, store, 'A1'), outstanding(h.db, lot)]).toEqual([4_960, 10]);
    expect(result.cases.map((c) => [c.subject, c.quantity, c.source, c.voucherId, c.voucherNumber, c.officer?.serviceNumber])).toEqual([
      ['rounds', 10, 'custody', voucher.id, voucher.number, OFFICER.serviceNumber],
      ['magazines', 1, 'custody', voucher.id, voucher.number, OFFICER.serviceNumber],
    ]);
    const [rounds, mags] = result.cases as [CaseRow, CaseRow];
    expect(rounds.lot).toEqual({ id: lot, lotNumber: expect.any(String) });
    expect((await h.ok('cases.get', { id: rounds.id })).outcomes).toEqual(['returned', 'expended', 'loss']);
    expect((await h.ok('cases.get', { id: mags.id })).outcomes).toEqual(['returned', 'loss']);

    await h.ok('cases.close', close(rounds.id, { outcome: 'returned', explanation: 'Rapportées le lendemain' }));
    expect([qty(h.db, lot, store, 'A1'), outstanding(h.db, lot)]).toEqual([4_970, 0]);
    const card = (await h.ok('lots.get', { id: lot })).card;
    expect(card.at(-1)?.type).toBe('case.closed');
    const closed = (await h.ok('cases.get', { id: rounds.id })).history.at(-1);
    expect(closed?.data).toMatchObject({ outcome: 'returned', place: { storeId: store, bay: 'A1', condition: 'serviceable' } });
    await h.ok('cases.close', close(mags.id, { outcome: 'loss', explanation: 'Chargeur perdu en intervention' }));
    expect([qty(h.db, lot, store, 'A1'), outstanding(h.db, lot)]).toEqual([4_970, 0]);
  });

  it('writes unaccounted rounds off as expended (with a reference) or lost', async () => {
    for (const outcome of ['expended', 'loss'] as const) {
      const h = await signedIn('storekeeper');
      const lot = info('lot');
      const { cases } = await shortReturn(h, (await issued(h)).id);
      const id = cases[0]?.id ?? 0;
      if (outcome === 'expended') await refused(h, 'cases.close', close(id, { outcome }), 'reference_required');
      await h.ok('cases.close', close(id, { outcome, reference: outcome === 'expended' ? 'RAP-TIR-9' : '' }));
      expect([qty(h.db, lot, info('store'), 'A1'), outstanding(h.db, lot)]).toEqual([4_960, 0]);
    }
  });

  it('puts rounds back suspended when the lot was suspended meanwhile', async () => {
    const h = await signedIn('manager');
    const lot = info('lot');
    const { cases } = await shortReturn(h, (await issued(h)).id);
    await h.ok('ammo.recordInspection', { lotId: lot, date: today(), result: 'suspended', nextDue: '2099-12-31', notes: 'Amorces douteuses' });
    await h.ok('cases.close', close(cases[0]?.id ?? 0, { outcome: 'returned' }));
    expect(qty(h.db, lot, info('store'), 'A1', 'suspended')).toBe(4_970);
    expect(outstanding(h.db, lot)).toBe(0);
  });

  it('turns a weapon not returned into a loss report: lost, off the weapons-out register, voucher closed', async () => {
    const h = await signedIn('storekeeper');
    const w = info('w1');
    const voucher = await issue(h, info('officer'), [w], [], 1);
    const result = await h.ok('custody.return', { voucherId: voucher.id, weapons: [{ weaponId: w, returned: false }], magazinesReturned: 1 });
    const id = result.cases[0]?.id ?? 0;
    expect(result.cases.map((c) => [c.subject, c.weapon?.id])).toEqual([['weapon', w]]);
    expect((await h.ok('cases.get', { id })).outcomes).toEqual(['returned', 'loss']);
    expect((await h.ok('custody.out', {})).rows.map((r) => [r.weapon.id, r.caseId])).toEqual([[w, id]]);

    const still = await refused(h, 'cases.close', close(id, { outcome: 'returned' }), 'case_weapon_still_out');
    expect(still.fields).toEqual({ outcome: { code: 'case_weapon_still_out' } });
    await h.ok('cases.close', close(id, { outcome: 'loss', explanation: 'Arme perdue lors de l’intervention' }));

    const weapon = await h.ok('weapons.get', { id: w });
    expect(weapon.weapon.status).toBe('lost');
    expect(weapon.history.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['weapon.loss_reported', { weaponId: w, date: today(), circumstances: 'Arme perdue lors de l’intervention', reference: `case ${id}` }],
      ['case.closed', { caseId: id, outcome: 'loss', explanation: 'Arme perdue lors de l’intervention', reference: '' }],
    ]);
    const after = await h.ok('custody.voucher', { id: voucher.id });
    expect(after.weapons.map((l) => l.outcome)).toEqual(['lost']);
    expect(after.closed).toBe(true);
    expect((await h.ok('custody.out', {})).rows).toEqual([]);
  });

  it('closes a weapon case as returned only after the late return, and never as a loss then', async () => {
    const h = await signedIn('storekeeper');
    const w = info('w2');
    const voucher = await issue(h, info('officer'), [w], [], 0);
    const id = (await h.ok('custody.return', { voucherId: voucher.id, weapons: [{ weaponId: w, returned: false }] })).cases[0]?.id ?? 0;
    await h.ok('custody.return', { voucherId: voucher.id, weapons: [{ weaponId: w, returned: true, condition: 'repairable' }] });
    expect((await h.ok('cases.get', { id })).case.status).toBe('open');
    const back = await refused(h, 'cases.close', close(id, { outcome: 'loss' }), 'case_weapon_back');
    expect(back.fields).toEqual({ outcome: { code: 'case_weapon_back' } });
    const row = await h.ok('cases.close', close(id, { outcome: 'returned', explanation: 'Rapportée le lendemain par l’agent' }));
    expect(row).toMatchObject({ status: 'closed', outcome: 'returned' });
    expect((await h.ok('weapons.get', { id: w })).weapon.status).toBe('in_store');
  });

  it('records the conclusion only when the weapon was reported lost from its dossier meanwhile', async () => {
    const h = await signedIn('storekeeper');
    const w = info('w3');
    const voucher = await issue(h, info('officer'), [w], [], 0);
    const id = (await h.ok('custody.return', { voucherId: voucher.id, weapons: [{ weaponId: w, returned: false }] })).cases[0]?.id ?? 0;
    await h.ok('weapons.reportTheft', { weaponId: w, date: today(), circumstances: 'Volée au domicile de l’agent', reference: 'PV-77' });
    await refused(h, 'cases.close', close(id, { outcome: 'returned' }), 'case_outcome_invalid');
    await h.ok('cases.close', close(id, { outcome: 'loss' }));
    const history = (await h.ok('weapons.get', { id: w })).history.map((e) => e.type);
    expect(history.filter((t) => t === 'weapon.loss_reported')).toEqual([]);
    expect((await h.ok('weapons.get', { id: w })).weapon.status).toBe('stolen');
  });
});

describe('replay', () => {
  it('rebuilds cases, the stock they settle and the custody lines they end, exactly', async () => {
    const h = await signedIn('storekeeper');
    const a = openDirect(h, handoverWeapon(info('w4')));
    const b = openDirect(h, stockCheckWeapon(info('w3')));
    await h.ok('cases.update', { id: a, explanation: 'Recherches', ownerId: info('manager') });
    await h.ok('cases.close', close(a));
    await h.ok('cases.close', close(b, { outcome: 'loss' }));
    // rounds and magazines from a short return: one put back, one written off
    const [rounds, mags] = (await shortReturn(h, (await issued(h)).id)).cases as [CaseRow, CaseRow];
    await h.ok('cases.close', close(rounds.id, { outcome: 'returned' }));
    await h.ok('cases.close', close(mags.id, { outcome: 'loss' }));
    // a weapon not returned, written off; another returned late
    const lost = await issue(h, info('officer'), [info('w1'), info('w2')], [{ lotId: info('lot'), storeId: info('store'), bay: 'A1', quantity: 20 }], 0);
    const { cases } = await h.ok('custody.return', {
      voucherId: lost.id, weapons: [{ weaponId: info('w1'), returned: false }, { weaponId: info('w2'), returned: false }],
      rounds: [{ lotId: info('lot'), storeId: info('store'), bay: 'A1', returned: 0, expended: 0 }],
    });
    const [c1, c2, c3] = cases as [CaseRow, CaseRow, CaseRow];
    await h.ok('custody.return', { voucherId: lost.id, weapons: [{ weaponId: info('w2'), returned: true }] });
    await h.ok('cases.close', close(c1.id, { outcome: 'loss' }));
    await h.ok('cases.close', close(c2.id, { outcome: 'returned' }));
    await h.ok('cases.close', close(c3.id, { outcome: 'expended', reference: 'RAP-3' }));

    const types = new Set(eventRows(h.db).map((r) => r.type));
    for (const t of ['case.opened', 'case.updated', 'case.closed', 'weapon.loss_reported', 'custody.issued', 'custody.returned']) {
      expect(types.has(t), t).toBe(true);
    }
    expect(verifyDatabase(h.db).problems).toEqual([]);
    const rebuilt = replay(h.db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(h.db));
    rebuilt.close();
    expect(outstanding(h.db, info('lot'))).toBe(0);
    expect((await h.ok('cases.list', {})).map((c) => c.id)).toEqual([]);
  });
});
