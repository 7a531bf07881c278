/**
 * One order id on several rows (one row per SKU): the rows are merged field by field, and rows of
 * one id that disagree are audited as separate orders (Excel rounds 16-digit ids stored as numbers).
 */
import { describe, expect, it } from 'vitest';
import { createAudit, findHeaderRow, headerScore, ruleTitle, describeUserCard, AUDIT_RULES, SUMMARY_MONEY_COLUMNS, SUMMARY_SHARE_COLUMNS } from '../../core/audit';
import * as audit$ from '../../core/audit';
import { BUILTIN_CARDS, cardFromTable } from '../../core/rates';
import { isRuleError } from '../../core/errors';
import { audit, only, rulesOf, CLEAN, HEADER, NOW, type Row } from './helpers';
import { outputTables } from '../../pane/controller';

const NO_GIFT_COLS: Row = { giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null, giftThreshold: null };
const EMPTY: Row = Object.fromEntries(Object.keys(CLEAN).map((k) => [k, null]));

describe('rows of one order id are merged field by field', () => {
  it('[X-PEN-TIMEOUT] [X-UPLOAD] [G-STATUS] DATA: id 8124077254437520 twice, US delivered then BR late and failed: two orders, no penalty lost', () => {
    const id = '8124077254437520';
    const br: Row = {
      ...CLEAN,
      orderId: id,
      destination: 'BR',
      paidAt: '2024-05-01 10:00',
      uploadedAt: '2024-05-09 10:00', // 8 days after payment
      firstScanAt: '2024-05-09 12:00',
      lastEventAt: '2024-07-04 12:00',
      deliveredAt: null,
      orderAmount: 900,
      giftStatus: 'FAILED',
    };
    const r = audit([{ ...CLEAN, orderId: id }, br]);
    expect(r.ordersAudited).toBe(2);
    const onBr = r.findings.filter((f) => f.row === 3).map((f) => f.rule);
    expect(onBr).toEqual(expect.arrayContaining(['DATA', 'X-UPLOAD', 'X-PEN-TIMEOUT', 'G-STATUS']));
    expect(r.findings.filter((f) => f.row === 2)).toEqual([]); // the US order is clean
    const data = only(r, 'DATA');
    expect(data).toHaveLength(1);
    expect(data[0].message.en).toContain(`rows 2, 3 of order ${id} disagree on destination country: US / BR`);
    expect(data[0].message.en).toContain('paid at: 2024-06-03 10:00 / 2024-05-01 10:00');
    expect(data[0].message.en).not.toContain('$900.00'); // amounts are not compared (per-SKU line amounts)
    expect(data[0].message.en).toContain('two orders with one id?');
    expect(data[0].message.en).toContain('Excel rounds 16-digit ids');
    expect(data[0].message.zh).toContain(`订单 ${id} 的第 2、3 行不一致：目的国：US / BR`);
    expect(data[0].message.zh).not.toMatch(/行 行/);
    const timeout = only(r, 'X-PEN-TIMEOUT')[0];
    expect(timeout.costUsd).toBeGreaterThan(0);
    expect(r.totals.penaltiesUsd).toBe(timeout.costUsd);
    expect(timeout.country).toBe('BR');
  });

  it('[X-PEN-TIMEOUT] one order on two SKU rows with different line amounts stays one order: no DATA, penalty once', () => {
    const late: Row = { ...CLEAN, orderId: 'A2', ...NO_GIFT_COLS, paidAt: '2024-05-01 10:00', deliveredAt: null, lastEventAt: '2024-07-04 12:00', orderAmount: 300 };
    const r = audit([late, { ...late, orderAmount: 120 }]);
    expect(r.ordersAudited).toBe(1);
    expect(only(r, 'DATA')).toEqual([]);
    const timeout = only(r, 'X-PEN-TIMEOUT');
    expect(timeout).toHaveLength(1);
    expect(timeout[0].costUsd).toBe(15); // 5% of the first row's $300, once
  });

  it('[G-STATUS] [G-FEE] [G-OVERWEIGHT] A1 twice, the gift (60 g, ERR-407) only on the second row: fee counted once, failure found', () => {
    const first: Row = { ...CLEAN, orderId: 'A1', orderAmount: 100, ...NO_GIFT_COLS };
    const gift: Row = { ...EMPTY, orderId: 'A1', giftWeight: 60, giftStatus: 'ERR-407', giftThreshold: 10, giftShippedAt: '2024-06-03 12:00', giftConfirmedAt: '2024-06-03 18:00', labelCode: 'SG240603000009' };
    const r = audit([first, gift]);
    expect(r.ordersAudited).toBe(1);
    expect(r.totals.giftFeesCny).toBe(4); // US 3.20 + 0.80 overweight, once
    expect(r.tables.summary.find((row) => row[0] === 'Gift orders')![1]).toBe(1);
    expect(rulesOf(r).sort()).toEqual(['G-OVERWEIGHT', 'G-STATUS']); // $100 ≥ $10: no [G-TRIGGER]
    const st = only(r, 'G-STATUS')[0];
    expect(st.message.en).toContain('ERR-407');
    expect(st.message.en).toContain('also on row(s) 3');
    expect(st.message.zh).toContain('另见第 3 行');
    expect(st.message.zh).not.toMatch(/行 行/);
    // The same order on one row gives the same fee and findings.
    const one = audit([{ ...first, ...Object.fromEntries(Object.entries(gift).filter(([, v]) => v !== null)) }]);
    expect(one.totals.giftFeesCny).toBe(4);
    expect(rulesOf(one).sort()).toEqual(['G-OVERWEIGHT', 'G-STATUS']);
  });

  it('[X-PEN-TIMEOUT] the delivery time on a later SKU row (not next to the first) counts: no "not delivered" penalty', () => {
    const late: Row = { ...CLEAN, orderId: 'B7', paidAt: '2024-05-01 10:00', uploadedAt: '2024-05-01 12:00', firstScanAt: '2024-05-02 09:00', orderAmount: 50 };
    const open = audit([{ ...late, deliveredAt: null, lastEventAt: null }]);
    expect(rulesOf(open)).toContain('X-PEN-TIMEOUT');
    const merged = audit([{ ...late, deliveredAt: null, lastEventAt: null }, { ...CLEAN, orderId: 'C1' }, { ...EMPTY, orderId: 'B7', deliveredAt: '2024-05-20 10:00', lastEventAt: '2024-05-20 10:00' }]);
    expect(rulesOf(merged)).toEqual([]);
    expect(merged.ordersAudited).toBe(2);
    expect(merged.tables.summary.find((row) => String(row[0]).startsWith('Orders on several rows'))![1]).toBe(1);
  });

  it('DATA: rows US, BR, BR of one id are two orders (the BR rows merge); one disagreement finding', () => {
    const br: Row = { ...CLEAN, destination: 'BR' };
    const r = audit([CLEAN, br, br]);
    expect(r.ordersAudited).toBe(2);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[3, 'DATA']]);
    expect(r.findings[0].message.en).toContain('also on row(s) 4');
    expect(r.totals.giftFeesCny).toBe(7.3); // one gift per order: US 3.20 + BR 2.60 + 1.50 (no NFe column = no NFe)
  });

  it('[G-CONFIRM-FREEZE] a failed gift on the second SKU row counts in the streak, named by its own row', () => {
    const failed = (id: string, day: number): Row => ({ ...EMPTY, orderId: id, giftWeight: 30, giftStatus: 'FAILED', giftShippedAt: `2024-06-0${day} 12:00`, giftConfirmedAt: `2024-06-0${day} 13:00`, labelCode: `SG24060${day}000001` });
    const r = audit([{ ...CLEAN, orderId: 'G1', ...NO_GIFT_COLS }, failed('G1', 3), { ...CLEAN, orderId: 'G2', ...failed('G2', 4), destination: 'US' }, { ...CLEAN, orderId: 'G3', ...failed('G3', 5), destination: 'US' }]);
    const fr = only(r, 'G-CONFIRM-FREEZE');
    expect(fr).toHaveLength(1);
    expect(fr[0].message.en).toContain('(rows 3, 4, 5,');
    expect(only(r, 'G-STATUS').map((f) => f.row)).toEqual([2, 4, 5]);
  });

  it('[X-FORMAT] the carrier of the first row checks the tracking number of a later row', () => {
    const r = audit([{ ...CLEAN, orderId: 'D1' }, { ...EMPTY, orderId: 'D1', trackingNumber: '1234' }]);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[3, 'X-FORMAT']]);
  });
});

describe('Chinese row lists say 行 once', () => {
  it('[X-FORMAT] an unknown carrier on 25 rows: "第 2、3、…、21 等 25 行", never "行 行"', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ ...CLEAN, orderId: `E${i}`, carrier: 'Foo Express' }));
    const r = audit(rows);
    const w = only(r, 'X-FORMAT');
    expect(w).toHaveLength(1);
    expect(w[0].message.zh).toContain('25 行的运单号未校验：第 2、3、4、5、6、7、8、9、10、11、12、13、14、15、16、17、18、19、20、21 等 25 行');
    expect(w[0].message.zh).not.toMatch(/行\s*行/);
    expect(w[0].message.en).toContain('2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 and 5 more');
    const few = only(audit(rows.slice(0, 2)), 'X-FORMAT')[0];
    expect(few.message.zh).toContain('第 2、3 行');
    expect(few.message.zh).not.toMatch(/行\s*行/);
  });
});

describe('findHeaderRow scores header synonyms', () => {
  it('a two-row header (group row "Order,,,Logistics" above the real one) picks the second', () => {
    const rows = [['Order', null, null, 'Logistics'], ['Order ID', 'Country', 'Carrier', 'Tracking number'], ['81', 'US', 'DHL', '3318810025']];
    expect(headerScore(rows[0])).toBe(1);
    expect(headerScore(rows[1])).toBe(4);
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('ties go to the earliest row; no header at all falls back to the first non-empty row, never the widest (a data row)', () => {
    expect(findHeaderRow([['订单号', '运单号'], ['Order ID', 'Tracking']])).toBe(0);
    expect(findHeaderRow([[], ['6月订单导出'], ['编号', '货运', '单号X', '备注'], ['81001', 'DHL', '3318810025', 'x']])).toBe(1);
  });

  it('an order-id column alone does not beat a row naming more fields', () => {
    expect(findHeaderRow([['Order', 'Notes'], ['订单号', '物流商', '运单号', '付款时间']])).toBe(1);
  });
});

describe('Summary: the rate card, and the formats in the report', () => {
  const fields = Object.keys(CLEAN) as (keyof typeof CLEAN)[];
  const header = fields.map((f) => HEADER[f]);
  const row = fields.map((f) => CLEAN[f]);
  const run = (opts: Parameters<typeof createAudit>[1]) => {
    const s = createAudit(header, { now: NOW, ...opts });
    s.push([row], 0);
    return s.finish();
  };
  const cardRow = (r: ReturnType<typeof run>) => r.tables.summary.find((x) => x[0] === 'Rate card' || x[0] === '费率卡')!;

  it('[G-FEE] a user card is marked: its file / sheet name and how many rows differ from the built-in card', () => {
    const card = cardFromTable([['key', 'value'], ['gift.tiers.emerging.fee', 3], ['gift.overweightSurcharge', 1]]);
    if (isRuleError(card)) throw card;
    expect(cardRow(run({}))).toEqual(expect.arrayContaining(['Rate card', '2024-standard', 'built-in']));
    const mine = cardRow(run({ card, cardLabel: 'card.csv' }));
    expect(mine[1]).toBe('2024-standard');
    expect(mine[2]).toBe('your card "card.csv": 2024-standard + 2 row(s) changed');
    expect(cardRow(run({ card, cardLabel: 'card.csv', lang: 'zh' }))[2]).toBe('自定义费率卡“card.csv”：2024-standard，改动 2 行');
    expect(cardRow(run({ card: BUILTIN_CARDS[0] }))[2]).toBe('your card: same values as 2024-standard');
    expect(describeUserCard(card)).toEqual({ base: '2024-standard', changed: 2 });
  });

  it('every share of the Summary is in the percent column, every amount in a money column; formats travel with the report', () => {
    const r = run({});
    expect(r.tables.formats).toEqual({
      findings: { moneyColumns: [6, 7] },
      summary: { moneyColumns: SUMMARY_MONEY_COLUMNS, percentColumns: SUMMARY_SHARE_COLUMNS },
      weekly: { moneyColumns: [5, 6], percentColumns: [3] },
    });
    const s = r.tables.summary;
    const totalsHead = s.findIndex((x) => x[0] === 'Scope');
    expect(s[totalsHead][4]).toBe('Share of orders affected');
    expect(s[totalsHead + 1]).toEqual(['All orders', '', 1, 0, 0, 3.2, 0, 0, 0]);
    // No number outside the formatted columns is a share or an amount: column 1 holds only counts and text.
    const top = s.slice(1, totalsHead - 2);
    for (const x of top) expect(typeof x[1] === 'number' ? Number.isInteger(x[1]) : true).toBe(true);
    expect(top.some((x) => /share|CNY|USD/i.test(String(x[0])))).toBe(false);
    // The pane hands the same formats to every host.
    const out = outputTables(r);
    expect(out.map((o) => [o.opts.moneyColumns, o.opts.percentColumns])).toEqual([[[6, 7], []], [SUMMARY_MONEY_COLUMNS, SUMMARY_SHARE_COLUMNS], [[5, 6], [3]]]);
  });
});

describe('rule titles come from the card', () => {
  it('[G-NFE] the title names the NFe countries of the card in use', () => {
    expect(ruleTitle('G-NFE', [BUILTIN_CARDS[0]])).toEqual(expect.objectContaining({ en: 'Brazil gift without NFe', zh: '巴西礼物缺少 NFe' }));
    const card = cardFromTable([['key', 'value'], ['gift.nfeCountries', 'BR, MX']]);
    if (isRuleError(card)) throw card;
    expect(ruleTitle('G-NFE', [card])!.en).toBe('Brazil / Mexico gift without NFe');
    expect(ruleTitle('G-NFE', [card])!.zh).toBe('巴西、墨西哥礼物缺少 NFe');
    expect(AUDIT_RULES.find((r) => r.id === 'G-NFE')!.title.en).toBe('Gift without NFe');
  });

  it('[G-STATUS] the giftStatusFailed alias is gone (isFailureStatus is the one test)', () => {
    expect('giftStatusFailed' in audit$).toBe(false);
  });
});
