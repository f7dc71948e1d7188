import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprint,
  generateSigningKey,
  keyIdHex,
  parsePublicKey,
  publicKeyText,
  signPrehashed,
  verifyPrehashed,
  type SigningKey,
} from '../../src/main/core/snapshot/minisign';
import { tempDir } from './support/harness';

const TRUSTED = 'armoury=ML-BKO-01 snapshot=3 size=48213 head=9f2c0a';
let dir: string;
let key: SigningKey;
let pub: { line: string; file: string };

/** Runs Debian's minisign; status 0 means it accepted. */
function minisign(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('minisign', args, { encoding: 'utf8', cwd: dir });
  if (r.error) throw new Error(`minisign could not run (apt-get install minisign): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function put(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A file and our signature of it, written side by side as `minisign -Vm` expects. */
function signed(name: string, data: Buffer, trusted = TRUSTED): { file: string; sig: string } {
  const sig = signPrehashed(data, key, trusted);
  put(`${name}.minisig`, sig);
  return { file: put(name, data), sig };
}

/** Rewrites one base64 line of a .minisig (1 = signature line, 3 = global signature) through `edit`. */
function editLine(sig: string, index: 1 | 3, edit: (b: Buffer) => void): string {
  const lines = sig.split('\n');
  const b = Buffer.from(lines[index] ?? '', 'base64');
  edit(b);
  lines[index] = b.toString('base64');
  return lines.join('\n');
}

function flipBit(b: Buffer, bit: number): void {
  const i = bit >> 3;
  b[i] = (b[i] ?? 0) ^ (1 << (bit & 7));
}

beforeAll(() => {
  dir = tempDir('gardien-minisign-');
  key = generateSigningKey();
  pub = publicKeyText(key.publicKey, key.keyId);
  put('ours.pub', pub.file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('our signatures, checked by the real minisign', () => {
  it('are accepted with -P and with -p, requiring the prehashed form, and show the trusted comment', () => {
    const { file } = signed('SHA256SUMS', Buffer.from(`${'ab'.repeat(32)}  events.ndjson\n`));
    for (const keyArgs of [['-P', pub.line], ['-p', join(dir, 'ours.pub')]]) {
      const r = minisign('-V', '-H', '-m', file, ...keyArgs);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toContain(`Trusted comment: ${TRUSTED}`);
    }
  });

  it('handle empty, binary and non-ASCII content and a UTF-8 trusted comment', () => {
    const cases: [string, Buffer, string][] = [
      ['empty', Buffer.alloc(0), 'vide'],
      ['binary', randomBytes(200_000), 'binaire'],
      ['utf8', Buffer.from('Pistolet 9 mm – réf. ÉÈ\n'), 'armurerie=Bamako – clé №1'],
    ];
    for (const [name, data, trusted] of cases) {
      const { file } = signed(name, data, trusted);
      const r = minisign('-V', '-m', file, '-P', pub.line);
      expect(r.status, `${name}: ${r.out}`).toBe(0);
      expect(r.out).toContain(`Trusted comment: ${trusted}`);
    }
  });

  it('are refused by both minisign and our verifier after a one-bit change anywhere', () => {
    const data = Buffer.from('line one\nline two\n');
    const { sig } = signed('flip', data);
    expect(verifyPrehashed(data, sig, pub.line)).toEqual({ ok: true, trustedComment: TRUSTED });

    const changedData = Buffer.from(data);
    flipBit(changedData, 13);
    put('flip', changedData);
    expect(minisign('-V', '-m', join(dir, 'flip'), '-P', pub.line).status).not.toBe(0);
    expect(verifyPrehashed(changedData, sig, pub.line)).toEqual({ ok: false, reason: 'bad_signature' });
    put('flip', data);

    const variants: [string, string, string][] = [
      ['signature bit', editLine(sig, 1, (b) => flipBit(b, 10 * 8 + 5)), 'bad_signature'],
      ['global signature bit', editLine(sig, 3, (b) => flipBit(b, 17)), 'bad_global_signature'],
      ['trusted comment', sig.replace('snapshot=3', 'snapshot=4'), 'bad_global_signature'],
      ['key id', editLine(sig, 1, (b) => flipBit(b, 2 * 8)), 'key_mismatch'],
    ];
    for (const [what, bad, reason] of variants) {
      put('flip.minisig', bad);
      expect(minisign('-V', '-m', join(dir, 'flip'), '-P', pub.line).status, what).not.toBe(0);
      expect(verifyPrehashed(data, bad, pub.line), what).toEqual({ ok: false, reason });
    }
  });
});

describe('our verifier', () => {
  const data = Buffer.from('checkpoint\n');

  it('accepts what our signer wrote, with CRLF line ends and an edited untrusted comment', () => {
    const sig = signPrehashed(data, key, TRUSTED, 'any text');
    expect(verifyPrehashed(data, sig, pub.line)).toEqual({ ok: true, trustedComment: TRUSTED });
    expect(verifyPrehashed(data, Buffer.from(sig.replace(/\n/g, '\r\n')), pub.line).ok).toBe(true);
    expect(verifyPrehashed(data, sig.replace('any text', 'edited freely'), pub.line).ok).toBe(true);
    expect(verifyPrehashed(data, signPrehashed(data, key, ''), pub.line)).toEqual({ ok: true, trustedComment: '' });
  });

  it('refuses every single-bit change of either signature with the matching reason', () => {
    const sig = signPrehashed(data, key, TRUSTED);
    for (let bit = 0; bit < 74 * 8; bit++) {
      const v = verifyPrehashed(data, editLine(sig, 1, (b) => flipBit(b, bit)), pub.line);
      const expected = bit < 16 ? 'malformed' : bit < 80 ? 'key_mismatch' : 'bad_signature';
      expect(v, `bit ${bit}`).toEqual({ ok: false, reason: expected });
    }
    for (let bit = 0; bit < 64 * 8; bit++) {
      expect(verifyPrehashed(data, editLine(sig, 3, (b) => flipBit(b, bit)), pub.line), `bit ${bit}`).toEqual({ ok: false, reason: 'bad_global_signature' });
    }
  });

  it('gives a typed refusal, never an exception, on garbage', () => {
    const sig = signPrehashed(data, key, TRUSTED);
    const other = generateSigningKey();
    const otherPub = publicKeyText(other.publicKey, other.keyId).line;
    const sameIdOtherKey = publicKeyText(other.publicKey, key.keyId).line;
    const lines = sig.split('\n');
    const inputs: [unknown, unknown][] = [
      ['', pub.line],
      [sig, ''],
      [sig, 'not base64 at all'],
      [sig, pub.line.slice(0, -4)],
      [sig, `${pub.line}AAAA`],
      [sig, Buffer.from(`ED${'x'.repeat(40)}`).toString('base64')],
      [sig, 'x'.repeat(10_000_000)],
      ['x'.repeat(10_000_000), pub.line],
      [Buffer.alloc(10_000_000), pub.line],
      [Buffer.from([0xff, 0xfe, 0x00]), pub.line],
      [sig.replace(lines[1] ?? '', `${lines[1] ?? ''}=`), pub.line],
      [sig.replace(lines[1] ?? '', (lines[1] ?? '').replace(/^RU/, 'RW')), pub.line], // legacy "Ed" signature
      [sig.replace('trusted comment: ', 'trusted: '), pub.line],
      [sig.replace('untrusted comment: ', ''), pub.line],
      [`${sig}extra line\n`, pub.line],
      [sig, otherPub],
      [sig, sameIdOtherKey],
      [null, pub.line],
      [sig, null],
      [42, undefined],
    ];
    for (let n = 0; n < 200; n++) inputs.push([randomBytes(n * 3), pub.line], [randomBytes(n).toString('base64'), pub.line]);
    for (let cut = 0; cut < sig.length - 1; cut++) inputs.push([sig.slice(0, cut), pub.line]);

    for (const [sigText, pk] of inputs) {
      const v = verifyPrehashed(data, sigText as string, pk as string);
      expect(v.ok).toBe(false);
    }
    expect(verifyPrehashed('text' as unknown as Buffer, sig, pub.line)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyPrehashed(data, sig, otherPub)).toEqual({ ok: false, reason: 'key_mismatch' });
    expect(verifyPrehashed(data, sig, sameIdOtherKey)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyPrehashed(data, sig.slice(0, sig.indexOf('trusted comment:', 30)), pub.line)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('signatures made by the real minisign', () => {
  it('verify with our verifier, and minisign prints key ids as we do', () => {
    const pubFile = join(dir, 'theirs.pub');
    const secFile = join(dir, 'theirs.key');
    const g = minisign('-G', '-W', '-p', pubFile, '-s', secFile);
    expect(g.status, g.out).toBe(0);
    const [comment = '', line = ''] = readFileSync(pubFile, 'utf8').split('\n');
    const theirs = parsePublicKey(line) ?? expect.fail(`unparsed public key ${line}`);
    expect(comment).toBe(`untrusted comment: minisign public key ${keyIdHex(theirs.keyId)}`);
    expect(publicKeyText(theirs.publicKey, theirs.keyId).file).toBe(readFileSync(pubFile, 'utf8'));

    const data = Buffer.from('events.ndjson contents\n');
    const file = put('theirs.txt', data);
    const s = minisign('-S', '-s', secFile, '-m', file, '-t', TRUSTED);
    expect(s.status, s.out).toBe(0);
    const sig = readFileSync(`${file}.minisig`, 'utf8');
    expect(verifyPrehashed(data, sig, line)).toEqual({ ok: true, trustedComment: TRUSTED });
    expect(verifyPrehashed(Buffer.from('events.ndjson contentS\n'), sig, line)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyPrehashed(data, sig, pub.line)).toEqual({ ok: false, reason: 'key_mismatch' });

    // Legacy (non-prehashed) signatures are refused on purpose: Gardien only writes "ED".
    const legacy = minisign('-S', '-l', '-s', secFile, '-m', file, '-x', `${file}.legacy`, '-t', TRUSTED);
    expect(legacy.status, legacy.out).toBe(0);
    expect(verifyPrehashed(data, readFileSync(`${file}.legacy`, 'utf8'), line)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('keys and comments', () => {
  it('formats the public key as minisign does and fingerprints the whole key line', () => {
    const k = { publicKey: Buffer.alloc(32, 7), keyId: Buffer.from('0102030405060708', 'hex') };
    const text = publicKeyText(k.publicKey, k.keyId);
    expect(text.file).toBe(`untrusted comment: minisign public key 0807060504030201\n${text.line}\n`);
    expect(parsePublicKey(text.line)).toEqual(k);
    expect(fingerprint(k.publicKey, k.keyId)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect(fingerprint(k.publicKey, Buffer.from('0102030405060709', 'hex'))).not.toBe(fingerprint(k.publicKey, k.keyId));
    expect(fingerprint(key.publicKey, key.keyId)).toBe(fingerprint(key.publicKey, key.keyId));
  });

  it('refuses multi-line, NUL-bearing and oversized comments when signing', () => {
    const data = Buffer.from('x');
    for (const bad of ['a\nb', 'a\rb', 'a\0b', 'é'.repeat(4100)]) {
      expect(() => signPrehashed(data, key, bad)).toThrow(/trusted comment/);
      expect(() => signPrehashed(data, key, TRUSTED, bad)).toThrow(/untrusted comment/);
    }
  });
});
