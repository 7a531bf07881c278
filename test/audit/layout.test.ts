/** core/audit/layout.ts: the row pre-processing for real export layouts (../shared/notes/exports.md). */
import { describe, expect, it } from 'vitest';
import { splitCombined, shipmentPairs, prepareLayout } from '../../core/audit/layout';
import { createAudit } from '../../core/audit';
import { resolveCarrier } from '../../core/tracking';

const NOW = Date.UTC(2024, 6, 20);

describe('combined 实际发货物流:运单号 cells', () => {
  it('splits carrier and number at the colon (full-width too); several pairs', () => {
    expect(splitCombined('DHL:3318810025')).toEqual([{ carrier: 'DHL', tracking: '3318810025' }]);
    expect(splitCombined('China Post：RB123456785CN')).toEqual([{ carrier: 'China Post', tracking: 'RB123456785CN' }]);
    expect(splitCombined('DHL:1234567891\nUPS:1Z999AA10123456784; 3318810025')).toEqual([
      { carrier: 'DHL', tracking: '1234567891' }, { carrier: 'UPS', tracking: '1Z999AA10123456784' }, { carrier: '', tracking: '3318810025' },
    ]);
    expect(shipmentPairs('DHL\nUPS\n', '1234567891\n1Z999AA10123456784\n3318810025')).toEqual([
      { carrier: 'DHL', tracking: '1234567891' }, { carrier: 'UPS', tracking: '1Z999AA10123456784' }, { carrier: 'DHL', tracking: '3318810025' },
    ]);
  });
  it('[X-FORMAT] each part of an order shipped in parts is checked, its finding names that pair; the carrier column keeps the header index', () => {
    const l = prepareLayout(['订单号', '实际发货物流:运单号']);
    expect(l.header).toEqual(['订单号', '实际发货物流', '运单号']);
    const s = createAudit(['订单号', '实际发货物流:运单号'], { now: NOW });
    expect(s.mapping.mapping).toMatchObject({ orderId: 0, carrier: 1, trackingNumber: 2 });
    s.push([['A1', 'DHL:1234567891\nUPS:1Z999AA10123456785'], ['A2', 'DHL:3318810025']], 0);
    const r = s.finish();
    // The finding names the pair it is about (filterable), not the whole cell.
    expect(r.findings.map((f) => [f.orderId, f.rule, f.severity, f.carrier, f.tracking])).toEqual([['A1', 'X-FORMAT', 'error', 'UPS', '1Z999AA10123456785']]);
    expect(r.findings[0].message.en).toContain('1Z999AA10123456785');
    expect(r.notes!.some((n) => n.en.includes('1 order(s) shipped in parts'))).toBe(true);
  });
});

describe('ERP chains and service codes resolve to a carrier (the last hop that names one)', () => {
  for (const [name, id] of [['CAINIAO_STANDARD', 'cainiao'], ['CN-DHL>>DHL Express', 'dhl'], ['US-FedEx>>OSTK-FedEx', 'fedex'], ['CN-UPS>>DHL Express', 'dhl'], ['CN-DHL>>Unknown Co', 'dhl']] as const) {
    it(`${name} → ${id}`, () => expect(resolveCarrier(name)).toBe(id));
  }
});

describe('continuation rows and total rows', () => {
  const header = ['订单号', '国家', '付款时间', 'SKU', '订单金额', '妥投时间'];
  it('a blank id right after an order, order-level cells blank, joins it; a total row is not an order', () => {
    const s = createAudit(header, { now: NOW });
    s.push([
      ['M1', 'US', '2024-06-01 10:00', 'A', 'USD 100.00', ''],
      ['', '', '', 'B', '', ''],
      ['', '', '', 'C', '', ''],
      ['合计', '', '', '', 'USD 100.00', ''],
      ['Total:', '', '', '', '', ''],
    ], 0);
    const r = s.finish();
    expect(r.ordersAudited).toBe(1);
    expect(r.rowsAudited).toBe(3);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[2, 'X-PEN-TIMEOUT']]);
    expect(r.notes!.map((n) => n.en)).toEqual(expect.arrayContaining([
      '2 continuation row(s) (blank order id: more SKUs of the order above) read as part of that order: rows 3, 4',
      '2 total row(s) skipped, not orders: row 5 (合计), row 6 (Total:)',
    ]));
    // Every note starts as a sentence (the CLI prints them as lines of their own).
    for (const n of r.notes!) expect(n.en[0]).toBe(n.en[0].toUpperCase());
    // The Chinese notes use Chinese list punctuation, as every other list in the report [issue 11].
    expect(r.notes!.map((n) => n.zh)).toEqual(expect.arrayContaining([
      '2 个续行（订单号为空：上一订单的其他 SKU）已并入该订单：第 3、4 行',
      '已跳过 2 个合计行（不是订单）：第 5 行（合计）、第 6 行（Total:）',
    ]));
  });
  it('a blank id with its own order-level cells is not a continuation: a DATA finding names the row', () => {
    const s = createAudit(header, { now: NOW });
    s.push([['M1', 'US', '2024-06-01 10:00', 'A', '1', '2024-06-05'], ['', 'DE', '2024-06-02 10:00', 'B', '1', '2024-06-06']], 0);
    const r = s.finish();
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[3, 'DATA']]);
  });
});

