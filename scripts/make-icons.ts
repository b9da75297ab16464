// Draws the toolbar icons (a white "#" with a filter bar on a teal tile) as PNG
// files, so the icons are reproducible from source. Run: npx tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function icon(size: number): Buffer {
  const s = (v: number) => v * size; // unit square coordinates
  const r = s(0.18);
  return png(size, (px, py) => {
    const x = px + 0.5;
    const y = py + 0.5;
    // rounded tile
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
    const inBar = (a: number, b: number, v: number) => v >= s(a) && v <= s(b);
    const vertical = (inBar(0.3, 0.4, x) || inBar(0.56, 0.66, x)) && inBar(0.16, 0.68, y);
    const horizontal = (inBar(0.3, 0.39, y) || inBar(0.48, 0.57, y)) && inBar(0.16, 0.84, x);
    const filter = inBar(0.76, 0.84, y) && inBar(0.16, 0.84, x);
    if (vertical || horizontal) return [255, 255, 255, 255];
    if (filter) return [255, 214, 102, 255];
    return [0, 105, 120, 255];
  });
}

for (const size of [16, 32, 48, 128]) writeFileSync(`extension/icons/icon-${size}.png`, icon(size));
