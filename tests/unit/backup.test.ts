import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKey } from '../../src/main/core/backup/key';
import { readBackup } from '../../src/main/core/backup/read';
import { runAutomaticBackup } from '../../src/main/core/backup/service';
import { encryptToFile } from '../../src/main/core/backup/write';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { exportsFolder } from '../../src/main/core/snapshot/handlers';
import { Store } from '../../src/main/core/store';
import { events, fileHash } from './support/db';
import { ARMOURY, disposeHarnesses, freshArmoury, Harness, tempDir, USERS } from './support/harness';
import { weaponInput } from './support/weapons';

const PASSPHRASE = 'la clé USB du lundi matin';
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => disposeHarnesses());

/** A folder on the "USB stick", granted as the shell's dialog would, and the backups set up with it. */
async function configured(h: Harness, extra: { keep?: number } = {}): Promise<string> {
  const folder = join(h.dir, 'usb');
  mkdirSync(folder, { recursive: true });
  h.app.grantBackupPaths([folder]);
  await h.ok('backups.configure', { folder, passphrase: PASSPHRASE, confirm: PASSPHRASE, ...extra });
  return folder;
}

async function register(h: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await h.ok('weapons.register', weaponInput());
}

/** The database file as it is on disk after a checkpoint: what "byte-identical" compares. */
function settledHash(h: Harness): string {
  h.db.pragma('wal_checkpoint(TRUNCATE)');
  return fileHash(h.path);
}

async function managerArmoury(): Promise<Harness> {
  const h = await freshArmoury();
  await h.login('manager');
  return h;
}

describe('backups.configure and backups.status', () => {
  it('refuses folders no dialog granted, missing folders, short or unconfirmed passphrases, and non-managers', async () => {
    const h = await managerArmoury();
    const folder = join(h.dir, 'usb');
    mkdirSync(folder);
    expect((await h.fail('backups.configure', { folder })).code).toBe('backup_path_not_granted');
    const missing = join(h.dir, 'stick-not-plugged');
    h.app.grantBackupPaths([missing]);
    const gone = await h.fail('backups.configure', { folder: missing });
    expect(gone).toMatchObject({ code: 'backup_folder_unavailable', fields: { folder: { code: 'folder_unavailable' } } });
    expect(existsSync(missing)).toBe(false);
    const differ = await h.fail('backups.configure', { passphrase: PASSPHRASE, confirm: `${PASSPHRASE}x` });
    expect(differ).toMatchObject({ code: 'invalid_input', fields: { confirm: { code: 'passphrases_differ' } } });
    const short = await h.fail('backups.configure', { passphrase: 'court', confirm: 'court' });
    expect(short).toMatchObject({ code: 'invalid_input', fields: { passphrase: { code: 'too_short', params: { min: 10 } } } });
    expect((await h.ok('backups.status', {})).configured).toBe(false);

    const u = USERS.storekeeper;
    await h.ok('users.create', { username: u.username, fullName: u.fullName, role: 'storekeeper', password: u.password });
    await h.ok('auth.logout', {});
    await h.login('storekeeper');
    expect((await h.fail('backups.run', { reason: 'manual' })).code).toBe('forbidden');
    expect((await h.ok('backups.status', {})).passphraseSet).toBe(false);
  });

  it('journals the settings and who set the passphrase, keeps the key only as local state', async () => {
    const h = await managerArmoury();
    const folder = await configured(h, { keep: 4 });
    await h.ok('backups.configure', { daily: false, warnAfterDays: 3 });
    const status = await h.ok('backups.status', {});
    expect(status).toMatchObject({ configured: true, passphraseSet: true, folder, lastGood: null, settings: { folder, daily: false, onClose: true, keep: 4, warnAfterDays: 3 } });
    const changed = events(h.db).filter((e) => e.type === 'settings.changed').map((e) => e.data as { key: string; value: unknown });
    expect(changed).toEqual([
      { key: 'backup.folder', value: folder }, { key: 'backup.keep', value: 4 }, { key: 'backup.daily', value: false }, { key: 'backup.warnAfterDays', value: 3 },
    ]);
    expect(events(h.db).filter((e) => e.type === 'backup.passphrase_set')).toHaveLength(1);
    const store = h.app.store;
    if (!store) throw new Error('no store');
    const key = loadKey(store.s);
    if (!key) throw new Error('no key');
    // Neither the passphrase nor the key appears in any event.
    for (const row of h.db.prepare('SELECT body FROM events').all() as { body: Buffer }[]) {
      expect(row.body.includes(Buffer.from(PASSPHRASE))).toBe(false);
      expect(row.body.includes(key.key)).toBe(false);
      expect(row.body.includes(Buffer.from(key.key.toString('hex')))).toBe(false);
      expect(row.body.includes(Buffer.from(key.key.toString('base64')))).toBe(false);
    }
    // Nor in a snapshot.
    await h.ok('backups.run', { reason: 'manual' });
    const snapshot = await h.ok('snapshots.export', { full: true });
    const bytes = readFileSync(join(exportsFolder(h.dir), snapshot.fileName));
    for (const needle of [Buffer.from(PASSPHRASE), key.key, Buffer.from(key.key.toString('hex')), Buffer.from(key.key.toString('base64')), key.kdf.salt]) {
      expect(bytes.includes(needle)).toBe(false);
    }
    // The passphrase itself is nowhere in the database file.
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(h.path).includes(Buffer.from(PASSPHRASE))).toBe(false);
  });

  it('says when the last good backup is overdue and when the daily one is due', async () => {
    const h = await managerArmoury();
    await configured(h);
    // Days pass: each check signs in again (sessions end after 12 hours).
    const later = async (ms: number) => {
      h.clock.advance(ms);
      await h.login('manager');
      return h.ok('backups.status', {});
    };
    expect(await h.ok('backups.status', {})).toMatchObject({ overdue: false, dailyDue: true, lastGood: null });
    expect((await later(8 * DAY)).overdue).toBe(true);
    const made = await h.ok('backups.run', { reason: 'manual' });
    expect(await h.ok('backups.status', {})).toMatchObject({ overdue: false, dailyDue: false, lastGood: { fileName: made.fileName, headSeq: made.headSeq, reason: 'manual' } });
    expect(await later(DAY)).toMatchObject({ overdue: false, dailyDue: true });
    expect((await later(7 * DAY)).overdue).toBe(true);
  });
});

describe('backups.run', () => {
  it('refuses until configured, then writes a verified file and records backup.made', async () => {
    const h = await managerArmoury();
    expect((await h.fail('backups.run', { reason: 'manual' })).code).toBe('backup_not_configured');
    await register(h, 5);
    const folder = await configured(h);
    const head = h.head();
    const s = await h.ok('backups.run', { reason: 'manual' });
    expect(s.fileName).toMatch(new RegExp(`^${ARMOURY.code}-\\d{8}-\\d{6}\\.gbak$`));
    expect(readdirSync(folder)).toEqual([s.fileName]);
    expect(s).toMatchObject({ folder, headSeq: head.seq, headHash: head.hash, weapons: 5, size: statSync(join(folder, s.fileName)).size });
    expect(s.sha256).toBe(fileHash(join(folder, s.fileName)));
    const made = events(h.db).at(-1);
    expect(made).toMatchObject({ type: 'backup.made', actor: 1, data: { fileName: s.fileName, sha256: s.sha256, headSeq: head.seq, headHash: head.hash } });
    // The projection replays (verifyDatabase compares the backups table too).
    expect(verifyDatabase(h.db).ok).toBe(true);
    const inside = await readBackup(join(folder, s.fileName), PASSPHRASE);
    expect(inside.header.head).toEqual(head);
  });

  it('takes one consistent moment while writes go on, from this connection and from another', async () => {
    const h = await managerArmoury();
    await register(h, 20);
    const folder = await configured(h);
    const store = h.app.store;
    if (!store) throw new Error('no store');
    // Another connection (a second instance, the CLI) appends right after the copy is taken.
    const other = Store.open(h.path);
    const { runBackup } = await import('../../src/main/core/backup/service');
    const before = h.head();
    const s = await runBackup(store, h.clock.now, {
      reason: 'manual', chunkSize: 4096,
      afterCopy: () => other.journal.write(() => other.journal.append({ type: 'settings.changed', actor: 1, data: { key: 'idleLockMinutes', value: 20 } })),
    });
    other.close();
    expect(s.headSeq).toBe(before.seq);
    expect(h.head().seq).toBe(before.seq + 2); // the other writer's event, then backup.made

    // Writes on this connection while the backup runs (between its chunks and steps).
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await h.ok('weapons.register', weaponInput());
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const during = await h.ok('backups.run', { reason: 'manual' });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    const inside = await readBackup(join(folder, during.fileName), PASSPHRASE);
    const dir = tempDir();
    writeFileSync(join(dir, 'copy.sqlite'), inside.database);
    const copy = new Database(join(dir, 'copy.sqlite'));
    // The copy is a whole database at its head: verified, and that head is an event of the live journal.
    expect(verifyDatabase(copy).ok).toBe(true);
    const headRow = copy.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer };
    copy.close();
    expect(headRow.seq).toBe(during.headSeq);
    const live = h.db.prepare('SELECT hash FROM events WHERE seq = ?').get(headRow.seq) as { hash: Buffer };
    expect(live.hash.equals(headRow.hash)).toBe(true);
  });

  it('refuses a second backup while one runs, and a folder that went away leaves nothing behind', async () => {
    const h = await managerArmoury();
    await register(h, 3);
    const folder = await configured(h);
    const first = h.call('backups.run', { reason: 'manual' });
    const second = await h.call('backups.run', { reason: 'manual' });
    expect(second.ok ? null : second.error.code).toBe('backup_busy');
    expect((await first).ok).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(folder, { recursive: true });
    const seq = h.head().seq;
    expect((await h.fail('backups.run', { reason: 'manual' })).code).toBe('backup_folder_unavailable');
    expect(existsSync(folder)).toBe(false);
    expect(h.head().seq).toBe(seq);
    expect(readdirSync(h.dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('runs automatically only when configured and wanted', async () => {
    const h = await managerArmoury();
    expect(await runAutomaticBackup(h.app, 'close')).toBeNull();
    await configured(h);
    const daily = await runAutomaticBackup(h.app, 'daily');
    expect(daily?.reason).toBe('daily');
    expect(await runAutomaticBackup(h.app, 'daily')).toBeNull(); // done for today
    await h.ok('backups.configure', { onClose: false });
    expect(await runAutomaticBackup(h.app, 'close')).toBeNull();
    await h.ok('backups.configure', { onClose: true });
    await h.ok('auth.logout', {});
    // No session needed: the event names the manager who set the passphrase.
    const close = await runAutomaticBackup(h.app, 'close');
    expect(close?.reason).toBe('close');
    expect(events(h.db).at(-1)).toMatchObject({ type: 'backup.made', actor: 1, data: { reason: 'close' } });
  });
});

describe('rotation', () => {
  it('keeps the newest N of this armoury and never touches other files', async () => {
    const h = await managerArmoury();
    const folder = await configured(h, { keep: 3 });
    // Foreign files: another armoury's real backup, a file named like ours that is not one, our
    // backup renamed, and a text file.
    const other = new Harness(tempDir());
    await other.ok('app.setup', {
      armoury: { ...ARMOURY, code: 'ML-AUT-02' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: USERS.manager.password, passwordConfirm: USERS.manager.password },
    });
    const otherFolder = join(other.dir, 'usb');
    mkdirSync(otherFolder);
    other.app.grantBackupPaths([otherFolder]);
    await other.ok('backups.configure', { folder: otherFolder, passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const foreign = await other.ok('backups.run', { reason: 'manual' });
    writeFileSync(join(folder, foreign.fileName), readFileSync(join(otherFolder, foreign.fileName)));
    writeFileSync(join(folder, `${ARMOURY.code}-20000101-000000.gbak`), 'not a backup at all');
    writeFileSync(join(folder, 'notes.txt'), 'clé du lundi');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await h.ok('backups.run', { reason: 'manual' });
      made.push(s.fileName);
      if (i === 0) writeFileSync(join(folder, 'renamed.gbak'), readFileSync(join(folder, s.fileName)));
      h.clock.advance(1000);
      if (i >= 3) expect(s.rotated).toEqual([made[i - 3]]);
    }
    expect(readdirSync(folder).sort()).toEqual(
      [foreign.fileName, `${ARMOURY.code}-20000101-000000.gbak`, 'notes.txt', 'renamed.gbak', ...made.slice(2)].sort(),
    );
  });
});

describe('backups.inspect and backups.restore', () => {
  async function withBackup(): Promise<{ h: Harness; file: string; head: { seq: number; hash: string } }> {
    const h = await managerArmoury();
    await register(h, 8);
    const folder = await configured(h);
    const head = h.head();
    const s = await h.ok('backups.run', { reason: 'manual' });
    await register(h, 4); // work after the backup: the restore takes it away
    const file = join(folder, s.fileName);
    h.app.grantBackupPaths([file]);
    return { h, file, head };
  }

  it('inspects without touching the database', async () => {
    const { h, file, head } = await withBackup();
    const before = settledHash(h);
    const c = await h.ok('backups.inspect', { path: file, passphrase: PASSPHRASE });
    expect(c).toMatchObject({ armouryCode: ARMOURY.code, armouryName: ARMOURY.name, kind: 'armoury', headSeq: head.seq, headHash: head.hash, weapons: 8, sameArmoury: true, currentHeadSeq: h.head().seq });
    expect(settledHash(h)).toBe(before);
    expect(readdirSync(h.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('restores: the current database kept aside, the restored one verified and reopened, the session ended', async () => {
    const { h, file, head } = await withBackup();
    const current = h.head();
    const r = await h.ok('backups.restore', { path: file, passphrase: PASSPHRASE });
    expect(r.restored.headSeq).toBe(head.seq);
    expect(r.keptAside).toMatch(/^armoury\.before-restore-\d{8}-\d{6}\.sqlite$/);
    expect((await h.fail('weapons.list', {})).code).toBe('auth_required');
    expect(h.head()).toEqual(head);
    expect(verifyDatabase(h.db).ok).toBe(true);
    await h.login('manager');
    expect((await h.ok('weapons.counts', {})).total).toBe(8);
    // The previous database, aside, is intact with the work done after the backup.
    const aside = new Database(join(h.dir, r.keptAside ?? ''), { readonly: true });
    const asideHead = aside.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number };
    expect(asideHead.seq).toBe(current.seq);
    expect(verifyDatabase(aside).ok).toBe(true);
    aside.close();
    expect(readdirSync(h.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a wrong passphrase, a damaged file, a path not granted, another armoury and a newer schema, leaving the database byte-identical', async () => {
    const { h, file } = await withBackup();
    const before = settledHash(h);
    const seq = h.head().seq;
    const expectRefused = async (input: { path: string; passphrase: string; allowOtherArmoury?: boolean }, code: string) => {
      const e = await h.fail('backups.restore', input);
      expect(e.code).toBe(code);
      expect(settledHash(h)).toBe(before);
      expect(h.head().seq).toBe(seq);
      expect(readdirSync(h.dir).filter((n) => n.includes('before-restore') || n.endsWith('.tmp'))).toEqual([]);
      return e;
    };
    const wrong = await expectRefused({ path: file, passphrase: 'pas la bonne phrase' }, 'backup_wrong_passphrase');
    expect(wrong.fields).toEqual({ passphrase: { code: 'wrong_passphrase' } });

    const bytes = readFileSync(file);
    const damaged = join(h.dir, 'damaged.gbak');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 0x10;
    writeFileSync(damaged, flipped);
    h.app.grantBackupPaths([damaged]);
    await expectRefused({ path: damaged, passphrase: PASSPHRASE }, 'backup_damaged');

    const truncated = join(h.dir, 'truncated.gbak');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    h.app.grantBackupPaths([truncated]);
    await expectRefused({ path: truncated, passphrase: PASSPHRASE }, 'backup_damaged');

    const notGranted = join(h.dir, 'copy.gbak');
    writeFileSync(notGranted, bytes);
    await expectRefused({ path: notGranted, passphrase: PASSPHRASE }, 'backup_path_not_granted');

    // Another armoury's backup.
    const other = new Harness(tempDir());
    await other.ok('app.setup', {
      armoury: { ...ARMOURY, code: 'ML-AUT-02' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: USERS.manager.password, passwordConfirm: USERS.manager.password },
    });
    const otherFolder = join(other.dir, 'usb');
    mkdirSync(otherFolder);
    other.app.grantBackupPaths([otherFolder]);
    await other.ok('backups.configure', { folder: otherFolder, passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const foreign = join(otherFolder, (await other.ok('backups.run', { reason: 'manual' })).fileName);
    h.app.grantBackupPaths([foreign]);
    const e = await expectRefused({ path: foreign, passphrase: PASSPHRASE }, 'backup_other_armoury');
    expect(e.params).toEqual({ found: 'ML-AUT-02', current: ARMOURY.code });

    // A backup from a newer Gardien: a real backup re-encrypted with a header saying schema 99.
    const inside = await readBackup(file, PASSPHRASE);
    const plain = join(tempDir(), 'plain.sqlite');
    writeFileSync(plain, inside.database);
    const store = h.app.store;
    const key = store ? loadKey(store.s) : null;
    if (!key) throw new Error('no key');
    const newer = join(h.dir, 'newer.gbak');
    const facts = {
      armouryCode: ARMOURY.code, armouryName: ARMOURY.name, kind: 'armoury' as const, head: inside.header.head, events: inside.header.events,
      weapons: inside.header.weapons, schemaVersion: 99, size: inside.header.plaintext.size, sha256: inside.header.plaintext.sha256,
    };
    await encryptToFile(plain, newer, facts, { key: key.key, kdf: key.kdf, reason: 'manual', createdAt: new Date().toISOString() });
    h.app.grantBackupPaths([newer]);
    const future = await expectRefused({ path: newer, passphrase: PASSPHRASE }, 'backup_from_future');
    expect(future.params).toEqual({ found: 99, supported: LATEST_VERSION });
  });

  it('restores another armoury only when explicitly allowed', async () => {
    const { h } = await withBackup();
    const other = new Harness(tempDir());
    await other.ok('app.setup', {
      armoury: { ...ARMOURY, code: 'ML-AUT-02' },
      manager: { username: 'chef', fullName: 'Awa Traoré', password: USERS.manager.password, passwordConfirm: USERS.manager.password },
    });
    const otherFolder = join(other.dir, 'usb');
    mkdirSync(otherFolder);
    other.app.grantBackupPaths([otherFolder]);
    await other.ok('backups.configure', { folder: otherFolder, passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const foreign = join(otherFolder, (await other.ok('backups.run', { reason: 'manual' })).fileName);
    h.app.grantBackupPaths([foreign]);
    const r = await h.ok('backups.restore', { path: foreign, passphrase: PASSPHRASE, allowOtherArmoury: true });
    expect(r.restored).toMatchObject({ armouryCode: 'ML-AUT-02', sameArmoury: false });
    expect(h.app.status().armoury?.code).toBe('ML-AUT-02');
  });
});
