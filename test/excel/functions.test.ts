/**
 * The BUILT dist/excel/functions.js, loaded standalone in a Node vm with a stub CustomFunctions
 * runtime (and a stub Office for the display language), called with Excel-shaped arguments:
 * 2-D arrays for every parameter (they are declared matrices), null for an omitted optional
 * parameter, serial numbers for dates. Every result must equal the core's callFunction on the same
 * inputs in sheet form, with Excel's conventions: a matrix result, dates as serials, "" for blanks,
 * errors as CustomFunctions.Error (#NUM! without a message), a single error thrown.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../core/functions';
import { callFunction } from '../../core/catalogue/call';
import { msToSerial } from '../../core/coerce';
import type { ArgDef, FunctionDef } from '../../core/catalogue/types';
import type { RuleError } from '../../core/errors';
import { DIST, StubError, loadFunctions, type Fn, type Loaded } from './_vm';

const NOW_SERIAL = msToSerial(Date.UTC(2024, 5, 1, 12));

/** A current Excel (shows error values inside arrays per cell, office-js#2174 fixed). */
const CURRENT_BUILD = { platform: 'OfficeOnline', version: '16.0.20310.10000' };

const load = (extra: Record<string, unknown> = {}): Loaded => loadFunctions({ ...CURRENT_BUILD }, extra);

// ------------------------------------------------------------------ sample arguments

/** Parse a Sheets-spelled example formula into sheet-form arguments (undefined = not given). */
function parseExample(def: FunctionDef, formula: string): unknown[] | undefined {
  const m = /^\w+\((.*)\)$/.exec(formula.trim());
  if (!m) return undefined;
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let inStr = false;
  for (const ch of m[1]) {
    if (ch === '"') inStr = !inStr;
    if (!inStr && ch === '{') depth++;
    if (!inStr && ch === '}') depth--;
    if (!inStr && depth === 0 && ch === ',') {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  const scalar = (s: string): unknown => {
    if (/^".*"$/.test(s)) return s.slice(1, -1);
    if (/^TRUE$/i.test(s)) return true;
    if (/^FALSE$/i.test(s)) return false;
    if (/^-?[\d.]+%$/.test(s)) return Number(s.slice(0, -1)) / 100;
    if (/^-?[\d.]+$/.test(s)) return Number(s);
    return undefined;
  };
  return parts.map((p, i) => {
    if (/^\{.*\}$/.test(p)) return p.slice(1, -1).split(';').map((row) => row.split(',').map((c) => scalar(c.trim())));
    if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(p)) return sampleRange(def.args[i]);
    return scalar(p);
  });
}

function sampleRange(arg: ArgDef | undefined): unknown[][] {
  if (arg?.kind === 'numbers') return [[60000], [52000], [51000]];
  return [['Accepted by carrier'], ['Departed from origin'], ['Delivered']];
}

function sample(arg: ArgDef): unknown {
  if (arg.choices?.length) return arg.choices[0];
  switch (arg.kind) {
    case 'number':
    case 'integer':
    case 'money':
      return arg.max !== undefined && arg.max < 3 ? arg.max : 3;
    case 'rate':
      return 0.95;
    case 'bool':
      return true;
    case 'date':
      return NOW_SERIAL;
    case 'country':
      return 'BR';
    case 'lang':
      return 'zh';
    case 'carrier':
      return 'DHL';
    case 'texts':
    case 'numbers':
      return sampleRange(arg);
    case 'rates':
      return undefined;
    default: {
      const byName: Record<string, string> = { store_level: 'L3', entity_type: '企业', category: '手机配件', packaging_marks: 'NOT FOR SALE、LOGO', documents: '实物图、材质' };
      return byName[arg.name] ?? 'ERR-407';
    }
  }
}

/** Sheet-form argument lists for one function: examples, a plain call, ranges, empties, bad input. */
function cases(def: FunctionDef): { label: string; args: unknown[] }[] {
  const out: { label: string; args: unknown[] }[] = [];
  def.examples.forEach((ex, i) => {
    const a = parseExample(def, ex.formula);
    if (a) out.push({ label: `example ${i + 1}: ${ex.formula}`, args: a });
    // Dates typed as text in the example → the same instant as an Excel serial number.
    if (a && def.args.some((d, j) => d.kind === 'date' && typeof a[j] === 'string')) {
      out.push({
        label: `example ${i + 1} with serial dates`,
        args: a.map((v, j) => (def.args[j]?.kind === 'date' && typeof v === 'string' ? msToSerial(Date.parse(`${v.replace(' ', 'T')}:00Z`)) : v)),
      });
    }
  });
  const required = def.args.map((a) => (a.optional || a.kind === 'rates' ? undefined : sample(a)));
  out.push({ label: 'required arguments only', args: required });
  out.push({ label: 'every argument', args: def.args.map(sample) });
  const first = def.args.findIndex((a) => a.kind !== 'texts' && a.kind !== 'numbers' && a.kind !== 'rates');
  if (first >= 0) {
    const col = [[sample(def.args[first])], [null], ['??bad??'], [-5], [''], [1e308 * 10]];
    out.push({ label: `column range in ${def.args[first].name}`, args: required.map((v, i) => (i === first ? col : v)) });
    const row = [[sample(def.args[first]), 'xx', 0, true]];
    out.push({ label: `row range in ${def.args[first].name}`, args: required.map((v, i) => (i === first ? row : v)) });
    out.push({ label: `empty ${def.args[first].name}`, args: required.map((v, i) => (i === first ? undefined : v)) });
  }
  const firstRange = def.args.findIndex((a) => a.kind === 'texts' || a.kind === 'numbers');
  if (firstRange >= 0) out.push({ label: `bad cell in ${def.args[firstRange].name}`, args: required.map((v, i) => (i === firstRange ? [[1], ['oops']] : v)) });
  out.push({ label: 'bad rate card', args: def.args.map((a, i) => (a.kind === 'rates' ? [['gift.tiers.emerging.fee', 'abc']] : required[i])) });
  return out;
}

// ------------------------------------------------------------------ expected values (core, Excel conventions)

const errOut = (e: RuleError, lang: 'en' | 'zh') =>
  e.kind === '#NUM!' ? { code: '#NUM!', message: undefined } : { code: e.kind, message: lang === 'zh' ? e.zh : e.en };

/** What the adapter must give: a matrix, or { thrown } for a single error. */
function expected(def: FunctionDef, sheetArgs: unknown[], lang: 'en' | 'zh'): unknown {
  const v = callFunction(def, sheetArgs, { lang, dateOut: msToSerial, errorOut: errOut, blank: '', trimTrailingEmpty: true });
  const isErr = (x: unknown) => typeof x === 'object' && x !== null && 'code' in x;
  if (Array.isArray(v)) return v.map((r) => (r as unknown[]).map((c) => (c === null || c === undefined ? '' : c)));
  if (isErr(v)) return { thrown: v };
  return [[v]];
}

/** Sheet-form args → exactly what Excel passes: every declared parameter, a matrix or null. */
function excelArgs(def: FunctionDef, sheetArgs: unknown[]): unknown[] {
  return def.args.map((_, i) => {
    const v = sheetArgs[i];
    if (v === undefined) return null;
    return Array.isArray(v) ? v : [[v]];
  });
}

function actual(fn: Fn, args: unknown[]): unknown {
  try {
    const r = fn(...args) as unknown[][];
    return r.map((row) => row.map((c) => (c instanceof StubError ? { code: c.code, message: c.message } : c)));
  } catch (e) {
    if (e instanceof StubError) return { thrown: { code: e.code, message: e.message } };
    return { uncaught: String(e) };
  }
}

describe('dist/excel/functions.js in a vm', () => {
  let loaded: Loaded;
  beforeAll(() => {
    if (!existsSync(path.join(DIST, 'functions.js'))) throw new Error('dist/excel/functions.js missing: run `npx webpack --mode production --env only=excel`');
    loaded = load();
  });

  it('registers every catalogue function under its sheet name, and only those', () => {
    expect([...loaded.fns.keys()].sort()).toEqual(CATALOGUE.map((d) => d.name).sort());
    const meta = JSON.parse(readFileSync(path.join(DIST, 'functions.json'), 'utf8'));
    expect(meta.functions.map((f: { id: string }) => f.id).sort()).toEqual([...loaded.fns.keys()].sort());
  });

  for (const def of CATALOGUE) {
    it(`${def.name}: matches the core for examples, ranges, empties and bad input`, () => {
      const fn = loaded.fns.get(def.name)!;
      expect(fn).toBeTypeOf('function');
      for (const lang of ['en', 'zh'] as const) {
        loaded.office.context.displayLanguage = lang === 'zh' ? 'zh-CN' : 'en-US';
        for (const c of cases(def)) {
          const got = actual(fn, excelArgs(def, c.args));
          expect(got, `${def.name} ${c.label} (${lang})`).not.toHaveProperty('uncaught');
          expect(got, `${def.name} ${c.label} (${lang})`).toEqual(expected(def, c.args, lang));
        }
      }
    });
  }

  it('handles Excel-only shapes: [[null]] for an empty cell, [[""]], extra trailing nulls', () => {
    loaded.office.context.displayLanguage = 'en-US';
    const fee = loaded.fns.get('SG_FEE')!;
    expect(fee([['US']], [[30]], [[null]], null, null)).toEqual([[3.2]]);
    expect(fee([['US']], [[30]], [['']], [[null]], null)).toEqual([[3.2]]);
    // An empty row in between stays blank; empty rows at the end are not part of the result.
    expect(fee([['US'], [null], ['BR'], [null]], [[30]], null, null, null)).toEqual([[3.2], [''], (expected(getDef('SG_FEE'), ['BR', 30], 'en') as unknown[][])[0]]);
    // An empty required cell is an error, not 0.
    expect(actual(fee, [[[null]], [[30]], null, null, null])).toMatchObject({ thrown: { code: '#VALUE!' } });
  });

  it('an invocation object in the place of an optional argument (stale cached metadata, office-js#2777) is "not given"', () => {
    loaded.office.context.displayLanguage = 'en-US';
    const fee = loaded.fns.get('SG_FEE')!;
    const invocation = { functionName: 'AE.SG_FEE', address: 'Sheet1!C2' };
    expect(fee([['US']], [[30]], invocation)).toEqual([[3.2]]);
    expect(fee([['BR']], [[30]], [[true]], invocation)).toEqual([[2.6]]);
  });

  it('errors: #VALUE!/#N/A carry the message in the display language, #NUM! none', () => {
    const fee = loaded.fns.get('SG_FEE')!;
    loaded.office.context.displayLanguage = 'zh-CN';
    const na = actual(fee, [[['EG']], [[20]], null, null, null]) as { thrown: { code: string; message: string } };
    expect(na.thrown.code).toBe('#N/A');
    expect(na.thrown.message).toMatch(/[\u4e00-\u9fff]/);
    loaded.office.context.displayLanguage = 'en-US';
    const na2 = actual(fee, [[['EG']], [[20]], null, null, null]) as { thrown: { code: string; message: string } };
    expect(na2.thrown.message).toMatch(/EG|cash/i);
    // Out-of-range input: whatever error the core gives, shown the Excel way (#NUM! never has a message).
    const num = actual(fee, [[['US']], [[2_000_000]], null, null, null]) as { thrown: { code: string; message?: string } };
    expect(num).toEqual(expected(getDef('SG_FEE'), ['US', 2_000_000], 'en'));
    if (num.thrown.code === '#NUM!') expect(num.thrown.message).toBeUndefined();
    else expect(num.thrown.message).toMatch(/1000000|1,000,000/);
    // Inside a range the error is a value in its cell; the other cells keep their values.
    const col = actual(fee, [[['US'], ['EG']], [[30]], null, null, null]) as unknown[][];
    expect(col[0][0]).toBe(3.2);
    expect(col[1][0]).toMatchObject({ code: '#N/A' });
  });

  it('Excel desktop\'s 0 for an empty cell: an optional date of 0 and a rates range of 0s are "not given"', () => {
    loaded.office.context.displayLanguage = 'en-US';
    const optionalDate = CATALOGUE.filter((d) => d.args.some((a) => a.kind === 'date' && a.optional));
    expect(optionalDate.length).toBeGreaterThan(0);
    for (const def of optionalDate) {
      const fn = loaded.fns.get(def.name)!;
      const base = def.args.map((a) => (a.optional || a.kind === 'rates' ? undefined : sample(a)));
      const i = def.args.findIndex((a) => a.kind === 'date' && a.optional);
      const omitted = actual(fn, excelArgs(def, base));
      expect(actual(fn, excelArgs(def, base.map((v, j) => (j === i ? 0 : v)))), `${def.name} [[0]]`).toEqual(omitted);
      // In a range, each 0 cell of the optional date is an empty cell.
      const col = actual(fn, excelArgs(def, base.map((v, j) => (j === i ? [[0], [NOW_SERIAL]] : v))));
      expect(col, def.name).toEqual(expected(def, base.map((v, j) => (j === i ? [[null], [NOW_SERIAL]] : v)), 'en'));
    }
    const withRates = CATALOGUE.filter((d) => d.args.some((a) => a.kind === 'rates'));
    for (const def of withRates) {
      const fn = loaded.fns.get(def.name)!;
      const base = def.args.map((a) => (a.optional || a.kind === 'rates' ? undefined : sample(a)));
      const r = def.args.findIndex((a) => a.kind === 'rates');
      const omitted = actual(fn, excelArgs(def, base));
      expect(actual(fn, excelArgs(def, base.map((v, j) => (j === r ? [[0, 0], [0, 0]] : v)))), `${def.name} zeros`).toEqual(omitted);
      expect(actual(fn, excelArgs(def, base.map((v, j) => (j === r ? 0 : v)))), `${def.name} 0`).toEqual(omitted);
    }
    // A card range with blank rows (their key 0 on desktop) reads like the same range on the web.
    const fee = loaded.fns.get('SG_FEE')!;
    const card = [['key', 'value'], ['gift.tiers.mature.fee', 9.99], [0, 0], ['card.id', 'mine']];
    const web = [['key', 'value'], ['gift.tiers.mature.fee', 9.99], [null, null], ['card.id', 'mine']];
    expect(actual(fee, [[['US']], [[30]], null, null, card])).toEqual(actual(fee, [[['US']], [[30]], null, null, web]));
    expect(actual(fee, [[['US']], [[30]], null, null, card])).toEqual([[9.99]]);
  });

  it('dates go out as serial numbers', () => {
    const by = loaded.fns.get('SG_CONFIRM_BY')!;
    const shipped = msToSerial(Date.UTC(2024, 5, 1, 10));
    const r = by([[shipped]], null) as number[][];
    expect(r[0][0]).toBeCloseTo(shipped + 2, 9);
  });
});

describe('the functions of issue 13 in the built Excel bundle [X-COMPARE] [X-ONBOARD] [G-REVIEW]', () => {
  const NEW = ['EXPRESS_VS_STANDARD', 'OFFLINE_READY', 'SG_SKU_CHECK'];
  let loaded: Loaded;
  beforeAll(() => {
    loaded = load();
  });
  it('registers EXPRESS_VS_STANDARD, OFFLINE_READY and SG_SKU_CHECK, with English and Chinese metadata', () => {
    for (const n of NEW) expect(loaded.fns.get(n), n).toBeTypeOf('function');
    const en = JSON.parse(readFileSync(path.join(DIST, 'functions.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(path.join(DIST, 'functions-zh-cn.json'), 'utf8'));
    for (const n of NEW) {
      const def = getDef(n);
      const e = en.functions.find((f: { id: string }) => f.id === n);
      const z = zh.functions.find((f: { id: string }) => f.id === n);
      expect(e.name).toBe(n);
      expect(e.parameters.map((p: { name: string }) => p.name)).toEqual(def.args.map((a) => a.name));
      expect(e.parameters.map((p: { optional?: boolean }) => p.optional === true)).toEqual(def.args.map((a) => a.optional === true));
      // Names stay English in every display language (issue 10); only the help is localised.
      expect(z.name).toBe(n);
      expect(z.description).toMatch(/[\u4e00-\u9fff]/);
      expect(z.parameters.map((p: { name: string }) => p.name)).toEqual(def.args.map((a) => a.name));
    }
  });
  it('gives the FUNCTIONS.md results as Excel calls them (matrices, null for omitted optionals), in English and Chinese', () => {
    const vs = loaded.fns.get('EXPRESS_VS_STANDARD')!;
    const ready = loaded.fns.get('OFFLINE_READY')!;
    const sku = loaded.fns.get('SG_SKU_CHECK')!;
    loaded.office.context.displayLanguage = 'en-US';
    expect(vs([[120]], [[18.3]], [[13.6]], null, null, null)).toEqual([[4.7]]);
    expect(vs([[120]], [[18.3]], [[13.6]], [[0.02]], [[true]], null)).toEqual([[8.7]]);
    // $100 cap: 100 vs 100.01 at a 100% loss rate
    expect(vs([[100], [100.01]], [[0]], [[0]], [[1]], null, null)).toEqual([[100], [100]]);
    expect(ready([[7]], [['企业']], [[5]], [[5]], null)).toEqual([['']]);
    expect(ready([[6]], [['company']], [[5]], [[5]], null)).toEqual([['business licence valid for 6 more month(s): needs more than 6']]);
    expect(ready([[12]], [['company']], [[4], [5]], [[5]], null)).toEqual([['4 complete delivered trail(s) with one carrier in the last 3 months: needs 5'], ['']]);
    expect(sku([['phone accessories']], [['NOT FOR SALE, CE, logo']], [['photo, material, IP statement']], null)).toEqual([['']]);
    expect(sku([['美妆']], [['NOT FOR SALE、LOGO']], [['实物图、成分说明、无侵权声明']], null)).toEqual([['documents lack filing number or MSDS (food and cosmetics)']]);
    loaded.office.context.displayLanguage = 'zh-CN';
    expect(ready([[6]], [['company']], [[5]], [[5]], null)).toEqual([['营业执照剩余有效期 6 个月：需超过 6 个月']]);
    expect(sku([['美妆']], [['NOT FOR SALE、LOGO']], [['实物图、成分说明、无侵权声明']], null)).toEqual([['送审资料缺少备案号或MSDS（食品和化妆品）']]);
    const bad = actual(ready, [[[12]], [['火星人?']], [[5]], [[5]], null]) as { thrown: { code: string; message: string } };
    loaded.office.context.displayLanguage = 'en-US';
    expect(bad.thrown.code).toBe('#VALUE!');
    expect(bad.thrown.message).toMatch(/[\u4e00-\u9fff]/);
    // An empty marks cell ([[null]]) is "nothing printed": the answer lists what is missing, not an error.
    expect(sku([['apparel']], [[null]], [['photo, material, IP statement']], null)).toEqual([['package front lacks NOT FOR SALE, brand logo']]);
  });
});

describe('"now" in Excel is the local wall clock (like the serials Excel hands over), not Date.now()', () => {
  // A machine in China (UTC+8) at 2024-05-31 20:00 UTC: locally it is already 2024-06-01 04:00, the day
  // the 2024-standard card takes effect. Read as Date.now() (UTC) it would still be May 31: no card.
  const FIXED = Date.UTC(2024, 4, 31, 20);
  class ChinaDate extends Date {
    constructor(...a: unknown[]) {
      if (a.length === 0) super(FIXED);
      else super(...(a as [number]));
    }
    static override now() {
      return FIXED;
    }
    override getTimezoneOffset() {
      return -480;
    }
  }
  it('[G-FEE] SG_TIER / SG_FEE without on_date use the card in force on the local date', () => {
    const { fns } = load({ Date: ChinaDate });
    expect(actual(fns.get('SG_TIER')!, [[['US']], null, null])).toEqual([['mature']]);
    expect(actual(fns.get('SG_FEE')!, [[['US']], [[30]], null, null, null])).toEqual([[3.2]]);
    // The same call with an explicit on_date of May 31 has no card: the default is not that day.
    const may31 = msToSerial(Date.UTC(2024, 4, 31));
    expect(actual(fns.get('SG_TIER')!, [[['US']], [[may31]], null])).toMatchObject({ thrown: { code: '#N/A' } });
  });
});

function getDef(name: string): FunctionDef {
  return CATALOGUE.find((d) => d.name === name)!;
}
