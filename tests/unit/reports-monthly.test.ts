// The monthly return's months are the PC's local months: this file runs one hour ahead of UTC
// (no daylight saving), so a month starts at 23:00 UTC the day before.
const zone = process.env.TZ;
process.env.TZ = 'Africa/Lagos';

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReturn } from '../../src/shared/contract/reports';
import type { WeaponType } from '../../src/shared/domain/enums';
import { AMMO_COLUMNS, AMMO_NO_STOCK_CHANGE } from '../../src/main/core/reports/month';
import { approver, lotInput, receiveNew } from './support/ammunition';
import { events } from './support/db';
import { addStaff, disposeHarnesses, freshArmoury, TestClock, type Harness } from './support/harness';
import { act } from './support/lifecycle';
import { ammoClosing, Ledger, roundsInStores, sumOf, weaponClosing, weaponsOnCharge } from './support/reports';
import { today, weaponInput } from './support/weapons';

const HOUR = 3_600_000;
/** The months the journal spans, by index: setup in December, then January to March (the running month). */
const MONTHS = [[2024, 12], [2025, 1], [2025, 2], [2025, 3]] as const;
const DEC = 0, JAN = 1, FEB = 2, MAR = 3;
const local = (year: number, month: number, day: number) => new Date(year, month - 1, day, 9).getTime();

const BALL = { nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm' };
const PARA = { nature: 'Cartouche 9x19 mm', calibre: '9x19mm' };
const HEAVY = { nature: 'Cartouche 12,7x99 mm', calibre: '12.7x99mm' };

let h: Harness;
const ledger = new Ledger();
/** Seq of the shotgun registered at 23:30 UTC on 28 February: 00:30 on 1 March, local time. */
let shotgunSeq = 0;

/**
 * One journal over four months, through the router, each movement noted in the ledger as the
 * test meant it: weapons registered, transferred in and out, lost, stolen, recovered, destroyed,
 * deactivated, issued and returned, one reclassified by a type correction; rounds received,
 * issued and returned (to units and on vouchers), expended, lost, destroyed, transferred in and
 * out, adjusted, moved and re-conditioned, and rounds unaccounted on a voucher brought back by
 * closing their case.
 */
beforeAll(async () => {
  const clock = new TestClock(local(2024, 12, 10));
  h = await freshArmoury({ clock });
  const at = (t: number) => {
    clock.t = t;
    if (h.app.session) h.app.session.lastActivity = t;
    // Months pass: the same manager, as if signed in again (the 12-hour session limit is not under test).
    if (h.app.session) h.app.session.startedAt = t;
  };
  const date = today();
  const second = approver('storekeeper');
  const ok = async (r: Promise<{ ok: boolean }>) => expect((await r).ok, JSON.stringify(await r)).toBe(true);
  const register = async (month: number, type: WeaponType) => {
    const w = await h.ok('weapons.register', weaponInput({ type }));
    ledger.weaponIn(month, w.id, type);
    return w.id;
  };

  // December: the armoury as it starts
  await addStaff(h);
  const store = (await h.ok('stores.create', { code: 'MAG-1', name: 'Magasin principal', bays: ['A1', 'A2'], licence: { maxNeqKg: { '1.4': 10_000 }, authority: 'DM', reference: 'LIC-1', expiry: '2099-12-31' } })).id;
  const officer = (await h.ok('officers.register', { serviceNumber: 'MLP-M-01', name: 'Sergent Mensuel', rank: 'Sergent', unit: 'CSP Kati', agency: 'police' })).id;
  for (const weaponType of ['assault_rifle', 'pistol'] as const) await h.ok('officers.authorise', { id: officer, weaponType, expires: '2099-12-31', reference: 'HAB-M' });
  const [r1, r2, r3, r4, r5] = [await register(DEC, 'assault_rifle'), await register(DEC, 'assault_rifle'), await register(DEC, 'assault_rifle'), await register(DEC, 'assault_rifle'), await register(DEC, 'assault_rifle')];
  const [p1, p2] = [await register(DEC, 'pistol'), await register(DEC, 'pistol')];
  const ball = await receiveNew(h, store, 1000, { ...BALL, lotNumber: 'BALL-1' }, 'A1');
  ledger.rounds(DEC, BALL, 'receipts', 1000);
  const para = await receiveNew(h, store, 500, { ...PARA, lotNumber: 'PARA-1' }, 'A2');
  ledger.rounds(DEC, PARA, 'receipts', 500);
  const A1 = { storeId: store, bay: 'A1' };
  const A2 = { storeId: store, bay: 'A2' };

  // January
  at(local(2025, 1, 15));
  await register(JAN, 'assault_rifle');
  await register(JAN, 'assault_rifle');
  const p3 = (await h.ok('weapons.transferIn', { ...weaponInput({ type: 'pistol' }), transferId: 'TR-IN-1', fromArmoury: 'ML-KYS-01' })).id;
  ledger.weaponIn(JAN, p3, 'pistol');
  await ok(act(h, 'loss', r1));
  ledger.weapon(JAN, r1, 'losses');
  await ok(act(h, 'theft', p1));
  ledger.weapon(JAN, p1, 'losses');
  await ok(act(h, 'maintenance_out', r3));
  const voucher = await h.ok('custody.issue', {
    kind: 'checkout', officerId: officer, weapons: [{ weaponId: r2, magazines: 2 }], rounds: [{ lotId: ball, ...A1, quantity: 100 }],
    duty: 'Patrouille', expectedReturn: new Date(clock.t + 8 * HOUR).toISOString(), acknowledgement: 'MLP-M-01',
  });
  ledger.weapon(JAN, r2, 'issued');
  ledger.rounds(JAN, BALL, 'issued', 100);
  at(clock.t + 6 * HOUR);
  const returned = await h.ok('custody.return', {
    voucherId: voucher.id, weapons: [{ weaponId: r2, returned: true, condition: 'serviceable' }], magazinesReturned: 2,
    rounds: [{ lotId: ball, ...A1, returned: 60, expended: 30 }], reference: 'CR-TIR-1',
  });
  ledger.weapon(JAN, r2, 'returned');
  ledger.rounds(JAN, BALL, 'returned', 60);
  const roundsCase = returned.cases[0]?.id ?? expect.fail('no case for the 10 rounds unaccounted');
  await h.ok('ammo.receive', { lotId: ball, place: A1, quantity: 200, date, source: 'Complément' });
  ledger.rounds(JAN, BALL, 'receipts', 200);
  await receiveNew(h, store, 150, { ...BALL, lotNumber: 'BALL-2' }, 'A2');
  ledger.rounds(JAN, BALL, 'receipts', 150);
  await h.ok('ammo.issue', { lotId: para, place: A2, quantity: 50, recipient: { kind: 'unit', name: 'Peloton 1' } });
  ledger.rounds(JAN, PARA, 'issued', 50);
  await h.ok('ammo.return', { lotId: para, place: A2, quantity: 20, from: 'Peloton 1' });
  ledger.rounds(JAN, PARA, 'returned', 20);
  await h.ok('ammo.expend', { lotId: para, quantity: 30, purpose: 'training', reference: 'TIR-1' });
  await h.ok('ammo.move', { lotId: ball, from: A1, to: A2, condition: 'serviceable', quantity: 100 });
  await h.ok('ammo.reportLoss', { lotId: ball, place: A1, condition: 'serviceable', quantity: 5, date, circumstances: 'Boîte manquante' });
  ledger.rounds(JAN, BALL, 'losses', 5);

  // February
  at(local(2025, 2, 12));
  await ok(act(h, 'recovery', r1));
  ledger.weapon(FEB, r1, 'receipts');
  await ok(act(h, 'destruction', p2, second));
  ledger.weapon(FEB, p2, 'destroyed');
  await ok(act(h, 'deactivation', r4, second));
  ledger.weapon(FEB, r4, 'destroyed');
  await ok(act(h, 'transfer_out', r5));
  ledger.weapon(FEB, r5, 'transferredOut');
  await h.ok('weapons.correct', { weaponId: r3, field: 'type', value: 'rifle', reason: 'Fusil semi-automatique, pas un fusil d’assaut' });
  ledger.retype(FEB, r3, 'rifle');
  await h.ok('cases.close', { id: roundsCase, outcome: 'returned', explanation: 'Retrouvées dans le casier', approver: approver('manager') });
  ledger.rounds(FEB, BALL, 'returned', 10);
  await h.ok('ammo.destroy', { lotId: ball, place: A1, condition: 'serviceable', quantity: 10, date, method: 'Brûlage', certificate: 'PVD-9', approver: second });
  ledger.rounds(FEB, BALL, 'destroyed', 10);
  await h.ok('ammo.transferOut', { lotId: para, place: A2, condition: 'serviceable', quantity: 20, date, transferId: 'TR-OUT-2', toArmoury: 'ML-GAO-01' });
  ledger.rounds(FEB, PARA, 'transferredOut', 20);
  const heavy = (await h.ok('ammo.transferIn', { lot: lotInput({ ...HEAVY, lotNumber: 'BMG-1' }), place: A1, quantity: 300, date, transferId: 'TR-IN-3', fromArmoury: 'ML-KYS-01' })).lotId;
  ledger.rounds(FEB, HEAVY, 'receipts', 300);
  await h.ok('ammo.adjust', { lotId: ball, place: A1, condition: 'serviceable', delta: -3, reason: 'Écart de comptage', approver: second });
  ledger.rounds(FEB, BALL, 'adjusted', -3);
  await h.ok('ammo.adjust', { lotId: para, place: A2, condition: 'serviceable', delta: 2, reason: 'Écart de comptage', approver: second });
  ledger.rounds(FEB, PARA, 'adjusted', 2);
  await h.ok('ammo.changeCondition', { lotId: ball, place: A1, from: 'serviceable', to: 'repairable', quantity: 10, reason: 'Corrosion' });
  // 23:30 UTC on the last day of February is already March on this PC
  at(Date.UTC(2025, 1, 28, 23, 30));
  shotgunSeq = await register(MAR, 'shotgun');

  // March, the running month
  at(local(2025, 3, 5));
  await h.ok('custody.issue', {
    kind: 'checkout', officerId: officer, weapons: [{ weaponId: p3, magazines: 1 }], rounds: [{ lotId: para, ...A2, quantity: 40 }],
    duty: 'Escorte', expectedReturn: new Date(clock.t + 8 * HOUR).toISOString(), acknowledgement: 'MLP-M-01',
  });
  ledger.weapon(MAR, p3, 'issued');
  ledger.rounds(MAR, PARA, 'issued', 40);
  await h.ok('ammo.issue', { lotId: heavy, place: A1, quantity: 10, recipient: { kind: 'unit', name: 'Section appui' } });
  ledger.rounds(MAR, HEAVY, 'issued', 10);
});
afterAll(() => {
  h.dispose();
  disposeHarnesses();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const monthly = (i: number): Promise<MonthlyReturn> => {
  const [year, month] = MONTHS[i] ?? expect.fail(`no month ${i}`);
  return h.ok('reports.monthly', { year, month });
};

describe('the monthly return', () => {
  it('reads each month exactly as the journal built it, opening + movements = closing on every line', async () => {
    for (const i of [DEC, JAN, FEB, MAR]) {
      const r = await monthly(i);
      expect(r.weapons, `weapons, month ${i}`).toEqual(ledger.weaponLines(i));
      expect(r.ammunition, `ammunition, month ${i}`).toEqual(ledger.ammoLines(i));
      for (const l of r.weapons) expect(l.closing).toBe(weaponClosing(l));
      for (const l of r.ammunition) expect(l.closing).toBe(ammoClosing(l));
      expect(r.weaponTotals).toEqual(sumOf(r.weapons));
      expect(r.ammunitionTotals).toEqual(sumOf(r.ammunition));
    }
    // a few figures written out, as a reader of the paper would check them
    const feb = await monthly(FEB);
    expect(feb.weapons.map((l) => [l.type, l.opening, l.receipts, l.losses, l.destroyed, l.transferredOut, l.closing])).toEqual([
      ['pistol', 2, 0, 0, 1, 0, 1],
      ['rifle', 1, 0, 0, 0, 0, 1],
      ['assault_rifle', 5, 1, 0, 1, 1, 4],
    ]);
    expect(feb.ammunition.find((l) => l.nature === BALL.nature)).toMatchObject({ opening: 1000 - 100 + 60 + 200 + 150 - 5, returned: 10, destroyed: 10, adjusted: -3, closing: 1302 });
    const jan = await monthly(JAN);
    expect(jan.weapons.find((l) => l.type === 'assault_rifle')).toMatchObject({ opening: 5, receipts: 2, issued: 1, returned: 1, losses: 1, closing: 6 });
  });

  it('opens each month on the closing of the month before (a corrected type moves its weapon from the month of the correction)', async () => {
    for (const i of [JAN, FEB, MAR]) {
      const before = await monthly(i - 1);
      const r = await monthly(i);
      expect(r.weaponTotals.opening).toBe(before.weaponTotals.closing);
      expect(r.ammunitionTotals.opening).toBe(before.ammunitionTotals.closing);
      for (const l of r.ammunition) expect(l.opening).toBe(before.ammunition.find((b) => b.nature === l.nature && b.calibre === l.calibre)?.closing ?? 0);
      for (const l of r.weapons) {
        const closed = before.weapons.find((b) => b.type === l.type)?.closing ?? 0;
        // r3 was an assault rifle at the end of January and a rifle from February on
        const moved = i === FEB ? ({ rifle: 1, assault_rifle: -1 } as Partial<Record<WeaponType, number>>)[l.type] ?? 0 : 0;
        expect(l.opening, `${l.type}, month ${i}`).toBe(closed + moved);
      }
    }
  });

  it('closes the running month on the projections: weapons on charge by type, rounds in the stores by nature', async () => {
    const r = await monthly(MAR);
    expect(Object.fromEntries(r.weapons.filter((l) => l.closing !== 0).map((l) => [l.type, l.closing]))).toEqual(weaponsOnCharge(h.db));
    expect(Object.fromEntries(r.ammunition.filter((l) => l.closing !== 0).map((l) => [`${l.nature}|${l.calibre}`, l.closing]))).toEqual(roundsInStores(h.db));
    expect(r.throughSeq).toBe(h.head().seq);
    expect(r.head).toEqual(h.head());
  });

  it('bounds months in the PC’s local time and names the last event it counted', async () => {
    const feb = await monthly(FEB);
    const mar = await monthly(MAR);
    expect([feb.from, feb.to, mar.from]).toEqual(['2025-01-31T23:00:00.000Z', '2025-02-28T23:00:00.000Z', '2025-02-28T23:00:00.000Z']);
    expect(events(h.db).find((e) => e.seq === shotgunSeq)?.at).toBe('2025-02-28T23:30:00.000Z');
    expect(feb.weapons.map((l) => l.type)).not.toContain('shotgun');
    expect(mar.weapons.find((l) => l.type === 'shotgun')).toMatchObject({ opening: 0, receipts: 1, closing: 1 });
    expect(feb.throughSeq).toBe(shotgunSeq - 1);
    expect(Math.max(...events(h.db).filter((e) => e.at < feb.from).map((e) => e.seq))).toBe((await monthly(JAN)).throughSeq);
  });

  it('is empty before the armoury existed and carries everything into a month still to come', async () => {
    const before = await h.ok('reports.monthly', { year: 2024, month: 11 });
    expect([before.weapons, before.ammunition, before.throughSeq]).toEqual([[], [], 0]);
    expect(before.weaponTotals.closing + before.ammunitionTotals.closing).toBe(0);
    const mar = await monthly(MAR);
    const april = await h.ok('reports.monthly', { year: 2025, month: 4 });
    expect(april.weapons).toEqual(mar.weapons.map((l) => ({ ...l, opening: l.closing, receipts: 0, issued: 0, returned: 0, losses: 0, destroyed: 0, transferredOut: 0 })));
    expect(april.ammunitionTotals).toMatchObject({ opening: mar.ammunitionTotals.closing, closing: mar.ammunitionTotals.closing, issued: 0, adjusted: 0 });
  });

  it('can be read by an auditor, and refuses a month that does not exist', async () => {
    await h.login('auditor');
    expect((await monthly(JAN)).weapons.length).toBeGreaterThan(0);
    expect((await h.fail('reports.monthly', { year: 2025, month: 13 })).code).toBe('invalid_input');
    await h.login('manager');
  });

  it('counts every ammo.* event docs/journal.md lists, or says why it changes nothing in the stores', () => {
    const documented = new Set(readFileSync('docs/journal.md', 'utf8').match(/`ammo\.[a-z_]+`/g)?.map((t) => t.slice(1, -1)));
    expect(documented.size).toBeGreaterThanOrEqual(13);
    expect([...documented].sort()).toEqual([...Object.keys(AMMO_COLUMNS), ...AMMO_NO_STOCK_CHANGE].sort());
  });
});
