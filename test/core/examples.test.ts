/**
 * FUNCTIONS.md "Examples that must hold", through the PUBLIC entry (dist/node/index.cjs), plus every
 * example the catalogue documents (they become the README's function table and the hosts' help).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main, kindOf, evalFormula, root } from './_main';

const hasTracking = typeof main.TRACK_VALID === 'function' && typeof main.TRACK_CLEAN === 'function';

/** Copied from FUNCTIONS.md; the last test checks this list still matches the spec file. */
const EXAMPLES: { formula: string; rules: string; check: (v: unknown) => void; tracking?: boolean }[] = [
  { formula: 'SG_FEE("US", 30)', rules: '[G-FEE]', check: (v) => expect(v).toBe(3.2) },
  { formula: 'SG_FEE("巴西", 50, TRUE)', rules: '[G-FEE] [G-NFE] [G-OVERWEIGHT] 50 g', check: (v) => expect(v).toBe(2.6) },
  { formula: 'SG_FEE("BR", 51, FALSE)', rules: '[G-FEE] [G-OVERWEIGHT] [G-NFE]', check: (v) => expect(v).toBe(4.9) },
  {
    formula: 'SG_FEE("EG", 20)',
    rules: '[G-COD]',
    check: (v) => {
      expect(kindOf(v)).toBe('#N/A');
      expect((v as any).en).toMatch(/cash-on-delivery/);
      expect((v as any).zh).toMatch(/货到付款/);
    },
  },
  { formula: 'SG_TRIGGER(29.99, 30)', rules: '[G-TRIGGER]', check: (v) => expect(v).toBe(false) },
  { formula: 'PENALTY(1200, 31)', rules: '[X-PEN-TIMEOUT] cap', check: (v) => expect(v).toBe(50) },
  { formula: 'PENALTY(100, 30)', rules: '[X-PEN-TIMEOUT] exactly 30 days', check: (v) => expect(v).toBe(0) },
  { formula: 'TRACK_VALID("DHL", "3318810025")', rules: '[X-FORMAT]', tracking: true, check: (v) => expect(v).toBe(true) },
  { formula: 'TRACK_VALID("DHL", "3318 810025")', rules: '[X-FORMAT] as typed', tracking: true, check: (v) => expect(v).toBe(false) },
  { formula: 'TRACK_VALID("China Post", "RB123456785CN")', rules: '[X-FORMAT] S10', tracking: true, check: (v) => expect(v).toBe(true) },
  {
    formula: 'SG_CAC_SAVING(1.2)',
    rules: '[G-ROI]',
    check: (v) => {
      expect(typeof v).toBe('number');
      expect(Math.round((v as number) * 1000) / 1000).toBe(0.923);
    },
  },
  // Issue 13: the rest of the seeds.
  { formula: 'EXPRESS_VS_STANDARD(120, 18.3, 13.6)', rules: '[X-COMPARE] 18.30 − 13.60', check: (v) => expect(v).toBe(4.7) },
  { formula: 'EXPRESS_VS_STANDARD(120, 18.3, 13.6, 2%, TRUE)', rules: '[X-COMPARE] + 2% × min(120, $100 cap) + $2 subsidy', check: (v) => expect(v).toBe(8.7) },
  { formula: 'OFFLINE_READY(7, "企业", 5, 5)', rules: '[X-ONBOARD] every requirement holds', check: (v) => expect(v).toBe('') },
  {
    formula: 'OFFLINE_READY(6, "company", 5, 5)',
    rules: '[X-ONBOARD] 6 months is not more than 6',
    check: (v) => {
      expect(kindOf(v)).toBeUndefined();
      expect(v).toBe('business licence valid for 6 more month(s): needs more than 6');
    },
  },
  { formula: 'SG_SKU_CHECK("phone accessories", "NOT FOR SALE, CE, logo", "photo, material, IP statement")', rules: '[G-REVIEW] electronics with CE', check: (v) => expect(v).toBe('') },
  {
    formula: 'SG_SKU_CHECK("美妆", "NOT FOR SALE、LOGO", "实物图、成分说明、无侵权声明")',
    rules: '[G-REVIEW] cosmetics need a filing number or MSDS',
    check: (v) => {
      expect(kindOf(v)).toBeUndefined();
      expect(v).toMatch(/filing number or MSDS/);
      // nothing else is missing: the marks and the three documents of every SKU are there
      expect(v).toBe('documents lack filing number or MSDS (food and cosmetics)');
    },
  },
];

describe('FUNCTIONS.md examples that must hold, through dist/node/index.cjs', () => {
  for (const ex of EXAMPLES) {
    // TRACK_* belong to the tracking issue: skipped (reported as skipped, never passed) until they exist.
    it.skipIf(ex.tracking && !hasTracking)(`${ex.formula} ${ex.rules}`, () => {
      const r = evalFormula(ex.formula);
      expect(r).toBeDefined();
      ex.check(r!.value);
    });
  }
  it.skipIf(!hasTracking)('TRACK_CLEAN("3318 810025") gives "3318810025" [X-FORMAT]', () => {
    expect(main.TRACK_CLEAN('3318 810025')).toBe('3318810025');
  });
  it('the new examples answer in Chinese for a zh user [X-ONBOARD] [G-REVIEW]', () => {
    const zh = main.sheetFunctions({ lang: 'zh' }) as Record<string, (...a: unknown[]) => unknown>;
    expect(zh.OFFLINE_READY(6, 'company', 5, 5)).toBe('营业执照剩余有效期 6 个月：需超过 6 个月');
    expect(zh.SG_SKU_CHECK('美妆', 'NOT FOR SALE、LOGO', '实物图、成分说明、无侵权声明')).toBe('送审资料缺少备案号或MSDS（食品和化妆品）');
    expect(zh.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0.02, true)).toBe(8.7);
  });

  const specFile = path.resolve(root, '../shared/FUNCTIONS.md');
  it.skipIf(!existsSync(specFile))('this list covers every row of the spec table (../shared/FUNCTIONS.md)', () => {
    const md = readFileSync(specFile, 'utf8');
    const section = md.slice(md.indexOf('## Examples that must hold'));
    const formulas = [...section.matchAll(/^\|\s*`([A-Z_]+\(.*?\))`\s*\|/gm)].map((m) => m[1]);
    expect(formulas.length).toBeGreaterThanOrEqual(11);
    expect(formulas.sort()).toEqual(EXAMPLES.map((e) => e.formula).sort());
  });
});

describe('every example in the catalogue (README table, help text) holds', () => {
  for (const def of main.CATALOGUE) {
    for (const ex of def.examples) {
      const r = (() => {
        try {
          return evalFormula(ex.formula);
        } catch (e) {
          return { error: e };
        }
      })();
      it.skipIf(r === undefined)(`${def.name} [${def.rules.join('] [')}]: ${ex.formula} → ${ex.result}`, () => {
        expect(r).toBeDefined();
        expect((r as any).error).toBeUndefined();
        const v = (r as { value: unknown }).value;
        const want = ex.result;
        if (want.startsWith('#')) {
          expect(kindOf(v)).toBe(want.split(' ')[0]);
          return;
        }
        expect(kindOf(v), String(v)).toBeUndefined();
        if (want === 'TRUE' || want === 'FALSE') return expect(v).toBe(want === 'TRUE');
        if (want === '""') return expect(v).toBe('');
        if (v instanceof Date) return expect(v.toISOString().slice(0, 16).replace('T', ' ')).toBe(want);
        if (typeof v === 'number') {
          // "1.18…" → a prefix; "0.923" → rounded to the places shown.
          const digits = (want.replace('…', '').split('.')[1] ?? '').length;
          if (want.endsWith('…')) return expect(String(v).startsWith(want.slice(0, -1))).toBe(true);
          return expect(v.toFixed(digits)).toBe(want);
        }
        if (want.endsWith('…')) return expect(String(v).startsWith(want.slice(0, -1))).toBe(true);
        expect(v).toBe(want);
      });
    }
  }
});
