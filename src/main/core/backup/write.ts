import { createCipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { BackupReason } from '../../../shared/domain/backup';
import { AtomicFile } from '../spreadsheet/export/atomic';
import type { CopyFacts } from './copy';
import {
  aadOf, CHUNK_SIZE, chunkCount, encodeHeader, FORMAT_VERSION, keyCheckOf, NONCE_PREFIX_BYTES, nonceOf, TAG_BYTES,
  type BackupHeader, type KdfParams,
} from './format';

export interface EncryptOptions {
  key: Buffer;
  kdf: KdfParams;
  reason: BackupReason;
  createdAt: string;
  chunkSize?: number | undefined;
  /** Called after each chunk (progress, and a chance for the event loop to answer polls). */
  between?: ((done: number, total: number) => Promise<void> | void) | undefined;
}

export function headerFor(facts: CopyFacts, options: EncryptOptions): BackupHeader {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  return {
    format: FORMAT_VERSION,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', n: options.kdf.n, r: options.kdf.r, p: options.kdf.p, salt: options.kdf.salt.toString('base64') },
    keyCheck: keyCheckOf(options.key),
    noncePrefix: randomBytes(NONCE_PREFIX_BYTES).toString('hex'),
    chunkSize,
    chunks: chunkCount(facts.size, chunkSize),
    armoury: { code: facts.armouryCode, name: facts.armouryName },
    kind: facts.kind,
    reason: options.reason,
    createdAt: options.createdAt,
    head: facts.head,
    schemaVersion: facts.schemaVersion,
    weapons: facts.weapons,
    events: facts.events,
    plaintext: { size: facts.size, sha256: facts.sha256 },
  };
}

/**
 * Encrypts the verified copy at `plainPath` into `finalPath` through a temporary name beside it:
 * synced, renamed, folder synced. On any error the temporary file is removed and the final name is
 * left as it was (absent).
 */
export async function encryptToFile(plainPath: string, finalPath: string, facts: CopyFacts, options: EncryptOptions): Promise<BackupHeader> {
  const header = headerFor(facts, options);
  const { bytes, hash } = encodeHeader(header);
  const prefix = Buffer.from(header.noncePrefix, 'hex');
  const file = AtomicFile.create(finalPath);
  const input = openSync(plainPath, 'r');
  try {
    file.write(bytes);
    const buffer = Buffer.alloc(header.chunkSize);
    let written = 0;
    for (let i = 0; i < header.chunks; i++) {
      const want = Math.min(header.chunkSize, header.plaintext.size - written);
      let got = 0;
      while (got < want) {
        const n = readSync(input, buffer, got, want - got, written + got);
        if (n === 0) throw new Error('the copy shrank while it was encrypted');
        got += n;
      }
      const last = i === header.chunks - 1;
      const cipher = createCipheriv('aes-256-gcm', options.key, nonceOf(prefix, i), { authTagLength: TAG_BYTES });
      cipher.setAAD(aadOf(hash, i, last));
      file.write(Buffer.concat([cipher.update(buffer.subarray(0, want)), cipher.final(), cipher.getAuthTag()]));
      written += want;
      await options.between?.(i + 1, header.chunks);
    }
    file.commit();
    return header;
  } catch (error) {
    file.abort();
    throw error;
  } finally {
    closeSync(input);
  }
}
