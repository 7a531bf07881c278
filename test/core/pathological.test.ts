/**
 * Issue 12 "every text reader linear": every catalogue function (iterated from CATALOGUE, so functions
 * added later are covered too), every argument, against 32,767-character pathological text (Excel's
 * cell limit): runs of spaces, digits, repeated separators, mixed, and valid values padded with
 * spaces then spoiled. Each call must answer a clean value or error in < 100 ms (the explicit
 * bound, generous: the linear readers take ~1 ms; the backtracking ones took 1–30 s).
 * Plus the per-kind length caps: a store level, a date or a weight longer than any valid one is a
 * bilingual #VALUE! saying so.
 */
import { describe, it, expect } from 'vitest';
import { main, kindOf, hasCjk, isResult, NOW } from './_main';
import { valid } from './_args';

type Def = (typeof main.CATALOGUE)[number];
type Arg = Def['args'][number];
const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;

const N = 32_767;
const fill = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const spoil = (head: string, pad = ' ') => head + fill(pad, N - head.length - 1) + 'x';

/** The pathological texts: each exactly 32,767 characters. */
export const PATHOLOGICAL: Record<string, string> = {
  spaces: fill(' '),
  'spaces then x': spoil(''),
  'tabs and spaces': fill(' \t'),
  'ideographic spaces': fill('\u3000'),
  digits: fill('7'),
  'digits then x': spoil('', '1'),
  'digit space': fill('1 '),
  'digit comma': fill('1,'),
  'digit dot': fill('1.'),
  'digit e': fill('1e'),
  'minus digit': fill('-1'),
  dashes: fill('-'),
  dots: fill('.'),
  commas: fill(','),
  slashes: fill('/'),
  colons: fill(':'),
  pipes: fill('|'),
  semicolons: fill(';'),
  'arrow separators': fill(' > '),
  'open brackets': fill('(【'),
  'newlines': fill('\n'),
  'date separators': fill('年月日时分秒'),
  mixed: fill('1 -./,:|;年月日g L\t%$'),
  'level padded': spoil('L'),
  'date padded': spoil('2024-06-01'),
  'date spaced': spoil('2024 - 06 - 01 '),
  'weight padded': spoil('50'),
  'grams repeated': fill('g '),
  'ERR padded': spoil('ERR'),
  'negations': fill('not '),
  'node words': fill('delivered '),
  'zh negations': fill('未签收'),
  placeholders: fill('n/a '),
  letters: fill('x'),
};

const isRange = (a: Arg) => main.RANGE_KINDS.includes(a.kind);


/** Best of two runs (the first also warms the code up), in ms. */
function time(run: () => unknown): { ms: number; out: unknown } {
  let best = Infinity;
  let out: unknown;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    out = run();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, out };
}

describe.each(main.CATALOGUE.map((d) => [d.name, d] as const))('%s answers 32,767-character pathological text in < 100 ms', (_name, def) => {
  for (let i = 0; i < def.args.length; i++) {
    const arg = def.args[i];
    it(`${arg.name} (${arg.kind})`, () => {
      const slow: string[] = [];
      for (const [label, text] of Object.entries(PATHOLOGICAL)) {
        expect(text.length).toBe(N);
        const args = def.args.map(valid);
        // A range argument gets the text as one cell of a column (a rate card as a key / value row).
        args[i] = arg.kind === 'rates' ? [['gift.tiers.A', text]] : isRange(arg) ? [[text], ['Picked up']] : text;
        const { ms, out } = time(() => f[def.name](...args));
        expect(isResult(out), `${label}: ${String(out).slice(0, 80)}`).toBe(true);
        if (ms >= 100) slow.push(`${label}: ${ms.toFixed(0)} ms`);
      }
      expect(slow, `${def.name}(${arg.name}) too slow`).toEqual([]);
    });
  }
});

describe('length caps per kind of cell: a clear bilingual #VALUE! "too long"', () => {
  const cases: [string, unknown[], RegExp][] = [
    ['SG_ELIGIBLE', [spoil('L3'), 0.95, 0.005, true], /store_level is too long to be a store level .*32767 characters \(at most 32\)/],
    ['SG_ELIGIBLE', ['L' + ' '.repeat(40) + '3', 0.95, 0.005, true], /store_level is too long/],
    ['UPLOAD_BY', [spoil('2024-06-01')], /paid_at: is too long to be a date: 32767 characters \(at most 64\), starting "2024-06-01/],
    ['SG_FEE', ['US', spoil('50')], /weight_g: is too long to be a weight: 32767 characters \(at most 64\)/],
  ];
  for (const [name, args, re] of cases) {
    it(`${name}: ${re.source}`, () => {
      const r = f[name](...args);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(r.en).toMatch(re);
      expect(hasCjk(r.zh)).toBe(true);
      expect(r.zh).toMatch(/过长/);
    });
  }
  it('padding that trims away is still read (a cap counts the trimmed text)', () => {
    expect(f.SG_ELIGIBLE('  L3' + ' '.repeat(30_000), 0.95, 0.005, true)).toBe(true);
    expect(kindOf(f.UPLOAD_BY('2024-06-01 10:00' + ' '.repeat(30_000)))).toBeUndefined();
    expect(f.SG_FEE('US', ' '.repeat(20_000) + '30 g' + ' '.repeat(10_000))).toBe(f.SG_FEE('US', 30));
  });
  it('the store level reads every spelling it read before (L3, Lv 3, level.3, 等级 3 级, " 3 ")', () => {
    for (const s of ['L3', 'l3', 'Lv3', 'Lv 3', 'LEVEL.3', 'level . 3', '等级3', '3级', ' 3 ', '.3', 'Ｌ３']) {
      expect(f.SG_ELIGIBLE(s, 0.95, 0.005, true), s).toBe(true);
    }
    for (const s of ['L', 'L3x', '3.5', 'gold', 'L 1234']) expect(kindOf(f.SG_ELIGIBLE(s, 0.95, 0.005, true)), s).toBe('#VALUE!');
  });
  it('trail text splits the same way (line breaks, |, ；, ;, " > ") after the linear rewrite', () => {
    const trail = 'Order placed | Picked up ； Export customs cleared ;Import customs cleared > Out for delivery\nDelivered';
    expect(f.NODES_MISSING([[trail]])).toBe(f.NODES_MISSING([['Order placed'], ['Picked up'], ['Export customs cleared'], ['Import customs cleared'], ['Out for delivery'], ['Delivered']]));
  });
});
