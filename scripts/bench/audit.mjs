// Audit throughput: 100,000 generated rows (the sample generator's month, repeated with fresh ids)
// through createAudit/push/finish of the built main entry, plus the chunked auditTable a host uses.
// Figures only; tests never assert wall-clock limits. Target here: 100,000 rows in under 1 s.
import { loadMain, best, line } from './_util.mjs';
import { generate, HEADER, NOW } from '../gen-examples.mjs';

const core = loadMain();
const N = 100_000;
const month = generate(600);
const DATE_COLS = new Set(['付款时间', '上传时间', '首次揽收时间', '最后轨迹时间', '妥投时间', '礼物发货时间', '确认发货时间']);
const key = (h) => (h === '订单金额(USD)' ? '订单金额' : h === '礼物重量(g)' ? '礼物重量' : h);
// Cells as Excel hands them over: dates as serial numbers, the rest as typed.
const toRow = (o, i) =>
  HEADER.map((h) => {
    const v = o[key(h)];
    if (h === '订单号') return `${v.slice(0, 8)}${String(i).padStart(8, '0')}`;
    if (h === '物流轨迹') return v.join('\n');
    if (DATE_COLS.has(h) && typeof v === 'number') return v / 86_400_000 + 25_569;
    return v ?? null;
  });
const rows = Array.from({ length: N }, (_, i) => toRow(month[i % month.length], i));
const textRows = Array.from({ length: N }, (_, i) => HEADER.map((h, c) => (DATE_COLS.has(h) && typeof rows[i][c] === 'number' ? new Date((rows[i][c] - 25_569) * 86_400_000).toISOString().slice(0, 16).replace('T', ' ') : rows[i][c])));

let report;
const ms = best(() => {
  const s = core.createAudit(HEADER, { now: NOW });
  s.push(rows, 0);
  report = s.finish();
}, 3);
line('audit 100k rows (Excel serial dates)', N, ms);
console.log(`  ${report.findings.length.toLocaleString('en-US')} findings, gift fees ¥${report.totals.giftFeesCny.toFixed(2)}, penalties $${report.totals.penaltiesUsd.toFixed(2)}`);
line('audit 100k rows (dates as text, CSV-like)', N, best(() => {
  const s = core.createAudit(HEADER, { now: NOW });
  s.push(textRows, 0);
  s.finish();
}, 3));
const t = process.hrtime.bigint();
const r = await core.auditTable(HEADER, rows, { now: NOW, chunkSize: 5_000 });
line('auditTable 100k rows, 5,000-row chunks', N, Number(process.hrtime.bigint() - t) / 1e6);
if (r.findings.length !== report.findings.length) throw new Error('chunked audit differs from one push');
// One row per SKU: the same 100,000 rows where every order id appears on two consecutive rows
// (50,000 orders); the second row repeats the first row's order fields, as a multi-SKU export does,
// and is merged into the order.
const skuRows = rows.map((r, i) => (i % 2 === 1 ? rows[i - 1] : r).map((v, c) => (HEADER[c] === '订单号' ? `81000000${String(i >> 1).padStart(8, '0')}` : v)));
let skuReport;
line('audit 100k rows, 2 SKU rows per order', N, best(() => {
  const s = core.createAudit(HEADER, { now: NOW });
  s.push(skuRows, 0);
  skuReport = s.finish();
}, 3));
console.log(`  ${skuReport.ordersAudited.toLocaleString('en-US')} orders on ${skuReport.rowsAudited.toLocaleString('en-US')} rows, ${skuReport.findings.length.toLocaleString('en-US')} findings`);
