#!/usr/bin/env node
// Draws Gardien's icon (a navy shield with a gold rim and a white keyhole: custody) and writes the
// packaging resources electron-builder reads from build/:
//   build/icon.png  512x512 RGBA (Linux AppImage/deb; electron-builder derives the smaller sizes)
//   build/icon.ico  16-256 px (Windows exe, NSIS installer, file associations): BMP entries up to
//                   128 px and a PNG entry at 256 px, the layout Windows and NSIS both read.
// Plain Node (zlib), no image tool needed. `--check` verifies the committed files hold exactly
// these pixels (compressed bytes may differ between zlib builds, pixels may not).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const PNG_SIZE = 512;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const NAVY = [31, 59, 115];
const GOLD = [201, 162, 39];
const WHITE = [255, 255, 255];

/** Half-width of a shield at height y: straight sides down to `mid`, then an elliptic curve to the tip. */
function shieldHalfWidth(y, top, mid, tip, half) {
  if (y < top || y > tip) return -1;
  if (y <= mid) return half;
  const t = (y - mid) / (tip - mid);
  return half * Math.sqrt(1 - t * t);
}

/** The colour at a point of the unit square, or null for transparent. */
function colourAt(x, y) {
  const dx = Math.abs(x - 0.5);
  if (dx > shieldHalfWidth(y, 0.07, 0.5, 0.95, 0.37)) return null;
  if (dx > shieldHalfWidth(y, 0.115, 0.5, 0.885, 0.325)) return GOLD;
  const inCircle = (x - 0.5) ** 2 + (y - 0.41) ** 2 <= 0.105 ** 2;
  const inFoot = y >= 0.44 && y <= 0.71 && dx <= 0.045 + ((y - 0.44) / 0.27) * 0.05;
  return inCircle || inFoot ? WHITE : NAVY;
}

/** size x size RGBA pixels, 4x4 supersampled, straight (not premultiplied) alpha. */
export function renderIcon(size) {
  const n = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 rows, as encodePng writes them). */
export function decodePng(png) {
  const size = png.readUInt32BE(16);
  let offset = 8;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    if (raw[y * (size * 4 + 1)] !== 0) throw new Error('unexpected PNG filter');
    raw.copy(out, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  }
  return { size, rgba: out };
}

/** A 32-bit BMP (DIB) icon entry: bottom-up BGRA rows, then the 1-bit AND mask (all 0: alpha decides). */
function dibEntry(rgba, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function encodeIco(sizes) {
  const images = sizes.map((size) => {
    const rgba = renderIcon(size);
    return { size, data: size >= 256 ? encodePng(rgba, size) : dibEntry(rgba, size) };
  });
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size; // 0 means 256
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.data)]);
}

function check() {
  const problems = [];
  const png = decodePng(readFileSync(join(root, 'build', 'icon.png')));
  if (png.size !== PNG_SIZE || !png.rgba.equals(renderIcon(PNG_SIZE))) problems.push('build/icon.png is not what scripts/icon.mjs draws');
  const ico = readFileSync(join(root, 'build', 'icon.ico'));
  const count = ico.readUInt16LE(4);
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    const size = ico[e] === 0 ? 256 : ico[e];
    const data = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8));
    const expected = size >= 256 ? renderIcon(size) : null;
    if (expected && !decodePng(data).rgba.equals(expected)) problems.push(`build/icon.ico ${size}px differs`);
    if (!expected && !data.equals(dibEntry(renderIcon(size), size))) problems.push(`build/icon.ico ${size}px differs`);
  }
  if (count !== ICO_SIZES.length) problems.push(`build/icon.ico has ${count} sizes, expected ${ICO_SIZES.length}`);
  for (const p of problems) console.error(p);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (process.argv.includes('--check')) process.exitCode = check();
  else {
    writeFileSync(join(root, 'build', 'icon.png'), encodePng(renderIcon(PNG_SIZE), PNG_SIZE));
    writeFileSync(join(root, 'build', 'icon.ico'), encodeIco(ICO_SIZES));
    console.log('wrote build/icon.png and build/icon.ico');
  }
}
