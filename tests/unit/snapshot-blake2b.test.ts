import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2b512Js } from '../../src/main/core/snapshot/blake2b';

// Electron's BoringSSL has no blake2b512: minisign's prehashed signatures then use this one.
describe('the TypeScript BLAKE2b-512', () => {
  it('gives RFC 7693’s test vector for "abc"', () => {
    expect(blake2b512Js(Buffer.from('abc')).toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  it('gives the same digest as OpenSSL at every length around the block size, and for random data', () => {
    const lengths = [0, 1, 55, 111, 112, 127, 128, 129, 255, 256, 257, 383, 384, 385, 1000, 4096];
    for (const n of lengths) {
      const data = randomBytes(n);
      expect(blake2b512Js(data).toString('hex'), `length ${n}`).toBe(createHash('blake2b512').update(data).digest('hex'));
    }
    const view = randomBytes(300).subarray(7, 250);
    expect(blake2b512Js(view).equals(createHash('blake2b512').update(view).digest())).toBe(true);
  });
});
