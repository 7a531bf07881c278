/**
 * Values as exports spell them (../shared/notes/exports.md): money with its currency, "--" / "*****"
 * as empty, date spellings, and the source time zone.
 */
import { describe, expect, it } from 'vitest';
import { readMoney, toDate, wallMsIn, isTimeZone } from '../../core/coerce';
import { isRuleError } from '../../core/errors';
import { createAudit } from '../../core/audit';

const NOW = Date.UTC(2024, 6, 20);

describe('money as exports spell it', () => {
  for (const [text, amount, currency] of [
    ['$12.34', 12.34, 'USD'], ['US $12.34', 12.34, 'USD'], ['USD 400.00', 400, 'USD'], ['12.34 USD', 12.34, 'USD'], ['1,234.56', 1234.56, undefined],
    ['US $1,234.56', 1234.56, 'USD'], ['RMB 88.00', 88, 'CNY'], ['¥88', 88, 'CNY'], ['CNY 88', 88, 'CNY'], ['€12', 12, 'EUR'], ['EUR 12.50', 12.5, 'EUR'],
    ['12 PHP', 12, 'PHP'], ['R$ 30,00'.replace(',', '.'), 30, 'BRL'],
  ] as const) {
    it(`${JSON.stringify(text)} → ${amount} ${currency ?? '(no currency: USD)'}`, () => {
      const m = readMoney(text);
      if (isRuleError(m)) throw new Error(m.en);
      expect(m.amount).toBe(amount);
      expect(m.currency).toBe(currency);
    });
  }
  it('garbage is an error value', () => expect(isRuleError(readMoney('twelve dollars'))).toBe(true));
});

describe('dates as exports spell them', () => {
  for (const [text, iso] of [
    ['2024.07.01 10:00', '2024-07-01T10:00'], ['2024/7/1 10:00', '2024-07-01T10:00'], ['01 Jun 2024 10:00', '2024-06-01T10:00'],
    ['1-Jun-2024', '2024-06-01T00:00'], ['Jun 1, 2024 10:00', '2024-06-01T10:00'], ['2024-07-01 20:00:00', '2024-07-01T20:00'], ['2024-07-06', '2024-07-06T00:00'],
  ] as const) {
    it(`${JSON.stringify(text)} → ${iso}`, () => expect(new Date(toDate(text) as number).toISOString().slice(0, 16)).toBe(iso));
  }
  it('an impossible named date is an error; an unknown month name is not a date', () => {
    expect(isRuleError(toDate('31 Feb 2024'))).toBe(true);
    expect(isRuleError(toDate('01 Foo 2024'))).toBe(true);
  });
});

describe('the audit reads the values: other currencies are DATA findings, "--" / "*****" are empty', () => {
  const header = ['订单号', '付款时间', '妥投时间', '订单金额', '币种', '运单号', '物流商'];
  const run = (rows: unknown[][]) => {
    const s = createAudit(header, { now: NOW });
    s.push(rows, 0);
    return s.finish();
  };
  it('[X-PEN-TIMEOUT] "USD 400.00" is $400; "RMB 88" and a EUR currency column are DATA, never mixed in', () => {
    const r = run([
      ['A1', '2024-06-01 10:00', '--', 'USD 400.00', '', '*****', '--'],
      ['A2', '2024-06-01 10:00', '', 'RMB 88.00', '', '', ''],
      ['A3', '2024-06-01 10:00', '', '35.00', 'EUR', '', ''],
      ['A4', '2024-06-01 10:00', '', '35.00', 'USD', '', ''],
    ]);
    expect(r.findings.map((f) => [f.orderId, f.rule, f.costUsd])).toEqual([
      ['A1', 'X-PEN-TIMEOUT', 20],
      ['A2', 'DATA', 0],
      ['A3', 'DATA', 0],
      ['A4', 'X-PEN-TIMEOUT', 1.75],
    ]);
    expect(r.findings[1].message.en).toContain('is in CNY, not USD');
    expect(r.findings[2].message.en).toContain('the currency column says EUR, not USD');
    // Cost cells stay blank when a finding has no cost.
    expect(r.tables.findings[2][6]).toBe('');
    expect(r.tables.findings[2][7]).toBe('');
    expect(r.tables.findings[1][7]).toBe(20);
  });
});

describe('the source time zone (Intl, no tz library)', () => {
  it('wallMsIn: an instant as the wall clock of a zone, summer and winter', () => {
    expect(new Date(wallMsIn(new Date('2024-07-01T12:00:00Z'), 'America/Los_Angeles')).toISOString()).toBe('2024-07-01T05:00:00.000Z');
    expect(new Date(wallMsIn(new Date('2024-01-01T12:00:00Z'), 'America/Los_Angeles')).toISOString()).toBe('2024-01-01T04:00:00.000Z');
    expect(new Date(wallMsIn(new Date('2024-07-01T12:00:00Z'), 'Asia/Shanghai')).toISOString()).toBe('2024-07-01T20:00:00.000Z');
    expect(new Date(wallMsIn(new Date('2024-07-01T16:30:00Z'), 'UTC')).toISOString()).toBe('2024-07-01T16:30:00.000Z');
  });
  it('isTimeZone', () => {
    expect([isTimeZone('America/Los_Angeles'), isTimeZone('UTC'), isTimeZone('Mars/Olympus'), isTimeZone(''), isTimeZone(7)]).toEqual([true, true, false, false, false]);
  });
});

describe('currency cells read with the money table', async () => {
  const { currencyCode } = await import('../../core/coerce');
  it('"US $", "$", "美元", "us dollars", "usd" are USD; "RMB", "人民币", "元" CNY; "€" EUR; an unknown code is kept', () => {
    for (const t of ['US $', 'US$', '$', '美元', 'us dollars', 'usd', ' USD ']) expect(currencyCode(t), t).toBe('USD');
    for (const t of ['RMB', '人民币', '元', '¥', 'cny']) expect(currencyCode(t), t).toBe('CNY');
    expect(currencyCode('€')).toBe('EUR');
    expect(currencyCode('sar')).toBe('SAR');
    expect(currencyCode('USD 12')).toBe('USD 12');
  });
});
