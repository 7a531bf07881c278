/**
 * A tiny PNG writer and column-chart renderer (fflate's deflate, no other dependency; runs in Node and
 * in the browser). The report workbooks (the CLI's and the browser app's) embed the Weekly chart
 * (ChartSpec) as this image; the Excel and Sheets hosts render the same spec as native charts.
 */
import { zlibSync } from 'fflate';
import { concatBytes } from './bytes';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type + data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encode an RGB image (width × height × 3 bytes) as PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const line = width * 3;
  const raw = new Uint8Array((line + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (line + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * line, (y + 1) * line), y * (line + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return concatBytes([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

// 5×7 bitmap glyphs for the labels the chart needs (ISO weeks, amounts, currency codes).
const GLYPHS: Record<string, string> = {
  '0': '01110100011001110101110011000101110', '1': '00100011000010000100001000010001110', '2': '01110100010000100010001000100011111',
  '3': '11111000100010000010000011000101110', '4': '00010001100101010010111110001000010', '5': '11111100001111000001000011000101110',
  '6': '00110010001000011110100011000101110', '7': '11111000010001000100010000100001000', '8': '01110100011000101110100011000101110',
  '9': '01110100011000101111000010001001100', '-': '00000000000000011111000000000000000', '.': '00000000000000000000000000110001100',
  W: '10001100011000110101101011010101010', C: '01110100011000010000100001000101110', N: '10001100011100110101100111000110001',
  Y: '10001100010101000100001000010000100', U: '10001100011000110001100011000101110', S: '01111100001000001110000010000111110',
  D: '11100100101000110001100011001011100', ' ': '00000000000000000000000000000000000',
  R: '11110100011000111110101001001010001', '(': '00010001000100001000010000010000010', ')': '01000001000001000010000100010001000',
};

class Canvas {
  readonly px: Uint8Array;
  constructor(readonly w: number, readonly h: number) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }
  rect(x: number, y: number, w: number, h: number, [r, g, b]: readonly number[]) {
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.h, Math.round(y + h)); yy++) {
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.w, Math.round(x + w)); xx++) {
        const i = (yy * this.w + xx) * 3;
        this.px[i] = r;
        this.px[i + 1] = g;
        this.px[i + 2] = b;
      }
    }
  }
  text(s: string, x: number, y: number, scale = 2, colour: readonly number[] = [60, 60, 60]) {
    for (const ch of s.toUpperCase()) {
      const g = GLYPHS[ch] ?? GLYPHS[' '];
      for (let i = 0; i < 35; i++) if (g[i] === '1') this.rect(x + (i % 5) * scale, y + Math.floor(i / 5) * scale, scale, scale, colour);
      x += 6 * scale;
    }
  }
  static textWidth(s: string, scale = 2) {
    return s.length * 6 * scale - scale;
  }
}

const COLOURS = [
  [68, 114, 196],
  [237, 125, 49],
  [112, 173, 71],
];

/**
 * Render a column chart of a table (header row + data rows) as the ChartSpec describes it. Series in
 * `secondaryAxisColumns` (another unit: penalties in USD next to gift fees in CNY) get their own scale,
 * labelled on the right in that series' colour.
 */
export function columnChartPng(
  table: readonly (readonly unknown[])[],
  spec: { categoryColumn: number; seriesColumns: number[]; rows: number; secondaryAxisColumns?: number[] },
  legend: string[],
): Uint8Array {
  const rows = table.slice(1, 1 + spec.rows);
  const cats = rows.map((r) => String(r[spec.categoryColumn] ?? ''));
  const values = rows.map((r) => spec.seriesColumns.map((c) => (typeof r[c] === 'number' ? (r[c] as number) : 0)));
  const second = spec.seriesColumns.map((c) => (spec.secondaryAxisColumns ?? []).includes(c));
  const twoAxes = second.some(Boolean) && !second.every(Boolean);
  const axis = (onSecond: boolean) => {
    const vals = values.flatMap((v) => v.filter((_, s) => (twoAxes ? second[s] === onSecond : true)));
    const max = Math.max(1, ...vals);
    const step = niceStep(max / 5);
    const ticks = Math.ceil(max / step);
    return { step, ticks };
  };
  const a1 = axis(false);
  const a2 = twoAxes ? axis(true) : a1;
  // Both axes share the grid lines: the same number of ticks.
  const ticks = Math.max(a1.ticks, a2.ticks);
  const top1 = ticks * a1.step;
  const top2 = ticks * a2.step;
  const W = Math.max(480, 90 + cats.length * 110) + (twoAxes ? 60 : 0);
  const H = 360;
  const left = 80, right = twoAxes ? 80 : 20, topPad = 50, bottom = 50;
  const cv = new Canvas(W, H);
  const plotW = W - left - right, plotH = H - topPad - bottom;
  const secondColour = COLOURS[second.indexOf(true) % COLOURS.length];
  // Grid and axis labels.
  for (let k = 0; k <= ticks; k++) {
    const y = topPad + plotH - (k / ticks) * plotH;
    cv.rect(left, y, plotW, 1, [220, 220, 220]);
    const label = formatNumber(k * a1.step);
    cv.text(label, left - 8 - Canvas.textWidth(label), y - 7);
    if (twoAxes) cv.text(formatNumber(k * a2.step), left + plotW + 8, y - 7, 2, secondColour);
  }
  cv.rect(left, topPad + plotH, plotW, 1, [120, 120, 120]);
  // Bars.
  const group = plotW / Math.max(1, cats.length);
  const barW = Math.max(4, (group * 0.7) / spec.seriesColumns.length);
  cats.forEach((cat, i) => {
    const x0 = left + i * group + group * 0.15;
    values[i].forEach((v, s) => {
      const h = (v / (twoAxes && second[s] ? top2 : top1)) * plotH;
      cv.rect(x0 + s * barW, topPad + plotH - h, barW - 2, h, COLOURS[s % COLOURS.length]);
    });
    const label = /^\d{4}-W\d{2}$/.test(cat) ? cat.slice(5) : '-'; // weeks; '-' for the row without a date
    cv.text(label, left + i * group + (group - Canvas.textWidth(label)) / 2, topPad + plotH + 12);
  });
  // Legend (series names: ASCII only, e.g. "CNY", "USD"; "(R)" = right-hand axis).
  let lx = left;
  legend.forEach((name0, s) => {
    const name = twoAxes && second[s] ? `${name0} (R)` : name0;
    cv.rect(lx, 18, 14, 14, COLOURS[s % COLOURS.length]);
    cv.text(name, lx + 20, 18);
    lx += 40 + Canvas.textWidth(name);
  });
  return encodePng(W, H, cv.px);
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

const formatNumber = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
