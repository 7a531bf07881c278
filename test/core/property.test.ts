/**
 * Property tests (fast-check): EVERY catalogue function, called with anything at all, never throws
 * and returns a cell value (number/string/boolean/Date), a RuleError, or a 2-D array of those.
 * Plus rule properties that must hold for all inputs ([G-TRIGGER], [X-PEN-TIMEOUT], [G-FEE]).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { main, isResult, kindOf, NOW } from './_main';

const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;

const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('BR', '巴西', 'US', 'EG', 'L3', '95%', '1,200', '１２３', 'TRUE', '是', '2024-06-01', '2024/06/01 10:30', '2024年6月1日', 'DHL', '3318810025', 'RB123456785CN', 'ERR-407', 'zh', ''),
  fc.double(), // includes NaN, ±Infinity, -0
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 45444, 1e308, -1e308, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(), // includes invalid dates
  fc.constant(new Date(NaN)),
  fc.bigInt(),
);
/** Anything: scalars, objects (incl. null prototype), and nested arrays (1-D, 2-D, jagged, deeper). */
const anything = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withTypedArray: true, withMap: true, withSet: true, withBoxedValues: true }) },
  { weight: 2, arbitrary: fc.array(fc.array(scalar, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }) },
);

const RUNS = 300;

describe('no catalogue function throws; every result is a cell value, a RuleError or a 2-D array of those', () => {
  it('the catalogue is iterated (TRACK_* included once present)', () => {
    expect(main.CATALOGUE.length).toBeGreaterThanOrEqual(18);
  });
  for (const def of main.CATALOGUE) {
    it(`${def.name} [${def.rules.join('] [')}]: arbitrary arguments`, () => {
      const fn = f[def.name];
      fc.assert(
        fc.property(fc.array(anything, { minLength: 0, maxLength: def.args.length + 1 }), (args) => {
          const r = fn(...args);
          if (!isResult(r)) throw new Error(`not a cell result: ${showX(r)}`);
        }),
        { numRuns: RUNS },
      );
    });
    it(`${def.name}: the right number of arguments, each a range or a scalar; Excel-style host (errors/dates mapped)`, () => {
      const excel = main.sheetFunctions({ now: NOW, dateOut: (ms: number) => ms / 86_400_000 + 25_569, errorOut: (e: any) => `${e.kind}` }) as any;
      fc.assert(
        fc.property(fc.tuple(...def.args.map(() => anything)), (args) => {
          const r = f[def.name](...args);
          if (!isResult(r)) throw new Error(`not a cell result: ${showX(r)}`);
          const x = excel[def.name](...args);
          const cells = Array.isArray(x) ? x.flat() : [x];
          for (const c of cells) if (!(['string', 'boolean'].includes(typeof c) || (typeof c === 'number' && Number.isFinite(c)))) throw new Error(`Excel cell ${String(c)}`);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

function showX(x: unknown): string {
  try {
    return JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200) ?? String(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

describe('rule properties', () => {
  const cents = fc.integer({ min: 0, max: 10_000_000 });
  it('[G-TRIGGER] SG_TRIGGER(a, t) is exactly a ≥ t in integer cents, for sums of binary-inexact amounts', () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 1, max: 9 }), (a, t, parts) => {
        // a as a float sum of `parts` pieces (0.1 + 0.2 style), t as a plain decimal
        let sum = 0;
        for (let i = 0; i < parts; i++) sum += a / parts / 100;
        const aFloat = parts === 1 ? a / 100 : sum;
        if (Math.abs(aFloat * 100 - a) > 1e-6) return; // only cases that really equal a cents
        expect(f.SG_TRIGGER(aFloat, t / 100)).toBe(a >= t);
      }),
      { numRuns: 2000 },
    );
  });
  it('[X-PEN-TIMEOUT] PENALTY is 0 up to 30 days, else min(round½↑(5% in cents), $50); appeal makes it 0', () => {
    fc.assert(
      fc.property(cents, fc.double({ min: 0, max: 400, noNaN: true }), fc.boolean(), (c, days, appealed) => {
        const want = days > 30 && !appealed ? Math.min(Math.floor((c * 5 + 50) / 100), 5000) / 100 : 0;
        expect(f.PENALTY(c / 100, days, appealed)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
  it('[G-FEE] [G-OVERWEIGHT] [G-NFE] SG_FEE = tier base + 0.80 above 50 g + 1.50 for BR without NFe, in whole cents', () => {
    const base: Record<string, number> = { US: 320, FR: 320, DE: 320, BR: 260, SA: 260, PL: 260, RU: 380, MX: 380 };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.double({ min: 0, max: 1_000_000, noNaN: true }), fc.option(fc.boolean()), (c, w, nfe) => {
        const want = base[c] + (w > 50 ? 80 : 0) + (c === 'BR' && nfe !== true ? 150 : 0);
        const got = f.SG_FEE(c, w, nfe);
        expect(Math.round(got * 100)).toBe(want);
        expect(got).toBe(want / 100);
      }),
      { numRuns: 2000 },
    );
  });
  it('[X-PEN-STALL] / [X-UPLOAD]: strictly more than 48 h / 24 h', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 60 }), (minutes) => {
        expect(f.PENALTY_STALL(minutes / 60)).toBe(minutes > 48 * 60 ? 1.2 : 0);
        const paid = Date.UTC(2024, 6, 1);
        expect(f.UPLOAD_LATE(new Date(paid), new Date(paid + minutes * 60_000))).toBe(minutes > 24 * 60);
      }),
      { numRuns: 1000 },
    );
  });
  it('broadcasting: every cell of a range result equals the scalar call on that cell', () => {
    const country = fc.constantFrom('US', 'BR', 'EG', 'XX', '', 'RU', '巴西');
    const weight = fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.constantFrom('', 'abc', '50', null));
    fc.assert(
      fc.property(fc.array(fc.tuple(country, weight), { minLength: 2, maxLength: 20 }), (rows) => {
        const r = f.SG_FEE(rows.map((x) => [x[0]]), rows.map((x) => [x[1]]));
        rows.forEach(([c, w], i) => {
          const one = f.SG_FEE(c, w);
          const cell = r[i][0];
          if (cell === '' && (c === '' && (w === '' || w === null))) return; // blank row
          if (kindOf(one)) expect(kindOf(cell)).toBe(kindOf(one));
          else expect(cell).toBe(one);
        });
      }),
      { numRuns: 300 },
    );
  });
});
