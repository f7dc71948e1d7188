import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncoding } from './table';

/** How to turn a CSV's bytes into text, chunk by chunk (a character cut by a chunk boundary is kept whole). */
export interface TextDecoding {
  encoding: TextEncoding;
  /** Bytes of BOM to skip. */
  start: number;
  decoder: () => { write(bytes: Buffer): string; end(): string | undefined };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decoding(encoding: TextEncoding, start: number, codec: string): TextDecoding {
  return { encoding, start, decoder: () => iconv.getDecoder(codec, { stripBOM: false }) };
}

/**
 * How a CSV file was written. A BOM decides when there is one; otherwise valid UTF-8 is UTF-8
 * (plain ASCII is too), and anything else is Windows-1252, French Excel's "CSV (séparateur :
 * point-virgule)". Decoding goes through iconv-lite: Node's TextDecoder maps 0x80-0x9F to C1
 * controls on recent versions, which would turn ’ € œ into garbage. UTF-16 is Excel's "Unicode
 * text" (with a BOM; without one it is not guessed, and its NUL bytes make it refused as binary).
 */
export function textDecoding(bytes: Buffer): TextDecoding {
  if (startsWith(bytes, UTF8_BOM)) return decoding('utf-8-bom', 3, 'utf8');
  if (startsWith(bytes, [0xff, 0xfe])) return decoding('utf-16le', 2, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoding('utf-16be', 2, 'utf-16be');
  // Checked without decoding: the whole text is never held at once (a 50 MB file would be 100 MB of string).
  return isUtf8(bytes) ? decoding('utf-8', 0, 'utf8') : decoding('windows-1252', 0, 'windows-1252');
}

/** Magic numbers of files people rename to .csv: an .xls or encrypted workbook (OLE), a PDF. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
];

/**
 * True when the bytes cannot be a text table: a known binary signature, or NUL bytes in the
 * first 64 KB (no text encoding but UTF-16 has them, and UTF-16 is recognised by its BOM).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) return true;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  return bytes.subarray(0, 65536).includes(0);
}

/** A ZIP's local file header: an .xlsx that was renamed .csv is read as what it is. */
export function looksZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}
