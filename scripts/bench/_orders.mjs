// A large orders CSV for the CLI benchmarks: the sample generator's month (examples/), repeated with
// fresh order ids, dates as text, as an ERP export writes it.
import { createWriteStream } from 'node:fs';
import { generate, HEADER } from '../gen-examples.mjs';

const DATE_COLS = new Set(['付款时间', '上传时间', '首次揽收时间', '最后轨迹时间', '妥投时间', '礼物发货时间', '确认发货时间']);
const key = (h) => (h === '订单金额(USD)' ? '订单金额' : h === '礼物重量(g)' ? '礼物重量' : h);
const csvCell = (v) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const dateText = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** One CSV row of order `o` under id number i. */
function rowOf(o, i) {
  return HEADER.map((h) => {
    const v = o[key(h)];
    if (h === '订单号') return `${String(v).slice(0, 8)}${String(i).padStart(8, '0')}`;
    if (h === '物流轨迹') return (v ?? []).join('\n');
    if (DATE_COLS.has(h) && typeof v === 'number') return dateText(v);
    return v ?? null;
  }).map(csvCell).join(',');
}

/** Write `n` order rows to `file` (UTF-8 with BOM, as Excel saves CSV); resolves when flushed. */
export function writeOrdersCsv(file, n) {
  const month = generate(600);
  const out = createWriteStream(file);
  out.write('\ufeff' + HEADER.join(',') + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += rowOf(month[i % month.length], i) + '\n';
    if (buf.length > 1 << 20) {
      out.write(buf);
      buf = '';
    }
  }
  out.write(buf);
  return new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}
