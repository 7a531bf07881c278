/**
 * Review findings on the audit engine, each as a trigger row and a near-identical clean row where it
 * is a rule: appeals [X-PEN-TIMEOUT], one order on several rows, documents by type [X-DOCS], gift
 * costs counted once [G-TRIGGER], "no gift" cells, info findings and unknown carriers [X-FORMAT],
 * failure statuses [G-STATUS], titles from the card, header rows, rows without an order id [DATA].
 */
import { describe, expect, it } from 'vitest';
import { auditTable, createAudit, findHeaderRow, ruleTitle, readAppeal, isInvoiceDoc, isPlaceholder, columnLetter, AUDIT_RULES, RULE_TITLES, type Field } from '../../core/audit';
import { BUILTIN_CARDS, cardFromTable } from '../../core/rates';
import { isRuleError } from '../../core/errors';
import { toAppeal, toGrams, toPresent } from '../../core/coerce';
import { callFunction } from '../../core/catalogue/call';
import { getFunction } from '../../core/functions';
import { APPEAL_YES, APPEAL_NO, APPEAL_UNREADABLE, APPEAL_FILED, ABSENT, PRESENT } from '../core/_words';
import { audit, CLEAN, HEADER, NOW, only, rulesOf, type Row } from './helpers';

const ID2 = '8100000000000002';
/** A trigger row (row 2) and a near-identical clean row of another order (row 3). */
const pair = (bad: Row, good: Row, now = NOW) => {
  const r = audit([{ ...CLEAN, ...bad }, { ...CLEAN, orderId: ID2, ...good }], { now });
  return { bad: r.findings.filter((f) => f.row === 2), good: r.findings.filter((f) => f.row === 3), report: r };
};
const NO_GIFT: Row = { giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null, giftThreshold: null };
/** Undelivered 31 days after payment, $80: the timeout penalty is $4 unless a valid appeal waives it. */
const LATE: Row = { paidAt: '2024-06-03 10:00', lastEventAt: '2024-07-04 12:00', deliveredAt: null, orderAmount: 80 };

describe('[X-PEN-TIMEOUT] appeals: only an explicit yes or a valid / approved appeal waives the penalty', () => {
  for (const text of ['未申诉', '无', 'none', 'not appealed', 'No appeal', '驳回', 'rejected', '申诉失败', '未通过', 'invalid', '不成立']) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(text)} is no valid appeal: $4 penalty; "申诉成立" waives it`, () => {
      const { bad, good } = pair({ ...LATE, appeal: text }, { ...LATE, appeal: '申诉成立' });
      expect(bad.map((f) => [f.rule, f.costUsd])).toEqual([['X-PEN-TIMEOUT', 4]]);
      expect(good).toEqual([]);
    });
  }

  for (const text of ['是', 'TRUE', 'yes', '有效', '通过', 'approved', 'Appeal valid', '申诉成功']) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(text)} is a valid appeal; "否" is not`, () => {
      const { bad, good } = pair({ ...LATE, appeal: '否' }, { ...LATE, appeal: text });
      expect(bad.map((f) => f.rule)).toEqual(['X-PEN-TIMEOUT']);
      expect(good).toEqual([]);
    });
  }

  for (const text of ['已申诉', '申诉中', 'appealed', 'pending']) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(text)} = filed, outcome unknown: the $4 penalty is counted, with an info note`, () => {
      const { bad, good, report } = pair({ ...LATE, appeal: text }, { ...LATE, appeal: '申诉成立' });
      expect(bad.map((f) => [f.rule, f.severity, f.costUsd])).toEqual([['X-PEN-TIMEOUT', 'error', 4], ['X-PEN-TIMEOUT', 'info', 0]]);
      expect(bad[1].message.en).toContain('an appeal was filed, outcome unknown: the $4.00 penalty is counted; it is waived only if the appeal is upheld');
      expect(bad[1].message.zh).toContain('已申诉、结果未知');
      expect(good).toEqual([]);
      expect(report.totals.penaltiesUsd).toBe(4);
    });
  }

  // The header says what a plain yes means: an outcome column (Valid appeal, 有效申诉, 申诉结果) → upheld;
  // any other appeal column (是否申诉, Appealed, 申诉) → filed, outcome unknown: the penalty counts.
  const underHeader = (appealHeader: string, cells: unknown[]) => {
    const header = ['订单号', '付款时间', '最后轨迹时间', '妥投时间', '订单金额', appealHeader];
    const s = createAudit(header, { now: NOW });
    s.push(cells.map((c, i) => [`81000000000000${10 + i}`, '2024-06-03 10:00', '2024-07-04 12:00', null, 80, c]), 0);
    return s.finish();
  };
  for (const h of ['是否申诉', 'Appealed', '申诉', 'Appeal', '已申诉']) {
    it(`[X-PEN-TIMEOUT] a plain yes under "${h}" = an appeal filed, not upheld: the $4 penalty is counted with a note; "申诉成立" there still waives it`, () => {
      const r = underHeader(h, ['是', 'TRUE', true, '申诉成立']);
      const pen = r.findings.filter((f) => f.rule === 'X-PEN-TIMEOUT');
      expect(pen.filter((f) => f.severity === 'error').map((f) => [f.row, f.costUsd])).toEqual([[2, 4], [3, 4], [4, 4]]);
      expect(pen.filter((f) => f.severity === 'info').map((f) => f.row)).toEqual([2, 3, 4]);
      expect(r.findings.some((f) => f.row === 5)).toBe(false);
      expect(r.totals.penaltiesUsd).toBe(12);
      const note = (r.notes ?? []).find((n) => n.en.includes('a yes there says an appeal was filed'));
      expect(note?.en).toContain('(3 row(s))');
      expect(note?.zh).toContain('“是”只表示已提交申诉');
    });
  }
  for (const h of ['Valid appeal', '有效申诉', '申诉结果', 'Appeal result', '申诉是否成立']) {
    it(`[X-PEN-TIMEOUT] a plain yes under the outcome column "${h}" waives the penalty; no would not`, () => {
      const r = underHeader(h, ['是', '否']);
      expect(r.findings.map((f) => [f.row, f.rule, f.costUsd])).toEqual([[3, 'X-PEN-TIMEOUT', 4]]);
      expect((r.notes ?? []).some((n) => n.en.includes('appeal was filed'))).toBe(false);
    });
  }

  it('[X-PEN-TIMEOUT] an unreadable appeal is a DATA finding, never a silent waiver', () => {
    const { bad, good } = pair({ ...LATE, appeal: 'see email' }, { ...LATE, appeal: '否' });
    expect(bad.map((f) => f.rule)).toEqual(['DATA']);
    expect(bad[0].message.en).toContain('not a readable appeal result');
    expect(bad[0].message.zh).toContain('不是可识别的申诉结果');
    expect(good.map((f) => f.rule)).toEqual(['X-PEN-TIMEOUT']);
  });

  it('[X-PEN-TIMEOUT] readAppeal: "no" words are read before "yes" words they contain', () => {
    expect([readAppeal('未通过'), readAppeal('invalid'), readAppeal('not approved'), readAppeal('无效')]).toEqual([false, false, false, false]);
    expect([readAppeal('通过'), readAppeal('valid'), readAppeal(1), readAppeal('否')]).toEqual([true, true, true, false]);
    expect(readAppeal('see email')).toBeUndefined();
  });
});

describe('one order on several rows (AliExpress exports: one row per SKU)', () => {
  it('[X-PEN-STALL] a stalled order on 3 SKU rows costs $1.20 once, reported on its first row naming the others', () => {
    const stalled: Row = { paidAt: '2024-06-28 10:00', uploadedAt: '2024-06-28 12:00', firstScanAt: '2024-06-29 08:00', deliveredAt: null, lastEventAt: '2024-07-01 00:00' };
    const r = audit([{ ...CLEAN, ...stalled }, { ...CLEAN, ...stalled }, { ...CLEAN, orderId: ID2, ...stalled, lastEventAt: '2024-07-04 00:00' }, { ...CLEAN, ...stalled }]);
    expect(r.findings.map((f) => [f.row, f.rule, f.costUsd])).toEqual([[2, 'X-PEN-STALL', 1.2]]);
    expect(r.findings[0].message.en).toContain('also on row(s) 3, 5');
    expect(r.findings[0].message.zh).toContain('另见第 3、5 行');
    expect(r.totals.penaltiesUsd).toBe(1.2);
    expect(r.rowsAudited).toBe(4);
    expect(r.ordersAudited).toBe(2);
    expect(r.ordersAffected).toBe(1);
    expect(r.totals.giftFeesCny).toBe(6.4); // one gift per order, not per SKU row [G-FEE]
    const sum = r.tables.summary;
    expect(sum.find((row) => row[0] === 'Rows audited')![1]).toBe(4);
    expect(sum.find((row) => String(row[0]).startsWith('Orders audited'))![1]).toBe(2);
    expect(sum.find((row) => String(row[0]).startsWith('Orders on several rows'))![1]).toBe(1);
  });

  it('[X-FORMAT] a second SKU row with ANOTHER tracking number is still checked; the same number is not checked twice', () => {
    const r = audit([{ ...CLEAN, trackingNumber: '3318 810025' }, { ...CLEAN, trackingNumber: '3318 810025' }, { ...CLEAN, trackingNumber: '1234' }]);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[2, 'X-FORMAT'], [4, 'X-FORMAT']]);
  });
});

describe('[X-DOCS] documents by type; placeholder tax ids are missing', () => {
  const RU: Row = { ...NO_GIFT, destination: '俄罗斯', commercialInvoice: '是' };
  for (const placeholder of ['无', '-', 'N/A', 'none', '没有', '0']) {
    it(`[X-DOCS] Russia with tax id ${JSON.stringify(placeholder)} misses the INN; a real INN passes`, () => {
      const { bad, good } = pair({ ...RU, taxId: placeholder }, { ...RU, taxId: '7707083893' });
      expect(bad.map((f) => f.rule)).toEqual(['X-DOCS']);
      expect(bad[0].message.en).toContain('INN');
      expect(good).toEqual([]);
    });
  }

  it('[X-DOCS] an invoice cell "-" / "N/A" is no invoice', () => {
    const { bad, good } = pair({ ...RU, taxId: '7707083893', commercialInvoice: 'N/A' }, { ...RU, taxId: '7707083893', commercialInvoice: 'INV-2024-001' });
    expect(bad.map((f) => f.rule)).toEqual(['X-DOCS']);
    expect(good).toEqual([]);
  });

  it('[X-DOCS] a card naming the documents in Chinese (商业发票, INN) still maps invoice vs tax id', () => {
    const card = cardFromTable([['key', 'value'], ['express.docs.RU', '商业发票, INN']]);
    if (isRuleError(card)) throw new Error(card.en);
    expect(card.express.docs.RU).toEqual(['商业发票', 'INN']);
    const fields = Object.keys(CLEAN) as Field[];
    const all: Field[] = [...fields, 'commercialInvoice', 'taxId'];
    const run = (row: Row) => {
      const s = createAudit(all.map((f) => HEADER[f]), { now: NOW, card });
      s.push([all.map((f) => ({ ...CLEAN, ...RU, ...row })[f] ?? null)], 0);
      return s.finish().findings;
    };
    expect(run({ taxId: '7707083893', commercialInvoice: '否' }).map((f) => [f.rule, f.message.zh])).toEqual([['X-DOCS', '俄罗斯 (RU) 需要商业发票：缺失，单号将无法通过清关校验']]);
    expect(run({ taxId: '无', commercialInvoice: '是' }).map((f) => f.message.en)).toEqual([expect.stringContaining('needs INN')]);
    expect(run({ taxId: '7707083893', commercialInvoice: '是' })).toEqual([]);
    expect([isInvoiceDoc('商业发票'), isInvoiceDoc('Commercial Invoice'), isInvoiceDoc('INN'), isInvoiceDoc('税号')]).toEqual([true, true, false, false]);
    expect([isPlaceholder(' N/A '), isPlaceholder('无'), isPlaceholder('7707083893')]).toEqual([true, true, false]);
  });
});

describe('[G-TRIGGER] an avoidable gift is counted once', () => {
  it('[G-OVERWEIGHT] [G-NFE] on a below-threshold gift carry no cost: the whole fee is in [G-TRIGGER]', () => {
    const br: Row = { destination: '巴西', commercialInvoice: 'INV-1', taxId: '123.456.789-09', giftWeight: 60, nfe: '' };
    const { bad, good } = pair({ ...br, orderAmount: 20 }, { ...br, orderAmount: 45 });
    expect(bad.map((f) => [f.rule, f.costCny])).toEqual([['G-OVERWEIGHT', 0], ['G-NFE', 0], ['G-TRIGGER', 4.9]]);
    expect(bad[0].message.en).toContain('counted in the avoidable gift fee of [G-TRIGGER]');
    expect(bad[0].message.zh).toContain('已计入 [G-TRIGGER]');
    expect(good.map((f) => [f.rule, f.costCny])).toEqual([['G-OVERWEIGHT', 0.8], ['G-NFE', 1.5]]);
  });
});

describe('"no gift" cells', () => {
  for (const w of ['0', '0.0', 0]) {
    it(`[G-FEE] gift weight ${JSON.stringify(w)} alone is no gift (no fee, no [G-COD]); 30 g is a gift`, () => {
      const only: Row = { ...NO_GIFT, destination: 'EG' };
      const { bad, good, report } = pair({ ...only, giftWeight: 30 }, { ...only, giftWeight: w });
      expect(bad.map((f) => f.rule)).toEqual(['G-COD']);
      expect(good).toEqual([]);
      expect(report.totals.giftFeesCny).toBe(0);
    });
  }

  it('[G-CONFIRM] a NO_GIFT status overrides the other gift columns: no gift rules, no fee', () => {
    const unconfirmed: Row = { giftConfirmedAt: null, labelCode: 'LP00068434402473' };
    const { bad, good, report } = pair({ ...unconfirmed, giftStatus: 'SHIPPED' }, { ...unconfirmed, giftStatus: '无礼物' });
    expect(bad.map((f) => f.rule).sort()).toEqual(['G-CONFIRM', 'G-LABEL']);
    expect(good).toEqual([]);
    expect(report.totals.giftFeesCny).toBe(3.2);
  });
});

describe('[X-FORMAT] info findings and unknown carriers', () => {
  it('[X-FORMAT] a JCEX number (not checkable) is info: it does not make the order "affected"', () => {
    const { bad, good, report } = pair({ carrier: 'JCEX', trackingNumber: 'JC123' }, {});
    expect(bad.map((f) => [f.rule, f.severity])).toEqual([['X-FORMAT', 'info']]);
    expect(good).toEqual([]);
    expect(report.rowsAffected).toBe(0);
    expect(report.ordersAffected).toBe(0);
    expect(report.tables.summary.find((r) => r[0] === 'Orders with findings')![1]).toBe(0);
    expect(report.tables.weekly[1][2]).toBe(0);
  });

  it('[X-FORMAT] an unknown carrier is ONE warning per distinct name, naming its rows', () => {
    const rows: Row[] = [1, 2, 3, 4].map((i) => ({ ...CLEAN, orderId: `81000000000000${i}0`, carrier: i === 3 ? 'Pony Express' : 'Acme Freight' }));
    const r = audit(rows);
    const fx = only(r, 'X-FORMAT');
    expect(fx.map((f) => [f.row, f.severity])).toEqual([[2, 'warning'], [4, 'warning']]);
    expect(fx[0].message.en).toContain('unsupported carrier "Acme Freight"');
    expect(fx[0].message.en).toContain('3 row(s): 2, 3, 5');
    expect(fx[0].message.zh).toContain('第 2、3、5 行');
    expect(r.rowsAffected).toBe(0);
  });
});

describe('[G-STATUS] failure statuses', () => {
  for (const st of ['ERR-999', 'err 512: warehouse', '失败', '赠送失败：库存不足', 'FAILED - stock']) {
    it(`[G-STATUS] ${JSON.stringify(st)} is a failure; "已发货" is not`, () => {
      const { bad, good } = pair({ giftStatus: st }, { giftStatus: '已发货' });
      expect(bad.map((f) => f.rule)).toEqual(['G-STATUS']);
      expect(bad[0].message.zh.length).toBeGreaterThan(5);
      expect(good).toEqual([]);
    });
  }

  it('[G-CONFIRM-FREEZE] unknown ERR codes and Chinese 失败 count in the streak', () => {
    const g = (i: number, shipped: string, status: string): Row => ({ ...CLEAN, orderId: `810000000000010${i}`, giftShippedAt: shipped, giftConfirmedAt: shipped.replace(' 08:', ' 09:'), giftStatus: status });
    const r = audit([g(1, '2024-06-10 08:00', 'ERR-999'), g(2, '2024-06-11 08:00', '失败'), g(3, '2024-06-12 08:00', 'ERR 123: x')]);
    expect(only(r, 'G-CONFIRM-FREEZE')).toHaveLength(1);
    const ok = audit([g(1, '2024-06-10 08:00', 'ERR-999'), g(2, '2024-06-11 08:00', '已发货'), g(3, '2024-06-12 08:00', 'ERR 123: x')]);
    expect(only(ok, 'G-CONFIRM-FREEZE')).toHaveLength(0);
  });
});

describe('rule titles come from the card in use', () => {
  it('[X-UPLOAD] [X-PEN-TIMEOUT] [G-OVERWEIGHT] titles carry the card numbers; a what-if card changes them', () => {
    const b = BUILTIN_CARDS[BUILTIN_CARDS.length - 1];
    expect(ruleTitle('X-UPLOAD', [b])!.en).toBe(`Tracking number uploaded late (${b.express.uploadHours} h)`);
    expect(ruleTitle('X-PEN-TIMEOUT', [b])!.zh).toBe(`妥投超时（超过 ${b.express.timeoutDays} 天）`);
    const card = cardFromTable([['key', 'value'], ['express.uploadHours', '36'], ['gift.overweightAboveG', '40']]);
    if (isRuleError(card)) throw new Error(card.en);
    expect(ruleTitle('X-UPLOAD', [card])!.en).toBe('Tracking number uploaded late (36 h)');
    expect(ruleTitle('G-OVERWEIGHT', [card])!.en).toBe('Gift overweight (> 40 g)');
    expect(ruleTitle('X-UPLOAD', [card, b])!.en).toBe('Tracking number uploaded late'); // cards disagree
    for (const r of AUDIT_RULES) expect(RULE_TITLES[r.id].en).not.toMatch(/\d/);
    const s = createAudit(['Order ID', 'Payment time', 'Upload time'], { now: NOW, card });
    s.push([['81', '2024-06-03 10:00', '2024-06-05 10:00']], 0);
    const rep = s.finish();
    expect(rep.tables.summary.find((r) => r[0] === 'X-UPLOAD')![1]).toBe('Tracking number uploaded late (36 h)');
  });
});

describe('header row and order ids', () => {
  it('findHeaderRow skips a title row and blank rows; the engine audits such a table', async () => {
    const header = ['订单号', '物流商', '运单号'];
    expect(findHeaderRow([['6月订单导出'], [], header, ['81', 'DHL', '3318810025']])).toBe(2);
    expect(findHeaderRow([['6月订单导出', null], header])).toBe(1);
    expect(findHeaderRow([[null], ['Notes only'], ['编号', '快递'], ['81', 'DHL']])).toBe(2); // none names the order id: the first widest row
    expect(findHeaderRow([[], ['']])).toBe(-1);
    const r = await auditTable(['6月订单导出', null, null], [[null, null, null], header, ['81', 'DHL', '3318 810025']], { now: NOW });
    if (isRuleError(r)) throw new Error(r.en);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[4, 'X-FORMAT']]);
  });

  it('[DATA] a row without an order id is a finding; its other findings keep the row number', () => {
    const { bad, good } = pair({ orderId: '  ', trackingNumber: '3318 810025' }, {});
    expect(bad.map((f) => [f.row, f.rule]).sort()).toEqual([[2, 'DATA'], [2, 'X-FORMAT']]);
    expect(bad.find((f) => f.rule === 'DATA')!.message.en).toContain('no order id');
    expect(bad.find((f) => f.rule === 'DATA')!.message.zh).toContain('没有订单号');
    expect(good).toEqual([]);
    // Two rows without an id are two orders, not one.
    const two = audit([{ ...CLEAN, orderId: null }, { ...CLEAN, orderId: null }]);
    expect(two.ordersAudited).toBe(2);
    expect(rulesOf(two)).toEqual(['DATA', 'DATA']);
  });

  it('columnLetter is exported from core/audit for the hosts', () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(27), columnLetter(702)]).toEqual(['A', 'Z', 'AB', 'AAA']);
  });
});

describe('weekly chart', () => {
  it('puts penalties (USD) on a secondary axis, gift fees (CNY) on the primary', () => {
    const r = audit([CLEAN]);
    expect(r.chart.seriesColumns).toEqual([5, 6]);
    expect(r.chart.secondaryAxisColumns).toEqual([6]);
    expect(r.tables.weekly[0][6]).toBe('Penalties (USD)');
  });

  it('the Summary says "now" is local time', () => {
    const r = audit([CLEAN]);
    expect(r.tables.summary.find((row) => String(row[0]).includes('judged as of'))![0]).toContain('(local time)');
  });
});

describe('the audit reads appeal, presence and weight cells exactly like the functions (one reading in core/coerce.ts)', () => {
  const fn = (name: string, ...args: unknown[]) => callFunction(getFunction(name)!, args);
  const kind = (v: unknown) => (isRuleError(v) ? 'unreadable' : v);

  for (const w of [...APPEAL_YES, ...APPEAL_NO, ...APPEAL_UNREADABLE]) {
    it(`[X-PEN-TIMEOUT] appeal ${JSON.stringify(w)}: the audit and PENALTY(80, 31, …) agree`, () => {
      const f = fn('PENALTY', 80, 31, w);
      const { bad } = pair({ ...LATE, appeal: w }, { ...LATE, appeal: '否' });
      const got = bad.map((x) => x.rule);
      if (isRuleError(f)) {
        expect(got).toEqual(['DATA']);
        expect(bad[0].message.en).toMatch(/^Appeal.*: .*(not a readable appeal result|says both yes and no).*\[X-PEN-TIMEOUT\] is not judged/);
        expect(bad[0].message.zh).toMatch(/本行不判断妥投超时罚款/);
      } else if (f === 0) expect(got).toEqual([]);
      else {
        expect(f).toBe(4);
        const filed = APPEAL_FILED.includes(w);
        expect(bad.map((x) => [x.rule, x.costUsd])).toEqual(filed ? [['X-PEN-TIMEOUT', 4], ['X-PEN-TIMEOUT', 0]] : [['X-PEN-TIMEOUT', 4]]);
      }
      expect(kind(toAppeal(w))).toBe(readAppeal(w) ?? 'unreadable');
    });
  }

  const BR: Row = { destination: '巴西', commercialInvoice: 'INV-1', taxId: '123.456.789-09' };
  const RU: Row = { ...NO_GIFT, destination: '俄罗斯', commercialInvoice: 'INV-1', taxId: '7707083893' };
  for (const w of [...ABSENT, ...PRESENT]) {
    it(`[G-NFE] [X-DOCS] ${JSON.stringify(w)}: NFe, invoice and tax-id columns read it like SG_FEE has_nfe`, () => {
      const present = toPresent(w);
      expect(typeof present).toBe('boolean');
      // SG_FEE: 2.60 with an NFe, 4.10 without.
      expect(fn('SG_FEE', 'BR', 30, w)).toBe(present ? 2.6 : 4.1);
      // The audit's NFe column: [G-NFE] only without one.
      const nfe = audit([{ ...CLEAN, ...BR, nfe: w }]);
      expect(rulesOf(nfe)).toEqual(present ? [] : ['G-NFE']);
      // The audit's invoice and tax-id columns: [X-DOCS] only when the cell says it is not there.
      const inv = audit([{ ...CLEAN, ...RU, commercialInvoice: w }]);
      expect(rulesOf(inv)).toEqual(present ? [] : ['X-DOCS']);
      const tax = audit([{ ...CLEAN, ...RU, taxId: w }]);
      expect(rulesOf(tax)).toEqual(present ? [] : ['X-DOCS']);
      if (typeof w === 'string') expect(isPlaceholder(w)).toBe(!present);
    });
  }

  it('[G-OVERWEIGHT] "50 gr" / "50公克" are 50 g and "51 gr" is overweight in both; "0.05kg" gets the grams message in both', () => {
    for (const w of ['50 gr', '50公克', '50 g']) {
      expect(fn('SG_FEE', 'US', w)).toBe(3.2);
      expect(rulesOf(audit([{ ...CLEAN, giftWeight: w }]))).toEqual([]);
    }
    expect(fn('SG_FEE', 'US', '51 gr')).toBe(4);
    expect(rulesOf(audit([{ ...CLEAN, giftWeight: '51 gr' }]))).toEqual(['G-OVERWEIGHT']);
    const f = fn('SG_FEE', 'US', '0.05kg') as { en: string; zh: string };
    const a = audit([{ ...CLEAN, giftWeight: '0.05kg' }]).findings;
    expect(a.map((x) => x.rule)).toEqual(['DATA']);
    const g = toGrams('0.05kg') as { en: string; zh: string };
    expect(f.en).toBe(`weight_g: ${g.en}`);
    expect(a[0].message.en).toContain(g.en);
    expect(a[0].message.zh).toContain(g.zh);
    expect(g.en).toMatch(/must be in grams .*convert it to grams/);
  });
});
