/**
 * Every catalogue function (iterated from CATALOGUE, so TRACK_* join when they land) against empty,
 * wrong-typed, huge, negative and garbage input in each argument: a clear bilingual error naming
 * the argument, or a value; never a throw, never null / NaN / Infinity.
 */
import { describe, it, expect } from 'vitest';
import { main, kindOf, hasCjk, isResult, NOW } from './_main';
import { valid } from './_args';

type Def = (typeof main.CATALOGUE)[number];
type Arg = Def['args'][number];
const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;

const validArgs = (def: Def) => def.args.map(valid);
const safe = (x: unknown): string => {
  try {
    return typeof x === 'symbol' ? 'symbol' : String(x).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(x);
  }
};
const isScalarKind = (a: Arg) => !main.RANGE_KINDS.includes(a.kind);

const WRONG: Record<string, unknown> = {
  country: 12345, number: 'twelve', money: 'lots', integer: 'three', rate: 'high', bool: 'maybe', date: 'someday',
  lang: 'klingon', text: {}, carrier: {}, texts: [[{}]], numbers: [['x'], ['y'], ['z']], rates: [['not.a.key', 1]],
};

function expectCleanError(r: unknown, kinds: string[], argName?: string) {
  expect(kinds, JSON.stringify(r)).toContain(kindOf(r));
  const e = r as { en: string; zh: string };
  expect(e.en.length).toBeGreaterThan(5);
  expect(hasCjk(e.zh), e.zh).toBe(true);
  if (argName) expect(e.en).toContain(argName);
}

describe.each(main.CATALOGUE.map((d) => [d.name, d] as const))('%s', (_name, def) => {
  const fn = f[def.name];
  it('valid arguments give a value (the baseline the other cases vary)', () => {
    const r = fn(...validArgs(def));
    expect(isResult(r)).toBe(true);
  });
  it('no arguments: #VALUE! naming the first required argument (or a value if none is required)', () => {
    const r = fn();
    const req = def.args.find((a) => !a.optional);
    // a raw argument (tracking numbers: the implementation reads the cell itself) decides for itself
    if (req?.raw) expect(isResult(r)).toBe(true);
    else if (req) expectCleanError(r, ['#VALUE!'], req.name);
    else expect(isResult(r)).toBe(true);
  });
  it('too many arguments: #VALUE! saying how many it takes', () => {
    const r = fn(...validArgs(def), ...Array(def.args.length + 1 - def.args.length).fill(1), 1);
    expectCleanError(r, ['#VALUE!'], `at most ${def.args.length}`);
  });
  for (let i = 0; i < def.args.length; i++) {
    const arg = def.args[i];
    const withArg = (x: unknown) => {
      const a = validArgs(def);
      a[i] = x;
      return fn(...a);
    };
    it(`${arg.name} (${arg.kind}${arg.optional ? ', optional' : ''}): empty (null, "", "  ") ${arg.raw ? 'is read by the function (raw)' : arg.optional ? 'is "not given"' : 'is #VALUE! "required"'}`, () => {
      for (const e of [null, '', '  ']) {
        const r = withArg(e);
        if (arg.raw) {
          // raw arguments are read by the implementation itself: it must answer cleanly, whatever it decides
          expect(isResult(r)).toBe(true);
        } else if (arg.optional) {
          const a = validArgs(def);
          a[i] = undefined;
          expect(r).toEqual(fn(...a));
        } else {
          expectCleanError(r, ['#VALUE!'], arg.name);
          expect(r.en).toMatch(/required/);
        }
      }
    });
    it(`${arg.name}: wrong type is an error naming the argument`, () => {
      // a presence argument (has_nfe) takes any text as "the number itself": only a non-text is wrong
      const r = withArg(arg.presence ? {} : WRONG[arg.kind]);
      if (arg.raw) return expect(isResult(r)).toBe(true);
      // bad input is #VALUE! with a message, never #NUM! (Excel shows no message with #NUM!)
      expectCleanError(r, ['#VALUE!'], arg.kind === 'rates' ? 'rate card' : arg.name);
    });
    it(`${arg.name}: huge input gives a value or a #NUM!/#VALUE! error, never Infinity or a throw`, () => {
      for (const huge of [1e308, -1e308, Number.MAX_SAFE_INTEGER, '9'.repeat(400), 'x'.repeat(100_000), Array(5000).fill(['BR'])]) {
        const r = withArg(huge);
        expect(isResult(r), `${typeof huge === 'string' ? huge.slice(0, 12) : huge}: ${String(r).slice(0, 100)}`).toBe(true);
      }
    });
    if (isScalarKind(arg) && ['number', 'money', 'integer', 'rate', 'date'].includes(arg.kind)) {
      it(`${arg.name}: negative input is an error naming the argument`, () => {
        for (const neg of [-1, '-5', -0.01]) expectCleanError(withArg(neg), ['#VALUE!'], arg.name);
      });
    }
    it(`${arg.name}: garbage (control chars, emoji, markup, objects, NaN, invalid Date, functions) never throws`, () => {
      for (const g of ['\u0000\u0007', '💥🚚', '<script>alert(1)</script>', '=1+1', '#N/A', '{"a":1}', { toString: () => 'BR' }, Object.create(null), NaN, Infinity, new Date('x'), () => 1, Symbol('s'), 10n, [[[['deep']]]], [], [[]]]) {
        let r: unknown;
        expect(() => (r = withArg(g))).not.toThrow();
        expect(isResult(r), `${safe(g)} → ${safe(r)}`).toBe(true);
      }
    });
  }
});

describe('specific expectations per function for bad input', () => {
  const cases: [string, unknown[], string, RegExp][] = [
    ['SG_FEE', ['US', -5], '#VALUE!', /weight_g: must be ≥ 0, got -5/],
    ['SG_FEE', ['US', 2e6], '#VALUE!', /weight_g: must be ≤/],
    ['SG_FEE', ['US', '0.05 kg'], '#VALUE!', /weight_g: must be in grams/],
    ['SG_FEE', ['US', 30, {}], '#VALUE!', /has_nfe: must be TRUE\/FALSE .* or the number itself/],
    ['SG_FEE', ['US', 30, '', 'someday'], '#VALUE!', /on_date: must be a date/],
    ['SG_TIER', [42], '#VALUE!', /country: unknown country 42/],
    ['SG_ELIGIBLE', ['gold', 0.95, 0.005, true], '#VALUE!', /store_level must look like 3, L3 or Lv3/],
    ['SG_ELIGIBLE_WHY', ['L3', 150, 0.005, true], '#VALUE!', /positive_rate_90d: must be a rate between 0% and 100%/],
    ['SG_TRIGGER', [-1, 30], '#VALUE!', /order_amount: must be ≥ 0/],
    ['SG_TRIGGER', ['thirty', 30], '#VALUE!', /order_amount: must be a number, got "thirty"/],
    ['SG_CONFIRM_BY', ['2024-02-30'], '#VALUE!', /shipped_at: is not a real date/],
    ['SG_STATUS', ['ERR-000'], '#N/A', /ERR-000 is not a Small-Gift error code .*treated as a failure/],
    ['SG_STATUS', ['hello'], '#N/A', /unknown Small-Gift status code "hello"/],
    ['SG_ROI', [1000, 120, 0.3, 0], '#NUM!', /cost is 0/],
    ['SG_ROI', [1000, 120, '130%', 2.6], '#VALUE!', /margin: must be a rate/],
    ['SG_CAC_SAVING', [1.2, 0], '#VALUE!', /cpc must be greater than 0/],
    ['PENALTY', [100, -1], '#VALUE!', /days: must be ≥ 0/],
    ['PENALTY', [NaN, 31], '#VALUE!', /amount: must be a finite number/],
    ['PENALTY', [100, 31, 'perhaps'], '#VALUE!', /appealed: "perhaps" is not a readable appeal result/],
    ['PENALTY_STALL', [-48], '#VALUE!', /hours_without_update: must be ≥ 0/],
    ['PENALTY_UPLOAD', [2.5], '#VALUE!', /failed_uploads: must be a whole number/],
    ['PENALTY_UPLOAD', [2e9], '#VALUE!', /failed_uploads: must be ≤/],
    ['UPLOAD_BY', [0], '#VALUE!', /paid_at: must be a date, got 0 \(an empty cell in Excel reads as 0/],
    ['UPLOAD_BY', [3e6], '#VALUE!', /paid_at: must be a date \(an Excel date serial 1–2958465/],
    ['UPLOAD_LATE', ['2024-06-02', '2024-06-01'], '#VALUE!', /uploaded_at is before paid_at/],
    ['NODES_MISSING', [[[''], ['']]], '#VALUE!', /events is required/],
    ['DOCS_REQUIRED', ['Narnia'], '#VALUE!', /unknown country "Narnia"/],
    ['DEST_BLOCKED', [true], '#VALUE!', /unknown country true/],
    ['OFFLINE_ELIGIBLE', [[[50000], [50000]], [[0.95], [0.95]]], '#VALUE!', /needs 3 months/],
    ['OFFLINE_ELIGIBLE', [[[50000], [-1], [50000]], [[0.95], [0.95], [0.95]]], '#VALUE!', /monthly_gmv: must be ≥ 0/],
    ['OFFLINE_ELIGIBLE', [[[50000], [50000], [50000]], [[0.95], [0.95], [150]]], '#VALUE!', /fulfilment_rate: must be a rate between 0% and 100%/],
    // [X-COMPARE]
    ['EXPRESS_VS_STANDARD', [-1, 18.3, 13.6], '#VALUE!', /order_value: must be ≥ 0, got -1/],
    ['EXPRESS_VS_STANDARD', [120, 'cheap', 13.6], '#VALUE!', /offline_cost: must be a number, got "cheap"/],
    ['EXPRESS_VS_STANDARD', [120, 18.3, -13.6], '#VALUE!', /standard_cost: must be ≥ 0/],
    ['EXPRESS_VS_STANDARD', [120, 18.3, 13.6, '150%'], '#VALUE!', /loss_rate: must be a rate between 0% and 100%/],
    ['EXPRESS_VS_STANDARD', [120, 18.3, 13.6, 0.02, 'maybe'], '#VALUE!', /first_order: must be TRUE or FALSE/],
    ['EXPRESS_VS_STANDARD', [1e308, 1e308, 0], '#NUM!', /not a finite number/],
    // [X-ONBOARD]
    ['OFFLINE_READY', [-1, '企业', 5, 5], '#VALUE!', /licence_months_left: must be ≥ 0, got -1/],
    ['OFFLINE_READY', ['soon', '企业', 5, 5], '#VALUE!', /licence_months_left: must be a number.*长期 \/ long-term/],
    ['OFFLINE_READY', [12, 'LLP-ish thing', 5, 5], '#VALUE!', /entity_type: "LLP-ish thing" is not an entity type/],
    ['OFFLINE_READY', [12, 42, 5, 5], '#VALUE!', /entity_type: "42" is not an entity type/],
    ['OFFLINE_READY', [12, '企业', 4.5, 5], '#VALUE!', /complete_trails_3m: must be a whole number/],
    ['OFFLINE_READY', [12, '企业', 5, -5], '#VALUE!', /consecutive_status_ok: must be ≥ 0/],
    ['OFFLINE_READY', [12, '企业', 5, 2e9], '#VALUE!', /consecutive_status_ok: must be ≤/],
    // [G-REVIEW]
    ['SG_SKU_CHECK', ['', 'NOT FOR SALE', 'photo'], '#VALUE!', /category is required/],
    ['SG_SKU_CHECK', [true, 'NOT FOR SALE', 'photo'], '#VALUE!', /category: must be text, got true/],
    ['SG_SKU_CHECK', ['3C', true, 'photo'], '#VALUE!', /packaging_marks: must be text listing what is there/],
    ['SG_SKU_CHECK', ['3C', 'CE', {}], '#VALUE!', /documents: must be text listing what is there/],
    ['SG_SKU_CHECK', ['3C', 'CE', new Date(0)], '#VALUE!', /documents: must be text/],
  ];
  for (const [name, args, kind, re] of cases) {
    it(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) → ${kind} ${re.source}`, () => {
      const r = f[name](...args);
      expect(kindOf(r)).toBe(kind);
      expect(r.en).toMatch(re);
      expect(hasCjk(r.zh)).toBe(true);
    });
  }
  it('#NUM! is kept only for computed results out of range (ROI with zero cost, a date result past 9999), never for input', () => {
    expect(kindOf(f.SG_ROI(0, 120, 0.3, 2.6))).toBe('#NUM!');
    expect(kindOf(f.UPLOAD_BY('9999-12-31 10:00'))).toBe('#NUM!');
    const inputErrors: [string, unknown[]][] = [];
    for (const bad of [NaN, Infinity, -Infinity, '1e999', -1]) {
      inputErrors.push(['PENALTY_UPLOAD', [bad]], ['UPLOAD_BY', [bad]], ['SG_ELIGIBLE', ['L3', bad, 0.005, true]], ['SG_FEE', ['US', bad]]);
    }
    inputErrors.push(['PENALTY_UPLOAD', [2e9]], ['UPLOAD_BY', [0]], ['UPLOAD_BY', [2_958_466]], ['SG_ELIGIBLE', ['L3', 0.95, 101, true]], ['SG_FEE', ['US', 1e7]]);
    for (const [name, args] of inputErrors) {
      const r = f[name](...args);
      expect(kindOf(r), `${name}(${args.map(String).join(', ')})`).toBe('#VALUE!');
      expect(r.en.length).toBeGreaterThan(10);
      expect(hasCjk(r.zh)).toBe(true);
    }
  });
  it('every catalogue function is covered by at least one specific case above (TRACK_* by the tracking suite)', () => {
    const covered = new Set(cases.map((c) => c[0]));
    for (const d of main.CATALOGUE) if (d.category !== 'tracking') expect(covered, d.name).toContain(d.name);
  });
});
