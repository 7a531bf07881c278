// Generates the add-in's ribbon / manifest icons (no downloads): a red rounded square with a white
// three-bar chart and a check mark. Run: node assets/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    // rounded square
    const rr = 0.18;
    const dx = Math.max(rr - u, u - (1 - rr), 0);
    const dy = Math.max(rr - v, v - (1 - rr), 0);
    if (dx * dx + dy * dy > rr * rr) return [0, 0, 0, 0];
    const white = [255, 255, 255, 255];
    // three bars
    const bars = [
      [0.2, 0.34, 0.55],
      [0.42, 0.56, 0.38],
      [0.64, 0.78, 0.22],
    ];
    for (const [a, b, top] of bars) if (u >= a && u < b && v >= top && v < 0.8) return white;
    return [0xe6, 0x2e, 0x04, 255];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(px(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const s of [16, 32, 64, 80, 128]) writeFileSync(path.join(dir, `icon-${s}.png`), icon(s));
console.log('icons written');
