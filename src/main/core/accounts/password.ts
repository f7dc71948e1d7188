import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt with memory-hard parameters (N=2^15, r=8: 32 MiB per hash, ~0.1 s on an armoury PC).
 * The parameters are stored with each hash so they can be raised later without a reset.
 */
export interface PasswordHash {
  params: { N: number; r: number; p: number; keylen: number };
  salt: Buffer;
  hash: Buffer;
}

const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, params: PasswordHash['params']): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { params: DEFAULT_PARAMS, salt, hash: await derive(password, salt, DEFAULT_PARAMS) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}

/** Used when the username is unknown, so a wrong name costs the same time as a wrong password. */
export const DUMMY_HASH: PasswordHash = {
  params: DEFAULT_PARAMS,
  salt: Buffer.alloc(16),
  hash: Buffer.alloc(32),
};
