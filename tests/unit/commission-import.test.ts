import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { rotateKey } from '../../src/main/core/snapshot/keys';
import { TAMPER_REASONS } from '../../src/shared/domain/snapshot';
import { count, eventRows, events } from './support/db';
import { disposeHarnesses, Harness, scratchDir, tempDir, type TestClock } from './support/harness';
import {
  armouryNamed, currentKey, enrolArmouryOf, exportFrom, freshCommission, importFiles, paperKey, registerState, type ExportedFile,
} from './support/commission';
import { today, weaponInput } from './support/weapons';
import { checkout, creds, custodyWorld, infoOf } from './support/custody';

afterEach(disposeHarnesses);

/** An armoury with three weapons, one of them reported lost. */
async function stockedArmoury(code: string, opts: { clock?: TestClock } = {}): Promise<Harness> {
  const a = await armouryNamed(code, opts);
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) ids.push((await a.ok('weapons.register', weaponInput())).id);
  await a.ok('weapons.reportLoss', { weaponId: ids[0] ?? 0, date: today(), circumstances: 'Perdue en patrouille', reference: 'PV-1' });
  return a;
}

async function addWeapons(a: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await a.ok('weapons.register', weaponInput());
}

/** A copy of an armoury's database in its own folder: a restored backup, or an insider's fork. */
function forkOf(a: Harness): Harness {
  const dir = tempDir('gardien-fork-');
  a.app.store?.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(a.path, join(dir, 'armoury.sqlite'));
  return new Harness(dir, { clock: a.clock });
}

const outcome = (r: { outcome: string; reason: string | null }) => (r.reason ? `${r.outcome}/${r.reason}` : r.outcome);

describe('importing snapshots', () => {
  it('accepts a full snapshot: its events byte for byte, the armoury register, the log and the registry', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const file = await exportFrom(a, scratchDir());
    const [result] = await importFiles(c, [file]);
    expect(result).toEqual({
      fileName: file.name, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/), outcome: 'accepted', reason: null, detail: '',
      armoury: 'ML-BKO-01', number: 1, eventsAdded: file.toSeq, weapons: 3,
    });
    // The armoury's journal up to the snapshot, exact bytes and hashes.
    const theirs = eventRows(a.db).filter((e) => e.seq <= file.toSeq);
    const ours = c.db.prepare("SELECT seq, hash, body, type, at FROM national_events WHERE armoury = 'ML-BKO-01' ORDER BY seq").all() as typeof theirs;
    expect(ours.map((e) => [e.seq, e.hash.toString('hex'), e.body.toString('utf8')])).toEqual(theirs.map((e) => [e.seq, e.hash.toString('hex'), e.body.toString('utf8')]));
    // The register as the armoury holds it.
    const register = a.db.prepare('SELECT id, national_code AS nationalCode, serial, status FROM weapons ORDER BY id').all();
    const national = c.db.prepare("SELECT id, national_code AS nationalCode, serial, status FROM national_weapons WHERE armoury = 'ML-BKO-01' ORDER BY id").all();
    expect(national).toEqual(register);
    expect(count(c.db, 'national_search')).toBe(3);
    // Each weapon's registration and the loss point at the right weapon.
    const lost = (register[0] as { id: number }).id;
    expect(c.db.prepare("SELECT seq FROM national_weapon_events WHERE armoury = 'ML-BKO-01' AND weapon_id = ? ORDER BY seq").all(lost).length).toBe(2);
    const [armoury] = await c.ok('commission.armouries', {});
    expect(armoury).toMatchObject({ code: 'ML-BKO-01', agency: 'police', region: 'Bamako', lastNumber: 1, lastSeq: file.toSeq, weapons: 3, silentDays: 0 });
    const head = a.db.prepare('SELECT hash FROM events WHERE seq = ?').get(file.toSeq) as { hash: Buffer };
    expect(armoury?.lastHead).toBe(head.hash.toString('hex'));
    const log = await c.ok('commission.imports', {});
    expect(log.rows).toEqual([{ ...result, id: expect.any(Number), at: expect.any(String), actor: 'chef', tamper: false }]);
    expect(events(c.db).at(-1)).toMatchObject({ type: 'snapshot.imported', data: { armoury: 'ML-BKO-01', number: 1, toSeq: file.toSeq, eventsAdded: file.toSeq } });
  });

  it('treats a byte-identical re-import as a no-op: nothing written, outcome duplicate', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const file = await exportFrom(a, scratchDir());
    await importFiles(c, [file]);
    const before = registerState(c);
    const results = await importFiles(c, [file, { ...file, name: 'renamed.gsnap' }]);
    expect(results.map(outcome)).toEqual(['duplicate', 'duplicate']);
    expect(results[0]).toMatchObject({ armoury: 'ML-BKO-01', number: 1, eventsAdded: 0, weapons: 3 });
    expect(registerState(c)).toEqual(before);
  });

  it('adds only the new events of the next snapshots, since-last or full', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const first = await exportFrom(a, dir);
    await addWeapons(a, 2);
    const second = await exportFrom(a, dir);
    await addWeapons(a, 1);
    const third = await exportFrom(a, dir, true);
    const results = await importFiles(c, [first, second, third]);
    expect(results.map(outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(results.map((r) => r.eventsAdded)).toEqual([first.toSeq, second.toSeq - first.toSeq, third.toSeq - second.toSeq]);
    expect(results.map((r) => r.weapons)).toEqual([3, 5, 6]);
    expect(count(c.db, 'national_events')).toBe(third.toSeq);
    expect(count(c.db, 'national_weapons')).toBe(6);
    expect(count(c.db, 'national_search')).toBe(6);
    expect((await c.ok('commission.armouries', {}))[0]).toMatchObject({ lastNumber: 3, lastSeq: third.toSeq, weapons: 6 });
    const report = verifyDatabase(c.db);
    expect(report.problems).toEqual([]);
  });

  it('reports progress per file and breathes between files', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const file = await exportFrom(a, scratchDir());
    const calls: [number, number, string][] = [];
    await importFiles(c, [file, file], { onProgress: (done, total, item) => calls.push([done, total, item]) });
    expect(calls).toEqual([[0, 2, file.name], [1, 2, file.name], [2, 2, '']]);
  });
});

describe('rejections against the register', () => {
  /** Imports `bad` and checks that only its rejection was written: one snapshot.rejected, nothing else. */
  async function expectRejected(c: Harness, bad: ExportedFile, reason: string): Promise<void> {
    const before = registerState(c) as { head: { seq: number }; projections: Record<string, unknown[]> };
    const [result] = await importFiles(c, [bad]);
    expect(result, result?.detail).toMatchObject({ outcome: 'rejected', reason, eventsAdded: 0, weapons: 0 });
    expect(result?.detail).not.toBe('');
    const after = registerState(c) as typeof before;
    expect(c.head().seq).toBe(before.head.seq + 1);
    expect(events(c.db).at(-1)).toMatchObject({ type: 'snapshot.rejected', data: { reason, fileName: bad.name } });
    // Apart from the log row, the register is as it was.
    const { national_imports: logAfter, ...restAfter } = after.projections;
    const { national_imports: logBefore, ...restBefore } = before.projections;
    expect(restAfter).toEqual(restBefore);
    expect(logAfter?.length).toBe((logBefore?.length ?? 0) + 1);
    for (const table of ['national_events', 'national_weapon_events', 'national_weapons', 'national_search']) expect((after as Record<string, unknown>)[table], table).toEqual((before as Record<string, unknown>)[table]);
    const log = await c.ok('commission.imports', {});
    expect(log.rows[0]).toMatchObject({ outcome: 'rejected', reason, tamper: TAMPER_REASONS.includes(reason as never) });
  }

  it('replayed: an older snapshot never imported, after a newer one', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const older = await exportFrom(a, dir);
    await addWeapons(a, 1);
    const newer = await exportFrom(a, dir, true);
    expect((await importFiles(c, [newer])).map(outcome)).toEqual(['accepted']);
    await expectRejected(c, older, 'replayed');
  });

  it('truncated: a restored backup exporting more snapshots but fewer events', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    const backup = forkOf(a);
    await addWeapons(a, 3);
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    // The backup knows snapshot 1 only: its snapshots 2 and 3 hold fewer events than the register.
    await exportFrom(backup, scratchDir());
    const third = await exportFrom(backup, scratchDir(), true);
    expect(third.number).toBe(3);
    await expectRejected(c, third, 'truncated');
  });

  it('seq_gap: a since-last snapshot whose predecessor was never imported', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    await addWeapons(a, 1);
    await exportFrom(a, dir);
    await addWeapons(a, 1);
    await expectRejected(c, await exportFrom(a, dir), 'seq_gap');
  });

  it('history_rewritten: an insider with the real key and a copy of the database rewrites imported events', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    const fork = forkOf(a);
    await addWeapons(a, 2);
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    // The fork's history after snapshot 1 differs (other weapons, other times): valid chain, real key.
    fork.clock.advance(60_000);
    await fork.login('manager');
    await addWeapons(fork, 3);
    const forkDir = scratchDir();
    const next = await exportFrom(fork, forkDir);
    expect(next.number).toBe(2);
    // Snapshot 3 names the fork's snapshot 2 as its previous checkpoint, not the register's.
    await expectRejected(c, await exportFrom(fork, forkDir, true), 'history_rewritten');
    // Snapshot 4 skips that check: the overlapping events themselves differ.
    const fourth = await exportFrom(fork, forkDir, true);
    await expectRejected(c, fourth, 'history_rewritten');
    const [last] = (await c.ok('commission.imports', {})).rows;
    expect(last?.detail).toMatch(/^seq \d+ differs/);
  });

  it('armoury_not_enrolled: a snapshot from an armoury the commission does not know (not tampering)', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-SGO-03');
    await expectRejected(c, await exportFrom(a, scratchDir()), 'armoury_not_enrolled');
    expect(TAMPER_REASONS).not.toContain('armoury_not_enrolled');
    expect((await c.ok('commission.imports', {})).rows[0]).toMatchObject({ armoury: 'ML-SGO-03', number: 1 });
  });

  it('unknown_key: an enrolled armoury whose snapshot is signed by a key not in the registry', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    const other = paperKey();
    await c.ok('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: other.line, fingerprint: other.fingerprint });
    await expectRejected(c, await exportFrom(a, scratchDir()), 'unknown_key');
  });

  it('revoked_key: the armoury key was revoked', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    await c.ok('commission.revokeKey', { keyId: currentKey(a).keyId, reason: 'Ordinateur volé' });
    await expectRejected(c, await exportFrom(a, scratchDir()), 'revoked_key');
  });

  it("key_of_another_armoury: a snapshot signed with a key enrolled for another armoury", async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    const b = await stockedArmoury('ML-KTI-02');
    await enrolArmouryOf(c, a);
    // B's key was enrolled under A's neighbour code by mistake, or B signs as someone else: the key is not the file's armoury's.
    const kb = currentKey(b);
    await c.ok('commission.enrol', { armoury: 'ML-KYS-04', name: 'Kayes', publicKey: kb.publicKey, fingerprint: kb.fingerprint });
    await expectRejected(c, await exportFrom(b, scratchDir()), 'key_of_another_armoury');
  });
});

describe('key rotation through snapshots', () => {
  it('announces the new key, refuses it until accepted, then retires the old one', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    const old = currentKey(a);
    const backup = forkOf(a);
    const store = a.app.store ?? expect.fail('no store');
    const keys = rotateKey(store, 1, 'Rotation annuelle');
    const next = keys.next ?? expect.fail('no next key');
    // Snapshot 2 is signed by the old key and carries the new one.
    const announcing = await exportFrom(a, dir);
    expect((await importFiles(c, [announcing])).map(outcome)).toEqual(['accepted']);
    let armoury = (await c.ok('commission.armouries', {}))[0];
    expect(armoury?.keys.map((k) => [k.keyId, k.state])).toEqual(expect.arrayContaining([[old.keyId, 'active'], [next.keyId, 'announced']]));
    // Snapshot 3 is signed by the new key: unknown until the rotation is accepted.
    await addWeapons(a, 1);
    const signedByNew = await exportFrom(a, dir);
    expect((await importFiles(c, [signedByNew])).map(outcome)).toEqual(['rejected/unknown_key']);
    expect((await c.fail('commission.acceptRotation', { keyId: next.keyId, fingerprint: old.fingerprint })).fields).toMatchObject({ fingerprint: { code: 'fingerprint_mismatch' } });
    armoury = await c.ok('commission.acceptRotation', { keyId: next.keyId, fingerprint: next.fingerprint });
    expect(armoury.keys.map((k) => [k.keyId, k.state])).toEqual(expect.arrayContaining([[old.keyId, 'retired'], [next.keyId, 'active']]));
    expect((await c.fail('commission.acceptRotation', { keyId: next.keyId, fingerprint: next.fingerprint })).code).toBe('key_not_announced');
    // The same file now goes in (its rejection did not make it a duplicate).
    expect((await importFiles(c, [signedByNew])).map(outcome)).toEqual(['accepted']);
    // A backup still holding the old key can no longer speak for the armoury.
    await backup.login('manager');
    await addWeapons(backup, 1);
    expect((await importFiles(c, [await exportFrom(backup, scratchDir(), true)])).map(outcome)).toEqual(['rejected/retired_key']);
    expect(verifyDatabase(c.db).problems).toEqual([]);
  });
});

describe('an interrupted import', () => {
  it.each(['event', 'events', 'weapons'] as const)('leaves the register as it was when it stops after %s', async (stage) => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    expect((await importFiles(c, [await exportFrom(a, dir)])).map(outcome)).toEqual(['accepted']);
    await addWeapons(a, 2);
    const file = await exportFrom(a, dir);
    const before = registerState(c);
    const crash = new Error(`power cut after ${stage}`);
    await expect(importFiles(c, [file], { onStage: (s) => { if (s === stage) throw crash; } })).rejects.toBe(crash);
    expect(registerState(c)).toEqual(before);
    expect(verifyDatabase(c.db).problems).toEqual([]);
    // Nothing was half-recorded: the same file then goes in whole.
    expect((await importFiles(c, [file])).map(outcome)).toEqual(['accepted']);
    expect(count(c.db, 'national_weapons')).toBe(5);
  });
});

describe('commission.import through the router', () => {
  it('reads only the paths the file dialog granted, reports progress, and refuses a second job', async () => {
    const c = await freshCommission();
    const a = await stockedArmoury('ML-BKO-01');
    await enrolArmouryOf(c, a);
    const dir = scratchDir();
    const first = await exportFrom(a, dir);
    await addWeapons(a, 1);
    const second = await exportFrom(a, dir);
    const head = c.head();
    expect(await c.fail('commission.import', { paths: [first.path] })).toMatchObject({ code: 'import_path_not_granted', kind: 'forbidden' });
    expect(c.head()).toEqual(head);

    const missing = join(dir, 'ML-BKO-01-000009.gsnap');
    c.app.grantImportPaths([first.path, second.path, missing]);
    const pending = c.call('commission.import', { paths: [first.path, second.path, missing] });
    await new Promise((r) => setImmediate(r));
    const progress = await c.ok('jobs.progress', {});
    expect(progress).toMatchObject({ job: 'snapshot_import', total: 3 });
    expect(await c.fail('commission.import', { paths: [first.path] })).toMatchObject({ code: 'import_running' });
    const done = await pending;
    expect(done.ok).toBe(true);
    const results = done.ok ? done.value : [];
    expect(results.map(outcome)).toEqual(['accepted', 'accepted', 'rejected/not_a_snapshot']);
    expect(results[2]?.detail).toMatch(/cannot read the file \(ENOENT\)/);
    expect(await c.ok('jobs.progress', {})).toEqual({ job: null, done: 0, total: 0, item: '' });
  });
});

describe('which weapons each imported event concerns', () => {
  it('matches the armoury’s own dossiers: custody, cases, stock checks and lifecycle events', async () => {
    const c = await freshCommission();
    const a = await armouryNamed('ML-REF-01');
    const w = infoOf(await custodyWorld(a));
    const voucher = await a.ok('custody.issue', checkout(a, w('bah'), [w('r1'), w('r2')]));
    const returned = await a.ok('custody.return', {
      voucherId: voucher.id, weapons: [{ weaponId: w('r1'), returned: true }, { weaponId: w('r2'), returned: false }], magazinesReturned: 2,
    });
    const caseId = returned.cases[0]?.id ?? expect.fail('no case opened for the missing weapon');
    await a.login('storekeeper');
    await a.ok('cases.close', { id: caseId, outcome: 'loss', explanation: 'Arme non rendue, déclarée perdue', approver: creds('manager') });
    const check = await a.ok('stockchecks.start', { scope: 'weapons' });
    await a.ok('stockchecks.count', { checkId: check.id, weapons: [w('r3')], lots: [] });
    await a.ok('stockchecks.close', { checkId: check.id, witness: creds('manager') });
    await enrolArmouryOf(c, a);
    expect((await importFiles(c, [await exportFrom(a, scratchDir())])).map(outcome)).toEqual(['accepted']);
    const weapons = a.db.prepare('SELECT id FROM weapons ORDER BY id').pluck().all() as number[];
    expect(weapons.length).toBeGreaterThan(10);
    const theirs = a.db.prepare("SELECT seq FROM event_refs WHERE ref = ? ORDER BY seq").pluck();
    const ours = c.db.prepare("SELECT seq FROM national_weapon_events WHERE armoury = 'ML-REF-01' AND weapon_id = ? ORDER BY seq").pluck();
    for (const id of weapons) expect(ours.all(id), `weapon ${id}`).toEqual(theirs.all(`w:${id}`));
    // The types seen prove each kind of reference was exercised.
    const types = new Set(c.db.prepare("SELECT DISTINCT e.type FROM national_weapon_events r JOIN national_events e USING (armoury, seq)").pluck().all());
    for (const t of ['custody.issued', 'custody.returned', 'case.opened', 'case.closed', 'stockcheck.closed', 'weapon.loss_reported']) expect(types, t).toContain(t);
  });
});
