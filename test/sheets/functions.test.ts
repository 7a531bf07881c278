/**
 * The built Apps Script project (dist/sheets) in ONE Node vm global scope, files in clasp push order,
 * as Apps Script loads it: every custom function is a top-level function with its JSDoc, and calling it
 * with Sheets-shaped arguments (Date objects, "" for empty cells, 2-D ranges) gives the core's results.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callFunction } from '../../core/catalogue/call';
import type { ArgDef, FunctionDef } from '../../core/catalogue/types';
import { CATALOGUE } from '../../core/functions';
import { cardToTable, latestCard } from '../../core/rates';
import type { RuleError } from '../../core/errors';
import { DIST, loadProject, pushOrder, requireBuild, type GasContext } from './gas';
import { FakeSpreadsheet, fakeGas } from './fake-spreadsheet';

const require = createRequire(import.meta.url);
const TZ_OFFSET = 8 * 3_600_000; // the fake spreadsheet is in Asia/Shanghai (no DST)
const errText = (lang: 'en' | 'zh') => (e: RuleError) => `${e.kind}: ${lang === 'zh' ? e.zh : e.en}`;

let ctx: GasContext;
/** A Date made inside the Apps Script realm, for the spreadsheet wall clock y-m-d h:mi. */
let sheetDate: (y: number, m: number, d: number, h?: number, mi?: number) => Date;

function load(locale = 'en_US', extra: { noSession?: boolean; userLocale?: string } = {}): GasContext {
  const book = new FakeSpreadsheet('Asia/Shanghai', locale);
  const { globals } = fakeGas(book, { userLocale: extra.userLocale ?? locale, noSession: extra.noSession });
  return loadProject(globals);
}

beforeAll(() => {
  requireBuild();
  ctx = load();
  sheetDate = (y, m, d, h = 0, mi = 0) => vm.runInContext(`new Date(${Date.UTC(y, m - 1, d, h, mi) - TZ_OFFSET})`, ctx);
});

/** Sheets-side and core-side versions of one sample argument. */
interface Sample {
  sheets: unknown;
  core: unknown;
}
const same = (v: unknown): Sample => ({ sheets: v, core: v });

function goodSample(fn: FunctionDef, a: ArgDef): Sample {
  switch (a.kind) {
    case 'country':
      return same(fn.name === 'DEST_BLOCKED' ? '朝鲜' : fn.name === 'DOCS_REQUIRED' ? 'RU' : 'BR');
    case 'number':
      return same(a.name === 'days' ? 31 : a.name === 'hours_without_update' ? 49 : 30);
    case 'integer':
      return same(3);
    case 'money':
      return same(a.name === 'order_amount' ? 29.99 : a.name === 'threshold' ? 30 : a.name === 'gift_cost' ? 2.6 : 120);
    case 'rate':
      return same(a.name === 'dispute_rate_30d' ? '0.5%' : a.name === 'positive_rate_90d' ? 0.96 : 0.3);
    case 'bool':
      return same(true);
    case 'date': {
      const h = a.name === 'uploaded_at' ? 11 : 10;
      return { sheets: sheetDate(2024, 6, a.name === 'uploaded_at' ? 2 : 1, h, 1), core: `2024-06-0${a.name === 'uploaded_at' ? 2 : 1} ${h}:01` };
    }
    case 'lang':
      return same('zh');
    case 'carrier':
      return same('DHL');
    case 'text':
      if (a.name === 'store_level') return same('L3');
      if (a.name === 'code') return same('ERR-407');
      if (a.name === 'entity_type') return same('香港公司');
      if (a.name === 'category') return same('美妆');
      if (a.name === 'packaging_marks') return same('NOT FOR SALE、LOGO');
      if (a.name === 'documents') return same('实物图、成分说明、无侵权声明');
      return same(fn.name === 'TRACK_CARRIER' ? 'RX123456785CN' : '3318810025');
    case 'texts':
      return same([['Picked up'], ['Departed origin'], ['Export customs cleared'], ['In transit'], [''], ['Arrived destination'], ['Out for delivery']]);
    case 'numbers':
      return same(a.name === 'monthly_gmv' ? [[60000], [52000], [51000]] : [[0.97], [0.96], [0.95]]);
    case 'rates':
      return same(undefined);
  }
}

/** A cell value the argument cannot take. */
function badSample(a: ArgDef): unknown {
  switch (a.kind) {
    case 'country':
      return 'Atlantis';
    case 'bool':
      return 'maybe';
    case 'date':
      return 'not a date';
    case 'lang':
      return 'fr';
    case 'text':
    case 'carrier':
      return true;
    default:
      return 'abc';
  }
}

/** Sheets result → comparable with the core result (Dates as the sheet's wall clock ms). */
function norm(x: unknown): unknown {
  if (Object.prototype.toString.call(x) === '[object Date]') return { date: (x as Date).getTime() + TZ_OFFSET };
  if (Array.isArray(x)) return x.map(norm);
  return x;
}
const coreNorm = (x: unknown): unknown => (Array.isArray(x) ? x.map(coreNorm) : x instanceof Date ? { date: x.getTime() } : x);

function expected(def: FunctionDef, args: unknown[], lang: 'en' | 'zh' = 'en') {
  return coreNorm(callFunction(def, args, { lang, errorOut: errText(lang), dateOut: (ms) => new Date(ms), blank: '', trimTrailingEmpty: true }));
}

describe('built dist/sheets project', () => {
  it('is a complete clasp project with a small server bundle', () => {
    const files = ['appsscript.json', 'aerules.js', 'functions.js', 'addon.js', 'Sidebar.html'];
    for (const f of files) expect(statSync(path.join(DIST, f)).size, f).toBeGreaterThan(0);
    expect(pushOrder().slice(0, 3)).toEqual(['aerules.js', 'functions.js', 'addon.js']);
    const kb = statSync(path.join(DIST, 'aerules.js')).size / 1024;
    console.log(`sheets server bundle aerules.js: ${kb.toFixed(1)} KB; Sidebar.html: ${(statSync(path.join(DIST, 'Sidebar.html')).size / 1024).toFixed(1)} KB`);
    expect(kb).toBeLessThan(300);
    // The audit engine and the pane stay out of the server bundle (they run in the sidebar).
    const server = readFileSync(path.join(DIST, 'aerules.js'), 'utf8');
    expect(server).not.toMatch(/mountAuditPane|PaneController|createAudit/);
    // No ES modules at runtime in any pushed script.
    for (const f of pushOrder()) expect(readFileSync(path.join(DIST, f), 'utf8'), f).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('has the manifest with V8 and only the two scopes', () => {
    const m = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
    expect(m.runtimeVersion).toBe('V8');
    expect(m.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    expect(m.addOns).toBeUndefined(); // an Editor add-on: Workspace add-ons cannot ship custom functions
  });

  it('declares every catalogue function at top level with @customfunction JSDoc and its parameter names', () => {
    const text = readFileSync(path.join(DIST, 'functions.js'), 'utf8');
    for (const def of CATALOGUE) {
      const params = def.args.map((a) => a.name);
      const re = new RegExp(String.raw`/\*\*((?:(?!\*/)[\s\S])*)\*/\s*\nfunction ${def.name}\(([^)]*)\)\s*\{`);
      const m = re.exec(text);
      expect(m, `${def.name} is a top-level function preceded by JSDoc`).toBeTruthy();
      const [, doc, list] = m!;
      expect(list.split(',').map((s) => s.trim()).filter(Boolean), def.name).toEqual(params);
      expect(doc).toMatch(/@customfunction/);
      expect(doc).toContain(def.help.en.trim().slice(0, 30));
      expect(doc).toContain(def.help.zh.trim().slice(0, 10));
      for (const p of params) expect(doc, `${def.name} @param ${p}`).toMatch(new RegExp(String.raw`@param \{[^}]+\} ${p} \S`));
      expect(doc).toMatch(/@return \{/);
      // Top-level in the vm: a real function with the right arity.
      expect(typeof ctx[def.name], def.name).toBe('function');
      expect(ctx[def.name].length, def.name).toBe(params.length);
    }
  });

  it('the addon entry points are top-level and delegate to existing library functions', () => {
    for (const fn of ['onOpen', 'onInstall', 'aeShowSidebar', 'aeInsertRateCardFromMenu', 'aeScanSources', 'aeReadHeader', 'aeReadRows', 'aeBeginOutput', 'aeWriteRows', 'aeFinishOutput', 'aeAddChart', 'aeInsertRateCard', 'aeLang']) {
      expect(typeof ctx[fn], fn).toBe('function');
    }
    const addon = readFileSync(path.join(DIST, 'addon.js'), 'utf8');
    for (const m of addon.matchAll(/AERules\.(\w+)\.(\w+)\(/g)) expect(typeof ctx.AERules[m[1]][m[2]], `${m[1]}.${m[2]}`).toBe('function');
  });
});

describe('every custom function, called as Sheets calls it', () => {
  for (const def of CATALOGUE) {
    it(`${def.name}: scalars, "" for empty optional cells, omitted arguments`, () => {
      const samples = def.args.map((a) => (a.optional && a.kind !== 'rates' ? null : goodSample(def, a)));
      // Omitted optional arguments (Sheets passes undefined)…
      const sheetsArgs = samples.map((s) => s?.sheets);
      const coreArgs = samples.map((s) => s?.core);
      expect(norm(ctx[def.name](...sheetsArgs))).toEqual(expected(def, coreArgs));
      // …and optional arguments pointing at empty cells ("").
      const withEmpty = def.args.map((a, i) => (a.optional ? '' : sheetsArgs[i]));
      expect(norm(ctx[def.name](...withEmpty))).toEqual(expected(def, coreArgs));
      // Every argument given, optional ones included.
      const full = def.args.map((a) => goodSample(def, a));
      expect(norm(ctx[def.name](...full.map((s) => s.sheets)))).toEqual(expected(def, full.map((s) => s.core)));
    });

    const first = def.args.findIndex((a) => !['texts', 'numbers', 'rates'].includes(a.kind));
    if (first >= 0) {
      it(`${def.name}: a 2-D range in gives a 2-D array out; a bad cell shows its error text, the others keep their values`, () => {
        const a = def.args[first];
        const good = goodSample(def, a);
        const base = def.args.map((x) => goodSample(def, x));
        const sheetsArgs = base.map((s) => s.sheets);
        const coreArgs = base.map((s) => s.core);
        sheetsArgs[first] = [[good.sheets], [''], [badSample(a)], [good.sheets]];
        coreArgs[first] = [[good.core], [''], [badSample(a)], [good.core]];
        const got = ctx[def.name](...sheetsArgs);
        expect(Array.isArray(got) && got.every(Array.isArray), 'a 2-D array').toBe(true);
        expect(got).toHaveLength(4);
        expect(norm(got)).toEqual(expected(def, coreArgs));
        // The bad cell is text naming the error; the required-but-empty cell is an error too.
        expect(String(got[2][0])).toMatch(/^#(VALUE!|N\/A|NUM!): /);
        expect(String(got[0][0])).not.toMatch(/^#/);
      });
    }
  }
});

describe('FUNCTIONS.md examples and Sheets specifics', () => {
  it('gives the documented results', () => {
    expect(ctx.SG_FEE('US', 30)).toBe(3.2);
    expect(ctx.SG_FEE('巴西', 50, true)).toBe(2.6);
    expect(ctx.SG_FEE('BR', 51, false)).toBe(4.9);
    expect(ctx.SG_TRIGGER(29.99, 30)).toBe(false);
    expect(ctx.PENALTY(1200, 31)).toBe(50);
    expect(ctx.PENALTY(100, 30)).toBe(0);
    expect(ctx.TRACK_VALID('DHL', '3318810025')).toBe(true);
    expect(ctx.TRACK_VALID('DHL', '3318 810025')).toBe(false);
    expect(ctx.TRACK_CLEAN('3318 810025')).toBe('3318810025');
    expect(ctx.TRACK_VALID('China Post', 'RB123456785CN')).toBe(true);
    expect(ctx.SG_CAC_SAVING(1.2)).toBeCloseTo(0.923, 3);
  });

  it('gives the documented results of the functions of issue 13 [X-COMPARE] [X-ONBOARD] [G-REVIEW]', () => {
    for (const n of ['EXPRESS_VS_STANDARD', 'OFFLINE_READY', 'SG_SKU_CHECK']) expect(typeof ctx[n], n).toBe('function');
    expect(ctx.EXPRESS_VS_STANDARD(120, 18.3, 13.6)).toBe(4.7);
    expect(ctx.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0.02, true)).toBe(8.7);
    // Sheets passes "" for empty optional cells
    expect(ctx.EXPRESS_VS_STANDARD(120, 18.3, 13.6, '', '')).toBe(4.7);
    expect(ctx.EXPRESS_VS_STANDARD([[100], [100.01]], 0, 0, 1)).toEqual([[100], [100]]);
    expect(ctx.OFFLINE_READY(7, '企业', 5, 5)).toBe('');
    expect(ctx.OFFLINE_READY(6, 'company', 5, 5)).toBe('business licence valid for 6 more month(s): needs more than 6');
    expect(ctx.OFFLINE_READY(6.01, 'company', 5, 5)).toBe('');
    expect(ctx.SG_SKU_CHECK('phone accessories', 'NOT FOR SALE, CE, logo', 'photo, material, IP statement')).toBe('');
    expect(ctx.SG_SKU_CHECK('美妆', 'NOT FOR SALE、LOGO', '实物图、成分说明、无侵权声明')).toBe('documents lack filing number or MSDS (food and cosmetics)');
    expect(ctx.OFFLINE_READY(12, '火星', 5, 5)).toMatch(/^#VALUE!: entity_type: /);
    const zh = load('en_US', { userLocale: 'zh_CN' });
    expect(zh.OFFLINE_READY(6, 'company', 5, 5)).toBe('营业执照剩余有效期 6 个月：需超过 6 个月');
    expect(zh.SG_SKU_CHECK('美妆', 'NOT FOR SALE、LOGO', '实物图、成分说明、无侵权声明')).toBe('送审资料缺少备案号或MSDS（食品和化妆品）');
  });

  it('shows a scalar error as text in the cell (never throws)', () => {
    expect(ctx.SG_FEE('EG', 20)).toMatch(/^#N\/A: Small Gifts are not offered in Egypt/);
    expect(ctx.SG_FEE('BR', -5)).toMatch(/^#VALUE!: weight_g: /);
    expect(ctx.SG_FEE('', 5)).toMatch(/^#VALUE!: country is required/);
    expect(ctx.SG_FEE('BR', 5, true, '', '', 'extra')).toMatch(/^#VALUE!: SG_FEE takes at most 5 arguments/);
  });

  it('answers in Chinese for a zh user (Session locale), falls back to the sheet locale, then English', () => {
    const zh = load('en_US', { userLocale: 'zh_CN' });
    expect(zh.SG_FEE('EG', 20)).toMatch(/^#N\/A: .*货到付款/);
    expect(zh.SG_TIER('Poland')).toBe('新兴市场');
    const sheetZh = load('zh_CN', { noSession: true });
    expect(sheetZh.SG_FEE('EG', 20)).toMatch(/货到付款/);
    const none = load('fr_FR', { noSession: true });
    expect(none.SG_FEE('EG', 20)).toMatch(/^#N\/A: Small Gifts/);
  });

  it('reads Sheets dates as the wall clock of the spreadsheet time zone and returns Dates the sheet shows the same way', () => {
    // 2024-06-01 10:00 in Shanghai is 02:00 UTC: the deadline must be 2024-06-03 10:00 on the sheet.
    const out = ctx.SG_CONFIRM_BY(sheetDate(2024, 6, 1, 10, 0));
    expect(Object.prototype.toString.call(out)).toBe('[object Date]');
    expect(out.getTime()).toBe(sheetDate(2024, 6, 3, 10, 0).getTime());
    expect(out instanceof (vm.runInContext('Date', ctx) as DateConstructor)).toBe(true);
    expect(ctx.UPLOAD_LATE(sheetDate(2024, 6, 1, 10, 0), sheetDate(2024, 6, 2, 10, 1))).toBe(true);
    expect(ctx.UPLOAD_LATE(sheetDate(2024, 6, 1, 10, 0), sheetDate(2024, 6, 2, 10, 0))).toBe(false);
    // Text dates still work, and a range of dates with an empty row.
    const col = ctx.UPLOAD_BY([[sheetDate(2024, 6, 1, 10, 0)], [''], ['2024-06-05 08:00']]);
    expect(col[0][0].getTime()).toBe(sheetDate(2024, 6, 2, 10, 0).getTime());
    expect(col[1][0]).toBe('');
    expect(col[2][0].getTime()).toBe(sheetDate(2024, 6, 6, 8, 0).getTime());
  });

  it('accepts a rate card range as Sheets passes it (a Date for card.effective, numbers, text)', () => {
    const table: unknown[][] = cardToTable(latestCard(), 'en').map((r) => r.slice());
    const eff = table.find((r) => r[0] === 'card.effective')!;
    const [y, m, d] = String(eff[1]).split('-').map(Number);
    eff[1] = sheetDate(y, m, d);
    const fee = table.find((r) => r[0] === 'gift.tiers.mature.fee')!;
    fee[1] = 9.99;
    expect(ctx.SG_FEE('US', 30, '', '', table)).toBe(9.99);
    expect(ctx.SG_FEE([['US'], ['EG']], 30, '', '', table)).toEqual([[9.99], [expect.stringMatching(/^#N\/A: /)]]);
    const bad = table.map((r) => r.slice());
    bad.find((r) => r[0] === 'gift.tiers.mature.fee')![1] = 'lots';
    expect(ctx.SG_FEE('US', 30, '', '', bad)).toMatch(/^#VALUE!: rate card row \d+ \(gift\.tiers\.mature\.fee\)/);
  });

  it('validates a user\'s rate card as the core does (webpack/shims/zod-mini.js in place of zod)', () => {
    const base = cardToTable(latestCard(), 'en');
    const def = CATALOGUE.find((f) => f.name === 'SG_FEE')!;
    const cases: [string, unknown][] = [
      ['gift.tiers.mature.fee', -1],
      ['gift.minStoreLevel', 2.5],
      ['express.kaMonths', 37],
      ['card.effective', '2024-13-45'],
      ['express.firstScanFrom', 'pickup'],
      ['gift.labelPrefix', 'x'.repeat(17)],
      ['gift.overweightAboveG', 0],
      ['gift.tiers.emerging.countries', 'US, BR'],
    ];
    for (const [key, value] of cases) {
      const table = base.map((r) => (r[0] === key ? [r[0], value, r[2]] : r.slice()));
      const core = callFunction(def, ['US', 30, '', '', table], { lang: 'en', errorOut: errText('en') });
      expect(core, key).toMatch(/^#VALUE!: rate card row \d+/);
      expect(ctx.SG_FEE('US', 30, '', '', table), key).toBe(core);
    }
  });

  it('reads every country name and code of the ISO data as the core does (compact country data)', () => {
    const codes = require('i18n-iso-countries/codes.json') as string[][];
    const names = (lang: string) => Object.values(require(`i18n-iso-countries/langs/${lang}.json`).countries as Record<string, string | string[]>).flat();
    const typed = [...codes.flatMap((c) => [c[0], c[1]]), ...names('en'), ...names('zh'), '沙特', 'UK', 'Türkiye', 'nowhere'];
    const def = CATALOGUE.find((f) => f.name === 'SG_TIER')!;
    for (const lang of ['en', 'zh'] as const) {
      const sheets = lang === 'en' ? ctx : load('zh_CN');
      const core = callFunction(def, [typed.map((t) => [t])], { lang, errorOut: errText(lang), blank: '' });
      expect(sheets.SG_TIER(typed.map((t) => [t]))).toEqual(core);
    }
    expect(typed.length).toBeGreaterThan(700);
  });

  it('handles a whole column in one call (the fast path) within a sane time', () => {
    const n = 5000;
    const countries = Array.from({ length: n }, (_, i) => [['US', 'BR', 'EG', 'FR', ''][i % 5]]);
    const weights = Array.from({ length: n }, (_, i) => [i % 5 === 4 ? '' : i % 80]);
    const t = Date.now();
    const out = ctx.SG_FEE(countries, weights);
    const ms = Date.now() - t;
    // The last row (i = 4999) is empty in both columns: the result ends at the last non-empty row.
    expect(out).toHaveLength(n - 1);
    expect(out[4][0]).toBe('');
    expect(out[2][0]).toMatch(/^#N\/A/);
    expect(ms).toBeLessThan(5000);
  });
});
