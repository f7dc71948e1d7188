import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today as dayOf } from '../../src/main/core/ammunition/dates';
import { newStore, qty, receiveNew, refused } from './support/ammunition';
import { events } from './support/db';
import { addStaff, disposeHarnesses, Template, TestClock, USERS, type Harness } from './support/harness';
import { today } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => {
    await addStaff(h);
    return { storeA: await newStore(h, { code: 'MAG-A' }), storeB: await newStore(h, { code: 'MAG-B' }) };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);
const DAY = 86_400_000;

async function setup(role: 'manager' | 'storekeeper' = 'manager') {
  const clock = new TestClock();
  const h = template.copy({ clock });
  await h.login(role);
  return { h, clock, a: info('storeA'), b: info('storeB') };
}

/** Moves the store clock to a given calendar day (noon) and unlocks the idle-locked session. */
async function travelTo(h: Harness, clock: TestClock, day: string, role: 'manager' | 'storekeeper' = 'manager') {
  clock.t = new Date(`${day}T12:00:00`).getTime();
  // Days pass in one session: the 12-hour session limit is not under test here.
  if (h.app.session) h.app.session.startedAt = clock.t;
  await h.ok('auth.unlock', { password: USERS[role].password });
}

const autoEvents = (h: Harness) => events(h.db).filter((e) => e.type === 'ammo.auto_suspended');

describe('inspections', () => {
  it('record the dates and move serviceable stock to a result other than serviceable', async () => {
    const { h, a, b } = await setup();
    const lotId = await receiveNew(h, a, 600);
    await h.ok('ammo.move', { lotId, from: { storeId: a, bay: 'A1' }, to: { storeId: b, bay: '' }, condition: 'serviceable', quantity: 200 });
    await h.ok('ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A1' }, from: 'serviceable', to: 'suspended', quantity: 50, reason: 'Humidité' });
    const e = await refused(h, 'ammo.recordInspection', { lotId, date: today(), result: 'repairable', nextDue: today() }, 'inspection_next_due');
    expect(e.fields).toEqual({ nextDue: { code: 'inspection_next_due' } });
    await h.ok('ammo.recordInspection', { lotId, date: today(), result: 'repairable', nextDue: '2099-06-30', notes: 'Étuis oxydés' });
    const lot = (await h.ok('lots.get', { id: lotId })).lot;
    expect([lot.lastInspection, lot.nextInspection, lot.suspended]).toEqual([today(), '2099-06-30', false]);
    expect(lot.onHand).toEqual({ repairable: 550, suspended: 50 });
    expect(qty(h.db, lotId, b, '', 'repairable')).toBe(200);
  });

  it('suspend a lot as a whole until an inspection finds it serviceable', async () => {
    const { h, a } = await setup();
    const lotId = await receiveNew(h, a, 300);
    await h.ok('ammo.issue', { lotId, place: { storeId: a, bay: 'A1' }, quantity: 100, recipient: { kind: 'unit', name: 'Section' } });
    await h.ok('ammo.recordInspection', { lotId, date: today(), result: 'suspended', nextDue: '2099-01-01' });
    let lot = (await h.ok('lots.get', { id: lotId })).lot;
    expect([lot.suspended, lot.suspensionReason, lot.onHand]).toEqual([true, 'inspection', { suspended: 200 }]);
    const e = await refused(h, 'ammo.issue', { lotId, place: { storeId: a, bay: 'A1' }, quantity: 1, recipient: { kind: 'unit', name: 'Section' } }, 'issue_not_serviceable');
    expect(e.params).toEqual({ condition: 'suspended' });
    await refused(h, 'ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A1' }, from: 'suspended', to: 'serviceable', quantity: 1, reason: 'Essai' }, 'lot_suspended');
    // what comes back or in stays suspended with the rest of the lot
    await h.ok('ammo.return', { lotId, place: { storeId: a, bay: 'A1' }, quantity: 40, from: 'Section' });
    await h.ok('ammo.receive', { lotId, place: { storeId: a, bay: 'A2' }, quantity: 10, date: today(), source: 'Reliquat' });
    expect((await h.ok('lots.get', { id: lotId })).lot.onHand).toEqual({ suspended: 250 });
    expect(await h.ok('lots.suggest', { calibre: '7.62x39mm' })).toEqual([]);
    expect((await h.ok('lots.list', { suspendedOnly: true })).map((l) => l.id)).toEqual([lotId]);
    await h.ok('ammo.recordInspection', { lotId, date: today(), result: 'serviceable', nextDue: '2099-01-01' });
    lot = (await h.ok('lots.get', { id: lotId })).lot;
    expect([lot.suspended, lot.suspensionReason, lot.onHand]).toEqual([false, '', { serviceable: 250 }]);
    expect(await h.ok('lots.list', { suspendedOnly: true })).toEqual([]);
  });
});

describe('automatic suspension', () => {
  it('suspends a lot overdue past twice its interval, once, from the dashboard', async () => {
    const { h, clock, a, b } = await setup();
    const start = dayOf(clock.now());
    const next = addDays(start, 10);
    const lotId = await receiveNew(h, a, 500, { nextInspection: next, inspectionIntervalMonths: 1 });
    await h.ok('ammo.move', { lotId, from: { storeId: a, bay: 'A1' }, to: { storeId: b, bay: 'A2' }, condition: 'serviceable', quantity: 100 });
    await h.ok('ammo.changeCondition', { lotId, place: { storeId: a, bay: 'A1' }, from: 'serviceable', to: 'repairable', quantity: 20, reason: 'Abîmées' });
    let board = await h.ok('ammo.dashboard', {});
    expect(board.autoSuspended).toEqual([]);
    expect(board.dueWithin30Days.map((l) => [l.id, l.inspectionDue, l.inspectionOverdue])).toEqual([[lotId, true, false]]);

    const limit = addMonths(next, 2);
    await travelTo(h, clock, limit);
    board = await h.ok('ammo.dashboard', {});
    expect(board.autoSuspended).toEqual([]);
    expect(board.dueWithin30Days[0]?.inspectionOverdue).toBe(true);

    await travelTo(h, clock, addDays(limit, 1));
    board = await h.ok('ammo.dashboard', {});
    expect(board.autoSuspended).toEqual([lotId]);
    expect(board.suspended.map((l) => [l.id, l.suspended, l.suspensionReason, l.onHand])).toEqual([
      [lotId, true, 'inspection_overdue', { repairable: 20, suspended: 480 }],
    ]);
    const [event, ...more] = autoEvents(h);
    expect(more).toEqual([]);
    expect(event?.actor).toBe(1);
    expect(event?.data).toEqual({
      lotId, reason: 'inspection_overdue', lastInspection: '', nextInspection: next, intervalMonths: 1,
      moved: [
        { storeId: a, bay: 'A1', from: 'serviceable', to: 'suspended', quantity: 380 },
        { storeId: b, bay: 'A2', from: 'serviceable', to: 'suspended', quantity: 100 },
      ],
    });

    await travelTo(h, clock, addDays(limit, 40));
    expect((await h.ok('ammo.dashboard', {})).autoSuspended).toEqual([]);
    expect(autoEvents(h)).toHaveLength(1);
  });

  it('runs at login, as the account signing in', async () => {
    const { h, clock, a } = await setup();
    const lotId = await receiveNew(h, a, 50, { lastInspection: '2020-01-15', inspectionIntervalMonths: 6 });
    const other = await receiveNew(h, a, 50, { lastInspection: '', nextInspection: '', inspectionIntervalMonths: 6 });
    // next inspection defaults to last + one interval; suspension comes after next + two intervals
    expect((await h.ok('lots.get', { id: lotId })).lot.nextInspection).toBe('2020-07-15');
    expect(autoEvents(h)).toEqual([]);
    clock.advance(DAY);
    await h.login('storekeeper');
    const all = events(h.db);
    const login = all.findLast((e) => e.type === 'session.login');
    const [auto] = autoEvents(h);
    expect(auto?.seq).toBe((login?.seq ?? 0) + 1);
    expect(auto?.actor).toBe(login?.actor);
    expect(auto?.data).toMatchObject({ lotId, nextInspection: '2020-07-15', intervalMonths: 6 });
    expect(qty(h.db, lotId, a, 'A1', 'suspended')).toBe(50);
    // a lot without any inspection date is never suspended automatically
    await travelTo(h, clock, '2090-01-01', 'storekeeper');
    await h.login('manager');
    expect(autoEvents(h)).toHaveLength(1);
    expect(qty(h.db, other, a, 'A1')).toBe(50);
  });

  it('can suspend a lot again after an inspection releases it and the next one is missed', async () => {
    const { h, clock, a } = await setup();
    const lotId = await receiveNew(h, a, 10, { lastInspection: '2019-03-01', inspectionIntervalMonths: 12 });
    expect((await h.ok('ammo.dashboard', {})).autoSuspended).toEqual([lotId]);
    const next = addDays(today(), 1);
    await h.ok('ammo.recordInspection', { lotId, date: today(), result: 'serviceable', nextDue: next });
    expect((await h.ok('ammo.dashboard', {})).autoSuspended).toEqual([]);
    await travelTo(h, clock, addDays(addMonths(next, 24), 1));
    expect((await h.ok('ammo.dashboard', {})).autoSuspended).toEqual([lotId]);
    expect(autoEvents(h)).toHaveLength(2);
  });

  it('lists as due only lots holding stock whose next inspection is within 30 days or past', async () => {
    const { h, clock, a } = await setup();
    const start = dayOf(clock.now());
    const due = await receiveNew(h, a, 10, { nextInspection: addDays(start, 30) });
    await receiveNew(h, a, 10, { nextInspection: addDays(start, 31) });
    const empty = await receiveNew(h, a, 10, { nextInspection: addDays(start, 5) });
    await h.ok('ammo.reportLoss', { lotId: empty, place: { storeId: a, bay: 'A1' }, condition: 'serviceable', quantity: 10, date: today(), circumstances: 'Perte' });
    expect((await h.ok('ammo.dashboard', {})).dueWithin30Days.map((l) => l.id)).toEqual([due]);
    expect((await h.ok('lots.list', { dueOnly: true })).map((l) => l.id)).toEqual([due]);
  });
});

describe('the suggested lot when issuing', () => {
  it('is the oldest serviceable lot of the calibre, never a suspended one', async () => {
    const { h, a, b } = await setup();
    const y2012 = await receiveNew(h, a, 10, { yearOfManufacture: 2012 });
    const y2008 = await receiveNew(h, a, 10, { yearOfManufacture: 2008 });
    const unknown = await receiveNew(h, a, 10, { yearOfManufacture: null });
    const y2008b = await receiveNew(h, b, 10, { yearOfManufacture: 2008 });
    const old = await receiveNew(h, a, 10, { yearOfManufacture: 1990 });
    await receiveNew(h, a, 10, { yearOfManufacture: 1980, calibre: '9x19mm' });
    const repairable = await receiveNew(h, a, 10, { yearOfManufacture: 1985 });
    await h.ok('ammo.changeCondition', { lotId: repairable, place: { storeId: a, bay: 'A1' }, from: 'serviceable', to: 'repairable', quantity: 10, reason: 'Usure' });
    await h.ok('ammo.recordInspection', { lotId: old, date: today(), result: 'suspended', nextDue: '2099-01-01' });
    const ids = async (q: { calibre: string; storeId?: number }) => (await h.ok('lots.suggest', q)).map((l) => l.id);
    expect(await ids({ calibre: ' 7.62X39MM ' })).toEqual([y2008, y2008b, y2012, unknown]);
    expect(await ids({ calibre: '7.62x39mm', storeId: b })).toEqual([y2008b]);
    expect((await ids({ calibre: '' })).length).toBe(5);
  });
});
