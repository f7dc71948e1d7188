import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleSnapshot } from '../../src/main/core/snapshot/assemble';
import { formatCheckpoint, parseCheckpoint, trustedCommentOf, type Checkpoint } from '../../src/main/core/snapshot/checkpoint';
import { loadSigningKey } from '../../src/main/core/snapshot/keys';
import { generateSigningKey, publicKeyText, signPrehashed, type SigningKey } from '../../src/main/core/snapshot/minisign';
import { openSnapshot, verifySnapshot } from '../../src/main/core/snapshot/read';
import { ENTRY_ORDER } from '../../src/main/core/snapshot/rejection';
import { writeSnapshotZip, type ZipEntryInput } from '../../src/main/core/snapshot/zip-write';
import type { RejectionReason } from '../../src/shared/domain/snapshot';
import { newStore, receiveNew } from './support/ammunition';
import { freshArmoury, type Harness } from './support/harness';
import { exportedFile, openAndVerify, rejection } from './support/snapshot-tools';
import { weaponInput } from './support/weapons';

let h: Harness;
let key: SigningKey;
let pub: string;
/** A since-last snapshot (snapshot 2) as exported, and its entries. */
let file: Buffer;
let entries: { name: string; data: Buffer }[];
let cp: Checkpoint;

beforeAll(async () => {
  h = await freshArmoury();
  for (let i = 0; i < 4; i++) await h.ok('weapons.register', weaponInput());
  await h.ok('snapshots.export', { full: false });
  for (let i = 0; i < 3; i++) await h.ok('weapons.register', weaponInput());
  await receiveNew(h, await newStore(h), 500);
  const s = await h.ok('snapshots.export', { full: false });
  file = readFileSync(exportedFile(h, s.fileName));
  const store = h.app.store;
  if (!store) throw new Error('no store');
  key = loadSigningKey(store).key;
  pub = publicKeyText(key.publicKey, key.keyId).line;
  const opened = openSnapshot(file);
  entries = opened.names.map((name) => ({ name, data: opened.entries.get(name) as Buffer }));
  cp = parseCheckpoint(entry('checkpoint.txt').toString());
});

afterAll(() => h.dispose());

function entry(name: string): Buffer {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e.data;
}

/** The exported entries with some replaced or changed (the signature is kept: a forger without the key). */
function rezip(change: (list: ZipEntryInput[]) => ZipEntryInput[]): Buffer {
  return writeSnapshotZip(change(entries.map((e) => ({ ...e }))));
}

function replace(name: string, data: Buffer | string): (list: ZipEntryInput[]) => ZipEntryInput[] {
  return (list) => list.map((e) => (e.name === name ? { ...e, data: Buffer.from(data) } : e));
}

/** Content files changed and the whole re-signed: an insider with the real key, or a forger with `signer`. */
function resigned(files: Record<string, Buffer | string | null>, options: { checkpoint?: Partial<Checkpoint>; signer?: SigningKey; comment?: string } = {}): Buffer {
  const checkpoint = { ...cp, ...options.checkpoint };
  const content = { 'checkpoint.txt': formatCheckpoint(checkpoint), ...files };
  const list = ENTRY_ORDER.slice(0, 4)
    .map((name) => {
      const data = name in content ? content[name as keyof typeof content] : entry(name);
      return data === null || data === undefined ? null : { name, data: Buffer.from(data) as Buffer };
    })
    .filter((e): e is { name: string; data: Buffer } => e !== null);
  return assembleSnapshot(list, options.signer ?? key, options.comment ?? trustedCommentOf(checkpoint));
}

function lines(name: string): string[] {
  return entry(name).toString().split('\n').slice(0, -1);
}

function join(ls: string[]): string {
  return ls.map((l) => `${l}\n`).join('');
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Re-links every event after a change, and returns the new head: a consistent forgery of the file alone. */
function rechain(ls: string[]): { lines: string[]; head: string } {
  let prev = cp.firstPrev;
  const out = ls.map((l) => {
    const e = JSON.parse(l) as { prev: string };
    const line = JSON.stringify({ ...e, prev });
    prev = sha(line);
    return line;
  });
  return { lines: out, head: prev };
}

function reasonOf(bytes: Buffer, publicKey = pub, armoury?: string): RejectionReason {
  return rejection(() => verifySnapshot(openSnapshot(bytes), publicKey, armoury === undefined ? {} : { armoury })).reason;
}

describe('a snapshot as exported', () => {
  it('opens and verifies, and the in-memory writer lays out the same bytes as the streaming one', () => {
    const v = openAndVerify(file, pub);
    expect(v.checkpoint).toEqual(cp);
    expect(v.eventCount).toBe(cp.toSeq - cp.fromSeq + 1);
    expect([...v.events].map((e) => e.seq)).toEqual(Array.from({ length: v.eventCount }, (_, i) => cp.fromSeq + i));
    expect([...v.weapons]).toHaveLength(7);
    expect(v.lots).toEqual([expect.objectContaining({ rounds: 500 })]);
    expect(writeSnapshotZip(entries, { at: new Date(cp.created) }).equals(file)).toBe(true);
  });

  it('is still valid without its optional state files when re-signed so by the armoury', () => {
    const v = openAndVerify(resigned({ 'state/weapons.ndjson': null, 'state/lots.ndjson': null }), pub);
    expect(v.hasState).toEqual({ weapons: false, lots: false });
    expect([...v.weapons]).toEqual([]);
  });
});

describe('the archive checks refuse', () => {
  const cases: [string, () => Buffer, RejectionReason][] = [
    ['an empty file', () => Buffer.alloc(0), 'not_a_snapshot'],
    ['random bytes', () => Buffer.from('PK\u0003\u0004 this is not really a zip file at all'), 'not_a_snapshot'],
    ['bytes appended after the end record', () => Buffer.concat([file, Buffer.from('\n')]), 'not_a_snapshot'],
    ['an archive comment', () => {
      const b = Buffer.concat([file, Buffer.from('hi')]);
      b.writeUInt16LE(2, file.length - 2);
      return b;
    }, 'not_a_snapshot'],
    ['bytes prepended (offsets no longer match)', () => Buffer.concat([Buffer.from('MZ'), file]), 'archive_corrupt'],
    ['a flipped bit inside events.ndjson', () => {
      const b = Buffer.from(file);
      const at = b.indexOf('"weapon.registered"');
      b[at + 3] = (b[at + 3] ?? 0) ^ 0x01;
      return b;
    }, 'archive_corrupt'],
    ['a compressed entry', () => rezip((l) => l.map((e) => (e.name === 'events.ndjson' ? { ...e, method: 8 } : e))), 'entry_compressed'],
    ['an encrypted entry', () => rezip((l) => l.map((e) => (e.name === 'checkpoint.txt' ? { ...e, flags: 1 } : e))), 'not_a_snapshot'],
    ['a data descriptor', () => rezip((l) => l.map((e) => (e.name === 'checkpoint.txt' ? { ...e, flags: 8 } : e))), 'not_a_snapshot'],
    ['an extra field', () => rezip((l) => l.map((e) => (e.name === 'SHA256SUMS' ? { ...e, extra: Buffer.from([0x55, 0x54, 1, 0, 0]) } : e))), 'not_a_snapshot'],
    ['ZIP64', () => rezip((l) => l.map((e) => (e.name === 'SHA256SUMS' ? { ...e, versionNeeded: 45 } : e))), 'not_a_snapshot'],
    ['a symbolic link', () => rezip((l) => l.map((e) => (e.name === 'state/lots.ndjson' ? { ...e, externalAttrs: (0o120777 << 16) >>> 0 } : e))), 'not_a_snapshot'],
    ['a local header naming another file', () => rezip((l) => l.map((e) => (e.name === 'state/lots.ndjson' ? { ...e, localName: 'state/lots.ndjsoN' } : e))), 'archive_corrupt'],
    ['a wrong CRC in both headers', () => rezip((l) => l.map((e) => (e.name === 'checkpoint.txt' ? { ...e, crc: 12345 } : e))), 'archive_corrupt'],
    ['two entries sharing bytes', () => {
      const b = Buffer.from(file);
      // The second central record (events.ndjson) made to point at the first entry.
      const cd = b.readUInt32LE(b.length - 22 + 16);
      const second = cd + 46 + b.readUInt16LE(cd + 28);
      b.writeUInt32LE(0, second + 42);
      return b;
    }, 'archive_corrupt'],
    ['a traversal name', () => rezip((l) => [...l, { name: '../../.bashrc', data: Buffer.from('x') }]), 'entry_name_unsafe'],
    ['an absolute name', () => rezip((l) => [...l, { name: '/etc/cron.d/x', data: Buffer.from('x') }]), 'entry_name_unsafe'],
    ['a backslash', () => rezip((l) => [...l, { name: 'state\\weapons.ndjson', data: Buffer.from('x') }]), 'entry_name_unsafe'],
    ['a control character', () => rezip((l) => [...l, { name: 'events.ndjson\u0000.txt', data: Buffer.from('x') }]), 'entry_name_unsafe'],
    ['a folder entry', () => rezip((l) => [{ name: 'state/', data: Buffer.alloc(0) }, ...l]), 'entry_name_unsafe'],
    ['a duplicate entry', () => rezip((l) => [...l, { name: 'events.ndjson', data: entry('events.ndjson') }]), 'entry_duplicate'],
    ['an unknown file', () => rezip((l) => [...l, { name: 'README.txt', data: Buffer.from('hello') }]), 'entry_unexpected'],
    ['a missing SHA256SUMS', () => rezip((l) => l.filter((e) => e.name !== 'SHA256SUMS')), 'entry_missing'],
    ['a missing events.ndjson', () => rezip((l) => l.filter((e) => e.name !== 'events.ndjson')), 'entry_missing'],
    ['seventeen entries', () => rezip((l) => [...l, ...Array.from({ length: 11 }, (_, i) => ({ name: `x${i}`, data: Buffer.alloc(0) }))]), 'entry_too_large'],
    ['a line longer than 1 MiB', () => rezip(replace('state/weapons.ndjson', `${'x'.repeat(1024 * 1024 + 1)}\n`)), 'entry_too_large'],
    ['an oversized checkpoint', () => rezip(replace('checkpoint.txt', 'x'.repeat(65 * 1024))), 'entry_too_large'],
    ['invalid UTF-8', () => rezip(replace('state/weapons.ndjson', Buffer.concat([entry('state/weapons.ndjson'), Buffer.from([0xc3, 0x28, 0x0a])]))), 'invalid_utf8'],
    ['an unreadable signature', () => rezip(replace('SHA256SUMS.minisig', 'untrusted comment: x\nnot base64\n')), 'malformed_signature'],
  ];
  it.each(cases)('%s', (_, make, reason) => {
    expect(reasonOf(make())).toBe(reason);
  });
});

describe('the signature and content checks refuse', () => {
  it('a key other than the signer, or the key of another armoury', () => {
    const other = generateSigningKey();
    expect(reasonOf(file, publicKeyText(other.publicKey, other.keyId).line)).toBe('unknown_key');
    expect(reasonOf(file, pub, 'ML-AUTRE-02')).toBe('key_of_another_armoury');
    expect(reasonOf(file, 'not a key')).toBe('unknown_key');
  });

  it('a forgery signed by an unknown key that claims the armoury’s key id', () => {
    const forger = generateSigningKey();
    forger.keyId = Buffer.from(key.keyId);
    expect(reasonOf(resigned({}, { signer: forger }))).toBe('bad_signature');
  });

  it('sums edited after signing, or a file that no longer matches its sum', () => {
    const sums = entry('SHA256SUMS').toString().replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));
    expect(reasonOf(rezip(replace('SHA256SUMS', sums)))).toBe('bad_signature');
    const events = entry('events.ndjson').toString().replace('"weapon.registered"', '"weapon.registerex"');
    expect(reasonOf(rezip(replace('events.ndjson', events)))).toBe('file_hash_mismatch');
  });

  it('sums that do not cover exactly the archive', () => {
    const sums = entry('SHA256SUMS').toString();
    const sign = (text: string) => rezip((l) => l.map((e) => (e.name === 'SHA256SUMS' ? { ...e, data: Buffer.from(text) } : e.name === 'SHA256SUMS.minisig' ? { ...e, data: resignedSig(text) } : e)));
    expect(reasonOf(sign(sums.split('\n').filter((l) => !l.endsWith('lots.ndjson')).join('\n')))).toBe('entry_unexpected');
    expect(reasonOf(sign(`${sums}${'0'.repeat(64)}  state/extra.ndjson\n`))).toBe('entry_missing');
    expect(reasonOf(sign(sums.replace('  ', ' *')))).toBe('malformed_sums');
    expect(reasonOf(sign(`${sums}${sums.split('\n')[0]}\n`))).toBe('malformed_sums');
  });

  it('a checkpoint that is malformed or disagrees with the comment, the key or the events', () => {
    expect(reasonOf(resigned({ 'checkpoint.txt': formatCheckpoint(cp).replace('region:', 'county:') }))).toBe('malformed_checkpoint');
    expect(reasonOf(resigned({}, { comment: trustedCommentOf({ ...cp, snapshot: cp.snapshot + 1 }) }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { comment: 'any text the armoury likes' }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { checkpoint: { keyId: '0123456789ABCDEF' } }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { checkpoint: { toSeq: cp.toSeq + 1 } }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { checkpoint: { firstPrev: '1'.repeat(64) } }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { checkpoint: { full: true } }))).toBe('checkpoint_mismatch');
    expect(reasonOf(resigned({}, { checkpoint: { nextKey: publicKeyText(generateSigningKey().publicKey, generateSigningKey().keyId).line } }))).toBe('checkpoint_mismatch');
  });

  it('events changed, dropped or moved by an insider with the real key', () => {
    const ls = lines('events.ndjson');
    const middle = Math.floor(ls.length / 2);
    const edited = [...ls];
    edited[middle] = (edited[middle] ?? '').replace('"actor":1', '"actor":2');
    expect(edited[middle]).not.toBe(ls[middle]);
    expect(reasonOf(resigned({ 'events.ndjson': join(edited) }))).toBe('broken_chain');
    expect(reasonOf(resigned({ 'events.ndjson': join(ls.filter((_, i) => i !== middle)) }))).toBe('seq_gap');
    const swapped = [...ls];
    [swapped[middle], swapped[middle + 1]] = [ls[middle + 1] ?? '', ls[middle] ?? ''];
    expect(reasonOf(resigned({ 'events.ndjson': join(swapped) }))).toBe('seq_gap');
    const foreign = [...ls];
    foreign[middle] = (foreign[middle] ?? '').replace(`"armoury":"${cp.armoury}"`, '"armoury":"ML-AUTRE-02"');
    expect(reasonOf(resigned({ 'events.ndjson': join(foreign) }))).toBe('wrong_armoury');
    const broken = [...ls];
    broken[middle] = '{"v":1,"seq":';
    expect(reasonOf(resigned({ 'events.ndjson': join(broken) }))).toBe('malformed_event');
    expect(reasonOf(resigned({ 'events.ndjson': join(ls).slice(0, -1) }))).toBe('malformed_event');
  });

  it('state files that do not match the checkpoint', () => {
    const weapons = lines('state/weapons.ndjson');
    expect(reasonOf(resigned({ 'state/weapons.ndjson': join(weapons.slice(1)) }))).toBe('state_mismatch');
    expect(reasonOf(resigned({ 'state/weapons.ndjson': join([...weapons].reverse()) }))).toBe('state_mismatch');
    const late = weapons.map((l, i) => (i === weapons.length - 1 ? l.replace(/"id":\d+/, `"id":${cp.toSeq + 5}`) : l));
    expect(reasonOf(resigned({ 'state/weapons.ndjson': join(late) }))).toBe('state_mismatch');
    expect(reasonOf(resigned({ 'state/weapons.ndjson': join(weapons.map((l) => l.replace('"status":"in_store"', '"status":"vanished"'))) }))).toBe('state_mismatch');
    expect(reasonOf(resigned({ 'state/lots.ndjson': '' }))).toBe('state_mismatch');
  });

  it('accepts a history fully re-chained by an insider: only the register can tell (history_rewritten)', () => {
    const ls = lines('events.ndjson');
    const edited = [...ls];
    const middle = Math.floor(ls.length / 2);
    edited[middle] = (edited[middle] ?? '').replace('"actor":1', '"actor":2');
    const forged = rechain(edited);
    const v = openAndVerify(resigned({ 'events.ndjson': join(forged.lines) }, { checkpoint: { head: forged.head } }), pub);
    expect(v.checkpoint.head).not.toBe(cp.head);
  });
});

/** A signature of `sums` by the armoury's key with the snapshot's own trusted comment. */
function resignedSig(sums: string): Buffer {
  return Buffer.from(signPrehashed(Buffer.from(sums), key, trustedCommentOf(cp)));
}
