/**
 * Garbage input never throws [X-FORMAT]: empty, 10,000 characters, emoji, formulas, Excel numbers
 * (3318810025 as a number, 3.31881E+09 as number or text), booleans, dates, arrays, objects — through
 * the core API and through the catalogue functions (callFunction), always a value with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callFunction } from '../../core/catalogue/call';
import { getFunction } from '../../core/functions';
import { isRuleError } from '../../core/errors';
import { checkTracking, checkTrackingCell, cleanTracking, detectCarriers, isValidByPattern, isValidTrackingCell, resolveCarrier } from '../../core/tracking';

const fn = (name: string) => {
  const def = getFunction(name)!;
  return (...args: unknown[]) => callFunction(def, args, { lang: 'en' });
};
const VALID = fn('TRACK_VALID');
const WHY = fn('TRACK_WHY');
const CLEAN = fn('TRACK_CLEAN');
const CARRIER = fn('TRACK_CARRIER');

const GARBAGE: unknown[] = [
  '', ' ', '\t\n', 'x'.repeat(10_000), '9'.repeat(10_000), '😀', '😀'.repeat(50), '=A1', '=HYPERLINK("x")', '#N/A', 'null',
  '3.31881E+09', '3,31881E+09', '1e21', '-3318810025', '３３１８８１００２５', '\u200b3318810025', 'RB123456785cn', '<script>',
  3318810025, 3.31881e9, 3318810025.5, 1e15, 1e21, -5, 0, NaN, Infinity, true, false, null, undefined, new Date(0), new Date(NaN),
  {}, [], [[]], Symbol.for('x'), 12n,
];

describe('[X-FORMAT] garbage input never throws', () => {
  it('core API over garbage × carriers', () => {
    for (const carrier of ['DHL', 'China Post', 'JCEX', 'Yanwen', 'nope', '', '😀']) {
      for (const g of GARBAGE) {
        const r = checkTrackingCell(carrier, g);
        if (g === 3318810025 && carrier === 'DHL') continue; // the one genuine number in the list
        expect(r.valid).toBe(false);
        expect(r.reason.en.length).toBeGreaterThan(0);
        expect(r.reason.zh.length).toBeGreaterThan(0);
        if (typeof g === 'string') expect(checkTracking(carrier, g).valid).toBe(false);
      }
    }
    for (const g of GARBAGE) {
      expect(() => cleanTracking(g as string)).not.toThrow();
      expect(() => detectCarriers(g as string)).not.toThrow();
      expect(() => resolveCarrier(g as string)).not.toThrow();
    }
  });
  it('catalogue functions over garbage give values or RuleError values', () => {
    for (const g of GARBAGE) {
      for (const out of [VALID('DHL', g), WHY('DHL', g), CLEAN(g), CARRIER(g), VALID(g, '3318810025')]) {
        expect(out === undefined || ['boolean', 'string'].includes(typeof out) || isRuleError(out) || Array.isArray(out)).toBe(true);
      }
    }
  });
  it('10,000 characters: a reason, quoted short', () => {
    const r = checkTracking('DHL', '9'.repeat(10_000));
    expect(r.code).toBe('WRONG_LENGTH');
    expect(r.reason.en).toMatch(/this has 10000/);
    expect(checkTracking('China Post', 'A'.repeat(10_000)).reason.en.length).toBeLessThan(400);
  });
  it('formula text "=A1" is a bad character at position 1', () => {
    expect(checkTracking('DHL', '=A1').reason.en).toMatch(/"=" at position 1/);
  });
  it('an Excel number 3318810025 is read as its digits', () => {
    expect(VALID('DHL', 3318810025)).toBe(true);
    expect(WHY('DHL', 3318810025)).toBe('');
    expect(CLEAN(3318810025)).toBe('3318810025');
    expect(CARRIER(3318810025)).toBe('DHL Express');
  });
  it('a number that lost digits (≥ 1e15 or not whole) or E-notation text → format the column as text', () => {
    for (const x of [1e15, 9.40011120108081e21, 3318810025.5, '3.31881E+09']) {
      expect(VALID('DHL', x)).toBe(false);
      expect(WHY('DHL', x)).toMatch(/format the tracking column as Text/);
    }
    // 3.31881E+09 as a number is 3318810000: an integer, so read as digits; its check digit fails, with the Excel hint
    expect(VALID('DHL', 3.31881e9)).toBe(false);
    expect(WHY('DHL', 3.31881e9)).toMatch(/bad check digit.*the cell is a number/);
    expect(isRuleError(CLEAN(1e21))).toBe(true);
  });
  it('random strings and numbers never throw (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.double(), fc.integer()), fc.constantFrom('DHL', 'UPS', 'China Post', 'Cainiao', 'FedEx', 'USPS', '4PX'), (x, c) => {
        const r = checkTrackingCell(c, x);
        expect(typeof r.valid).toBe('boolean');
        if (r.valid) {
          // [X-FORMAT] valid only as typed: a valid number needs no cleaning
          expect(typeof x === 'string' ? cleanTracking(x) : cleanTracking(String(x))).toBe(String(x));
          expect(r.reason.en).toBe('');
        } else expect(r.reason.en).not.toBe('');
        if (typeof x === 'string') detectCarriers(x);
      }),
      { numRuns: 2000 },
    );
  });
  it('ranges broadcast: one result per cell, blank rows stay blank', () => {
    const out = VALID([['DHL'], ['DHL'], [null]], [['3318810025'], ['3318 810025'], [null]]);
    expect(out).toEqual([[true], [false], ['']]);
    expect(WHY([['DHL'], ['DHL']], [['3318810025'], ['']])).toEqual([[''], [expect.stringMatching(/empty/)]]);
  });
  it('TRACK_WHY in Chinese', () => {
    const def = getFunction('TRACK_WHY')!;
    expect(callFunction(def, ['DHL', '3318 810025'], { lang: 'zh' })).toMatch(/正好是 10 位数字/);
  });
});

describe('[X-FORMAT] the fast verdict (TRACK_VALID) equals the full check (TRACK_WHY)', () => {
  it('isValidTrackingCell(c, x) === checkTrackingCell(c, x).valid for random and near-valid input', () => {
    const near = fc.constantFrom('3318810025', '3318 810025', 'RB123456785CN', 'RB123456785US', 'JA123456785CN', 'EA123456785CN', 'YT2229521272164446', '1Z5R89390357567127', 'LP00068434402473', 'AC550032883YN', '9400111201080805483016', '73891051146', 'JJD0099999999');
    const mutate = fc.tuple(near, fc.nat(40), fc.constantFrom('0', '5', 'A', 'Z', ' ', '', 'x')).map(([s, i, ch]) => s.slice(0, i % (s.length + 1)) + ch + s.slice((i % (s.length + 1)) + 1));
    const carriers = fc.constantFrom('DHL', 'China Post', 'EMS', 'UPU', 'USPS', 'UPS', 'FedEx', 'Cainiao', 'Yanwen', 'YunExpress', '4PX', 'SF', 'JCEX', 'nope');
    fc.assert(
      fc.property(carriers, fc.oneof(near, mutate, fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 2 ** 53 }), fc.double()), (c, x) => {
        const want = checkTrackingCell(c, x).valid;
        expect(isValidTrackingCell(c, x)).toBe(want);
        expect(isValidByPattern(c, x)).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
