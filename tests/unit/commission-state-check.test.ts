import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { registerMany } from '../../src/main/core/register/service';
import { importSigningKey, parsePublicKey, type SigningKey } from '../../src/main/core/snapshot/minisign';
import { count, events } from './support/db';
import { disposeHarnesses, scratchDir, type Harness } from './support/harness';
import { armouryNamed, enrolArmouryOf, exportFrom, freshCommission, importFiles, registerState } from './support/commission';
import { checkout, creds, custodyWorld, infoOf } from './support/custody';
import { act, actOk } from './support/lifecycle';
import { joinLines, lines, NAMES, parseBase, resign, type Base } from './support/tamper/snapshot';
import { weaponFields } from '../../src/shared/domain/weapon';
import { today, weaponInput } from './support/weapons';

/**
 * The importer's cross-check of state/weapons.ndjson against the events and the national
 * register: real histories (every lifecycle and custody change, corrections, since-last and full
 * snapshots) go in; an insider holding the armoury's real key who hides, alters or invents a
 * weapon in the state, with the counts made consistent, is refused with state_mismatch.
 */
afterEach(disposeHarnesses);

const outcome = (r: { outcome: string; reason: string | null; detail: string }) => (r.reason ? `${r.outcome}/${r.reason}: ${r.detail}` : r.outcome);

/** The national register's rows for an armoury next to the armoury's own register. */
function sameRegister(c: Harness, a: Harness, code: string): void {
  const columns = 'id, national_code AS nationalCode, serial, manufacturer, model, type, calibre, agency, status, country, year, registered_at AS registeredAt';
  const theirs = a.db.prepare(`SELECT ${columns} FROM weapons ORDER BY id`).all();
  expect(c.db.prepare(`SELECT ${columns} FROM national_weapons WHERE armoury = ? ORDER BY id`).all(code)).toEqual(theirs);
}

/** The armoury's current signing key with its private half: what an insider holding the database has. */
function realKey(a: Harness): SigningKey {
  const row = a.db
    .prepare("SELECT k.public_key AS publicKey, s.private_key AS privateKey FROM signing_keys k JOIN signing_secrets s USING (key_id) WHERE k.state = 'current'")
    .get() as { publicKey: string; privateKey: Buffer };
  const pub = parsePublicKey(row.publicKey) ?? expect.fail('no public key');
  return importSigningKey(row.privateKey, pub.keyId);
}

type WeaponLine = Record<string, unknown> & { id: number };

function stateOf(base: Base): WeaponLine[] {
  return lines(base.entries.get(NAMES.weapons) ?? Buffer.alloc(0)).map((l) => JSON.parse(l.toString('utf8')) as WeaponLine);
}

/** The base re-signed with the real key, its state replaced by `weapons` and the checkpoint's count made to agree. */
function forged(base: Base, key: SigningKey, weapons: WeaponLine[]): Buffer {
  const data = joinLines(weapons.map((w) => Buffer.from(JSON.stringify(w))));
  return resign({ base, key, replace: { [NAMES.weapons]: data }, fields: { weapons: String(weapons.length) } });
}

describe('state cross-check: real histories are accepted', () => {
  it('takes every lifecycle and custody change, corrections, since-last and full snapshots, and the rows equal the armoury’s', async () => {
    const c = await freshCommission();
    const a = await armouryNamed('ML-CHK-01');
    const w = infoOf(await custodyWorld(a));
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const imported = async (full = false) => {
      const [r] = await importFiles(c, [await exportFrom(a, dir, full)]);
      expect(r && outcome(r)).toBe('accepted');
      sameRegister(c, a, 'ML-CHK-01');
    };
    await imported();

    // Changes to weapons the register already holds, each kind once.
    await a.ok('weapons.correct', { weaponId: w('r1'), field: 'serial', value: 'CORR-0001', reason: 'Erreur de saisie' });
    await a.ok('weapons.correct', { weaponId: w('r1'), field: 'calibre', value: '7.62x54mmR', reason: 'Erreur de saisie' });
    await a.ok('weapons.correct', { weaponId: w('r2'), field: 'yearOfManufacture', value: 1990, reason: 'Erreur de saisie' });
    await a.ok('weapons.correct', { weaponId: w('r2'), field: 'agency', value: 'gendarmerie', reason: 'Erreur de saisie' });
    await a.ok('weapons.maintenanceBack', { weaponId: w('maintenance'), condition: 'unserviceable' });
    // Recovered, then moved to a rack: its status then follows a condition the register does not hold.
    await actOk(a, 'recovery', w('lost'));
    await a.ok('weapons.move', { weaponId: w('lost'), location: 'Râtelier B', reason: 'Rangement' });
    await a.ok('weapons.changeCondition', { weaponId: w('repairable'), condition: 'serviceable', reason: 'Réparée' });
    await actOk(a, 'loss', w('r3'));
    expect((await act(a, 'destruction', w('r4'), creds('storekeeper'))).ok).toBe(true);
    await actOk(a, 'transfer_out', w('r5'));
    const voucher = await a.ok('custody.issue', checkout(a, w('bah'), [w('r6'), w('r7'), w('r8')]));
    await a.ok('custody.return', {
      voucherId: voucher.id, weapons: [{ weaponId: w('r6'), returned: true, condition: 'unserviceable' }, { weaponId: w('r7'), returned: true }, { weaponId: w('r8'), returned: false }],
      magazinesReturned: 6,
    });
    await a.ok('custody.issue', checkout(a, w('bah'), [w('r9')]));
    await imported();

    // New weapons changed in the same file, then a full snapshot repeating everything, then since-last again.
    const fresh = await a.ok('weapons.register', weaponInput());
    await a.ok('weapons.correct', { weaponId: fresh.id, field: 'nationalCode', value: 'ML-PN-CORR-1', reason: 'Erreur de saisie' });
    await actOk(a, 'theft', fresh.id);
    const kept = await a.ok('weapons.register', weaponInput({ condition: 'unserviceable' }));
    await a.ok('weapons.move', { weaponId: kept.id, location: 'Râtelier C', reason: 'Rangement' });
    await imported(true);
    await actOk(a, 'recovery', fresh.id);
    await a.ok('weapons.correct', { weaponId: w('p1'), field: 'manufacturer', value: 'Beretta', reason: 'Erreur de saisie' });
    await imported();
    expect(verifyDatabase(c.db).problems).toEqual([]);
  }, 60_000);
});

describe('state cross-check: an insider with the real key', () => {
  /** A register holding snapshot 1; snapshot 2 (since-last: a weapon registered, one lost, one corrected) exported, not imported. */
  async function setting() {
    const c = await freshCommission();
    const a = await armouryNamed('ML-INS-01');
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ok('weapons.register', weaponInput())).id);
    await a.ok('weapons.reportLoss', { weaponId: ids[0] ?? 0, date: today(), circumstances: 'Perdue en patrouille', reference: 'PV-1' });
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const [first] = await importFiles(c, [await exportFrom(a, dir)]);
    expect(first?.outcome).toBe('accepted');
    const added = (await a.ok('weapons.register', weaponInput())).id;
    await a.ok('weapons.reportLoss', { weaponId: ids[1] ?? 0, date: today(), circumstances: 'Perdue à l’exercice', reference: 'PV-2' });
    await a.ok('weapons.correct', { weaponId: ids[2] ?? 0, field: 'model', value: 'AKM', reason: 'Erreur de saisie' });
    const next = await exportFrom(a, dir);
    const base = parseBase('next', next.bytes);
    return { c, a, base, key: realKey(a), ids: { lostBefore: ids[0] ?? 0, lostNow: ids[1] ?? 0, corrected: ids[2] ?? 0, untouched: ids[3] ?? 0, added }, next };
  }

  /** Imports `bytes` and expects state_mismatch with a detail matching `detail`, the register unchanged but for its log. */
  async function refused(c: Harness, bytes: Buffer, detail: RegExp): Promise<void> {
    const before = registerState(c) as Record<string, unknown> & { projections: Record<string, unknown> };
    const [r] = await importFiles(c, [{ name: 'forged.gsnap', path: '', bytes, number: 0, toSeq: 0 }]);
    expect(r && `${r.outcome}/${r.reason}`, r?.detail).toBe('rejected/state_mismatch');
    expect(r?.detail).toMatch(detail);
    const after = registerState(c) as typeof before;
    for (const table of ['national_events', 'national_weapon_events', 'national_weapons', 'national_search']) expect(after[table], table).toEqual(before[table]);
    expect(events(c.db).at(-1)).toMatchObject({ type: 'snapshot.rejected', data: { reason: 'state_mismatch' } });
  }

  it('refuses a weapon line dropped with the count fixed: one the register holds, or one the file registers', async () => {
    const { c, base, key, ids, next } = await setting();
    const state = stateOf(base);
    await refused(c, forged(base, key, state.filter((w) => w.id !== ids.untouched)), new RegExp(`^weapon ${ids.untouched} \\(national code .*\\) is in the register but not in state/weapons.ndjson`));
    await refused(c, forged(base, key, state.filter((w) => w.id !== ids.lostBefore)), new RegExp(`^weapon ${ids.lostBefore} `));
    await refused(c, forged(base, key, state.filter((w) => w.id !== ids.added)), new RegExp(`^weapon ${ids.added}, registered at seq ${ids.added}, is not in state/weapons.ndjson$`));
    // The untouched file still goes in afterwards: the refusals left nothing behind.
    const [r] = await importFiles(c, [next]);
    expect(r && outcome(r)).toBe('accepted');
  });

  it('refuses an identity altered: serial, national code, make, model, type, calibre, or a correction undone', async () => {
    const { c, base, key, ids } = await setting();
    const state = stateOf(base);
    const altered = (id: number, patch: Record<string, unknown>) => state.map((w) => (w.id === id ? { ...w, ...patch } : w));
    await refused(c, forged(base, key, altered(ids.untouched, { serial: 'FAKE-001' })), new RegExp(`^weapon ${ids.untouched}: serial is "FAKE-001" in state/weapons.ndjson, ".+" by its registration and corrections$`));
    await refused(c, forged(base, key, altered(ids.added, { serial: 'FAKE-002' })), new RegExp(`^weapon ${ids.added}: serial is "FAKE-002"`));
    await refused(c, forged(base, key, altered(ids.added, { nationalCode: 'ML-PN-FAKE' })), new RegExp(`^weapon ${ids.added}: nationalCode is`));
    await refused(c, forged(base, key, altered(ids.untouched, { manufacturer: 'Colt' })), new RegExp(`^weapon ${ids.untouched}: manufacturer is`));
    await refused(c, forged(base, key, altered(ids.untouched, { type: 'pistol' })), new RegExp(`^weapon ${ids.untouched}: type is "pistol"`));
    await refused(c, forged(base, key, altered(ids.lostNow, { calibre: '9x19mm' })), new RegExp(`^weapon ${ids.lostNow}: calibre is "9x19mm"`));
    const original = state.find((w) => w.id === ids.untouched)?.model;
    await refused(c, forged(base, key, altered(ids.corrected, { model: original })), new RegExp(`^weapon ${ids.corrected}: model is ${JSON.stringify(original)} in state/weapons.ndjson, "AKM" by`));
  });

  it('refuses a weapon never registered, a status its events do not lead to, and a wrong updatedSeq', async () => {
    const { c, base, key, ids } = await setting();
    const state = stateOf(base);
    const template = state.find((w) => w.id === ids.untouched) ?? expect.fail('no weapon');
    // A weapon under the id of the snapshot.exported event that opens the file: no registration has that seq.
    const ghost = { ...template, id: base.fromSeq, nationalCode: 'ML-PN-GHOST', serial: 'GHOST-1', updatedSeq: base.fromSeq };
    const invented = [...state, ghost].sort((x, y) => x.id - y.id);
    await refused(c, forged(base, key, invented), new RegExp(`^weapon ${base.fromSeq} is in state/weapons.ndjson but was never registered`));
    const altered = (id: number, patch: Record<string, unknown>) => state.map((w) => (w.id === id ? { ...w, ...patch } : w));
    await refused(c, forged(base, key, altered(ids.lostNow, { status: 'in_store' })), new RegExp(`^weapon ${ids.lostNow}: status is "in_store" in state/weapons.ndjson, "lost" after its events$`));
    await refused(c, forged(base, key, altered(ids.lostBefore, { status: 'in_store' })), new RegExp(`^weapon ${ids.lostBefore}: status is "in_store" in state/weapons.ndjson, "lost" in the register`));
    await refused(c, forged(base, key, altered(ids.added, { status: 'issued' })), new RegExp(`^weapon ${ids.added}: status is "issued"`));
    await refused(c, forged(base, key, altered(ids.lostNow, { updatedSeq: ids.lostNow })), new RegExp(`^weapon ${ids.lostNow}: updatedSeq is ${ids.lostNow} in state/weapons.ndjson, seq \\d+ is the last event`));
    await refused(c, forged(base, key, altered(ids.untouched, { updatedSeq: base.toSeq })), new RegExp(`^weapon ${ids.untouched}: updatedSeq is ${base.toSeq} in state/weapons.ndjson, ${ids.untouched} in the register, and no new event changes it$`));
  });

  it('reads a large register page by page: a state dropping a weapon far in is refused, the true one goes in', async () => {
    const c = await freshCommission();
    const a = await armouryNamed('ML-BIG-01');
    const store = a.app.store ?? expect.fail('no store');
    registerMany(store, a.app.session?.userId ?? 1, Array.from({ length: 1300 }, () => weaponFields.parse(weaponInput())));
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const [first] = await importFiles(c, [await exportFrom(a, dir)]);
    expect(first?.outcome).toBe('accepted');
    const held = a.db.prepare('SELECT id FROM weapons ORDER BY id').pluck().all() as number[];
    for (const i of [3, 700, 1299]) await a.ok('weapons.move', { weaponId: held[i] ?? 0, location: `Râtelier ${i}`, reason: 'Rangement' });
    await a.ok('weapons.register', weaponInput());
    const next = await exportFrom(a, dir);
    const base = parseBase('next', next.bytes);
    const state = stateOf(base);
    for (const i of [1100, 1299]) {
      const gone = held[i] ?? 0;
      await refused(c, forged(base, realKey(a), state.filter((w) => w.id !== gone)), new RegExp(`^weapon ${gone} \\(national code .*\\) is in the register but not`));
    }
    const [r] = await importFiles(c, [next]);
    expect(r && outcome(r)).toBe('accepted');
    sameRegister(c, a, 'ML-BIG-01');
    expect(count(c.db, 'national_search')).toBe(1301);
  });

  it('checks a full snapshot into an empty register against its registrations alone', async () => {
    const c = await freshCommission();
    const a = await armouryNamed('ML-NEW-01');
    for (let i = 0; i < 3; i++) await a.ok('weapons.register', weaponInput());
    await enrolArmouryOf(c, a);
    const file = await exportFrom(a, scratchDir());
    const base = parseBase('first', file.bytes);
    const state = stateOf(base);
    const gone = state[1] ?? expect.fail('no weapon');
    await refused(c, forged(base, realKey(a), state.filter((w) => w.id !== gone.id)), new RegExp(`^weapon ${gone.id}, registered at seq ${gone.id}, is not in state/weapons.ndjson$`));
    expect(count(c.db, 'national_weapons')).toBe(0);
    const [r] = await importFiles(c, [file]);
    expect(r && outcome(r)).toBe('accepted');
  });
});
