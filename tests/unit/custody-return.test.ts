import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VoucherView } from '../../src/shared/contract/custody';
import { outstanding, qty, refused } from './support/ammunition';
import { checkout, creds, custodyWorld, infoOf, outCount, type ReturnArgs, weaponState } from './support/custody';
import { events } from './support/db';
import { disposeHarnesses, type Harness, Template } from './support/harness';
import { today } from './support/weapons';

let template: Template;
let id: (key: string) => number;

beforeAll(async () => {
  template = await Template.build(custodyWorld);
  id = infoOf(template.info);
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

/** A storekeeper's copy of the world with Sergent Bah holding r1 and p1 (2 magazines each), 60 rounds from A1 and 30 from A2. */
async function issued(): Promise<{ h: Harness; v: VoucherView; a1: Place; a2: Place }> {
  const h = template.copy();
  await h.login('storekeeper');
  const a1 = { lotId: id('lot'), storeId: id('store'), bay: 'A1' };
  const a2 = { ...a1, bay: 'A2' };
  const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r1'), id('p1')], { rounds: [{ ...a1, quantity: 60 }, { ...a2, quantity: 30 }] }));
  return { h, v, a1, a2 };
}

type Place = { lotId: number; storeId: number; bay: string };

/** Everything back: both weapons serviceable, every magazine, every round unexpended. */
const fullReturn = (v: VoucherView, a1: Place, a2: Place): ReturnArgs => ({
  voucherId: v.id,
  weapons: [{ weaponId: id('r1'), returned: true, condition: 'serviceable' }, { weaponId: id('p1'), returned: true, condition: 'serviceable' }],
  magazinesReturned: 4,
  rounds: [{ ...a1, returned: 60, expended: 0 }, { ...a2, returned: 30, expended: 0 }],
});

const lastEvents = (h: Harness, n: number) => events(h.db).slice(-n);

describe('a return that settles the voucher', () => {
  it('takes weapons back in their condition and rounds back to where they came from', async () => {
    const { h, v, a1, a2 } = await issued();
    const input = fullReturn(v, a1, a2);
    input.weapons = [{ weaponId: id('r1'), returned: true, condition: 'unserviceable' }, { weaponId: id('p1'), returned: true, condition: 'repairable' }];
    input.rounds = [{ ...a1, returned: 40, expended: 20 }, { ...a2, returned: 30, expended: 0 }];
    const { voucher, cases } = await h.ok('custody.return', { ...input, reference: 'CR-TIR-7', note: 'RAS' });
    const [e] = lastEvents(h, 1);
    expect(e?.type).toBe('custody.returned');
    expect(e?.data).toEqual({
      voucherId: v.id, settles: true,
      weapons: [{ weaponId: id('r1'), condition: 'unserviceable' }, { weaponId: id('p1'), condition: 'repairable' }], notReturned: [],
      magazinesReturned: 4, magazinesUnaccounted: 0,
      rounds: [
        { ...a1, returned: 40, expended: 20, unaccounted: 0, condition: 'serviceable' },
        { ...a2, returned: 30, expended: 0, unaccounted: 0, condition: 'serviceable' },
      ],
      reference: 'CR-TIR-7', note: 'RAS',
    });
    expect(cases).toEqual([]);
    expect([voucher.settled, voucher.closed, voucher.settledAt, voucher.reference, voucher.magazinesUnaccounted]).toEqual([true, true, e?.at, 'CR-TIR-7', 0]);
    expect(voucher.weapons.map((w) => [w.weapon.id, w.outcome, w.condition, w.returnedAt]).sort()).toEqual(
      [[id('r1'), 'returned', 'unserviceable', e?.at], [id('p1'), 'returned', 'repairable', e?.at]].sort(),
    );
    expect(weaponState(h, id('r1'))).toEqual({ status: 'unserviceable', condition: 'unserviceable' });
    expect(weaponState(h, id('p1'))).toEqual({ status: 'in_store', condition: 'repairable' });
    expect(outCount(h)).toBe(0);
    expect([qty(h.db, id('lot'), id('store'), 'A1'), qty(h.db, id('lot'), id('store'), 'A2'), outstanding(h.db, id('lot'))]).toEqual([980, 300, 0]);
    // a repairable weapon is back on the shelf but cannot go out again
    expect((await h.ok('custody.check', { code: voucher.weapons.find((w) => w.weapon.id === id('p1'))?.weapon.serial ?? '' }))[0]?.refusal?.code).toBe('weapon_not_serviceable');
  });

  it('reconciles issued = expended + returned + unaccounted and opens a rounds case for the rest', async () => {
    const { h, v, a1, a2 } = await issued();
    const input = { ...fullReturn(v, a1, a2), rounds: [{ ...a1, returned: 30, expended: 25 }, { ...a2, returned: 28, expended: 0 }], reference: 'TIR-9' };
    const { voucher, cases } = await h.ok('custody.return', input);
    expect(voucher.rounds.map((r) => [r.bay, r.issued, r.expended, r.returned, r.unaccounted])).toEqual([['A1', 60, 25, 30, 5], ['A2', 30, 0, 28, 2]]);
    for (const r of voucher.rounds) expect(r.issued).toBe(r.expended + r.returned + r.unaccounted);
    // returned rounds are back on the shelf; unaccounted ones stay outstanding until their cases close
    expect([qty(h.db, id('lot'), id('store'), 'A1'), qty(h.db, id('lot'), id('store'), 'A2'), outstanding(h.db, id('lot'))]).toEqual([970, 298, 7]);
    expect(cases.map((c) => [c.source, c.subject, c.lot?.id, c.quantity, c.voucherId, c.officer?.id, c.status])).toEqual([
      ['custody', 'rounds', id('lot'), 5, v.id, id('bah'), 'open'],
      ['custody', 'rounds', id('lot'), 2, v.id, id('bah'), 'open'],
    ]);
    expect(voucher.cases.map((c) => c.id)).toEqual(cases.map((c) => c.id));
    expect(lastEvents(h, 3).map((e) => e.type)).toEqual(['custody.returned', 'case.opened', 'case.opened']);
    expect([voucher.settled, voucher.closed]).toEqual([true, true]);
  });

  it('opens a magazines case for magazines not handed back', async () => {
    const { h, v, a1, a2 } = await issued();
    const { voucher, cases } = await h.ok('custody.return', { ...fullReturn(v, a1, a2), magazinesReturned: 3 });
    expect([voucher.magazines, voucher.magazinesReturned, voucher.magazinesUnaccounted]).toEqual([4, 3, 1]);
    expect(cases.map((c) => [c.subject, c.quantity, c.weapon, c.lot])).toEqual([['magazines', 1, null, null]]);
  });

  it('puts rounds back suspended when the lot was suspended meanwhile', async () => {
    const { h, v, a1, a2 } = await issued();
    await h.ok('ammo.recordInspection', { lotId: id('lot'), date: today(), result: 'suspended', nextDue: '2099-12-31', notes: 'Lot rappelé' });
    const before = qty(h.db, id('lot'), id('store'), 'A1', 'suspended');
    await h.ok('custody.return', fullReturn(v, a1, a2));
    expect(qty(h.db, id('lot'), id('store'), 'A1', 'suspended')).toBe(before + 60);
    expect(outstanding(h.db, id('lot'))).toBe(0);
  });
});

describe('a weapon not returned', () => {
  it('stays out with the officer, flagged with its case, until a late return closes the line', async () => {
    const { h, v, a1, a2 } = await issued();
    const input = fullReturn(v, a1, a2);
    input.weapons = [{ weaponId: id('r1'), returned: false }, { weaponId: id('p1'), returned: true, condition: 'serviceable' }];
    const { voucher, cases } = await h.ok('custody.return', input);
    const [weaponCase] = cases;
    expect(cases.map((c) => [c.subject, c.weapon?.id, c.quantity, c.voucherId, c.officer?.id])).toEqual([['weapon', id('r1'), 1, v.id, id('bah')]]);
    expect([voucher.settled, voucher.closed]).toEqual([true, false]);
    expect(voucher.weapons.find((w) => w.weapon.id === id('r1'))?.outcome).toBe('missing');
    expect(weaponState(h, id('r1')).status).toBe('issued');
    const out = await h.ok('custody.out', {});
    expect(out.rows.map((r) => [r.weapon.id, r.caseId])).toEqual([[id('r1'), weaponCase?.id]]);
    expect((await h.ok('custody.check', { code: out.rows[0]?.weapon.serial ?? '' }))[0]?.open?.voucherId).toBe(v.id);

    // after settling, only the missing weapon may come back, with nothing else
    const late = { voucherId: v.id, weapons: [{ weaponId: id('r1'), returned: true, condition: 'serviceable' as const }] };
    await refused(h, 'custody.return', { ...late, rounds: [{ ...a1, returned: 1, expended: 0 }] }, 'return_lines_mismatch');
    await refused(h, 'custody.return', { ...late, magazinesReturned: 1 }, 'return_lines_mismatch');
    await refused(h, 'custody.return', { ...late, weapons: [{ weaponId: id('p1'), returned: true }] }, 'return_lines_mismatch');
    await refused(h, 'custody.return', { ...late, weapons: [{ weaponId: id('r1'), returned: false }] }, 'return_lines_mismatch');

    const back = await h.ok('custody.return', late);
    expect(lastEvents(h, 1)[0]?.data).toMatchObject({ settles: false, weapons: [{ weaponId: id('r1'), condition: 'serviceable' }], notReturned: [], rounds: [] });
    expect([back.voucher.closed, back.cases]).toEqual([true, []]);
    expect(back.voucher.cases.map((c) => [c.id, c.status])).toEqual([[weaponCase?.id, 'open']]);
    expect(weaponState(h, id('r1')).status).toBe('in_store');
    expect(outCount(h)).toBe(0);
    await refused(h, 'custody.return', late, 'voucher_closed');
  });

  it('leaves the register when reported lost, closing the voucher with its last line', async () => {
    const { h, v, a1, a2 } = await issued();
    const input = fullReturn(v, a1, a2);
    input.weapons = [{ weaponId: id('r1'), returned: false }, { weaponId: id('p1'), returned: true }];
    await h.ok('custody.return', input);
    await h.ok('weapons.reportLoss', { weaponId: id('r1'), date: today(), circumstances: 'Perdue en patrouille' });
    const view = await h.ok('custody.voucher', { id: v.id });
    expect(view.weapons.find((w) => w.weapon.id === id('r1'))?.outcome).toBe('lost');
    expect([view.closed, outCount(h), weaponState(h, id('r1')).status]).toEqual([true, 0, 'lost']);
  });
});

describe('a loss or theft reported while out', () => {
  it('closes that custody line; the return then lists only the weapons still out', async () => {
    const { h, v, a1, a2 } = await issued();
    await h.ok('weapons.reportTheft', { weaponId: id('r1'), date: today(), circumstances: 'Arrachée lors d’une agression' });
    let view = await h.ok('custody.voucher', { id: v.id });
    expect(view.weapons.find((w) => w.weapon.id === id('r1'))).toMatchObject({ outcome: 'lost', condition: '' });
    expect([view.closed, outCount(h)]).toEqual([false, 1]);
    expect((await h.ok('custody.out', {})).rows.map((r) => r.weapon.id)).toEqual([id('p1')]);
    const input = fullReturn(v, a1, a2);
    await refused(h, 'custody.return', input, 'return_lines_mismatch');
    input.weapons = [{ weaponId: id('p1'), returned: true }];
    view = (await h.ok('custody.return', input)).voucher;
    expect([view.settled, view.closed]).toEqual([true, true]);
  });

  it('keeps a voucher whose only weapon is reported lost open until a return reconciles its magazines, then closes it', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const v = await h.ok('custody.issue', checkout(h, id('bah'), [id('r2')], { kind: 'assignment' }));
    await h.ok('weapons.reportLoss', { weaponId: id('r2'), date: today(), circumstances: 'Perdue en mission' });
    const view = await h.ok('custody.voucher', { id: v.id });
    expect([view.closed, view.settled, outCount(h), view.weapons[0]?.outcome]).toEqual([false, false, 0, 'lost']);
    // nothing is owed but the magazines: a return with no weapon line settles and closes it
    const r = await h.ok('custody.return', { voucherId: v.id, weapons: [], magazinesReturned: 2 });
    expect([r.voucher.settled, r.voucher.closed, r.cases]).toEqual([true, true, []]);
    expect(h.db.prepare('SELECT closed_seq FROM vouchers WHERE id = ?').get(v.id)).toEqual({ closed_seq: events(h.db).at(-1)?.seq });
    await refused(h, 'custody.return', { voucherId: v.id, weapons: [] }, 'voucher_closed');
  });
});

describe('return refusals', () => {
  it('refuses an unknown voucher, lines that do not match, amounts over the issue and expended rounds without a reference', async () => {
    const { h, v, a1, a2 } = await issued();
    const full = fullReturn(v, a1, a2);
    const e1 = await refused(h, 'custody.return', { ...full, voucherId: 999_999 }, 'voucher_not_found');
    expect(Object.keys(e1.fields ?? {})).toEqual(['voucherId']);
    const [r1, p1] = full.weapons as [ReturnArgs['weapons'][number], ReturnArgs['weapons'][number]];
    for (const weapons of [[r1], [r1, p1, { weaponId: id('r2'), returned: true }], [r1, r1, p1]]) {
      await refused(h, 'custody.return', { ...full, weapons }, 'return_lines_mismatch');
    }
    const [l1, l2] = full.rounds as [NonNullable<ReturnArgs['rounds']>[number], NonNullable<ReturnArgs['rounds']>[number]];
    for (const rounds of [[l1], [], [l1, l2, { ...a1, bay: 'A2', lotId: id('pistolLot'), returned: 0, expended: 0 }], [l1, l1], [l1, { ...l2, bay: '' }]]) {
      await refused(h, 'custody.return', { ...full, rounds }, 'return_lines_mismatch');
    }
    const e3 = await refused(h, 'custody.return', { ...full, rounds: [l1, { ...l2, returned: 20, expended: 11 }], reference: 'TIR' }, 'returned_exceeds_issued');
    expect([e3.params, e3.fields]).toEqual([{ issued: 30 }, { 'rounds.1.returned': { code: 'returned_exceeds_issued', params: { issued: 30 } } }]);
    const e4 = await refused(h, 'custody.return', { ...full, magazinesReturned: 5 }, 'returned_exceeds_issued');
    expect([e4.params, Object.keys(e4.fields ?? {})]).toEqual([{ issued: 4 }, ['magazinesReturned']]);
    const e5 = await refused(h, 'custody.return', { ...full, rounds: [{ ...l1, returned: 50, expended: 10 }, l2] }, 'reference_required');
    expect(Object.keys(e5.fields ?? {})).toEqual(['reference']);
    await h.ok('custody.return', full);
    const e6 = await refused(h, 'custody.return', full, 'voucher_closed');
    expect(e6.params).toEqual({ voucherNumber: v.number });
  });

  it('refuses an auditor', async () => {
    const { h, v, a1, a2 } = await issued();
    await h.ok('auth.logout', {});
    await h.login('auditor');
    await refused(h, 'custody.return', fullReturn(v, a1, a2), 'forbidden');
  });
});

describe('what the records show', () => {
  it("puts custody on the lot's stock card, with the rounds case closed as returned", async () => {
    const { h, v, a1, a2 } = await issued();
    const { cases } = await h.ok('custody.return', { ...fullReturn(v, a1, a2), rounds: [{ ...a1, returned: 50, expended: 0 }, { ...a2, returned: 30, expended: 0 }] });
    const [roundsCase] = cases;
    await h.ok('auth.logout', {});
    await h.login('manager');
    await h.ok('cases.close', { id: roundsCase?.id ?? 0, outcome: 'returned', explanation: 'Retrouvées dans le véhicule', approver: creds('manager') });
    const { lot, card } = await h.ok('lots.get', { id: id('lot') });
    expect(card.filter((l) => !l.type.startsWith('ammo.')).map((l) => [l.type, l.change])).toEqual([
      ['custody.issued', -90], ['custody.returned', 80], ['case.opened', 0], ['case.closed', 10],
    ]);
    expect(card.at(-1)?.balance).toBe(lot.total);
    expect(lot.total).toBe(1_300);
    expect(outstanding(h.db, id('lot'))).toBe(0);
  });

  it("puts custody in the weapon's history and the voucher's", async () => {
    const { h, v, a1, a2 } = await issued();
    const input = fullReturn(v, a1, a2);
    input.weapons = [{ weaponId: id('r1'), returned: false }, { weaponId: id('p1'), returned: true }];
    await h.ok('custody.return', input);
    const { history } = await h.ok('weapons.get', { id: id('r1') });
    expect(history.map((e) => e.type).slice(-3)).toEqual(['custody.issued', 'custody.returned', 'case.opened']);
    const voucherRefs = h.db.prepare("SELECT e.type FROM event_refs r JOIN events e ON e.seq = r.seq WHERE r.ref = ? ORDER BY e.seq").all(`v:${v.id}`);
    expect(voucherRefs).toEqual([{ type: 'custody.issued' }, { type: 'custody.returned' }, { type: 'case.opened' }]);
    const officer = h.db.prepare('SELECT COUNT(*) AS n FROM event_refs WHERE ref = ? AND seq >= ?').get(`o:${id('bah')}`, v.id);
    expect(officer).toEqual({ n: 3 });
  });
});
