import { describe, expect, it } from 'vitest';
import { audit, CLEAN, only, rulesOf, type Row } from './helpers';

/** Each finding kind: a row that triggers it, and a near-identical row (another order) that does not. */
const pair = (bad: Row, good: Row) => {
  const r = audit([{ ...CLEAN, ...bad }, { ...CLEAN, orderId: '8100000000000002', ...good }]);
  return { bad: r.findings.filter((f) => f.row === 2), good: r.findings.filter((f) => f.row === 3), report: r };
};

describe('clean order', () => {
  it('has no findings and pays the plain US gift fee [G-FEE]', () => {
    const r = audit([CLEAN]);
    expect(r.findings).toEqual([]);
    expect(r.rowsAudited).toBe(1);
    expect(r.totals.giftFeesCny).toBe(3.2);
  });
});

describe('row rules', () => {
  it('[X-FORMAT] a DHL number with a space fails as typed; the clean number passes', () => {
    const { bad, good } = pair({ trackingNumber: '3318 810025' }, { trackingNumber: '3318810025' });
    expect(bad.map((f) => f.rule)).toEqual(['X-FORMAT']);
    expect(bad[0].severity).toBe('error');
    expect(bad[0].message.en).toContain('3318 810025');
    expect(good).toEqual([]);
  });

  it('[X-UPLOAD] uploaded 24 h 1 min after payment is late; exactly 24 h is not', () => {
    const { bad, good } = pair({ uploadedAt: '2024-06-04 10:01' }, { uploadedAt: '2024-06-04 10:00' });
    expect(bad.map((f) => f.rule)).toEqual(['X-UPLOAD']);
    expect(bad[0].costUsd).toBe(0);
    expect(good).toEqual([]);
  });

  it('[X-UPLOAD] upload before payment is a DATA finding, not a crash', () => {
    const { bad } = pair({ uploadedAt: '2024-06-02 10:00' }, {});
    expect(bad.map((f) => f.rule)).toEqual(['DATA']);
  });

  it('[X-PEN-UPLOAD] 2 failed uploads cost $1.00; 0 failures cost nothing', () => {
    const { bad, good } = pair({ uploadFailures: 2 }, { uploadFailures: 0 });
    expect(bad.map((f) => [f.rule, f.costUsd])).toEqual([['X-PEN-UPLOAD', 1]]);
    expect(good).toEqual([]);
  });

  it('[X-FIRSTSCAN] first scan 48 h 1 min after payment is late; 48 h is not', () => {
    const { bad, good } = pair({ firstScanAt: '2024-06-05 10:01' }, { firstScanAt: '2024-06-05 10:00' });
    expect(bad.map((f) => f.rule)).toEqual(['X-FIRSTSCAN']);
    expect(good).toEqual([]);
  });

  it('[X-FIRSTSCAN] an open order with no scan yet, 3 days after payment', () => {
    const open: Row = { paidAt: '2024-07-01 10:00', uploadedAt: '2024-07-01 12:00', giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftWeight: null, giftStatus: null, deliveredAt: null, lastEventAt: null };
    const { bad, good } = pair({ ...open, firstScanAt: null }, { ...open, firstScanAt: '2024-07-02 10:00', lastEventAt: '2024-07-04 10:00' });
    expect(bad.map((f) => f.rule)).toEqual(['X-FIRSTSCAN']);
    expect(good).toEqual([]);
  });

  it('[X-PEN-STALL] an undelivered trail silent for 48 h 1 min costs $1.20; 48 h is not a stall', () => {
    const open: Row = { paidAt: '2024-06-28 10:00', uploadedAt: '2024-06-28 12:00', firstScanAt: '2024-06-29 08:00', deliveredAt: null };
    const { bad, good } = pair({ ...open, lastEventAt: '2024-07-02 23:59' }, { ...open, lastEventAt: '2024-07-03 00:00' });
    expect(bad.map((f) => [f.rule, f.costUsd])).toEqual([['X-PEN-STALL', 1.2]]);
    expect(good).toEqual([]);
  });

  it('[X-PEN-TIMEOUT] undelivered 31 days after payment costs 5% of the amount; with a valid appeal nothing', () => {
    const open: Row = { paidAt: '2024-06-03 10:00', lastEventAt: '2024-07-04 12:00', deliveredAt: null, orderAmount: 80 };
    const { bad, good } = pair({ ...open, appeal: '否' }, { ...open, appeal: '是' });
    expect(bad.map((f) => [f.rule, f.costUsd])).toEqual([['X-PEN-TIMEOUT', 4]]);
    expect(good).toEqual([]);
  });

  it('[X-PEN-TIMEOUT] delivered after 30 days + 1 min is late (capped at $50); exactly 30 days is not', () => {
    const { bad, good } = pair(
      { deliveredAt: '2024-07-03 10:01', lastEventAt: '2024-07-03 10:01', orderAmount: 1200 },
      { deliveredAt: '2024-07-03 10:00', lastEventAt: '2024-07-03 10:00', orderAmount: 1200 },
    );
    expect(bad.map((f) => [f.rule, f.costUsd])).toEqual([['X-PEN-TIMEOUT', 50]]);
    expect(good).toEqual([]);
  });

  it('[X-NODES] a delivered trail with 6 events is incomplete; 7 events are enough', () => {
    const { bad, good } = pair({ eventCount: 6 }, { eventCount: 7 });
    expect(bad.map((f) => f.rule)).toEqual(['X-NODES']);
    expect(bad[0].message.en).toContain('only 6 events');
    expect(good).toEqual([]);
  });

  it('[X-NODES] event texts: a trail without import customs names the missing node', () => {
    const full = ['Order created', 'Picked up', 'Export customs clearance', 'In transit', 'Import customs clearance', 'Out for delivery', 'Delivered'];
    const { bad, good } = pair(
      { eventCount: null, events: full.filter((e) => !e.startsWith('Import')).concat('Arrived at hub').join('\n') },
      { eventCount: null, events: full.join('\n') },
    );
    expect(bad.map((f) => f.rule)).toEqual(['X-NODES']);
    expect(bad[0].message.en).toContain('import customs');
    expect(good).toEqual([]);
  });

  it('[X-DOCS] Russia without the buyer INN fails customs; with it passes', () => {
    const ru: Row = { destination: '俄罗斯', giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null, commercialInvoice: '是' };
    const { bad, good } = pair({ ...ru, taxId: '' }, { ...ru, taxId: '7707083893' });
    expect(bad.map((f) => f.rule)).toEqual(['X-DOCS']);
    expect(bad[0].message.en).toContain('INN');
    expect(good).toEqual([]);
  });

  it('[X-BLOCKED] North Korea is blocked; South Korea is not', () => {
    const noGift: Row = { giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null };
    const { bad, good } = pair({ ...noGift, destination: '朝鲜' }, { ...noGift, destination: '韩国' });
    expect(bad.map((f) => f.rule)).toEqual(['X-BLOCKED']);
    expect(bad[0].country).toBe('KP');
    expect(good).toEqual([]);
  });

  it('[G-COD] a gift to Egypt is not available; the same order without a gift is fine', () => {
    const noGift: Row = { giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null };
    const { bad, good, report } = pair({ destination: 'EG' }, { destination: 'EG', ...noGift });
    expect(bad.map((f) => f.rule)).toEqual(['G-COD']);
    expect(bad[0].message.en).toContain('cash-on-delivery');
    expect(good).toEqual([]);
    expect(report.totals.giftFeesCny).toBe(0);
  });

  it('[G-FEE] a gift to a country without a tier (Spain) is flagged, never guessed', () => {
    const { bad, good } = pair({ destination: 'ES' }, { destination: 'FR' });
    expect(bad.map((f) => f.rule)).toEqual(['G-FEE']);
    expect(good).toEqual([]);
  });

  it('[G-OVERWEIGHT] a 51 g gift costs +¥0.80; exactly 50 g does not', () => {
    const { bad, good, report } = pair({ giftWeight: 51 }, { giftWeight: 50 });
    expect(bad.map((f) => [f.rule, f.costCny])).toEqual([['G-OVERWEIGHT', 0.8]]);
    expect(good).toEqual([]);
    expect(report.totals.giftFeesCny).toBe(7.2); // 3.20 + 0.80 and 3.20 [G-FEE]
  });

  it('[G-NFE] a Brazil gift without NFe costs +¥1.50; with one it does not (same fee as SG_FEE)', () => {
    const br: Row = { destination: '巴西', commercialInvoice: 'INV-1', taxId: '123.456.789-09' };
    const { bad, good, report } = pair({ ...br, nfe: '' }, { ...br, nfe: '35240612345678000190550010000012341000012345' });
    expect(bad.map((f) => [f.rule, f.costCny])).toEqual([['G-NFE', 1.5]]);
    expect(good).toEqual([]);
    expect(report.totals.giftFeesCny).toBe(6.7); // 4.10 + 2.60
  });

  it('[G-CONFIRM] confirmed 48 h 1 min after shipping fails; 48 h is in time', () => {
    const { bad, good } = pair({ giftConfirmedAt: '2024-06-05 12:01' }, { giftConfirmedAt: '2024-06-05 12:00' });
    expect(bad.map((f) => f.rule)).toEqual(['G-CONFIRM']);
    expect(bad[0].severity).toBe('error');
    expect(good).toEqual([]);
  });

  it('[G-STATUS] a FAILED / ERR-407 gift status is explained; PENDING is not a finding', () => {
    const { bad, good } = pair({ giftStatus: 'err 407' }, { giftStatus: 'PENDING' });
    expect(bad.map((f) => f.rule)).toEqual(['G-STATUS']);
    expect(bad[0].message.zh).toContain('包装未备案');
    expect(good).toEqual([]);
  });

  it('[G-LABEL] a label without the SG prefix, or the main tracking number reused, is wrong', () => {
    const { bad, good } = pair({ labelCode: 'LP00068434402473' }, { labelCode: 'sg240603000001' });
    expect(bad.map((f) => f.rule)).toEqual(['G-LABEL']);
    expect(good).toEqual([]);
    const reused = audit([{ ...CLEAN, labelCode: '3318810025' }]);
    expect(only(reused, 'G-LABEL')[0].message.en).toContain("main order's tracking number");
  });

  it('[G-TRIGGER] a gift on a $29.99 order with a $30 threshold (exact cents); $30.00 meets it', () => {
    const { bad, good } = pair({ orderAmount: 29.99 }, { orderAmount: '30.00' });
    expect(bad.map((f) => [f.rule, f.costCny])).toEqual([['G-TRIGGER', 3.2]]);
    expect(good).toEqual([]);
  });

  it('[DATA] an unreadable date is a finding, the row still runs its other rules', () => {
    const { bad, good } = pair({ paidAt: '2024-06-31 10:00', trackingNumber: '3318 810025' }, {});
    expect(bad.map((f) => f.rule).sort()).toEqual(['DATA', 'X-FORMAT']);
    expect(bad.find((f) => f.rule === 'DATA')!.message.en).toContain('Paid at');
    expect(bad.find((f) => f.rule === 'DATA')!.message.zh).toContain('付款时间');
    expect(good).toEqual([]);
  });

  it('[DATA] an unknown country and a negative weight are findings', () => {
    const r = audit([{ ...CLEAN, destination: 'Atlantis', giftWeight: -5 }]);
    expect(rulesOf(r)).toEqual(['DATA', 'DATA']);
    expect(r.badRows).toEqual([2]);
  });
});

describe('[G-CONFIRM] freeze: consecutive gift failures across rows', () => {
  const gift = (i: number, shipped: string, failed: boolean): Row => ({
    ...CLEAN,
    orderId: `81000000000001${String(i).padStart(2, '0')}`,
    giftShippedAt: shipped,
    giftConfirmedAt: failed ? null : shipped.replace(/ (\d\d):/, (_, h) => ` ${String(+h + 1).padStart(2, '0')}:`),
  });

  it('3 failures in a row by shipped time (rows out of order) freeze; a success in between does not', () => {
    // Rows: failures at 06-10, 06-12, 06-11 (out of row order) → consecutive by time.
    const frozen = audit([gift(1, '2024-06-10 08:00', true), gift(2, '2024-06-12 08:00', true), gift(3, '2024-06-11 08:00', true), gift(4, '2024-06-09 08:00', false)]);
    const fz = only(frozen, 'G-CONFIRM-FREEZE');
    expect(fz).toHaveLength(1);
    expect(fz[0].row).toBe(3); // row 3 = order 2, the third failure in time order
    expect(fz[0].message.en).toContain('rows 2, 4, 3');
    expect(only(frozen, 'G-CONFIRM')).toHaveLength(3);

    const broken = audit([gift(1, '2024-06-10 08:00', true), gift(2, '2024-06-12 08:00', true), gift(3, '2024-06-11 08:00', false), gift(4, '2024-06-13 08:00', true)]);
    expect(only(broken, 'G-CONFIRM-FREEZE')).toEqual([]);
    expect(only(broken, 'G-CONFIRM')).toHaveLength(3);
  });

  it('a FAILED gift status counts as a failure in the streak', () => {
    const r = audit([gift(1, '2024-06-10 08:00', true), { ...gift(2, '2024-06-11 08:00', false), giftStatus: 'FAILED' }, gift(3, '2024-06-12 08:00', true)]);
    expect(only(r, 'G-CONFIRM-FREEZE')).toHaveLength(1);
  });
});
