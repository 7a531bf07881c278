// One small sample per export layout of ../shared/notes/exports.md, each with the findings planted in
// it (examples/layouts/<name>.expected.json), written by hand here, not by running the audit:
//   aliexpress-older.xls   Seller Center older export: BIFF8 (Excel 97–2003), Sheet1, combined
//                          `实际发货物流:运单号` cell (one order shipped in two parts), header with a
//                          line break and a note, `2024.07.01 10:00` dates, `$120.00` amounts
//   aliexpress-newer.xlsx  newer export: tracking number alone, the only carrier column is
//                          `买家选择物流` (service codes such as CAINIAO_STANDARD), `US $35.00`
//   mabang.xlsx            Mabang: one row per SKU with continuation rows (blank order id), a total
//                          row (合计), ERP chains `CN-DHL>>DHL Express`, `USD 400.00`, an `RMB` amount,
//                          `--` / `*****` cells
//   tongtool.csv           Tongtool (UTF-8 with BOM): `邮寄方式` chains `US-FedEx>>OSTK-FedEx`,
//                          virtual tracking numbers, `2024/7/1 10:00` dates
//   lingxing.xlsx          Lingxing "不合并单元格": one row per SKU, every cell filled; appeals
//                          (已申诉 = filed, outcome unknown: the penalty counts), `01 Jun 2024 10:00`
//   dianxiaomi.csv         Dianxiaomi template headers with `*` marks, GBK-encoded; a EUR currency row
// Every sample is audited with `--now 2024-07-20` and no --map (test/audit/layouts.test.ts, built CLI).
//
//   node scripts/gen-layout-examples.mjs [--out DIR]     (default examples/layouts/)
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const dir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'examples', 'layouts');
mkdirSync(dir, { recursive: true });

const NOW = '2024-07-20';

/** A finding the sample must produce: sheet row, order id, rule, severity, cost in USD ('' = none). */
const F = (row, orderId, rule, severity, costUsd = '') => ({ row, orderId, rule, severity, costUsd });

const samples = [];

function workbook(rows, sheet = 'Sheet1') {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows);
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return wb;
}
const csv = (rows) =>
  rows.map((r) => r.map((c) => {
    const s = c === null || c === undefined ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',')).join('\r\n') + '\r\n';

// ── AliExpress Seller Center, older layout (.xls BIFF8) ─────────────────────────────────────────
{
  const header = ['订单号', '订单状态', '负责人(业务员)', '买家名称', '下单时间', '付款时间', '产品总金额', '物流费用', '订单金额', '满立减',
    '产品信息\n（双击单元格展开所有产品信息！）', '订单备注', '收货地址', '收货人名称', '收货国家', '州/省', '城市', '地址', '邮编',
    '联系电话', '手机', '买家选择物流', '发货期限', '实际发货物流:运单号', '发货时间', '确认收货时间'];
  const order = (id, paid, amount, country, chosen, shipped, pairs, confirmed = '') => {
    const r = Object.fromEntries(header.map((h) => [h, '']));
    Object.assign(r, {
      订单号: id, 订单状态: shipped ? '等待买家收货' : '等待您发货', '负责人(业务员)': 'Lily', 买家名称: 'John Smith', 下单时间: paid, 付款时间: paid,
      产品总金额: amount, 物流费用: '$0.00', 订单金额: amount, 满立减: '$0.00',
      [header[10]]: '【1】Phone case\n(商家编码: PC-01)\n(产品数量: 1 piece)', 收货地址: '1 Main St', 收货人名称: 'John Smith', 收货国家: country,
      '州/省': 'CA', 城市: 'Los Angeles', 地址: '1 Main St', 邮编: '90001', 联系电话: '555-0100', 买家选择物流: chosen,
      发货期限: '2024-07-25', '实际发货物流:运单号': pairs, 发货时间: shipped, 确认收货时间: confirmed,
    });
    return header.map((h) => r[h]);
  };
  const rows = [
    header,
    order('3018000000000001', '2024.07.01 10:00', '$120.00', 'United States', 'DHL', '2024-07-01 20:00:00', 'DHL:3318810025', '2024-07-12 10:00:00'),
    order('3018000000000002', '2024.07.02 09:00', '$35.50', 'United States', 'UPS', '2024-07-04 12:00:00', 'UPS:1Z999AA10123456784'),
    order('3018000000000003', '2024.07.03 08:00', '$1,234.56', 'Germany', 'DHL', '2024-07-03 18:00:00', 'DHL:3318 810025'),
    order('3018000000000004', '2024.07.04 08:00', '$64.00', 'France', 'DHL', '2024-07-04 18:00:00', 'DHL:1234567891\nUPS:1Z999AA10123456785'),
    order('3018000000000005', '2024.07.05 08:00', '$12.00', 'Syrian Arab Republic', 'DHL', '2024-07-05 18:00:00', 'DHL:1234567891'),
    order('3018000000000006', '2024.07.10 10:00', '$20.00', 'Spain', 'AliExpress Standard Shipping', '', ''),
  ];
  const wb = workbook(rows, 'Sheet1');
  writeFileSync(path.join(dir, 'aliexpress-older.xls'), XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
  samples.push({
    file: 'aliexpress-older.xls',
    layout: 'AliExpress Seller Center, older export (.xls BIFF8)',
    findings: [
      F(3, '3018000000000002', 'X-UPLOAD', 'warning'), // uploaded 51 h after payment
      F(4, '3018000000000003', 'X-FORMAT', 'error'), // "3318 810025": a DHL number with a space
      F(5, '3018000000000004', 'X-FORMAT', 'error'), // second part: UPS 1Z…785 fails its check digit
      F(6, '3018000000000005', 'X-BLOCKED', 'error'), // Syria
      F(7, '3018000000000006', 'X-UPLOAD', 'warning'), // paid 07-10, nothing uploaded by 07-20
    ],
    stdout: ['split into the carrier and the tracking number (1 order(s) shipped in parts'],
  });
}

// ── AliExpress Seller Center, newer layout (.xlsx) ──────────────────────────────────────────────
{
  const header = ['订单号', '订单状态', '买家名称', '下单时间', '付款时间', '产品数量', '产品总金额', '物流费用', '预计增值税', '平台是否代征代缴', '订单金额',
    '店铺优惠', '商品信息', '商品编码', '收货地址', '收件人名称', '收货国家', '州/省', '城市', '地址', '邮编', '买家选择物流', '发货期限', '实际发货单号', '发货时间', '确认收货时间'];
  const order = (id, paid, amount, country, service, tracking, shipped) => {
    const r = Object.fromEntries(header.map((h) => [h, '']));
    Object.assign(r, { 订单号: id, 订单状态: '等待买家收货', 买家名称: 'Ana', 下单时间: paid, 付款时间: paid, 产品数量: '1', 产品总金额: amount, 物流费用: 'US $0.00',
      预计增值税: 'US $0.00', 平台是否代征代缴: '否', 订单金额: amount, 店铺优惠: 'US $0.00', 商品信息: 'Phone case', 商品编码: 'PC-01', 收货国家: country,
      买家选择物流: service, 发货期限: '2024-07-25', 实际发货单号: tracking, 发货时间: shipped });
    return header.map((h) => r[h]);
  };
  const rows = [
    header,
    order('8100000000000011', '2024-07-01 10:00:00', 'US $35.00', 'Spain', 'CAINIAO_STANDARD', 'LP00123456789012', '2024-07-01 18:00:00'),
    order('8100000000000012', '2024-07-02 10:00:00', 'US $18.00', 'France', 'AliExpress 无忧物流-标准', 'LP0012', '2024-07-02 18:00:00'),
    order('8100000000000013', '2024-07-03 10:00:00', 'US $22.00', 'Italy', 'CAINIAO_STANDARD', 'LP00123456789012', '2024-07-05 10:00:00'),
    order('8100000000000014', '2024-07-04 10:00:00', 'US $40.00', 'Poland', 'UPS', '1Z999AA10123456784', '2024-07-04 20:00:00'),
  ];
  writeFileSync(path.join(dir, 'aliexpress-newer.xlsx'), XLSX.write(workbook(rows, 'Orders'), { type: 'buffer', bookType: 'xlsx' }));
  samples.push({
    file: 'aliexpress-newer.xlsx',
    layout: 'AliExpress Seller Center, newer export (.xlsx)',
    findings: [
      F(3, '8100000000000012', 'X-FORMAT', 'error'), // LP0012: too short for Cainiao
      F(4, '8100000000000013', 'X-UPLOAD', 'warning'), // 48 h after payment
    ],
    stdout: ['Carrier taken from column "买家选择物流"'],
  });
}

// ── Mabang (.xlsx, one row per SKU, continuation rows, a total row) ─────────────────────────────
{
  const header = ['订单编号', '交易编号', '交运时间', '物流渠道', '店铺名', '平台', '订单状态', 'SKU', '商品数量', '货运单号', '订单总金额', '付款时间', '国家', '发货时间', '签收时间', '订单备注'];
  const o = (id, deal, handed, channel, sku, qty, tracking, amount, paid, country, shipped, signed, note = '') =>
    [id, deal, handed, channel, 'AE Store', 'AliExpress', '已发货', sku, qty, tracking, amount, paid, country, shipped, signed, note];
  const more = (sku, qty) => ['', '', '', '', '', '', '', sku, qty, '', '', '', '', '', '', ''];
  const rows = [
    header,
    o('MB0001', 'T-0001', '2024-06-02 10:00', 'CN-DHL>>DHL Express', 'SKU-A', 1, '3318810025', 'USD 400.00', '2024-06-01 09:00', 'US', '2024-06-01 20:00', '2024-06-10 10:00'),
    more('SKU-B', 2),
    more('SKU-C', 1),
    o('MB0002', 'T-0002', '2024-06-06 10:00', 'CN-DHL>>DHL Express', 'SKU-A', 1, '1234567891', 'USD 400.00', '2024-06-05 10:00', 'US', '2024-06-05 20:00', '--'),
    more('SKU-D', 3),
    o('MB0003', 'T-0003', '2024-06-21 09:00', 'CN-UPS>>UPS', 'SKU-E', 1, '1Z999AA10123456784', 'RMB 88.00', '2024-06-20 10:00', 'DE', '2024-06-20 15:00', '2024-06-30 10:00'),
    o('MB0004', 'T-0004', '2024-07-16 08:00', 'CN-DHL>>DHL Express', 'SKU-F', 1, '1234567891', 'USD 25.00', '2024-07-15 10:00', 'FR', '2024-07-15 12:00', '--', '*****'),
    o('MB0005', 'T-0005', '2024-07-05 10:00', 'DHL', 'SKU-G', 1, '3318810025', '$30.00', '2024-07-01 10:00', 'ES', '2024-07-01 12:00', '2024-07-12 10:00'),
    ['', '合计', '', '', '', '', '', '', 10, '', 'USD 1,243.00', '', '', '', '', ''],
  ];
  writeFileSync(path.join(dir, 'mabang.xlsx'), XLSX.write(workbook(rows, '订单'), { type: 'buffer', bookType: 'xlsx' }));
  samples.push({
    file: 'mabang.xlsx',
    layout: 'Mabang ERP order export (.xlsx, one row per SKU)',
    findings: [
      F(5, 'MB0002', 'X-PEN-TIMEOUT', 'error', 20), // 45 days undelivered: 5% of $400
      F(7, 'MB0003', 'DATA', 'error'), // RMB 88.00 in the USD amount
      F(9, 'MB0005', 'X-FIRSTSCAN', 'warning'), // handed over 94 h after upload
    ],
    stdout: ['3 continuation row(s)', '1 total row(s) skipped, not orders: row 10 (合计)'],
  });
}

// ── Tongtool (CSV, UTF-8 with BOM) ──────────────────────────────────────────────────────────────
{
  const header = ['订单号', '包裹号', '国家/地区', '付款时间', '邮寄方式', '跟踪号', '虚拟跟踪号', '物流商单号', '发货日期', '发货时间', '渠道', '平台SKU', '通途SKU'];
  const rows = [
    header,
    ['TT-1001', 'P1', 'US', '2024/7/1 10:00', 'US-FedEx>>OSTK-FedEx', '123456789012', 'VT0001', 'LS0001', '2024/7/1', '2024/7/1 22:00', 'AliExpress', 'A-1', 'BOX, 12"'],
    ['TT-1002', 'P2', 'GB', '2024/7/2 10:00', 'CN-UPS>>UPS', '1Z999AA10123456785', 'VT0002', 'LS0002', '2024/7/2', '2024/7/2 20:00', 'AliExpress', 'A-2', 'A-2'],
    ['TT-1003', 'P3', 'CA', '2024/7/1 09:00', 'US-FedEx>>OSTK-FedEx', '123456789012', 'VT0003', 'LS0003', '2024/7/3', '2024/7/3 10:00', 'AliExpress', 'A-3', 'A-3'],
    ['TT-1004', 'P4', 'SY', '2024/7/4 10:00', 'CN-DHL>>DHL Express', '1234567891', 'VT0004', 'LS0004', '2024/7/4', '2024/7/4 18:00', 'AliExpress', 'A-4', 'A-4'],
  ];
  writeFileSync(path.join(dir, 'tongtool.csv'), '\ufeff' + csv(rows));
  samples.push({
    file: 'tongtool.csv',
    layout: 'Tongtool order export (CSV, UTF-8 with BOM)',
    findings: [
      F(3, 'TT-1002', 'X-FORMAT', 'error'), // UPS check digit
      F(4, 'TT-1003', 'X-UPLOAD', 'warning'), // 49 h after payment
      F(5, 'TT-1004', 'X-BLOCKED', 'error'), // Syria
    ],
    stdout: [],
  });
}

// ── Lingxing (.xlsx, "不合并单元格": one row per SKU, every cell filled) ─────────────────────────────
{
  const header = ['平台单号', '系统单号', '参考号', 'SKU', '数量', '国家', '付款时间', '物流方式', '跟踪号', '发货时间', '订单金额', '妥投时间', '申诉状态'];
  const rows = [
    header,
    ['LX-2001', 'S1', 'R1', 'SKU-A', 1, 'United States', '2024-06-01 10:00', 'DHL', '3318810025', '2024-06-01 20:00', '$50.00', '2024-06-09 10:00', ''],
    ['LX-2001', 'S1', 'R1', 'SKU-B', 2, 'United States', '2024-06-01 10:00', 'DHL', '3318810025', '2024-06-01 20:00', '$50.00', '2024-06-09 10:00', ''],
    ['LX-2002', 'S2', 'R2', 'SKU-C', 1, 'Brazil', '2024-06-01 10:00', 'DHL', '1234567891', '2024-06-01 20:00', '$1,200.00', '', '已申诉'],
    ['LX-2003', 'S3', 'R3', 'SKU-D', 1, 'Brazil', '2024-06-02 10:00', 'DHL', '1234567891', '2024-06-02 20:00', '$80.00', '', '申诉成立'],
    ['LX-2004', 'S4', 'R4', 'SKU-E', 1, 'Mexico', '2024-06-03 10:00', 'UPS', '1Z999AA10123456784', '2024-06-03 20:00', '$80.00', '', ''],
    ['LX-2005', 'S5', 'R5', 'SKU-F', 1, 'Spain', '01 Jun 2024 10:00', 'UPS', '1Z999AA10123456784', '01 Jun 2024 18:00', '$30.00', '2024-06-20 10:00', ''],
  ];
  writeFileSync(path.join(dir, 'lingxing.xlsx'), XLSX.write(workbook(rows, '订单'), { type: 'buffer', bookType: 'xlsx' }));
  samples.push({
    file: 'lingxing.xlsx',
    layout: 'Lingxing order export (.xlsx, one row per SKU, every cell filled)',
    findings: [
      F(4, 'LX-2002', 'X-PEN-TIMEOUT', 'error', 50), // filed appeal (已申诉): 5% of $1,200 capped at $50 still counts…
      F(4, 'LX-2002', 'X-PEN-TIMEOUT', 'info'), // …with a note that it may be waived
      F(6, 'LX-2004', 'X-PEN-TIMEOUT', 'error', 4), // no appeal: 5% of $80
    ],
    stdout: ['penalties $54.00'],
  });
}

// ── Dianxiaomi (CSV, GBK) ───────────────────────────────────────────────────────────────────────
{
  const header = ['*订单号', '*国家二字码', '*sku', '*数量（大于0的整数）', '*单价', '总运费', '币种（默认USD）', '买家税号', '卖家税号（IOSS）', '订单金额', '物流方式', '运单号'];
  const rows = [
    header,
    ['DXM-3001', 'US', 'SKU-A', 1, '12.00', '0', 'USD', '', 'IM2500000001', '12.00', 'DHL', '3318810025'],
    ['DXM-3002', 'BR', 'SKU-B', 2, '15.00', '0', 'USD', '', 'IM2500000001', '30.00', 'DHL', '1234567891'],
    ['DXM-3003', 'RU', 'SKU-C', 1, '20.00', '0', 'USD', '7707083893', 'IM2500000001', '20.00', 'DHL', '1234567891'],
    ['DXM-3004', 'DE', 'SKU-D', 1, '35.00', '0', 'EUR', '', 'IM2500000001', '35.00', 'DHL', '3318810025'],
    ['DXM-3005', 'MX', 'SKU-E', 1, '18.00', '0', '', 'XAXX010101000', 'IM2500000001', '18.00', 'UPS', '1Z999AA10123456785'],
  ];
  writeFileSync(path.join(dir, 'dianxiaomi.csv'), Buffer.from(cptable.utils.encode(936, csv(rows))));
  samples.push({
    file: 'dianxiaomi.csv',
    layout: 'Dianxiaomi import template (CSV, GBK)',
    findings: [
      F(3, 'DXM-3002', 'X-DOCS', 'error'), // Brazil without the buyer's CPF
      F(5, 'DXM-3004', 'DATA', 'error'), // currency EUR, not USD
      F(6, 'DXM-3005', 'X-FORMAT', 'error'), // UPS check digit
    ],
    stdout: [],
  });
}

for (const s of samples) {
  const name = s.file.replace(/\.[^.]+$/, '');
  writeFileSync(path.join(dir, `${name}.expected.json`), JSON.stringify({ ...s, now: NOW }, null, 2) + '\n');
}
console.log(`wrote ${samples.length} layout samples to ${path.relative(root, dir) || dir}`);
