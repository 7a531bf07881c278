// Sample data for the bulk audit: `npm run examples` writes examples/orders.xlsx, examples/orders.csv
// and examples/orders.expected.json. One month (June 2024) of orders with the CHINESE headers an ERP
// export uses, mostly clean, with every kind of problem the audit finds planted on purpose. Each
// planted row carries exactly one problem (the freeze streak: three G-CONFIRM rows plus the freeze),
// so the expected counts per rule are known without running the audit. Deterministic: seeded PRNG.
// As real exports do, two orders are listed on two rows (one row per SKU: the audit judges each once),
// appeals read "未申诉" / "none" (no valid appeal), a tax id is the placeholder "无", and some carrier
// cells hold logistics service names ("DHL_ES", "UPS Expedited", "中国邮政挂号小包（e邮宝）").
//
//   node scripts/gen-examples.mjs [--rows N] [--out DIR]     (default 600 orders, examples/)
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};

// ── deterministic randomness ────────────────────────────────────────────────────────────────────
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = mulberry32(20240601);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');

// ── time ────────────────────────────────────────────────────────────────────────────────────────
const H = 3_600_000;
const D = 24 * H;
const MONTH_START = Date.UTC(2024, 5, 1);
/** The audit's "now" for open orders: 2024-07-05 00:00 UTC (the CLI's --now, the test's option). */
export const NOW = Date.UTC(2024, 6, 5);
const text = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

// ── tracking numbers with real check digits (CARRIERS.md) ───────────────────────────────────────
const dhl = () => {
  const serial = String(int(100_000_000, 999_999_999));
  return serial + String(Number(BigInt(serial) % 7n)); // mod 7, 10 digits [X-FORMAT]
};
const s10 = (prefix, country) => {
  const d = digits(8);
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const r = [...d].reduce((s, c, i) => s + +c * w[i], 0) % 11;
  const cd = r === 0 ? 5 : r === 1 ? 0 : 11 - r;
  return `${prefix}${d}${cd}${country}`;
};
const ups = () => {
  const body = `${Array.from({ length: 6 }, () => pick([...'0123456789ABCDEFGHJKLMNPRSTVWXYZ'])).join('')}${pick(['01', '02', '03', '12', '13'])}${digits(7)}`;
  const v = (c) => (/\d/.test(c) ? +c : (c.charCodeAt(0) - 3) % 10);
  const sum = [...body].reduce((s, c, i) => s + v(c) * (i % 2 ? 2 : 1), 0);
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
};
const CARRIERS = [
  { name: 'DHL', make: dhl },
  { name: '中国邮政', make: () => s10(pick(['RB', 'RR', 'LP', 'CP']), 'CN') },
  { name: 'UPS', make: ups },
];

// ── rate numbers, as RULES.md gives them (independent of the engine, to check it) ────────────────
const TIER_FEE = { US: 320, FR: 320, DE: 320, BR: 260, SA: 260, PL: 260, RU: 380, MX: 380 };
const COUNTRY_ZH = { US: '美国', FR: '法国', DE: '德国', BR: '巴西', SA: '沙特', PL: '波兰', RU: '俄罗斯', MX: '墨西哥', ES: '西班牙', GB: '英国', IT: '意大利', NL: '荷兰', KR: '韩国', JP: '日本', CA: '加拿大', AU: '澳大利亚', EG: '埃及', PK: '巴基斯坦', KP: '朝鲜', SY: '叙利亚' };
const GIFT_COUNTRIES = Object.keys(TIER_FEE);
const OTHER_COUNTRIES = ['ES', 'GB', 'IT', 'NL', 'KR', 'JP', 'CA', 'AU'];
const taxIdFor = (c) => (c === 'RU' ? digits(10) : c === 'BR' ? `${digits(3)}.${digits(3)}.${digits(3)}-${digits(2)}` : c === 'MX' ? `XAXX${digits(6)}${digits(3)}` : '');
const DOCS = new Set(['RU', 'BR', 'MX']);

// Tracking events in Chinese, as carriers write them (one per line in the 物流轨迹 cell).
const EV = { placed: '订单已创建', picked: '已揽收', export: '已出口报关', flight: '航班已起飞', hub: '到达目的国转运中心', import: '进口清关完成', out: '派送中', delivered: '已签收' };
const FULL_TRAIL = [EV.placed, EV.picked, EV.export, EV.flight, EV.hub, EV.import, EV.out, EV.delivered];

export const HEADER = ['订单号', '目的国', '付款时间', '上传时间', '物流商', '运单号', '首次揽收时间', '最后轨迹时间', '妥投时间', '轨迹事件数', '物流轨迹', '订单金额(USD)', '申诉', '上传失败次数', '商业发票', '税号', '礼物重量(g)', 'NFe', '礼物发货时间', '确认发货时间', '面单号', '礼物状态', '赠礼门槛'];
const DATE_COLS = new Set(['付款时间', '上传时间', '首次揽收时间', '最后轨迹时间', '妥投时间', '礼物发货时间', '确认发货时间']);

/** How many rows of each planted problem (rule id → rows). */
const PLANT = {
  'X-FORMAT': 6, 'X-UPLOAD': 8, 'X-PEN-UPLOAD': 4, 'X-FIRSTSCAN': 6, 'X-PEN-STALL': 5, 'X-PEN-TIMEOUT': 5,
  'X-NODES': 5, 'X-DOCS': 5, 'X-BLOCKED': 2, 'G-COD': 3, 'G-FEE': 2, 'G-OVERWEIGHT': 6, 'G-NFE': 4,
  'G-CONFIRM': 5, 'G-STATUS': 3, 'G-LABEL': 4, 'G-TRIGGER': 4, DATA: 3, FREEZE: 1, 'TIMEOUT-APPEALED': 1,
};

/** [X-DOCS] planted rows so far: the variants take turns (no draw from the PRNG, so the rest of the data is unchanged). */
let xDocsSeen = 0;

function makeOrder(i, problem, paidAt) {
  const o = {};
  const wantsGift = ['G-COD', 'G-FEE', 'G-OVERWEIGHT', 'G-NFE', 'G-CONFIRM', 'G-STATUS', 'G-LABEL', 'G-TRIGGER', 'FREEZE'].includes(problem) || (problem === 'clean' && rand() < 0.35);
  let country = wantsGift ? pick(GIFT_COUNTRIES) : rand() < 0.6 ? pick(GIFT_COUNTRIES) : pick(OTHER_COUNTRIES);
  if (problem === 'G-NFE') country = 'BR';
  if (problem === 'X-DOCS') country = pick(['RU', 'BR', 'MX']);
  if (problem === 'X-BLOCKED') country = ['KP', 'SY'][i % 2];
  if (problem === 'G-COD') country = pick(['EG', 'PK']);
  if (problem === 'G-FEE') country = 'ES';
  // Payment time: spread over June; some problems need a particular part of the month.
  let paid = MONTH_START + int(0, 29 * 24 - 1) * H + int(0, 59) * 60_000;
  if (problem === 'X-PEN-STALL') paid = Date.UTC(2024, 5, int(18, 26), int(0, 23), int(0, 59));
  if (problem === 'X-PEN-TIMEOUT' || problem === 'TIMEOUT-APPEALED') paid = Date.UTC(2024, 5, int(1, 2), int(0, 23), int(0, 59));
  if (paidAt !== undefined) paid = paidAt;
  const carrier = pick(CARRIERS);
  o.订单号 = `81${String(20240601 + i).slice(-6)}${digits(8)}`;
  o.目的国 = COUNTRY_ZH[country];
  o.付款时间 = paid;
  o.上传时间 = paid + int(1, 20) * H + int(0, 59) * 60_000;
  o.物流商 = carrier.name;
  o.运单号 = carrier.make();
  o.首次揽收时间 = Math.max(o.上传时间, paid + int(6, 40) * H);
  if (o.首次揽收时间 > paid + 47 * H) o.首次揽收时间 = paid + 47 * H;
  o.订单金额 = wantsGift ? int(3000, 20000) / 100 : int(500, 30000) / 100;
  o.申诉 = '否';
  o.上传失败次数 = 0;
  o.商业发票 = DOCS.has(country) ? '是' : '';
  o.税号 = taxIdFor(country);
  // Delivery: 6–20 days; what has not arrived by NOW is in transit with a recent last event.
  const transit = int(6, 20) * D + int(0, 23) * H;
  let delivered = paid + transit <= NOW - 2 * H ? paid + transit : undefined;
  if (problem === 'X-PEN-TIMEOUT') delivered = i % 2 === 0 ? paid + 31 * D + int(1, 20) * H : undefined;
  if (problem === 'TIMEOUT-APPEALED') delivered = undefined;
  if (problem === 'X-PEN-STALL') delivered = undefined;
  if (delivered !== undefined) {
    o.妥投时间 = delivered;
    o.最后轨迹时间 = delivered;
    o.物流轨迹 = [...FULL_TRAIL];
  } else {
    o.最后轨迹时间 = Math.max(o.首次揽收时间, NOW - int(2, 40) * H);
    o.物流轨迹 = FULL_TRAIL.slice(0, int(2, 6));
  }
  if (problem === 'X-PEN-STALL') o.最后轨迹时间 = Math.max(o.首次揽收时间 + H, NOW - int(60, 200) * H);
  if (problem === 'X-PEN-TIMEOUT' && delivered === undefined) o.订单金额 = [80, 1299, 45.5][i % 3];
  if (problem === 'X-PEN-TIMEOUT' && delivered !== undefined) o.订单金额 = [1200, 64.99][i % 2];
  // "未申诉" / "none" are no valid appeal: the penalty stands [X-PEN-TIMEOUT].
  if (problem === 'X-PEN-TIMEOUT') o.申诉 = ['否', '未申诉', 'none'][i % 3];
  if (problem === 'TIMEOUT-APPEALED') o.申诉 = '申诉成立';
  // Gift columns.
  if (wantsGift) {
    o.礼物重量 = int(10, 50);
    o.NFe = country === 'BR' ? digits(44) : '';
    o.礼物发货时间 = paid + int(2, 20) * H;
    o.确认发货时间 = o.礼物发货时间 + int(1, 40) * H;
    o.面单号 = `SG${new Date(paid).toISOString().slice(2, 10).replace(/-/g, '')}${digits(6)}`;
    o.礼物状态 = '已发货';
    o.赠礼门槛 = 30;
  }
  // ── the one planted problem ──
  switch (problem) {
    case 'X-FORMAT': {
      const k = i % 4;
      if (k === 0) { o.物流商 = 'DHL'; const n = dhl(); o.运单号 = `${n.slice(0, 4)} ${n.slice(4)}`; }
      else if (k === 1) { o.物流商 = 'DHL'; const n = dhl(); o.运单号 = n.slice(0, 9) + String((+n[9] + 1) % 7); }
      else if (k === 2) { o.物流商 = '中国邮政'; const n = s10('RB', 'CN'); o.运单号 = n.slice(0, 10) + String((+n[10] + 1) % 10) + 'CN'; }
      else { o.物流商 = 'UPS'; o.运单号 = ups().slice(0, 17); }
      break;
    }
    case 'X-UPLOAD': o.上传时间 = paid + int(25, 40) * H; o.首次揽收时间 = paid + 46 * H; break;
    case 'X-PEN-UPLOAD': o.上传失败次数 = int(1, 3); break;
    case 'X-FIRSTSCAN': o.首次揽收时间 = paid + int(50, 80) * H; break;
    case 'X-NODES':
      if (o.妥投时间 === undefined) { o.妥投时间 = Math.min(paid + 8 * D, NOW - 3 * H); o.最后轨迹时间 = o.妥投时间; }
      o.物流轨迹 = i % 2 ? FULL_TRAIL.filter((e) => e !== EV.import) : [EV.placed, EV.picked, EV.export, EV.out, EV.delivered];
      break;
    case 'X-DOCS': { // one of each: no tax id, no invoice, the placeholder 无 (no tax id either)
      const k = xDocsSeen++ % 3;
      if (k === 0) o.税号 = ''; else if (k === 1) o.商业发票 = '否'; else o.税号 = '无';
      break;
    }
    case 'G-OVERWEIGHT': o.礼物重量 = int(51, 120); break;
    case 'G-NFE': o.NFe = ''; break;
    case 'G-CONFIRM': if (i % 2) o.确认发货时间 = ''; else o.确认发货时间 = o.礼物发货时间 + int(49, 70) * H; break;
    case 'G-STATUS': o.礼物状态 = ['FAILED', 'ERR-407', 'ERR-211'][i % 3]; break;
    case 'G-LABEL': o.面单号 = [`LP00${digits(12)}`, digits(14), o.运单号, `LP00${digits(12)}`][i % 4]; break;
    case 'G-TRIGGER': o.订单金额 = [29.99, 15, 22.5, 9.9][i % 4]; break;
    case 'DATA':
      if (i % 3 === 0) o.付款时间 = '2024-06-31 10:00';
      else if (i % 3 === 1) o.订单金额 = '待确认';
      else { o.礼物重量 = '约30克'; o.NFe = country === 'BR' ? digits(44) : ''; }
      break;
  }
  if (problem === 'DATA' && i % 3 === 2 && o.礼物发货时间 === undefined) {
    // The unreadable gift weight needs a gift row.
    o.礼物发货时间 = paid + 5 * H; o.确认发货时间 = paid + 9 * H; o.面单号 = `SG${digits(12)}`; o.礼物状态 = '已发货'; o.赠礼门槛 = 30;
    if (!(country in TIER_FEE)) { country = 'US'; o.目的国 = COUNTRY_ZH.US; o.商业发票 = ''; o.税号 = ''; }
    o.订单金额 = Math.max(30, typeof o.订单金额 === 'number' ? o.订单金额 : 30);
  }
  // Carrier cells as AliExpress exports write them: logistics service names carrying the carrier's brand.
  if (i % 5 === 0) o.物流商 = { DHL: 'DHL_ES', UPS: 'UPS Expedited', 中国邮政: '中国邮政挂号小包（e邮宝）' }[o.物流商] ?? o.物流商;
  o.轨迹事件数 = o.物流轨迹.length;
  o._country = country;
  o._problem = problem;
  return o;
}

export function generate(n = 600, seed = 20240601) {
  rand = mulberry32(seed);
  xDocsSeen = 0;
  const problems = [];
  for (const [k, c] of Object.entries(PLANT)) for (let j = 0; j < c; j++) problems.push(k);
  const clean = n - problems.length - 3; // 3 more rows: the freeze streak's other two failures... see below
  if (clean < 50) throw new Error(`--rows must be at least ${problems.length + 53}`);
  for (let j = 0; j < clean; j++) problems.push('clean');
  // Shuffle (Fisher–Yates) so planted rows are spread through the month.
  for (let j = problems.length - 1; j > 0; j--) {
    const k = Math.floor(rand() * (j + 1));
    [problems[j], problems[k]] = [problems[k], problems[j]];
  }
  const orders = problems.map((p, i) => makeOrder(i, p === 'FREEZE' ? 'G-CONFIRM' : p));
  // [G-CONFIRM] freeze: three unconfirmed gifts shipped back to back on 2024-06-20, 03:00–03:20.
  const streakStart = Date.UTC(2024, 5, 20, 3, 0);
  const freezeIdx = problems.indexOf('FREEZE');
  const streak = [0, 1, 2].map((j) => {
    const o = makeOrder(j === 0 ? freezeIdx : n - 3 + j, 'G-CONFIRM', streakStart - 10 * H + j * 5 * 60_000);
    o.礼物发货时间 = streakStart + j * 10 * 60_000;
    o.确认发货时间 = '';
    o._problem = j === 2 ? 'G-CONFIRM+FREEZE' : 'G-CONFIRM';
    return o;
  });
  orders[freezeIdx] = streak[0];
  orders.push(streak[1], streak[2]);
  // One more clean row so the total is n.
  orders.push(makeOrder(n, 'clean'));
  // Keep other gifts out of the streak's window (shift shipping and confirmation together).
  for (const o of orders) {
    if (streak.includes(o) || o.礼物发货时间 === undefined) continue;
    if (o.礼物发货时间 >= streakStart - 30 * 60_000 && o.礼物发货时间 <= streakStart + 60 * 60_000) {
      o.礼物发货时间 += 3 * H;
      if (typeof o.确认发货时间 === 'number') o.确认发货时间 += 3 * H;
    }
  }
  // Check that no other three failures fall in a row by gift shipped time.
  const gifts = orders.filter((o) => o.礼物发货时间 !== undefined).sort((a, b) => a.礼物发货时间 - b.礼物发货时间);
  let run = 0;
  let streaks = 0;
  for (const g of gifts) {
    const failed = g._problem.startsWith('G-CONFIRM') || g._problem === 'G-STATUS';
    run = failed ? run + 1 : 0;
    if (run === 3) streaks++;
  }
  if (streaks !== 1) throw new Error(`generator: expected exactly one freeze streak, got ${streaks}; change the seed`);
  // Export order: by payment time, as an ERP lists them.
  const t = (o) => (typeof o.付款时间 === 'number' ? o.付款时间 : Date.parse(o.付款时间.replace('-31', '-30').replace(' ', 'T') + 'Z'));
  orders.sort((a, b) => t(a) - t(b));
  // One row per SKU: a stalled order and a clean gift order each get a second row right below them
  // (same order id and order-level cells). The audit judges each order once: no second penalty or fee.
  for (const pick of [(o) => o._problem === 'X-PEN-STALL', (o) => o._problem === 'clean' && o.礼物发货时间 !== undefined]) {
    const k = orders.findIndex(pick);
    orders.splice(k + 1, 0, { ...orders[k], _problem: 'SKU-ROW' });
  }
  return orders;
}

/** What the audit must find, computed from the plan (not by running the audit). */
export function expected(orders) {
  const counts = {};
  const inc = (k) => (counts[k] = (counts[k] ?? 0) + 1);
  let feeCents = 0;
  let usdCents = 0;
  let affected = 0;
  for (const o of orders) {
    const p = o._problem;
    if (p === 'SKU-ROW') continue; // another row of an order already counted
    if (p === 'G-CONFIRM+FREEZE') { inc('G-CONFIRM'); inc('G-CONFIRM-FREEZE'); }
    else if (p !== 'clean' && p !== 'TIMEOUT-APPEALED') inc(p);
    if (p !== 'clean' && p !== 'TIMEOUT-APPEALED') affected++;
    if (p === 'X-PEN-UPLOAD') usdCents += o.上传失败次数 * 50;
    if (p === 'X-PEN-STALL') usdCents += 120;
    if (p === 'X-PEN-TIMEOUT') usdCents += Math.min(Math.round(o.订单金额 * 100 * 0.05), 5000);
    // [G-FEE] + [G-OVERWEIGHT] + [G-NFE] for every gift row with a readable weight and a tier.
    if (o.礼物发货时间 !== undefined && typeof o.礼物重量 === 'number' && o._country in TIER_FEE) {
      feeCents += TIER_FEE[o._country] + (o.礼物重量 > 50 ? 80 : 0) + (o._country === 'BR' && !o.NFe ? 150 : 0);
    }
  }
  const distinct = new Set(orders.map((o) => o.订单号)).size;
  return { now: new Date(NOW).toISOString(), rows: orders.length, orders: distinct, rowsAffected: affected, counts, totals: { giftFeesCny: feeCents / 100, penaltiesUsd: usdCents / 100 } };
}

const cellOf = (o, h) => {
  const key = h === '订单金额(USD)' ? '订单金额' : h === '礼物重量(g)' ? '礼物重量' : h;
  const v = o[key];
  if (h === '物流轨迹') return v.join('\n');
  return v === undefined ? '' : v;
};

async function main() {
  const n = Number(arg('--rows', 600));
  const out = path.resolve(arg('--out', path.join(root, 'examples')));
  mkdirSync(out, { recursive: true });
  const orders = generate(n);
  // xlsx: real dates, ids and tracking numbers as text.
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ae-seller-rules gen-examples';
  wb.created = wb.modified = new Date(NOW);
  const ws = wb.addWorksheet('订单');
  ws.addRow(HEADER);
  ws.getRow(1).font = { bold: true };
  for (const o of orders) ws.addRow(HEADER.map((h) => (DATE_COLS.has(h) && typeof cellOf(o, h) === 'number' ? new Date(cellOf(o, h)) : cellOf(o, h))));
  HEADER.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = DATE_COLS.has(h) ? 17 : h === '物流轨迹' ? 24 : Math.max(10, h.length * 2 + 2);
    if (DATE_COLS.has(h)) col.numFmt = 'yyyy-mm-dd hh:mm';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await wb.xlsx.writeFile(path.join(out, 'orders.xlsx'));
  // csv: UTF-8 with a BOM (what Excel writes for Chinese), dates as text.
  const q = (v) => {
    const s = typeof v === 'number' ? String(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [HEADER.map(q).join(',')];
  for (const o of orders) lines.push(HEADER.map((h) => { const v = cellOf(o, h); return q(DATE_COLS.has(h) && typeof v === 'number' ? text(v) : v); }).join(','));
  writeFileSync(path.join(out, 'orders.csv'), '\ufeff' + lines.join('\r\n') + '\r\n');
  const exp = expected(orders);
  writeFileSync(path.join(out, 'orders.expected.json'), JSON.stringify(exp, null, 2) + '\n');
  console.log(`examples: ${exp.orders} orders on ${orders.length} rows → ${path.relative(root, out)}/orders.{xlsx,csv}; planted: ${Object.entries(exp.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
