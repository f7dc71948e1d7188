import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts } from '../../src/main/core/commission/alerts';
import { trace } from '../../src/main/core/commission/queries';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/accounts';
import { normalizeKey } from '../../src/shared/domain/normalize';
import { TAMPER_REASONS } from '../../src/shared/domain/snapshot';
import type { NationalWeapon } from '../../src/shared/contract/commission';
import { disposeHarnesses, Harness, scratchDir, TestClock } from './support/harness';
import { armouryNamed, enrolArmouryOf, exportFrom, freshCommission, importFiles } from './support/commission';
import { today, weaponInput } from './support/weapons';

const DAY = 86_400_000;

/** Identifiers full of what people type: LIKE wildcards, quotes, FTS5 syntax (as search-syntax.test.ts). */
const ODD: [string, string][] = [
  ['ML-PN-0001', 'A%B_C-01'], ['ML-PN-0002', "X'Y\"Z-02"], ['ML-PN-0004', 'AND-OR-NOT-04'], ['ML-PN-0005', 'NEAR(5)-05'],
  ['ML-PN-0006', 'ST*R^-06'], ['ML-PN-0007', 'CO:LON-07'], ['ML-PN-0009', 'QU"OTE-09'], ['ML-GN-0016', 'E\u0301CLAIR-16'],
];
const QUERIES = ['A%B', 'B_C', "X'Y", 'Y"Z', '"-0', 'AND', '-OR-', 'NEAR(', '(5)', 'ST*', 'R^-', 'CO:', 'U"O', 'AK47 OR X', '"AK47"', 'keys:AK4', 'éclair', 'ÉCLAIR'];

let c: Harness;
let commissionClock: TestClock;
let all: NationalWeapon[];
const ids: Record<string, number> = {};

beforeAll(async () => {
  commissionClock = new TestClock();
  c = await freshCommission({ clock: commissionClock });
  // One clock for all three, never moved here: alert delays below count whole days from it.
  const a = await armouryNamed('ML-BKO-01', { clock: commissionClock });
  const b = await armouryNamed('ML-KTI-02', { clock: commissionClock, agency: 'gendarmerie' });
  await enrolArmouryOf(c, a);
  await enrolArmouryOf(c, b);
  for (const [nationalCode, serial] of ODD) await a.ok('weapons.register', weaponInput({ nationalCode, serial }));
  const lost = await a.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-L001', serial: 'LOST-001', model: 'PA "MAS" 50' }));
  await a.ok('weapons.reportLoss', { weaponId: lost.id, date: today(), circumstances: '=1+2 perdue', reference: '@SUM(A1)' });
  const stolen = await a.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-S001', serial: '-STOLEN', type: 'pistol' }));
  await a.ok('weapons.reportTheft', { weaponId: stolen.id, date: today(), circumstances: 'Effraction du magasin', reference: 'PV-77' });
  // Moved to Kati and received there.
  const moved = weaponInput({ nationalCode: 'ML-PN-T001', serial: 'MOVED-001' });
  const out = await a.ok('weapons.register', moved);
  await a.ok('weapons.transferOut', { weaponId: out.id, date: today(), transferId: 'TR-2024-7', toArmoury: 'ML-KTI-02', document: 'BT-7' });
  const received = await b.ok('weapons.transferIn', { ...moved, acquisitionMode: 'transfer_in', transferId: 'tr-2024-7', fromArmoury: 'ML-BKO-01', document: 'BT-7' });
  // Sent to Gao, never received.
  const lostInTransit = await a.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-T002', serial: 'GONE-002' }));
  await a.ok('weapons.transferOut', { weaponId: lostInTransit.id, date: today(), transferId: 'TR-2024-9', toArmoury: 'ML-GAO-01' });
  // The same weapon held in both: same national code; and a same make + serial under another code.
  const twice = await a.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-D001', serial: 'DOUBLE-001' }));
  const again = await b.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-D001', serial: 'OTHER-001' }));
  const bySerial = await a.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN-E001', serial: 'SAME-SERIAL', manufacturer: 'Beretta' }));
  const bySerialB = await b.ok('weapons.register', weaponInput({ nationalCode: 'ML-GN-E002', serial: 'same-serial', manufacturer: 'BERETTA' }));
  Object.assign(ids, {
    lost: lost.id, stolen: stolen.id, out: out.id, received: received.id, gone: lostInTransit.id, twice: twice.id, again: again.id,
    bySerial: bySerial.id, bySerialB: bySerialB.id,
  });
  const fa = await exportFrom(a, scratchDir());
  const fb = await exportFrom(b, scratchDir());
  // A copy of A's file damaged on the stick: rejected, and a tampering alert.
  const damaged = Buffer.from(fa.bytes);
  const middle = Math.floor(damaged.length / 2);
  damaged.writeUInt8(damaged.readUInt8(middle) ^ 0x20, middle);
  const results = await importFiles(c, [fa, fb, { ...fa, name: 'ML-BKO-01-copie.gsnap', bytes: damaged }]);
  expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'rejected']);
  all = (await c.ok('commission.weapons', { limit: 500 })).rows;
}, 60_000);
afterAll(disposeHarnesses);

describe('national register views', () => {
  it('lists every armoury’s weapons with filters and paging', async () => {
    expect(all.length).toBe(ODD.length + 7 + 2);
    const a = await c.ok('commission.weapons', { armoury: 'ML-KTI-02' });
    expect(a.total).toBe(3);
    expect(a.rows.every((w) => w.armoury === 'ML-KTI-02')).toBe(true);
    expect((await c.ok('commission.weapons', { status: 'lost' })).rows.map((w) => w.id)).toEqual([ids.lost]);
    expect((await c.ok('commission.weapons', { type: 'pistol' })).rows.map((w) => w.serial)).toEqual(['-STOLEN']);
    expect((await c.ok('commission.weapons', { agency: 'gendarmerie' })).total).toBe(0);
    const page = await c.ok('commission.weapons', { offset: 2, limit: 3 });
    expect(page).toEqual({ total: all.length, rows: all.slice(2, 5) });
    expect(all[0]).toEqual({
      armoury: 'ML-BKO-01', id: expect.any(Number), nationalCode: 'ML-PN-0001', serial: 'A%B_C-01', manufacturer: 'Norinco', model: 'Type 56',
      type: 'assault_rifle', calibre: '7.62x39mm', agency: 'police', status: 'in_store', countryOfManufacture: 'CN', yearOfManufacture: 1985,
      registeredAt: expect.any(String),
    });
  });

  it('lists the armouries with their last snapshot', async () => {
    const list = await c.ok('commission.armouries', {});
    expect(list.map((a) => [a.code, a.lastNumber, a.weapons, a.region])).toEqual([['ML-BKO-01', 1, all.length - 3, 'Bamako'], ['ML-KTI-02', 1, 3, 'Bamako']]);
    expect(list.every((a) => a.lastCreated !== null && a.lastImportedAt !== null && a.silentDays === 0)).toBe(true);
  });

  it('traces a partial serial or national code across armouries', async () => {
    const bySerial = await c.ok('commission.trace', { q: 'ame-seri' });
    // In national code order: ML-GN-E002 (Kati) before ML-PN-E001 (Bamako).
    expect(bySerial.map((w) => [w.armoury, w.id])).toEqual([['ML-KTI-02', ids.bySerialB], ['ML-BKO-01', ids.bySerial]]);
    const byCode = await c.ok('commission.trace', { q: 'pn-d00' });
    expect(byCode.map((w) => [w.armoury, w.id]).sort()).toEqual([['ML-BKO-01', ids.twice], ['ML-KTI-02', ids.again]].sort());
    const moved = await c.ok('commission.trace', { q: 'ML-PN-T001' });
    expect(moved.map((w) => [w.armoury, w.status])).toEqual([['ML-BKO-01', 'transferred_out'], ['ML-KTI-02', 'in_store']]);
    // Under three characters: the start of a key only.
    expect((await c.ok('commission.trace', { q: '-s' })).map((w) => w.serial)).toEqual(['-STOLEN']);
    expect((await c.ok('commission.trace', { q: 'st' })).map((w) => w.serial)).toEqual(['ST*R^-06']);
    expect(await c.ok('commission.trace', { q: 'TE' })).toEqual([]);
    // Capped (TRACE_CAP through the router) by both paths, in national code order.
    const s = c.app.store?.s ?? expect.fail('no store');
    const capped = trace(s, 'ML-PN', 3).map((w) => w.nationalCode);
    expect(capped).toHaveLength(3);
    expect(capped.every((code) => code.startsWith('ML-PN'))).toBe(true);
    expect(capped).toEqual([...capped].sort());
    expect(trace(s, 'ML', 3).map((w) => w.nationalCode)).toEqual(all.map((w) => w.nationalCode).sort().slice(0, 3));
  });

  it.each(QUERIES)('traces %j literally (quotes and FTS operators are characters)', async (q) => {
    const key = normalizeKey(q);
    const expected = all.filter((w) => normalizeKey(w.nationalCode).includes(key) || normalizeKey(w.serial).includes(key)).map((w) => `${w.armoury}:${w.id}`);
    const found = (await c.ok('commission.trace', { q })).map((w) => `${w.armoury}:${w.id}`);
    expect(found.sort()).toEqual(expected.sort());
  });

  it('gives a weapon’s history across armouries, the transfer out followed by its transfer in', async () => {
    const history = await c.ok('commission.history', { armoury: 'ML-KTI-02', weaponId: ids.received ?? 0 });
    expect(history.records.map((r) => [r.armoury, r.id, r.status])).toEqual([['ML-BKO-01', ids.out, 'transferred_out'], ['ML-KTI-02', ids.received, 'in_store']]);
    expect(history.events.map((e) => [e.armoury, e.type])).toEqual([
      ['ML-BKO-01', 'weapon.registered'], ['ML-BKO-01', 'weapon.transferred_out'], ['ML-KTI-02', 'weapon.transferred_in'],
    ]);
    const [, out, into] = history.events;
    expect(out?.link).toEqual({ armoury: 'ML-KTI-02', seq: ids.received });
    expect(into?.link).toEqual({ armoury: 'ML-BKO-01', seq: out?.seq });
    expect(out?.data).toMatchObject({ transferId: 'TR-2024-7', toArmoury: 'ML-KTI-02' });
    expect(out?.hash).toMatch(/^[0-9a-f]{64}$/);
    // Asked from the other end, the same history.
    expect(await c.ok('commission.history', { armoury: 'ML-BKO-01', weaponId: ids.out ?? 0 })).toEqual(history);
    expect((await c.fail('commission.history', { armoury: 'ML-BKO-01', weaponId: 999_999 })).code).toBe('national_weapon_not_found');
  });

  it('keeps the import log newest first, with the tampering flag', async () => {
    const log = await c.ok('commission.imports', {});
    expect(log.total).toBe(3);
    expect(log.rows.map((r) => r.outcome)).toEqual(['rejected', 'accepted', 'accepted']);
    expect(log.rows[0]).toMatchObject({ fileName: 'ML-BKO-01-copie.gsnap', tamper: true });
    expect(TAMPER_REASONS).toContain(log.rows[0]?.reason);
  });

  it('stays verifiable: the replay rebuilds the commission’s projections', () => {
    const report = verifyDatabase(c.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('alerts', () => {
  const at = (days: number) => new Date(commissionClock.t + days * DAY);
  const kinds = (list: ReturnType<typeof alerts>) => list.map((x) => `${x.kind} ${x.armoury} ${x.subject}`).sort();

  it('flags a weapon held in two armouries, by national code or by make and serial', async () => {
    const list = (await c.ok('commission.alerts', {})).filter((x) => x.kind === 'active_in_two_armouries');
    expect(list.map((x) => [x.armoury, x.subject, x.params.otherArmoury, x.weapon])).toEqual([
      ['ML-KTI-02', 'ML-PN-D001', 'ML-BKO-01', { armoury: 'ML-KTI-02', id: ids.again }],
      ['ML-KTI-02', 'ML-GN-E002', 'ML-BKO-01', { armoury: 'ML-KTI-02', id: ids.bySerialB }],
    ]);
    // A weapon transferred out and received is not held twice.
    expect(list.map((x) => x.subject)).not.toContain('ML-PN-T001');
  });

  it('flags lost and stolen weapons and tampered imports at once, transfers and silence only after their delays', () => {
    const s = c.app.store?.s ?? expect.fail('no store');
    const now = kinds(alerts(s, DEFAULT_SETTINGS, at(0)));
    expect(now.filter((k) => !k.startsWith('active_in_two'))).toEqual([
      'lost_or_stolen ML-BKO-01 ML-PN-L001', 'lost_or_stolen ML-BKO-01 ML-PN-S001',
      // A file whose archive does not even open names no armoury.
      'tampered_import  ML-BKO-01-copie.gsnap',
    ]);
    expect(kinds(alerts(s, DEFAULT_SETTINGS, at(30))).filter((k) => k.startsWith('unmatched'))).toEqual([]);
    const later = kinds(alerts(s, DEFAULT_SETTINGS, at(31)));
    expect(later.filter((k) => k.startsWith('unmatched') || k.startsWith('silent'))).toEqual(['unmatched_transfer ML-BKO-01 ML-PN-T002']);
    expect(kinds(alerts(s, DEFAULT_SETTINGS, at(45))).filter((k) => k.startsWith('silent'))).toEqual([]);
    const silent = kinds(alerts(s, DEFAULT_SETTINGS, at(46))).filter((k) => k.startsWith('silent'));
    expect(silent).toEqual(['silent_armoury ML-BKO-01 ML-BKO-01', 'silent_armoury ML-KTI-02 ML-KTI-02']);
    // The settings move the thresholds.
    const strict = kinds(alerts(s, { ...DEFAULT_SETTINGS, transferMatchDays: 2, silentArmouryDays: 2 }, at(3)));
    expect(strict.filter((k) => k.startsWith('unmatched') || k.startsWith('silent'))).toHaveLength(3);
  });

  it('describes each alert for its message', () => {
    const s = c.app.store?.s ?? expect.fail('no store');
    const list = alerts(s, DEFAULT_SETTINGS, at(50));
    expect(list.find((x) => x.kind === 'unmatched_transfer')).toMatchObject({
      params: { days: 50, toArmoury: 'ML-GAO-01', transferId: 'TR-2024-9' }, weapon: { armoury: 'ML-BKO-01', id: ids.gone },
    });
    expect(list.find((x) => x.kind === 'silent_armoury')?.params).toEqual({ days: 50 });
    expect(list.find((x) => x.kind === 'lost_or_stolen' && x.subject === 'ML-PN-S001')).toMatchObject({ params: { status: 'stolen', serial: '-STOLEN' } });
  });
});

describe('the iARMS CSV of lost and stolen weapons', () => {
  it('writes UTF-8 with BOM into the exports folder, one row per weapon, formulas neutralised', async () => {
    const out = await c.ok('commission.lostStolenCsv', {});
    expect(out).toEqual({ fileName: expect.stringMatching(/^lost-stolen-\d{4}-\d{2}-\d{2}\.csv$/), rows: 2 });
    const bytes = readFileSync(join(c.dir, 'exports', out.fileName));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '"reporting_country","armoury","event","date_of_event","make","model","serial_number","calibre","weapon_type","country_of_manufacture","year_of_manufacture","national_code","circumstances","reference"',
    );
    expect(lines[1]).toBe(`"ML","ML-BKO-01","lost","${today()}","Norinco","PA ""MAS"" 50","LOST-001","7.62x39mm","assault_rifle","CN","1985","ML-PN-L001","'=1+2 perdue","'@SUM(A1)"`);
    expect(lines[2]).toBe(`"ML","ML-BKO-01","stolen","${today()}","Norinco","Type 56","'-STOLEN","7.62x39mm","pistol","CN","1985","ML-PN-S001","Effraction du magasin","PV-77"`);
    const other = await c.ok('commission.lostStolenCsv', { reportingCountry: 'SN' });
    expect(readFileSync(join(c.dir, 'exports', other.fileName), 'utf8').split('\r\n')[1]).toMatch(/^"SN","ML-BKO-01"/);
  });
});
