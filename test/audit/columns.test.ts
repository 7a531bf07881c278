import { describe, expect, it } from 'vitest';
import { auditTable, createAudit, detectColumns, isCancelled } from '../../core/audit';
import { isRuleError } from '../../core/errors';
import { CLEAN, HEADER, NOW } from './helpers';
import { readOrdersBytes } from '../../core/io/read';

describe('detectColumns', () => {
  it('maps Chinese and English export headers, tolerant of case, spaces, full-width and units', () => {
    const m = detectColumns(['订单编号', ' ORDER amount（ＵＳＤ） ', '收货国家', 'Payment Time', '物流单号', '承运商', '签收时间', '礼物重量（克）', 'nfe', '备注']);
    expect(m.mapping).toEqual({ orderId: 0, orderAmount: 1, destination: 2, paidAt: 3, trackingNumber: 4, carrier: 5, deliveredAt: 6, giftWeight: 7, nfe: 8 });
    expect(m.unmatched).toEqual([{ column: 9, header: '备注' }]);
    expect(m.missingRequired).toEqual([]);
    expect(m.skippedRules.find((s) => s.rule === 'X-UPLOAD')!.missing).toEqual(['uploadedAt']);
    expect(m.skippedRules.some((s) => s.rule === 'X-FORMAT')).toBe(false);
  });

  it('user overrides set or clear any field; the first matching column wins otherwise', () => {
    const m = detectColumns(['Order ID', 'Notes', 'Tracking number', 'Tracking No'], { trackingNumber: 3, carrier: 1 });
    expect(m.mapping).toEqual({ orderId: 0, carrier: 1, trackingNumber: 3 });
    expect(m.unmatched).toEqual([{ column: 2, header: 'Tracking number' }]);
    expect(detectColumns(['Order ID', 'Country'], { destination: null }).mapping).toEqual({ orderId: 0 });
  });

  it('a table without an order-id column is one clear bilingual error, not a throw', async () => {
    const s = createAudit(['Carrier', 'Tracking number']);
    expect(s.mapping.missingRequired).toEqual(['orderId']);
    expect(s.error!.en).toContain('no column for Order ID');
    expect(s.error!.zh).toContain('订单号');
    s.push([['DHL', '1']], 0);
    expect(s.finish().findings).toEqual([]);
    const r = await auditTable(['Carrier'], [['DHL']]);
    expect(isRuleError(r)).toBe(true);
  });

  it('a table where no rule can run names the columns of the simplest rule', () => {
    expect(detectColumns(['Order ID', 'Remarks']).missingRequired).toEqual(['carrier', 'trackingNumber']);
  });

  it('a bad override (out of range, duplicate column) is an error value', () => {
    expect(createAudit(['Order ID', 'Carrier'], { overrides: { trackingNumber: 5 } }).error!.en).toContain('A–B');
    expect(createAudit(['Order ID', 'X'], { overrides: { carrier: 1, trackingNumber: 1 } }).error!.zh).toContain('同时映射');
  });
});

describe('auditTable: chunks, progress, cancellation', () => {
  const fields = Object.keys(CLEAN) as (keyof typeof CLEAN)[];
  const header = fields.map((f) => HEADER[f]);
  const rows = Array.from({ length: 1000 }, (_, i) => fields.map((f) => (f === 'orderId' ? `81${i}` : f === 'giftWeight' && i % 10 === 0 ? 60 : CLEAN[f])));

  it('reports progress per chunk and gives the same report as one push', async () => {
    const seen: number[] = [];
    const r = await auditTable(header, rows, { now: NOW, chunkSize: 300, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 300, 600, 900, 1000]);
    if (isRuleError(r)) throw r;
    const s = createAudit(header, { now: NOW });
    s.push(rows, 0);
    const one = s.finish();
    expect(r.findings).toEqual(one.findings);
    expect(r.findings).toHaveLength(100);
    expect(r.findings[0].row).toBe(2);
    expect(r.totals.giftFeesCny).toBe(3280); // 1000 × 3.20 + 100 × 0.80, exact
  });

  it('stops when the signal is aborted', async () => {
    const signal = { aborted: false };
    const r = await auditTable(header, rows, { now: NOW, chunkSize: 100, signal, onProgress: (p) => { if (p.done >= 200) signal.aborted = true; } });
    expect(isCancelled(r)).toBe(true);
  });

  it('headerRow shifts the reported sheet rows; empty rows are skipped, not counted', async () => {
    const r = await auditTable(header, [rows[11], [], rows[0]], { now: NOW, headerRow: 4 });
    if (isRuleError(r)) throw r;
    expect(r.rowsAudited).toBe(2);
    expect(r.findings.map((f) => f.row)).toEqual([7]);
  });
});

describe('auditTable: the header row first, then the columns given by hand', () => {
  const csv = 'Orders export 2026-11,,,\nRef,Dest,Via,Trk\n81001,US,DHL,3318 810025\n81002,US,DHL,3318810025\n';

  it('a title row above the headers and columns by header text: audited from the header row below [X-FORMAT]', async () => {
    const read = readOrdersBytes(new TextEncoder().encode(csv), 'export.csv');
    if (!read.ok) throw new Error(read.error.en);
    expect(read.table.headerRow).toBe(1); // no header names an audit field: the reader keeps the title
    const r = await auditTable(read.table.header, read.table.rows, { now: NOW, headerRow: read.table.headerRow, columns: { orderId: 'Ref', carrier: 'Via', trackingNumber: 'Trk' } });
    if (isRuleError(r)) throw new Error(r.en);
    expect(r.rowsAudited).toBe(2);
    expect(r.findings.map((f) => [f.row, f.rule, f.orderId])).toEqual([[3, 'X-FORMAT', '81001']]);
  });

  it('a header text in no row: one bilingual error naming it', async () => {
    const read = readOrdersBytes(new TextEncoder().encode(csv), 'export.csv');
    if (!read.ok) throw new Error(read.error.en);
    const r = await auditTable(read.table.header, read.table.rows, { now: NOW, columns: { orderId: 'Order reference' } });
    expect(isRuleError(r)).toBe(true);
    if (!isRuleError(r)) return;
    expect(r.en).toContain('no column with the header or letter "Order reference" for Order ID');
    expect(r.zh).toContain('没有表头或列字母为“Order reference”的列（「订单号」）');
  });
});
