/**
 * Issue 10, real-host hardening, pinned on the BUILT dist/excel/functions.js (a Node vm with a stub
 * CustomFunctions runtime, as test/excel/functions.test.ts) and dist/excel/functions.json:
 *  - error cells IN a range (allowErrorForDataTypeAny) give that cell its error, the others their values;
 *  - errors OUT inside an array: error values on builds that show them per cell, error text on older
 *    builds (office-js#2174), by the documented rule arrayErrorsAsValues;
 *  - whole-column references answer only down to the last non-empty row, fast; a clear #VALUE! above
 *    the cell cap; a response never estimated over the 5 MB payload limit.
 * docs/VERIFY.md has the matching manual steps in real Excel.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARRAY_ERRORS_MIN_BUILD, arrayErrorsAsValues } from '../../addin-excel/functions';
import { DIST, StubError, loadFunctions, type Diagnostics, type Fn } from './_vm';



const load = (diagnostics: Diagnostics) => loadFunctions(diagnostics);

/** What the function gave: the matrix (errors as {code, message}) or { thrown }. */
function run(fn: Fn, ...args: unknown[]): unknown {
  try {
    const r = fn(...args) as unknown[][];
    return r.map((row) => row.map((c) => (c instanceof StubError ? { code: c.code, message: c.message } : c)));
  } catch (e) {
    if (e instanceof StubError) return { thrown: { code: e.code, message: e.message } };
    throw e;
  }
}

const WEB = { platform: 'OfficeOnline', version: '16.0.20310.10000' };
const OLD_PC = { platform: 'PC', version: '16.0.17928.20156' };
const SHEET_ROWS = 1_048_576;

beforeAll(() => {
  if (!existsSync(path.join(DIST, 'functions.js'))) throw new Error('dist/excel is not built: run `npx webpack --mode production --env only=excel`');
});

describe('functions.json (built): safe metadata for every host', () => {
  const read = (f: string) => JSON.parse(readFileSync(path.join(DIST, f), 'utf8'));
  it('allowErrorForDataTypeAny is set; no enum parameter (least of all one typed any); zh-CN names equal the English names', () => {
    const en = read('functions.json');
    const zh = read('functions-zh-cn.json');
    for (const meta of [en, zh]) {
      expect(meta.allowErrorForDataTypeAny).toBe(true);
      expect(meta.enums).toBeUndefined();
      for (const f of meta.functions) for (const p of f.parameters) expect(p.customEnumId ?? p.customEnumType, `${f.id}.${p.name} (${p.type})`).toBeUndefined();
    }
    expect(zh.functions.map((f: { name: string }) => f.name)).toEqual(en.functions.map((f: { name: string }) => f.name));
    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(en.functions.map((f: { name: string }) => f.name));
    expect(zh.functions.map((f: { parameters: { name: string }[] }) => f.parameters.map((p) => p.name))).toEqual(en.functions.map((f: { parameters: { name: string }[] }) => f.parameters.map((p) => p.name)));
    // …while the help is Chinese.
    expect(zh.functions.every((f: { description: string }) => /[\u4e00-\u9fff]/.test(f.description))).toBe(true);
  });
});

describe('error cells as inputs (allowErrorForDataTypeAny)', () => {
  it('one #N/A in a column of tracking numbers is that cell\'s #N/A; the other cells keep their values', () => {
    const { get } = load(WEB);
    const col = [['3318810025'], [new StubError('#N/A')], ['3318 810025'], ['3318810025']];
    const out = run(get('TRACK_VALID'), [['DHL']], col) as unknown[][];
    expect(out).toHaveLength(4);
    expect(out[0][0]).toBe(true);
    expect(out[1][0]).toMatchObject({ code: '#N/A' });
    expect((out[1][0] as { message: string }).message).toMatch(/number: the input cell is #N\/A/);
    expect(out[2][0]).toBe(false);
    expect(out[3][0]).toBe(true);
  });

  it('keeps the incoming code where Excel lets a function return it (#DIV/0!, #NUM!), else #VALUE! naming it; every error shape Excel uses', () => {
    const { get } = load(WEB);
    const fee = get('SG_FEE');
    const countries = [['US'], [{ code: '#DIV/0!' }], [{ type: 'Error', basicValue: '#REF!', errorType: 'Ref' }], [new StubError('#NUM!')], ['BR']];
    const out = run(fee, countries, [[30]], null, null, null) as { code?: string; message?: string }[][];
    expect(out[0][0]).toBe(3.2);
    expect(out[1][0]).toMatchObject({ code: '#DIV/0!' });
    expect(out[2][0]).toMatchObject({ code: '#VALUE!' });
    expect(out[2][0].message).toMatch(/#REF!/);
    expect(out[3][0]).toMatchObject({ code: '#NUM!' });
    expect(typeof out[4][0]).toBe('number');
    // In the weight column too, and in Chinese.
    const zh = load(WEB);
    zh.office.context.displayLanguage = 'zh-CN';
    const w = run(zh.get('SG_FEE'), [['US']], [[30], [new StubError('#N/A')]], null, null, null) as { code?: string; message?: string }[][];
    expect(w[0][0]).toBe(3.2);
    expect(w[1][0]).toMatchObject({ code: '#N/A' });
    expect(w[1][0].message).toMatch(/输入单元格为 #N\/A/);
  });

  it('a single error cell argument is thrown with its own code; an error inside a range-kind argument is the call\'s error', () => {
    const { get } = load(WEB);
    expect(run(get('SG_FEE'), [[new StubError('#N/A')]], [[30]], null, null, null)).toMatchObject({ thrown: { code: '#N/A' } });
    expect(run(get('SG_FEE'), [['US']], [[{ code: '#DIV/0!' }]], null, null, null)).toMatchObject({ thrown: { code: '#DIV/0!' } });
    // A rate card range is one value: its error cell stops the call, with a message naming it.
    const card = [['gift.tiers.mature.fee', new StubError('#REF!')]];
    const r = run(get('SG_FEE'), [['US']], [[30]], null, null, card) as { thrown: { code: string; message: string } };
    expect(r.thrown.code).toBe('#VALUE!');
    expect(r.thrown.message).toMatch(/#REF!/);
  });
});

describe('errors inside returned arrays: the documented rule (office-js#2174)', () => {
  it('the rule: web and builds from the fixed one show error values; older and unknown builds get text', () => {
    expect(arrayErrorsAsValues({ platform: 'OfficeOnline', version: '16.0.17000.10000' })).toBe(true);
    expect(arrayErrorsAsValues({ platform: 'PC', version: `16.0.${ARRAY_ERRORS_MIN_BUILD.windows}.20000` })).toBe(true);
    expect(arrayErrorsAsValues({ platform: 'PC', version: `16.0.${ARRAY_ERRORS_MIN_BUILD.windows - 1}.20000` })).toBe(false);
    expect(arrayErrorsAsValues({ platform: 'Mac', version: `16.${ARRAY_ERRORS_MIN_BUILD.mac}` })).toBe(true);
    expect(arrayErrorsAsValues({ platform: 'Mac', version: '16.98' })).toBe(false);
    expect(arrayErrorsAsValues({ platform: 'PC', version: '' })).toBe(false);
    expect(arrayErrorsAsValues(undefined)).toBe(false);
  });

  it('an older build gets the error as text in its cell ("#N/A: …"), the other cells their values; a single error is still thrown', () => {
    for (const diag of [OLD_PC, undefined]) {
      const { get } = load(diag);
      const out = run(get('SG_FEE'), [['US'], ['EG'], [new StubError('#N/A')]], [[30]], null, null, null) as unknown[][];
      expect(out[0][0]).toBe(3.2);
      expect(out[1][0]).toMatch(/^#N\/A: Small Gifts are not offered in Egypt/);
      expect(out[2][0]).toMatch(/^#N\/A: country: the input cell is #N\/A/);
      expect(out.flat().some((c) => typeof c === 'object' && c !== null)).toBe(false); // no error object that would collapse the array
      expect(run(get('SG_FEE'), [['EG']], [[30]], null, null, null)).toMatchObject({ thrown: { code: '#N/A' } });
    }
  });
});

describe('whole-column references', () => {
  const tenFilled = (empty: unknown) => {
    const col: unknown[][] = new Array(SHEET_ROWS);
    for (let r = 0; r < SHEET_ROWS; r++) col[r] = [empty];
    const numbers = ['3318810025', '3318 810025', '1234567890', '3318810025', 'JD014600003975201001', '3318810025', '', '3318810025', 'x', '3318810025'];
    numbers.forEach((n, r) => (col[r] = [n === '' ? empty : n]));
    return col;
  };

  it('=AE.TRACK_VALID("DHL", E:E) with 10 filled rows answers 10 rows, in well under a second (web: empty = null; desktop: empty = 0)', () => {
    const { get } = load(WEB);
    for (const empty of [null, 0, '']) {
      const col = tenFilled(empty);
      const t = performance.now();
      const out = get('TRACK_VALID')([['DHL']], col) as unknown[][];
      const ms = performance.now() - t;
      expect(out, String(empty)).toHaveLength(10);
      expect(out[0][0]).toBe(true);
      expect(out[1][0]).toBe(false);
      // An empty row in between stays blank (desktop's 0 there is a 0, as in any bounded range).
      if (empty !== 0) expect(out[6][0]).toBe('');
      expect(out[9][0]).toBe(true);
      expect(JSON.stringify(out).length).toBeLessThan(1000);
      // The bound ("well under a second"), generous for a shared 2-core machine.
      expect(ms, `${ms.toFixed(0)} ms`).toBeLessThan(1000);
    }
  });

  it('two whole columns stay aligned: both end at the last row either of them uses', () => {
    const { get } = load(WEB);
    const countries: unknown[][] = Array.from({ length: SHEET_ROWS }, () => [0]);
    const weights: unknown[][] = Array.from({ length: SHEET_ROWS }, () => [0]);
    countries[0] = ['US'];
    countries[1] = ['BR'];
    weights[0] = [30];
    weights[1] = [30];
    weights[4] = [30];
    const out = run(get('SG_FEE'), countries, weights, null, null, null) as unknown[][];
    expect(out).toHaveLength(5);
    expect(out[0][0]).toBe(3.2);
  });

  it('above the cap of result cells: one clear #VALUE! asking to split the range (not a 5 MB response)', () => {
    const { get } = load(WEB);
    const col: unknown[][] = Array.from({ length: SHEET_ROWS }, (_, r) => [r < 150_000 ? '3318810025' : null]);
    const r = run(get('TRACK_VALID'), [['DHL']], col) as { thrown: { code: string; message: string } };
    expect(r.thrown.code).toBe('#VALUE!');
    expect(r.thrown.message).toMatch(/150,000 rows.*split the range/);
  });

  it('a large result of long error messages drops the messages (codes stay) rather than exceed the 5 MB response limit', () => {
    const { get } = load(WEB);
    const n = 60_000;
    const out = get('SG_FEE')(
      Array.from({ length: n }, () => ['EG']),
      [[30]],
      null,
      null,
      null,
    ) as StubError[][];
    expect(out).toHaveLength(n);
    expect(out.every((row) => row[0] instanceof StubError && row[0].code === '#N/A')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThan(5 * 1024 * 1024);
    // A small result keeps its messages.
    const small = get('SG_FEE')([['EG'], ['US']], [[30]], null, null, null) as StubError[][];
    expect(small[0][0].message).toMatch(/Egypt/);
  });
});
