import { createDecipheriv, createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../errors';
import {
  aadOf, deriveKey, expectedFileSize, FORMAT_VERSION, keyMatches, MAX_HEADER_BYTES, nonceOf, parseHeader, TAG_BYTES,
  type BackupHeader, type KdfParams,
} from './format';

/** Where the encrypted bytes come from: a buffer (fuzzing, tests) or an open file (restore). */
export interface ByteSource {
  name: string;
  size: number;
  read(offset: number, length: number): Buffer;
}

export function bufferSource(bytes: Uint8Array, name = 'backup'): ByteSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { name, size: buffer.length, read: (offset, length) => buffer.subarray(offset, Math.min(offset + length, buffer.length)) };
}

/** Opens a file as a source; the caller closes it. Unreadable files are a typed error. */
export function fileSource(path: string): ByteSource & { close(): void } {
  const name = basename(path);
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = fstatSync(fd).size;
  } catch {
    throw new AppError('backup_file_unreadable', `cannot read ${name}`, { params: { fileName: name } });
  }
  return {
    name, size,
    read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.length) {
        const n = readSync(fd, buffer, done, buffer.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}

/** A secret to open a backup with: the passphrase as typed, or the key kept on this PC with its KDF. */
export type BackupSecret = string | { key: Buffer; kdf: KdfParams };

export interface OpenedBackup {
  header: BackupHeader;
  headerLength: number;
  headerHash: Buffer;
  key: Buffer;
}

const damaged = (name: string, detail: string) =>
  new AppError('backup_damaged', `${name} is damaged: ${detail}`, { params: { fileName: name }, fields: { path: { code: 'backup_file_invalid' } } });

/** Recent scrypt results, so that reading the same file twice (inspect, then restore) costs one derivation. */
const derived = new Map<string, Buffer>();

function keyFor(secret: BackupSecret, header: BackupHeader): Buffer {
  const salt = Buffer.from(header.kdf.salt, 'base64');
  const kdf: KdfParams = { n: header.kdf.n, r: header.kdf.r, p: header.kdf.p, salt };
  if (typeof secret !== 'string') {
    const same = secret.kdf.salt.equals(salt) && secret.kdf.n === kdf.n && secret.kdf.r === kdf.r && secret.kdf.p === kdf.p;
    return same ? secret.key : Buffer.alloc(32);
  }
  const id = createHash('sha256').update(JSON.stringify([secret, header.kdf])).digest('hex');
  let key = derived.get(id);
  if (!key) {
    key = deriveKey(secret, kdf);
    derived.set(id, key);
    if (derived.size > 8) derived.delete(derived.keys().next().value as string);
  }
  return key;
}

/** Reads and checks the header, the size and the key: everything before the first chunk. */
export function openBackup(source: ByteSource, secret: BackupSecret): OpenedBackup {
  const parsed = parseHeader(source.read(0, MAX_HEADER_BYTES + 200));
  if (!parsed.ok) {
    if (parsed.problem === 'not_a_backup') {
      throw new AppError('backup_not_a_backup', `${source.name} is not a Gardien backup`, {
        params: { fileName: source.name }, fields: { path: { code: 'backup_file_invalid' } },
      });
    }
    if (parsed.problem === 'from_future') {
      throw new AppError('backup_from_future', `${source.name} has format ${parsed.found ?? '?'}`, {
        params: { found: parsed.found ?? 0, supported: FORMAT_VERSION },
      });
    }
    throw damaged(source.name, 'header');
  }
  const { header } = parsed;
  const key = keyFor(secret, header);
  if (!keyMatches(key, header)) {
    throw new AppError('backup_wrong_passphrase', 'wrong passphrase for this backup', { fields: { passphrase: { code: 'wrong_passphrase' } } });
  }
  if (source.size !== expectedFileSize(parsed.length, header)) throw damaged(source.name, `size ${source.size}, expected ${expectedFileSize(parsed.length, header)}`);
  return { header, headerLength: parsed.length, headerHash: parsed.hash, key };
}

/**
 * Decrypts every chunk in order, handing each plaintext to `sink`, and checks the plaintext's size
 * and SHA-256 against the header. Any failure is backup_damaged; nothing reaches `sink` from a
 * chunk that did not authenticate.
 */
export async function decryptChunks(
  source: ByteSource,
  opened: OpenedBackup,
  sink: (plain: Buffer, index: number) => void,
  between: (index: number) => Promise<void> | void = () => undefined,
): Promise<void> {
  const { header, headerHash, key } = opened;
  const prefix = Buffer.from(header.noncePrefix, 'hex');
  const hash = createHash('sha256');
  let offset = opened.headerLength;
  let total = 0;
  for (let i = 0; i < header.chunks; i++) {
    const last = i === header.chunks - 1;
    const plainLength = last ? header.plaintext.size - header.chunkSize * (header.chunks - 1) : header.chunkSize;
    const sealed = source.read(offset, plainLength + TAG_BYTES);
    if (sealed.length !== plainLength + TAG_BYTES) throw damaged(source.name, `chunk ${i} truncated`);
    offset += sealed.length;
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, i), { authTagLength: TAG_BYTES });
      decipher.setAAD(aadOf(headerHash, i, last));
      decipher.setAuthTag(sealed.subarray(plainLength));
      plain = Buffer.concat([decipher.update(sealed.subarray(0, plainLength)), decipher.final()]);
    } catch {
      throw damaged(source.name, `chunk ${i} failed authentication`);
    }
    hash.update(plain);
    total += plain.length;
    sink(plain, i);
    await between(i);
  }
  if (offset !== source.size) throw damaged(source.name, 'bytes after the last chunk');
  if (total !== header.plaintext.size || hash.digest('hex') !== header.plaintext.sha256) throw damaged(source.name, 'database hash');
}

export interface BackupRead {
  header: BackupHeader;
  /** The SQLite database inside, verified against the header's size and SHA-256. */
  database: Buffer;
}

/**
 * Reads a whole backup in memory (tests, fuzzing, small files): `input` is the file's bytes or its
 * path. Throws only AppError: backup_file_unreadable, backup_not_a_backup, backup_from_future,
 * backup_wrong_passphrase, backup_damaged. Does not open the database inside.
 */
export async function readBackup(input: Uint8Array | string, secret: BackupSecret): Promise<BackupRead> {
  const source = typeof input === 'string' ? fileSource(input) : bufferSource(input);
  try {
    const opened = openBackup(source, secret);
    const parts: Buffer[] = [];
    await decryptChunks(source, opened, (plain) => parts.push(plain));
    return { header: opened.header, database: Buffer.concat(parts) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(source.name, error instanceof Error ? error.message : String(error));
  } finally {
    if ('close' in source && typeof source.close === 'function') source.close();
  }
}
