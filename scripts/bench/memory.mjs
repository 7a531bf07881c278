// Memory at scale (issue 12 target: 1,000,000 rows with two findings each within 2 GiB peak): rows
// generated on the fly and pushed to the audit session in 10,000-row chunks, as a chunked reader
// would feed it, so the figure is the audit's own (findings, per-order state, report tables), not a
// reader's. Each row: a DHL number with a wrong check digit [X-FORMAT] and a tracking number uploaded
// 3 days after payment [X-UPLOAD].
import { loadMain, fmt, peakMiB } from './_util.mjs';
import os from 'node:os';

const N = Number(process.env.BENCH_MEMORY_ROWS ?? 1_000_000);
const CHUNK = 10_000;
const main = loadMain();
const header = ['订单号', '目的国', '物流商', '运单号', '付款时间', '上传时间'];
const day = (i) => `2024-06-${String(1 + (i % 28)).padStart(2, '0')}`;
const t0 = process.hrtime.bigint();
const s = main.createAudit(header, { now: Date.UTC(2024, 6, 5) });
for (let i = 0; i < N; i += CHUNK) {
  const rows = [];
  for (let k = i; k < Math.min(N, i + CHUNK); k++) {
    const d = day(k);
    rows.push([`81${String(k).padStart(14, '0')}`, 'US', 'DHL', '1234567890', `${d} 10:00`, `${d.slice(0, 8)}${String(Math.min(28, 1 + (k % 28)) + 0).padStart(2, '0')} 10:00`.replace(/-(\d\d) 10:00$/, (_, dd) => `-${String(Math.min(31, +dd + 3)).padStart(2, '0')} 10:00`)]);
  }
  s.push(rows, i);
}
const r = s.finish();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`audit of ${fmt(N)} rows pushed in ${fmt(CHUNK)}-row chunks: ${fmt(r.findings.length)} findings (${(r.findings.length / N).toFixed(2)} per row), ${fmt(ms)} ms, peak ${peakMiB()} MiB   (target < 2,048 MiB; load average ${os.loadavg()[0].toFixed(2)})`);
