import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/core/errors';
import { decodeEvent } from '../../src/main/core/journal/event';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { createDemoArmoury } from '../../src/main/core/demo/generate';
import { exportSnapshot } from '../../src/main/core/snapshot/export';
import { demoSigningKey } from '../../src/main/core/snapshot/keys';
import { keyIdHex, publicKeyText } from '../../src/main/core/snapshot/minisign';
import { registerMany } from '../../src/main/core/register/service';
import { Store } from '../../src/main/core/store';
import { weaponFields } from '../../src/shared/domain/weapon';
import { newStore, receiveNew } from './support/ammunition';
import { eventRows, sha256 } from './support/db';
import { addStaff, disposeHarnesses, freshArmoury, scratchDir, type Harness } from './support/harness';
import { exportedFile, readAndVerify, rejection, standardCheck, tool } from './support/snapshot-tools';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

function store(h: Harness): Store {
  const s = h.app.store;
  if (!s) throw new Error('no database open');
  return s;
}

function lastEvent(h: Harness): { seq: number; type: string; actor: number; data: unknown } {
  const rows = eventRows(h.db);
  const row = rows[rows.length - 1];
  if (!row) throw new Error('empty journal');
  const e = decodeEvent(row.body);
  return { seq: e.seq, type: e.type, actor: e.actor, data: e.data };
}

/** An armoury with weapons and an ammunition lot, its manager signed in. */
async function stockedArmoury(weapons = 3): Promise<{ h: Harness; lotId: number }> {
  const h = await freshArmoury();
  for (let i = 0; i < weapons; i++) await h.ok('weapons.register', weaponInput());
  const storeId = await newStore(h);
  const lotId = await receiveNew(h, storeId, 1_200, { calibre: '9x19mm' });
  return { h, lotId };
}

describe('the signing key', () => {
  it('is created with the armoury, in the same transaction, by its first manager', async () => {
    const h = await freshArmoury();
    const [created, key] = eventRows(h.db).slice(0, 2).map((r) => decodeEvent(r.body));
    expect([created?.type, key?.type, key?.seq, key?.actor]).toEqual(['armoury.created', 'signing_key.created', 2, 1]);
    expect(created?.at).toBe(key?.at);
    const keys = await h.ok('snapshots.keys', {});
    expect(key?.data).toEqual({ keyId: keys.current.keyId, publicKey: keys.current.publicKey, fingerprint: keys.current.fingerprint });
    expect(keys).toMatchObject({ next: null, current: { createdSeq: 2 } });
    expect(keys.current.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(keys.current.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(keys.current.publicKeyFile).toBe(`untrusted comment: minisign public key ${keys.current.keyId}\n${keys.current.publicKey}\n`);
  });

  it('keeps its private half out of the journal, every operation’s output and the snapshot file', async () => {
    const { h } = await stockedArmoury(2);
    const outputs: unknown[] = [await h.ok('snapshots.keys', {})];
    const first = await h.ok('snapshots.export', { full: false });
    outputs.push(first, await h.ok('snapshots.rotateKey', { reason: 'Rotation annuelle' }));
    const second = await h.ok('snapshots.export', { full: false });
    outputs.push(second, await h.ok('snapshots.list', {}), await h.ok('snapshots.keys', {}), await h.ok('journal.head', {}), h.app.status());

    const secrets = h.db.prepare('SELECT private_key FROM signing_secrets').all() as { private_key: Buffer }[];
    expect(secrets).toHaveLength(2);
    const forms = secrets.flatMap(({ private_key: der }) => {
      const seed = der.subarray(der.length - 32);
      return [der, seed].flatMap((b) => [b.toString('hex'), b.toString('hex').toUpperCase(), b.toString('base64'), b.toString('base64url')]);
    });
    const raw = secrets.flatMap(({ private_key: der }) => [der, der.subarray(der.length - 32)]);
    const files = [first, second].map((s) => readFileSync(exportedFile(h, s.fileName)));
    const bodies = eventRows(h.db).map((r) => r.body);
    for (const blob of [...bodies, ...files]) {
      for (const secret of raw) expect(blob.indexOf(secret)).toBe(-1);
      const text = blob.toString('latin1');
      for (const form of forms) expect(text.includes(form)).toBe(false);
    }
    const json = JSON.stringify(outputs);
    for (const form of forms) expect(json.includes(form)).toBe(false);
  });

  it('can be read and rotated only by whom the access rules allow', async () => {
    const h = await freshArmoury();
    await addStaff(h);
    await h.ok('auth.logout', {});
    await h.login('auditor');
    expect((await h.ok('snapshots.keys', {})).next).toBeNull();
    expect(await h.ok('snapshots.list', {})).toEqual([]);
    expect((await h.fail('snapshots.export', { full: true })).code).toBe('forbidden');
    expect((await h.fail('snapshots.rotateKey', { reason: 'Pas le droit' })).code).toBe('forbidden');
  });
});

describe('an export', () => {
  it('writes a full first snapshot, records it, and verifies with the reader', async () => {
    const { h, lotId } = await stockedArmoury(3);
    const head = h.head();
    const summary = await h.ok('snapshots.export', { full: false });
    expect(summary).toMatchObject({
      number: 1, full: true, fromSeq: 1, toSeq: head.seq, events: head.seq, head: head.hash, weapons: 3, lots: 1,
      fileName: 'ML-TST-01-000001.gsnap',
    });
    const path = exportedFile(h, summary.fileName);
    const bytes = readFileSync(path);
    expect(summary.size).toBe(statSync(path).size);
    expect(summary.fileSha256).toBe(sha256(bytes));

    const recorded = lastEvent(h);
    expect(recorded).toMatchObject({ seq: head.seq + 1, type: 'snapshot.exported', actor: 1 });
    expect(recorded.data).toMatchObject({ number: 1, fromSeq: 1, toSeq: head.seq, head: head.hash, fileSha256: summary.fileSha256, size: summary.size });

    const keys = await h.ok('snapshots.keys', {});
    const v = readAndVerify(path, keys.current.publicKey);
    expect(v.checkpoint).toMatchObject({
      armoury: 'ML-TST-01', name: 'Armurerie de test', agency: 'police', region: 'Bamako', snapshot: 1, full: true, fromSeq: 1,
      toSeq: head.seq, head: head.hash, firstPrev: '0'.repeat(64), previousCheckpoint: null, keyId: keys.current.keyId, nextKey: null,
      weapons: 3, lots: 1, created: summary.at,
    });
    expect((recorded.data as { checkpointSha256: string }).checkpointSha256).toBe(v.checkpointSha256);
    const journal = eventRows(h.db).filter((r) => r.seq <= head.seq);
    const events = [...v.events];
    expect(events.map((e) => [e.seq, e.body.toString('hex'), e.hash.toString('hex')])).toEqual(journal.map((r) => [r.seq, r.body.toString('hex'), r.hash.toString('hex')]));
    const weapons = h.db.prepare('SELECT id, national_code AS nationalCode, serial, status, updated_seq AS updatedSeq FROM weapons ORDER BY id').all();
    expect([...v.weapons].map(({ id, nationalCode, serial, status, updatedSeq }) => ({ id, nationalCode, serial, status, updatedSeq }))).toEqual(weapons);
    expect(v.lots).toEqual([{ id: lotId, lotNumber: expect.any(String), nature: expect.any(String), calibre: '9x19mm', rounds: 1_200 }]);
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });

  it('continues since the last export by default, and a full export starts again from seq 1', async () => {
    const { h } = await stockedArmoury(2);
    const keys = await h.ok('snapshots.keys', {});
    const s1 = await h.ok('snapshots.export', { full: false });
    const v1 = readAndVerify(exportedFile(h, s1.fileName), keys.current.publicKey);
    await h.ok('weapons.register', weaponInput());
    await h.ok('weapons.register', weaponInput());
    const head2 = h.head();
    const s2 = await h.ok('snapshots.export', { full: false });
    expect(s2).toMatchObject({ number: 2, full: false, fromSeq: s1.toSeq + 1, toSeq: head2.seq, events: head2.seq - s1.toSeq, weapons: 4, lots: 1 });
    const v2 = readAndVerify(exportedFile(h, s2.fileName), keys.current.publicKey);
    expect(v2.checkpoint).toMatchObject({ firstPrev: s1.head, previousCheckpoint: v1.checkpointSha256, fromSeq: s1.toSeq + 1 });
    // The first event of the second file is the record of the first export.
    expect([...v2.events][0]).toMatchObject({ seq: s1.toSeq + 1, type: 'snapshot.exported', data: { number: 1, fileSha256: s1.fileSha256 } });
    expect([...v2.events].map((e) => e.type).filter((t) => t === 'weapon.registered')).toHaveLength(2);

    const s3 = await h.ok('snapshots.export', { full: true });
    const v3 = readAndVerify(exportedFile(h, s3.fileName), keys.current.publicKey);
    expect(s3).toMatchObject({ number: 3, full: true, fromSeq: 1, toSeq: s2.toSeq + 1, events: s2.toSeq + 1, weapons: 4 });
    expect(v3.checkpoint).toMatchObject({ previousCheckpoint: v2.checkpointSha256, firstPrev: '0'.repeat(64) });

    rmSync(exportedFile(h, s1.fileName));
    const list = await h.ok('snapshots.list', {});
    expect(list.map((s) => [s.number, s.fromSeq, s.toSeq, s.events, s.fileSha256, s.kept])).toEqual([
      [3, 1, s3.toSeq, s3.events, s3.fileSha256, true],
      [2, s2.fromSeq, s2.toSeq, s2.events, s2.fileSha256, true],
      [1, 1, s1.toSeq, s1.events, s1.fileSha256, false],
    ]);
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });

  it('is accepted by Debian’s minisign and sha256sum --strict after unzip, and their refusals show tampering', async () => {
    const { h } = await stockedArmoury(3);
    const keys = await h.ok('snapshots.keys', {});
    await h.ok('snapshots.export', { full: false });
    await h.ok('weapons.register', weaponInput());
    const s = await h.ok('snapshots.export', { full: false });
    const file = exportedFile(h, s.fileName);

    const ok = standardCheck(file, keys.current.publicKey);
    expect(ok.minisign.status, ok.minisign.out).toBe(0);
    expect(ok.minisign.out).toContain(`Trusted comment: gardien-snapshot armoury=ML-TST-01 snapshot=2 to-seq=${s.toSeq} head=${s.head}`);
    expect(ok.sums.status, ok.sums.out).toBe(0);
    expect(ok.sums.out.trim().split('\n')).toEqual(['checkpoint.txt: OK', 'events.ndjson: OK', 'state/weapons.ndjson: OK', 'state/lots.ndjson: OK']);
    // The public key file as `key show` prints it works with -p too.
    writeFileSync(join(ok.dir, 'armoury.pub'), keys.current.publicKeyFile);
    expect(tool('minisign', ['-Vm', 'SHA256SUMS', '-p', 'armoury.pub'], ok.dir).status).toBe(0);
    expect(readdirSync(ok.dir).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.minisig', 'armoury.pub', 'checkpoint.txt', 'events.ndjson', 'state']);

    // The documented chain recipe (docs/snapshot-format.md) with jq and sha256sum.
    const recipe = readFileSync(join(__dirname, '../../docs/snapshot-format.md'), 'utf8').match(/```sh chain-check\n([\s\S]*?)```/)?.[1];
    expect(recipe).toBeDefined();
    const chain = tool('bash', ['-c', recipe ?? ''], ok.dir);
    expect(chain.status, chain.out).toBe(0);
    expect(chain.out).toContain(`chain ok: seq ${s.fromSeq} to ${s.toSeq}`);

    const events = readFileSync(join(ok.dir, 'events.ndjson'), 'utf8').replace('"weapon.registered"', '"weapon.registerec"');
    writeFileSync(join(ok.dir, 'events.ndjson'), events);
    expect(tool('sha256sum', ['-c', '--strict', 'SHA256SUMS'], ok.dir).status).not.toBe(0);
    expect(tool('bash', ['-c', recipe ?? ''], ok.dir).status).not.toBe(0);
    const other = await freshArmoury();
    const otherKey = (await other.ok('snapshots.keys', {})).current.publicKey;
    expect(tool('minisign', ['-Vm', 'SHA256SUMS', '-P', otherKey], ok.dir).status).not.toBe(0);
  });
});

describe('key rotation', () => {
  it('is announced in the next snapshot, signed by the current key, and the new key signs the one after', async () => {
    const { h } = await stockedArmoury(1);
    const before = await h.ok('snapshots.keys', {});
    await h.ok('snapshots.export', { full: false });
    const rotated = await h.ok('snapshots.rotateKey', { reason: 'Rotation annuelle' });
    expect(rotated.current).toEqual(before.current);
    expect(rotated.next).not.toBeNull();
    const next = rotated.next ?? before.current;
    expect(lastEvent(h)).toMatchObject({ type: 'signing_key.rotated', data: { keyId: next.keyId, publicKey: next.publicKey, reason: 'Rotation annuelle' } });

    const announcing = await h.ok('snapshots.export', { full: false });
    expect(announcing.keyId).toBe(before.current.keyId);
    const v = readAndVerify(exportedFile(h, announcing.fileName), before.current.publicKey);
    expect(v.checkpoint.nextKey).toBe(next.publicKey);
    expect(v.announcedKey).toEqual({ keyId: next.keyId, publicKey: next.publicKey, fingerprint: next.fingerprint });
    const promoted = await h.ok('snapshots.keys', {});
    expect(promoted).toEqual({ current: next, next: null });
    const retired = h.db.prepare('SELECT state, retired_seq FROM signing_keys WHERE key_id = ?').get(before.current.keyId);
    expect(retired).toEqual({ state: 'retired', retired_seq: lastEvent(h).seq });

    const after = await h.ok('snapshots.export', { full: false });
    expect(after.keyId).toBe(next.keyId);
    const file = exportedFile(h, after.fileName);
    expect(readAndVerify(file, next.publicKey).checkpoint.nextKey).toBeNull();
    expect(rejection(() => readAndVerify(file, before.current.publicKey)).reason).toBe('unknown_key');
    const tools = standardCheck(file, next.publicKey);
    expect([tools.minisign.status, tools.sums.status]).toEqual([0, 0]);
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });

  it('twice before an export announces only the last key; the first is retired unused', async () => {
    const h = await freshArmoury();
    const first = await h.ok('snapshots.rotateKey', { reason: 'Première' });
    const second = await h.ok('snapshots.rotateKey', { reason: 'Seconde' });
    expect(second.next?.keyId).not.toBe(first.next?.keyId);
    const s = await h.ok('snapshots.export', { full: false });
    const v = readAndVerify(exportedFile(h, s.fileName), first.current.publicKey);
    expect(v.checkpoint.nextKey).toBe(second.next?.publicKey);
    expect((await h.ok('snapshots.keys', {})).current.keyId).toBe(second.next?.keyId);
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM signing_keys WHERE state = 'retired'").get()).toEqual({ n: 2 });
    expect(verifyDatabase(h.db).problems).toEqual([]);
  });
});

describe('an export that fails', () => {
  function exportedEvents(h: Harness): number {
    return eventRows(h.db).filter((r) => r.type === 'snapshot.exported').length;
  }

  it('midway (a progress callback throws) leaves no file, no temporary file and no event', async () => {
    const { h } = await stockedArmoury(3);
    const dir = scratchDir();
    const head = h.head();
    let calls = 0;
    const failing = exportSnapshot(store(h), {
      dir, batch: 2, onProgress: () => {
        if (++calls === 2) throw new Error('stick pulled out');
      },
    });
    await expect(failing).rejects.toThrow('stick pulled out');
    expect(readdirSync(dir)).toEqual([]);
    expect(h.head()).toEqual(head);
    expect(exportedEvents(h)).toBe(0);
    // The next attempt is snapshot 1 again.
    expect((await exportSnapshot(store(h), { dir })).number).toBe(1);
    expect(readdirSync(dir)).toEqual(['ML-TST-01-000001.gsnap']);
  });

  it('at the rename (the final name is taken by a folder) removes its temporary file and records nothing', async () => {
    const { h } = await stockedArmoury(1);
    const dir = scratchDir();
    mkdirSync(join(dir, 'ML-TST-01-000001.gsnap', 'inside'), { recursive: true });
    const error = await exportSnapshot(store(h), { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('export_failed');
    expect(readdirSync(dir)).toEqual(['ML-TST-01-000001.gsnap']);
    expect(statSync(join(dir, 'ML-TST-01-000001.gsnap')).isDirectory()).toBe(true);
    expect(exportedEvents(h)).toBe(0);
  });

  it('into a missing folder is a typed error', async () => {
    const { h } = await stockedArmoury(1);
    const error = await exportSnapshot(store(h), { dir: join(scratchDir(), 'no-such-folder') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'export_failed', params: { detail: 'ENOENT' } });
    expect(exportedEvents(h)).toBe(0);
  });

  it('because another Gardien exported the same number meanwhile keeps that one’s file intact', async () => {
    const { h } = await stockedArmoury(4);
    const dir = scratchDir();
    const second = Store.open(h.path);
    try {
      const results = await Promise.allSettled([exportSnapshot(store(h), { dir, batch: 1 }), exportSnapshot(second, { dir, batch: 1 })]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect([won.length, lost.length]).toEqual([1, 1]);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'import_running' });
      const summary = (won[0] as PromiseFulfilledResult<{ fileName: string; fileSha256: string }>).value;
      expect(readdirSync(dir)).toEqual([summary.fileName]);
      expect(sha256(readFileSync(join(dir, summary.fileName)))).toBe(summary.fileSha256);
      expect(exportedEvents(h)).toBe(1);
    } finally {
      second.close();
    }
  });

  it('is refused while another export runs, and jobs.progress is idle afterwards', async () => {
    const { h } = await stockedArmoury(2);
    const running = h.call('snapshots.export', { full: false });
    const refused = await h.fail('snapshots.export', { full: true });
    expect(refused.code).toBe('import_running');
    const done = await running;
    expect(done.ok).toBe(true);
    expect(await h.ok('jobs.progress', {})).toEqual({ job: null, done: 0, total: 0, item: '' });
    expect(readdirSync(join(h.app.options.dataDir, 'exports'))).toEqual(['ML-TST-01-000001.gsnap']);
  });
});

describe('a long export', () => {
  it('reports its progress to jobs.progress between batches while the call is pending', async () => {
    const h = await freshArmoury();
    const list = Array.from({ length: 25_000 }, () => weaponFields.parse(weaponInput()));
    for (let i = 0; i < list.length; i += 5_000) registerMany(store(h), 1, list.slice(i, i + 5_000));
    const total = h.head().seq + 25_000;
    let finished = false;
    const running = h.call('snapshots.export', { full: false }).finally(() => {
      finished = true;
    });
    const seen: { job: string | null; done: number; total: number }[] = [];
    while (!finished) {
      seen.push(await h.ok('jobs.progress', {}));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await running).ok).toBe(true);
    const during = seen.filter((p) => p.job === 'snapshot_export');
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((p) => p.total === total && p.done > 0 && p.done <= total)).toBe(true);
    expect(await h.ok('jobs.progress', {})).toMatchObject({ job: null });
  }, 60_000);
});

describe('the demo armoury', () => {
  it('is signed by the same key on every run (a fixed seed), and its export verifies with it', async () => {
    const dir = scratchDir();
    const path = join(dir, 'demo.sqlite');
    await createDemoArmoury(path, { weapons: 30 });
    const demo = Store.open(path);
    try {
      const key = demoSigningKey();
      const line = publicKeyText(key.publicKey, key.keyId).line;
      expect(demo.s.sql("SELECT public_key FROM signing_keys WHERE state = 'current'").get()).toEqual({ public_key: line });
      const s = await exportSnapshot(demo, { dir });
      expect(s).toMatchObject({ number: 1, full: true, weapons: 30, keyId: keyIdHex(key.keyId) });
      expect(readAndVerify(join(dir, s.fileName), line).checkpoint.armoury).toBe('ML-BKO-01');
      expect(verifyDatabase(demo.db).problems).toEqual([]);
    } finally {
      demo.close();
    }
  });
});
